// "Add your presets": .milk files chosen or dropped join the preset menus (stage/own-presets.js); the first one
// that was added goes on the foreground layer at once. Each refused file gets its reason.

import { addOwnPresets } from '../stage/own-presets.js';

export class OwnPresetImport {
  /**
   * @param {(id: string) => HTMLElement} $
   * @param {import('../stage/stage.js').Stage} stage
   * @param {import('./preset-menus.js').PresetMenus} menus
   * @param {import('./messages.js').Messages} messages
   */
  constructor($, stage, menus, messages) {
    this.stage = stage;
    this.menus = menus;
    this.messages = messages;
    const input = $('preset-files');
    input.addEventListener('change', () => {
      const files = [...(input.files || [])];
      input.value = '';
      if (files.length > 0) this.add(files);
    });
  }

  /** Adds the files; resolves the results ({name, id} | {name, error}). */
  async add(files) {
    const results = await addOwnPresets(files, this.stage.libraries.projectm);
    const added = results.filter((r) => r.id);
    const refused = results.filter((r) => r.error).map((r) => `“${r.name}” was not added: ${r.error}.`);
    const parts = [];
    if (added.length > 0) {
      parts.push(`Added ${added.length} preset${added.length > 1 ? 's' : ''} to the menus (your presets).`);
      this.menus.prepare();
      await this.menus.ready;
      if (this.stage.slot('fg').engine === 'projectm') {
        this.stage.loadPreset('fg', added[0].id).catch(() => {}); // a preset projectM refuses: the layer says why
      } else {
        parts.push('Your presets play on projectM layers; this layer runs butterchurn.');
      }
    }
    this.messages.showNotice([...parts, ...refused].join(' '));
    return results;
  }
}
