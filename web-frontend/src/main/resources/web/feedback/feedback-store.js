// The viewer's feedback, kept in this browser only (IndexedDB "aivj-feedback"): the log of signals (what was
// shown, rated, skipped... with the pair's features in its context; never audio) and the engine's learned
// preference. Where IndexedDB cannot open (a private window may refuse it) everything is kept in memory for the
// visit and `problem` says so.

const DB_NAME = 'aivj-feedback';
const DB_VERSION = 1;
const EVENTS = 'events';
const STATE = 'state';

/** A request's result as a promise. */
function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error || new Error('IndexedDB request failed'));
  });
}

export class FeedbackStore {
  constructor() {
    /** Why the log lives in memory only, or null. */
    this.problem = null;
    this.memory = { events: [], state: new Map() };
    this.db = this.open().catch((e) => {
      this.problem = `the browser refused its storage (${e.message || e}); feedback is kept for this visit only`;
      return null;
    });
  }

  open() {
    if (typeof indexedDB === 'undefined') return Promise.reject(new Error('no IndexedDB'));
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(EVENTS, { autoIncrement: true });
      request.result.createObjectStore(STATE);
    };
    return done(request);
  }

  async add(event) {
    const db = await this.db;
    if (db === null) {
      this.memory.events.push(event);
      return;
    }
    await done(db.transaction(EVENTS, 'readwrite').objectStore(EVENTS).add(event));
  }

  /** Every logged event, oldest first. */
  async events() {
    const db = await this.db;
    if (db === null) return this.memory.events.slice();
    return done(db.transaction(EVENTS).objectStore(EVENTS).getAll());
  }

  async get(key) {
    const db = await this.db;
    if (db === null) return this.memory.state.get(key);
    return done(db.transaction(STATE).objectStore(STATE).get(key));
  }

  async put(key, value) {
    const db = await this.db;
    if (db === null) {
      this.memory.state.set(key, value);
      return;
    }
    await done(db.transaction(STATE, 'readwrite').objectStore(STATE).put(value, key));
  }

  async remove(key) {
    const db = await this.db;
    if (db === null) {
      this.memory.state.delete(key);
      return;
    }
    await done(db.transaction(STATE, 'readwrite').objectStore(STATE).delete(key));
  }
}
