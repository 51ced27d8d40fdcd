// "Add your presets": .milk files chosen or dropped are checked and measured (stage/own-presets.js), join the preset
// menus and the browser, and are paired with the library by the engine's coupling model, so the show can choose
// them (the song playing is planned again). Butterchurn JSON presets join the butterchurn menus. The first one added
// goes on the foreground layer at once. Each refused file gets its reason; none of them stops the show.

import { addToLibrary, prepareOwnPreset } from '../stage/own-presets.js';

export class OwnPresetImport {
  /**
   * @param {(id: string) => HTMLElement} $
   * @param {import('../stage/stage.js').Stage} stage
   * @param {import('../show/show.js').Show} show
   * @param {import('./preset-menus.js').PresetMenus} menus
   * @param {import('./messages.js').Messages} messages
   */
  constructor($, stage, show, menus, messages) {
    this.stage = stage;
    this.show = show;
    this.menus = menus;
    this.messages = messages;
    /** The last import's results (add's), null before one. */
    this.lastResults = null;
    const input = $('preset-files');
    input.addEventListener('change', () => {
      const files = [...(input.files || [])];
      input.value = '';
      if (files.length > 0) this.add(files);
    });
  }

  /**
   * Adds the files, one after another; resolves the results in the files' order: {name, id, usable, pairs, best, axes} for
   * a preset added ({name, id, pairError} when the engine could not pair it) or {name, error}.
   */
  async add(files) {
    const library = this.stage.libraries.projectm;
    const results = [];
    for (const [i, file] of files.entries()) {
      this.messages.showNotice(`Measuring “${file.name}” (${i + 1} of ${files.length}) off-screen…`);
      const prepared = await prepareOwnPreset(file);
      if (prepared.error) {
        results.push({ name: file.name, error: prepared.error });
        continue;
      }
      if (prepared.engine === 'butterchurn') {
        const id = await this.stage.libraries.butterchurn.add(prepared);
        results.push({ name: file.name, id, engine: 'butterchurn' });
        continue;
      }
      const id = await addToLibrary(library, prepared);
      results.push({ name: file.name, id, engine: 'projectm', ...await this.pair(id, prepared) });
    }
    this.lastResults = results;
    const note = await this.showFirst(results);
    this.messages.showNotice([summary(results), note].filter(Boolean).join(' '));
    return results;
  }

  /** The engine's pairs for a measured preset: {usable, pairs, best} or {pairError}; its look goes to the browser. */
  async pair(id, { text, look }) {
    const entry = (await this.stage.libraries.projectm.list()).presets.find((p) => p.id === id);
    try {
      const answer = await this.show.addOwnPreset({ id, url: entry.url, text, frames: look.frames,
        width: look.width, height: look.height, energies: look.energies });
      entry.axes = answer.axes;
      const best = answer.pairs.reduce((a, p) => (a === null || p.quality > a.quality ? p : a), null);
      return { usable: answer.usable, pairs: answer.pairs.length, best, axes: answer.axes };
    } catch (e) {
      return { pairError: e.message };
    }
  }

  /** Puts the first preset added for the foreground layer's engine on it; resolves a note when there is none. */
  async showFirst(results) {
    const added = results.filter((r) => r.id);
    if (added.length === 0) return null;
    this.menus.prepare();
    await this.menus.ready;
    const engine = this.stage.slot('fg').engine;
    const first = added.find((r) => r.engine === engine);
    if (!first) return `The foreground layer runs ${engine}: your ${added[0].engine} presets play on ${added[0].engine} layers.`;
    this.stage.loadPreset('fg', first.id).catch(() => {}); // checked already; the layer reports any failure
    return null;
  }
}

/** The notice after an import: what was added and paired, and why each refused file was. */
function summary(results) {
  const parts = results.map((r) => {
    if (r.error) return `“${r.name}” was not added: ${r.error}.`;
    if (r.engine === 'butterchurn') {
      return `“${r.name}” was added to the butterchurn presets; the show does not choose it (its pairs and their`
        + ' coupling are measured on projectM).';
    }
    if (r.pairError) return `“${r.name}” is in the menus, but the engine could not pair it: ${r.pairError}.`;
    if (!r.usable) return `“${r.name}” is in the menus; it draws nothing or does not move on music, so the show does not choose it.`;
    const partner = r.best.fg === r.id ? r.best.bg : r.best.fg;
    return `“${r.name}” was added and paired with ${r.pairs} library presets (best with ${partner.split('/').pop()},`
      + ` quality ${r.best.quality.toFixed(2)}): the show can choose it now.`;
  });
  return parts.join(' ');
}
