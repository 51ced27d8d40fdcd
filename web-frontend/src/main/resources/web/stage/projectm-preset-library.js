// The projectM preset library: /presets/projectm/index.json (Debian's projectm-data .milk files).
// Entries whose status marks them broken are never offered; entries that fail here are dropped too.

export const PROJECTM_INDEX_URL = '/presets/projectm/index.json';

/** Preferred defaults when the library has them (verified MilkDrop 2 background, light MilkDrop 1 foreground). */
const PREFERRED_BACKGROUND = ['presets_milkdrop_200/geiss-3-layers-tunnel-mix',
  'presets_milkdrop_200/unchained-furious-spirals-remix-steady'];
const PREFERRED_FOREGROUND = ['presets_milkdrop/aderrasi-agitator'];

/** True when the index's status says the preset does not work (null = not checked yet = offered). */
export function isMarkedBroken(status) {
  if (status === null || status === undefined) return false;
  if (typeof status !== 'object') return true;
  return status.loads === false || status.shadersCompile === false || status.nonBlank === false
    || status.frozen === true;
}

function isVerified(status) {
  return !!status && status.loads === true && status.shadersCompile === true && status.nonBlank === true;
}

export class ProjectMPresetLibrary {
  constructor(indexUrl = PROJECTM_INDEX_URL) {
    this.indexUrl = indexUrl;
    this.index = null;
    this.failed = new Set();
  }

  /** @returns {Promise<{presets: object[], defaultBackground: string, defaultForeground: string, source: string,
   *   lookAxes: string[], styles: string[]}>} */
  async list() {
    if (this.index === null) {
      const response = await fetch(this.indexUrl);
      if (!response.ok) throw new Error(`projectM preset list: HTTP ${response.status}`);
      const index = await response.json();
      const presets = (Array.isArray(index.presets) ? index.presets : [])
        .filter((p) => p && typeof p.id === 'string' && typeof p.name === 'string' && typeof p.url === 'string')
        .filter((p) => !isMarkedBroken(p.status));
      if (presets.length === 0) throw new Error('the projectM preset list has no usable preset');
      const ids = new Set(presets.map((p) => p.id));
      const pick = (preferred, avoid) => preferred.find((id) => ids.has(id) && id !== avoid)
        || (presets.find((p) => isVerified(p.status) && p.id !== avoid)
            || presets.find((p) => p.id !== avoid) || presets[0]).id;
      const defaultBackground = pick(PREFERRED_BACKGROUND, null);
      this.index = {
        presets,
        source: typeof index.source === 'string' ? index.source : '',
        // The engine's look axes and style names, the order of each preset's axes and affinity (preset browser).
        lookAxes: Array.isArray(index.lookAxes) ? index.lookAxes : [],
        styles: Array.isArray(index.styles) ? index.styles : [],
        defaultBackground,
        defaultForeground: pick(PREFERRED_FOREGROUND, defaultBackground),
      };
    }
    return this.index;
  }

  /**
   * The entry {id, name, pack, url, md2, status} for an id; its url resolved against the index (which may be on
   * another origin: the widget's presets attribute).
   */
  async get(id) {
    const { presets } = await this.list();
    const entry = presets.find((p) => p.id === id);
    if (!entry) throw new Error(`unknown projectM preset ${id}`);
    return { ...entry, url: new URL(entry.url, new URL(this.indexUrl, location.href)).href };
  }

  /** Whether every id is in the list (a pair of the plan may name presets a custom library lacks). */
  async hasAll(ids) {
    const { presets } = await this.list();
    return ids.every((id) => presets.some((p) => p.id === id));
  }

  /**
   * Adds a preset for this session (a person's own .milk: its url a blob: URL) and returns its id, "own/<name>"
   * (made unique).
   */
  async add({ name, pack, url, md2, status }) {
    const { presets } = await this.list();
    let id = `own/${name}`;
    for (let n = 2; presets.some((p) => p.id === id); n++) id = `own/${name} (${n})`;
    presets.push({ id, name, pack, url, md2, status });
    return id;
  }

  /** Remembers a preset that failed in this browser, so the menus stop offering it. */
  markFailed(id) {
    this.failed.add(id);
  }

  isFailed(id) {
    return this.failed.has(id);
  }
}
