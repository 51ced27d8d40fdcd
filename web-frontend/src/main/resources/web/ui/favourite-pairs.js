// Favourite preset pairs {fg, bg}, kept in localStorage under "aivj.favouritePairs" (a JSON list of
// {fg, bg, at}). Pairs only: favourite and blocked presets are the preset browser's; one store per concern, to be
// joined later. Storage that is refused (private mode, a full quota) or holds garbage never breaks the page: the
// favourites live in memory for this visit and `problem` says why.

export const FAVOURITE_PAIRS_KEY = 'aivj.favouritePairs';

const samePair = (a, b) => a.fg === b.fg && a.bg === b.bg;

export class FavouritePairs {
  /** @param {Storage|null} [storage] default: window.localStorage (null when the browser refuses it) */
  constructor(storage = FavouritePairs.localStorage()) {
    this.storage = storage;
    /** Why the favourites are not kept across visits, or null. */
    this.problem = storage ? null : 'this browser refuses the page its local storage';
    this.pairs = this.read();
  }

  static localStorage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null; // SecurityError: storage blocked for this page
    }
  }

  read() {
    if (!this.storage) return [];
    let text;
    try {
      text = this.storage.getItem(FAVOURITE_PAIRS_KEY);
    } catch (e) {
      this.problem = `local storage could not be read (${e.message})`;
      return [];
    }
    if (text === null) return [];
    try {
      const list = JSON.parse(text);
      if (!Array.isArray(list)) throw new Error('not a list');
      return list.filter((p) => p && typeof p.fg === 'string' && typeof p.bg === 'string');
    } catch (e) {
      this.problem = `the stored favourite pairs were unreadable (${e.message}) and start afresh`;
      return [];
    }
  }

  write() {
    if (!this.storage) return;
    try {
      this.storage.setItem(FAVOURITE_PAIRS_KEY, JSON.stringify(this.pairs));
    } catch (e) {
      this.problem = `favourite pairs could not be saved (${e.message}); they last until the page is closed`;
    }
  }

  /** Every favourite pair, oldest first: [{fg, bg, at}] (at: ISO time it was chosen). */
  list() {
    return this.pairs.map((p) => ({ ...p }));
  }

  has(pair) {
    return !!pair && this.pairs.some((p) => samePair(p, pair));
  }

  /** Favourites `pair` ({fg, bg}), or forgets it when it was one. Returns true when it is a favourite now. */
  toggle(pair) {
    if (!pair || typeof pair.fg !== 'string' || typeof pair.bg !== 'string') {
      throw new Error('no preset pair is on to favourite');
    }
    const was = this.has(pair);
    this.pairs = was ? this.pairs.filter((p) => !samePair(p, pair))
      : [...this.pairs, { fg: pair.fg, bg: pair.bg, at: new Date().toISOString() }];
    this.write();
    return !was;
  }
}
