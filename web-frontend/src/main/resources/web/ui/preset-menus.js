// The page's preset menus and engine badges, one of each per layer: the menu lists the presets of the layer's
// engine (projectM grouped by pack) and loads the one chosen; the badge says the engine and whether a preset is
// loading. Engine changes and preset failures of the layers are reported here too.

import { ENGINE_LABELS, POSITIONS } from '../stage/layers.js';

const WHICH = { bg: 'background', fg: 'foreground' };

export class PresetMenus {
  /**
   * @param {(id: string) => HTMLElement} $
   * @param {import('../stage/stage.js').Stage} stage
   * @param {import('./messages.js').Messages} messages
   */
  constructor($, stage, messages) {
    this.stage = stage;
    this.messages = messages;
    this.menus = { bg: $('preset-bg'), fg: $('preset-fg') };
    this.badges = { bg: $('engine-bg'), fg: $('engine-fg') };
    for (const position of POSITIONS) {
      this.menus[position].addEventListener('change', () => stage.loadPreset(position, this.menus[position].value));
    }
    stage.addEventListener('engine', (e) => this.onEngine(e.detail));
    stage.addEventListener('planned', () => this.prepare());
    stage.addEventListener('loading', (e) => this.updateBadge(e.detail.position));
    stage.addEventListener('preset', (e) => {
      const { position, id } = e.detail;
      if (this.menus[position].value !== id) this.menus[position].value = id;
    });
    stage.addEventListener('error', (e) => this.onLayerError(e.detail));
    stage.addEventListener('warning', (e) => console.info(`AIVJ: ${e.detail.position} preset: ${e.detail.message}`));
    this.prepare();
  }

  /** Fills both menus for the planned engine (again when the plan changes); `ready` resolves once they list it. */
  prepare() {
    this.ready = this.fill().catch((e) => this.messages.showNotice(`Could not prepare the visuals: ${e.message}`));
  }

  /** The presets the menus show now: {bg, fg}. */
  async chosen() {
    await this.ready;
    return { bg: this.menus.bg.value, fg: this.menus.fg.value };
  }

  async fill() {
    const planned = await this.stage.plan();
    if (planned.building) this.messages.showNotice(`${planned.reason}.`);
    for (const position of POSITIONS) {
      try {
        await this.fillMenu(position, planned.engine);
      } catch (e) {
        this.messages.showNotice(`Could not load the preset list: ${e.message}`);
      }
      this.updateBadge(position, planned.reason);
    }
  }

  /** Fills one layer's preset menu from its engine's library (projectM: grouped by pack). */
  async fillMenu(position, engine) {
    const select = this.menus[position];
    const previous = select.value;
    const library = this.stage.libraries[engine];
    const index = await library.list();
    const chosen = position === 'bg' ? index.defaultBackground : index.defaultForeground;
    let options;
    if (engine === 'projectm') {
      const groups = new Map();
      for (const p of index.presets) {
        if (!groups.has(p.pack)) groups.set(p.pack, []);
        const option = new Option(p.name, p.id, false, p.id === chosen);
        option.title = p.id;
        if (library.isFailed(p.id)) {
          option.disabled = true;
          option.textContent += ' (failed)';
        }
        groups.get(p.pack).push(option);
      }
      options = [...groups].map(([pack, list]) => {
        const group = document.createElement('optgroup');
        group.label = pack || 'presets';
        group.append(...list);
        return group;
      });
    } else {
      options = index.presets.map((p) => new Option(p.name, p.name, false, p.name === chosen));
    }
    select.replaceChildren(...options);
    select.dataset.engine = engine;
    const playing = this.stage.slot(position).presetId;
    if (playing) select.value = playing;
    else if (previous && [...select.options].some((o) => o.value === previous && !o.disabled)) select.value = previous;
  }

  onEngine({ position, engine, reason }) {
    if (engine && this.menus[position].dataset.engine !== engine) {
      this.fillMenu(position, engine)
        .catch((e) => this.messages.showNotice(`Could not load the preset list: ${e.message}`));
    }
    const planned = this.stage.planned ? this.stage.planned.engine : null;
    if (engine === 'butterchurn' && reason && planned === 'projectm') {
      this.messages.showNotice(`The ${WHICH[position]} layer runs butterchurn: ${reason}.`);
    } else if (!engine) {
      this.messages.showNotice(`The ${WHICH[position]} layer is off: ${reason}.`);
    }
    this.updateBadge(position, reason);
  }

  onLayerError({ position, id, engine, message, kept }) {
    const select = this.menus[position];
    const option = [...select.options].find((o) => o.value === id);
    const name = option ? option.textContent : id;
    if (engine === 'projectm' && id) {
      for (const p of POSITIONS) {
        const o = [...this.menus[p].options].find((x) => x.value === id);
        if (o && this.menus[p].dataset.engine === 'projectm') {
          o.disabled = true;
          if (!o.textContent.endsWith(' (failed)')) o.textContent += ' (failed)';
        }
      }
    }
    if (kept && select.value !== kept) select.value = kept;
    const keeps = kept ? ' It keeps playing its previous preset.' : '';
    this.messages.showLayerError(`The ${WHICH[position]} layer could not load the preset “${name}” `
      + `(${ENGINE_LABELS[engine] || engine}): ${message}.${keeps}`);
  }

  updateBadge(position, reason) {
    const badge = this.badges[position];
    const { engine, loading } = this.stage.slot(position);
    badge.dataset.engine = engine || 'off';
    badge.dataset.loading = String(loading);
    badge.textContent = (engine ? ENGINE_LABELS[engine] : 'off') + (loading ? ' · loading preset…' : '');
    if (reason !== undefined) badge.title = reason || `${ENGINE_LABELS[engine] || 'no engine'}`;
  }
}
