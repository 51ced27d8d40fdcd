// The butterchurn preset list and presets (butterchurn's converted JSON presets; the fallback engine's library).

/** The butterchurn preset list and presets (one small JSON file each, cached). */
export class ButterchurnPresetLibrary {
  constructor(indexUrl = '/presets/index.json', presetBase = '/vendor/butterchurn-presets/presets/') {
    this.indexUrl = indexUrl;
    this.presetBase = presetBase;
    this.cache = new Map();
    this.index = null;
  }

  async list() {
    if (this.index === null) {
      const response = await fetch(this.indexUrl);
      if (!response.ok) {
        throw new Error(`preset list: HTTP ${response.status}`);
      }
      const index = await response.json();
      const presets = Array.isArray(index.presets)
        ? index.presets.filter((p) => p && typeof p.name === 'string' && typeof p.file === 'string')
        : [];
      if (presets.length === 0) {
        throw new Error('preset list is empty');
      }
      const names = presets.map((p) => p.name);
      this.index = {
        presets,
        defaultBackground: names.includes(index.defaultBackground) ? index.defaultBackground : names[0],
        defaultForeground: names.includes(index.defaultForeground)
          ? index.defaultForeground : names[Math.min(1, names.length - 1)],
      };
    }
    return this.index;
  }

  /** Adds a preset for this session (a person's own butterchurn JSON); resolves its name, made unique. */
  async add({ name, data }) {
    const { presets } = await this.list();
    let unique = name;
    for (let n = 2; presets.some((p) => p.name === unique); n++) unique = `${name} (${n})`;
    presets.push({ name: unique, file: null, own: true });
    this.cache.set(unique, Promise.resolve(data));
    return unique;
  }

  async get(name) {
    if (!this.cache.has(name)) {
      const { presets } = await this.list();
      const entry = presets.find((p) => p.name === name);
      if (!entry) {
        throw new Error(`unknown preset ${name}`);
      }
      const promise = fetch(this.presetBase + encodeURIComponent(entry.file)).then((response) => {
        if (!response.ok) {
          throw new Error(`preset ${name}: HTTP ${response.status}`);
        }
        return response.json();
      });
      promise.catch(() => this.cache.delete(name));
      this.cache.set(name, promise);
    }
    return this.cache.get(name);
  }
}
