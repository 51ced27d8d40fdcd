// The preset browser: a panel listing the projectM preset library (the index the layers load from) with search by
// name and author, filters by the engine's look axes and style affinity (both measured and computed at build
// time, see ui/preset-filter.js), the viewer's favourites and blocklist (ui/preset-preferences.js), and the
// presets of the pair on now. The list is virtual (ui/virtual-list.js): 4,000 presets scroll like 20.

import { LOOK_LEVELS, authorsOf, bestStyle, filterPresets } from './preset-filter.js';
import { VirtualList } from './virtual-list.js';

const ROW_HEIGHT = 58;
/** Thumbnails from the frames the preset checker kept on the server's machine (PresetThumbnailHandler). */
const THUMBS = '/presets/projectm-thumbs/';
const AXIS_LABELS = { motion: 'Motion', brightness: 'Brightness', detail: 'Detail', colour: 'Colour' };

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export class PresetBrowser {
  /**
   * @param {(id: string) => HTMLElement} $
   * @param {import('../stage/projectm-preset-library.js').ProjectMPresetLibrary} library
   * @param {import('./preset-preferences.js').PresetPreferences} preferences
   * @param {import('../show/show.js').Show} show
   */
  constructor($, library, preferences, show) {
    this.library = library;
    this.preferences = preferences;
    this.panel = $('preset-browser');
    this.search = $('preset-search');
    this.author = $('preset-author');
    this.authors = $('preset-authors');
    this.styleSelect = $('preset-style');
    this.listSelect = $('preset-list');
    this.count = $('preset-count');
    this.thumbNote = $('preset-thumbs-note');
    this.thumbs = new Set();
    this.nowPlaying = $('preset-now');
    this.lookSelects = {};
    this.presets = [];
    this.axes = [];
    this.styles = [];
    this.byId = new Map();
    this.loaded = null;
    this.list = new VirtualList($('preset-rows'), ROW_HEIGHT, (p) => this.row(p));

    $('preset-browser-open').addEventListener('click', () => this.open());
    $('preset-browser-close').addEventListener('click', () => this.close());
    this.search.addEventListener('input', () => this.apply());
    this.author.addEventListener('input', () => this.apply());
    this.styleSelect.addEventListener('change', () => this.apply());
    this.listSelect.addEventListener('change', () => this.apply());
    this.lookContainer = $('preset-look-filters');
    preferences.addEventListener('change', () => {
      this.list.refresh();
      this.showNow();
      if (this.listSelect.value !== 'all') this.apply();
    });
    show.addEventListener('pair', (e) => { this.pair = e.detail.pair; this.showNow(); });
  }

  async open() {
    this.panel.hidden = false;
    this.panel.setAttribute('aria-hidden', 'false');
    try {
      await this.load();
    } catch (e) {
      this.count.textContent = `The preset library could not be read (${e.message}).`;
      return;
    }
    this.showNow();
    this.apply();
    this.search.focus();
  }

  close() {
    this.panel.hidden = true;
    this.panel.setAttribute('aria-hidden', 'true');
  }

  /** The library's presets and the index's axes and styles, once. */
  load() {
    if (this.loaded === null) {
      this.loaded = (async () => {
        const { presets, lookAxes, styles } = await this.library.list();
        this.presets = [...presets].sort((a, b) => a.name.localeCompare(b.name));
        this.byId = new Map(presets.map((p) => [p.id, p]));
        this.axes = lookAxes;
        this.styles = styles;
        this.buildFilters();
        this.thumbs = await this.thumbnailIds();
      })();
      this.loaded.catch(() => { this.loaded = null; });
    }
    return this.loaded;
  }

  /** The presets with a thumbnail; none (and a note why) when the checker kept no frames here. */
  async thumbnailIds() {
    let ids = [];
    try {
      const response = await fetch(`${THUMBS}index.json`);
      if (response.ok) ids = (await response.json()).ids || [];
    } catch (e) { /* no thumbnails: the list works without them */ }
    this.thumbNote.textContent = ids.length > 0
      ? `Thumbnails: the ${ids.length} presets the preset checker rendered on this machine.`
      : 'No thumbnails: the preset checker (./aivj check-presets) has not rendered presets on this machine.';
    return new Set(ids);
  }

  buildFilters() {
    const selects = this.axes.map((axis) => {
      const label = element('label', null, `${AXIS_LABELS[axis] || axis} `);
      const select = element('select');
      select.dataset.axis = axis;
      select.append(new Option('any', ''), ...Object.keys(LOOK_LEVELS).map((l) => new Option(l, l)));
      select.addEventListener('change', () => this.apply());
      this.lookSelects[axis] = select;
      label.append(select);
      return label;
    });
    this.lookContainer.replaceChildren(...selects);
    this.styleSelect.replaceChildren(new Option('any style', ''), ...this.styles.map((s) => new Option(s, s)));
    this.authors.replaceChildren(...authorsOf(this.presets).map((a) => new Option(a)));
  }

  /** The list for the current search and filters. */
  apply() {
    const look = {};
    for (const [axis, select] of Object.entries(this.lookSelects)) look[axis] = select.value;
    const shown = filterPresets(this.presets, {
      text: this.search.value, author: this.author.value, look, style: this.styleSelect.value, list: this.listSelect.value,
    }, { axes: this.axes, styles: this.styles }, this.preferences);
    this.count.textContent = `${shown.length} of ${this.presets.length} presets`;
    this.list.setItems(shown);
  }

  /** One preset's row: name, author, pack, its look on the engine's axes, the style it suits best, the buttons. */
  row(p) {
    const row = element('div', 'preset-row');
    row.dataset.id = p.id;
    if (this.preferences.isBlocked(p.id)) row.classList.add('blocked');
    let thumb;
    if (this.thumbs.has(p.id)) {
      thumb = element('img', 'preset-thumb');
      thumb.alt = '';
      thumb.src = `${THUMBS}${p.id}.png`;
    } else {
      thumb = element('span', 'preset-thumb none', 'no frame');
    }
    const text = element('div', 'preset-text');
    text.append(element('strong', 'preset-name', p.name));
    text.append(element('span', 'preset-meta muted', `${p.author || 'unknown author'} · ${p.pack}`));
    row.append(thumb, text, this.lookBars(p), this.buttons(p));
    return row;
  }

  lookBars(p) {
    const bars = element('div', 'preset-look');
    if (!Array.isArray(p.axes)) {
      bars.append(element('span', 'muted', 'not measured'));
      return bars;
    }
    this.axes.forEach((axis, i) => {
      const bar = element('span', 'look-bar');
      bar.title = `${AXIS_LABELS[axis] || axis}: percentile ${Math.round(p.axes[i] * 100)}`;
      bar.style.setProperty('--v', String(p.axes[i]));
      bar.dataset.axis = axis;
      bars.append(bar);
    });
    const best = bestStyle(p, this.styles);
    if (best) bars.append(element('span', 'preset-style muted', `${best.style} ${best.affinity.toFixed(2)}`));
    return bars;
  }

  buttons(p) {
    const box = element('div', 'preset-buttons');
    const fav = element('button', 'preset-fav', this.preferences.isFavourite(p.id) ? '★' : '☆');
    fav.type = 'button';
    fav.title = 'Favourite: the engine prefers pairs with this preset';
    fav.setAttribute('aria-pressed', String(this.preferences.isFavourite(p.id)));
    fav.addEventListener('click', () => this.preferences.setFavourite(p.id, !this.preferences.isFavourite(p.id)));
    const block = element('button', 'preset-block', this.preferences.isBlocked(p.id) ? 'Unblock' : 'Block');
    block.type = 'button';
    block.title = 'Block: the engine never picks a pair with this preset';
    block.setAttribute('aria-pressed', String(this.preferences.isBlocked(p.id)));
    block.addEventListener('click', () => this.preferences.setBlocked(p.id, !this.preferences.isBlocked(p.id)));
    box.append(fav, block);
    return box;
  }

  /** The pair on now, each preset with its favourite and block buttons. */
  showNow() {
    if (!this.pair) {
      this.nowPlaying.replaceChildren(element('span', 'muted', 'No pair is playing yet.'));
      return;
    }
    const items = [['Front', this.pair.fg], ['Back', this.pair.bg]].map(([role, id]) => {
      const p = this.byId.get(id) || { id, name: id, pack: '' };
      const item = element('div', 'preset-now-item');
      item.dataset.id = id;
      item.append(element('span', 'muted', `${role}: `), element('strong', null, p.name), this.buttons(p));
      return item;
    });
    this.nowPlaying.replaceChildren(...items);
  }
}
