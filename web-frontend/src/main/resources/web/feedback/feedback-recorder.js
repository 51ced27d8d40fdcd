// What the viewer does about the pair on screen, as signals: each is taught to the engine (its learned preference,
// kept in IndexedDB) and logged with its context (feedback-store.js). Explicit: a rating 1..5, a thumb, a
// favourite. Implicit, from the pair show's events: skip (away from a pair), back (to a pair), lock, dwell (a pair
// played on to its section's end: the fraction of the section it was on) and leave (closing the page with a pair on
// before its section ended). A seek or another song says nothing about the pair on: no signal. The rewards are the engine's (engine-core FeedbackSignal); the log carries them as the
// engine answered. Only numbers about the pair and its section are kept: no audio, no song name.

export const LOG_FORMAT = 'aivj-feedback-log-v1';

const pairId = (pair) => `${pair.fg}|${pair.bg}`;
// Signals the viewer gives on purpose plan the rest of the song again at once; the others (dwell, leave, lock,
// back) are learned and count from the next plan (the next song), so watching alone never reshuffles the show.
const REPLANS = new Set(['rating', 'thumb', 'favourite', 'skip']);
// A section's pair that gives way within this many seconds of its section's end played on to it (a frame late, a
// beat early); further off, the playhead was moved.
const END_TOLERANCE = 1;
const hasFeatures = (pair) => Boolean(pair && pair.why && Array.isArray(pair.why.features)
  && pair.why.features.length > 0);

export class FeedbackRecorder extends EventTarget {
  /**
   * Events: 'learned' {signal, value, reward, pair}; 'problem' {message} (a signal the engine or the store
   * refused: the show goes on).
   * @param {{show: import('../show/show.js').Show, store: import('./feedback-store.js').FeedbackStore,
   *   installation: {id: string, arm: string}}} parts
   */
  constructor({ show, store, installation }) {
    super();
    this.show = show;
    this.store = store;
    this.installation = installation;
    this.session = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.modelVersion = '';
    /** The pair on screen: {pair, since (song seconds)}, or null. */
    this.on = null;
    /** Signals taught since the page opened. */
    this.taught = 0;
    show.addEventListener('pair', (e) => this.onPair(e.detail));
    show.addEventListener('analysis', (e) => { this.modelVersion = e.detail.result.engineVersion || ''; });
    show.addEventListener('state', (e) => {
      if (e.detail.state === 'loading') this.on = null;
    });
    addEventListener('pagehide', () => this.leave());
  }

  rate(stars) {
    return this.explicit('rating', stars);
  }

  thumb(up) {
    return this.explicit('thumb', up ? 1 : -1);
  }

  favourite() {
    return this.explicit('favourite', 1);
  }

  explicit(signal, value) {
    if (!this.on) return Promise.resolve(false);
    return this.signal(signal, value, this.on.pair);
  }

  onPair({ pair, reason, locked }) {
    if (reason === 'lock') {
      if (locked && this.on) this.signal('lock', 1, this.on.pair);
      return;
    }
    const previous = this.on;
    const now = this.show.currentTime;
    if (previous && pairId(previous.pair) !== pairId(pair)) {
      if (reason === 'skip') this.signal('skip', 0, previous.pair);
      else if (reason === 'section' && Math.abs(now - Number(previous.pair.end)) < END_TOLERANCE) {
        this.signal('dwell', this.seenFraction(previous, now), previous.pair); // played on to its end, not a seek
      }
    }
    this.on = { pair, since: now };
    this.log('shown', 0, null, pair);
    if (reason === 'back') this.signal('back', 1, pair);
  }

  /** The page closes with a pair on screen before its section ends. */
  leave() {
    const on = this.on;
    this.on = null;
    if (on && this.show.currentTime < Number(on.pair.end) - 1) this.signal('leave', 0, on.pair);
  }

  seenFraction(on, now) {
    const length = Number(on.pair.end) - Number(on.pair.start);
    return length > 0 ? Math.max(0, Math.min(1, (now - on.since) / length)) : 1;
  }

  /** Teaches the engine one signal and logs it; resolves whether it was learned. */
  async signal(signal, value, pair) {
    if (!hasFeatures(pair)) return false;
    try {
      const { reward } = await this.show.learn({ features: pair.why.features, signal, value },
        { replan: REPLANS.has(signal) });
      this.taught++;
      await this.store.put('preference', this.show.client.viewer ? this.show.client.viewer.preference : null);
      await this.log(signal, value, reward, pair);
      this.dispatchEvent(new CustomEvent('learned', { detail: { signal, value, reward, pair } }));
      return true;
    } catch (e) {
      this.dispatchEvent(new CustomEvent('problem', { detail: { message: `${signal} not learned: ${e.message}` } }));
      return false;
    }
  }

  log(event, value, reward, pair) {
    if (!hasFeatures(pair)) return Promise.resolve();
    return this.store.add({
      format: LOG_FORMAT,
      installation: this.installation.id,
      arm: this.installation.arm,
      session: this.session,
      t: Date.now(),
      event,
      value,
      reward,
      pair: pairId(pair),
      style: pair.style === undefined ? null : pair.style,
      energy: Number(pair.why.energy),
      features: pair.why.features,
      modelVersion: this.modelVersion,
    }).catch((e) => this.dispatchEvent(new CustomEvent('problem', {
      detail: { message: `the feedback log could not be written (${e.message})` },
    })));
  }
}
