// The viewer's preset favourites and blocklist, kept in this browser (localStorage, keys below) and handed to the
// engine, which never picks a pair with a blocked preset and favours pairs with favourites
// (engine-core PresetPreferences). A preset is never both: blocking drops it from the favourites and back.

export const FAVOURITES_KEY = 'aivj.presetFavourites';
export const BLOCKLIST_KEY = 'aivj.presetBlocklist';

/** localStorage, or null where the browser refuses it (private mode, storage off): then preferences last the visit. */
function browserStorage() {
  try {
    return window.localStorage;
  } catch (e) {
    return null;
  }
}

function readIds(storage, key) {
  if (!storage) return new Set();
  try {
    const list = JSON.parse(storage.getItem(key) || '[]');
    return new Set(Array.isArray(list) ? list.filter((id) => typeof id === 'string') : []);
  } catch (e) {
    return new Set(); // a damaged entry: start over rather than break the page
  }
}

export class PresetPreferences extends EventTarget {
  /** Events: 'change' {favourites: string[], blocked: string[]} after every change. */
  constructor(storage = browserStorage()) {
    super();
    this.storage = storage;
    this.favourites = readIds(storage, FAVOURITES_KEY);
    this.blocked = readIds(storage, BLOCKLIST_KEY);
    for (const id of this.blocked) this.favourites.delete(id);
  }

  isFavourite(id) {
    return this.favourites.has(id);
  }

  isBlocked(id) {
    return this.blocked.has(id);
  }

  setFavourite(id, on) {
    if (on) {
      this.favourites.add(id);
      this.blocked.delete(id);
    } else {
      this.favourites.delete(id);
    }
    this.changed();
  }

  setBlocked(id, on) {
    if (on) {
      this.blocked.add(id);
      this.favourites.delete(id);
    } else {
      this.blocked.delete(id);
    }
    this.changed();
  }

  /** What the engine takes: {blocked: [ids], favourites: [ids]}. */
  toEngine() {
    return { blocked: [...this.blocked], favourites: [...this.favourites] };
  }

  changed() {
    if (this.storage) {
      try {
        this.storage.setItem(FAVOURITES_KEY, JSON.stringify([...this.favourites]));
        this.storage.setItem(BLOCKLIST_KEY, JSON.stringify([...this.blocked]));
      } catch (e) {
        // storage full or refused: the preferences still hold for this visit
      }
    }
    this.dispatchEvent(new CustomEvent('change', { detail: this.toEngine() }));
  }
}
