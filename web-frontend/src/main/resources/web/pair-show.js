// The engine's pair plan played over the song: which preset pair is on now, with the user's overrides, and how
// the coupling weights of the pair set the layer mix.
//
// Sections come from the engine (analysis.pairs: start, end, fg, bg, quality, w_s, w_t, ...); a pair changes only
// at a section boundary (which the engine put on a beat), unless the user skips, goes back or locks:
//   skip / back  show the next / previous pair of the plan now; it stays until the next section boundary;
//   lock         keep the current pair across boundaries until unlocked (then the plan's pair returns).

export const W_MAX = 4;

/**
 * How a pair's coupling weights set the mix. s = (w_s/W_MAX + 1)/2 and t = (w_t/W_MAX + 1)/2, both 0..1:
 * - spatial (w_s): layers that the model wants alike (s high) are blended evenly with 'screen', contrasting ones
 *   (s low) keep the foreground 'normal' over the background; foreground opacity 0.6 + 0.2·s, background
 *   0.5 − 0.2·s (the team's 0.6–0.8 in front, 0.3–0.5 behind);
 * - temporal (w_t): tightly coupled layers (t high) change pairs fast and follow the music's energy quickly:
 *   transition 4 − 3·t seconds, energy smoothing 0.05 + 0.45·(1 − t) seconds.
 */
export function couplingMix(pair) {
  const s = clamp01((Number(pair.w_s) / W_MAX + 1) / 2);
  const t = clamp01((Number(pair.w_t) / W_MAX + 1) / 2);
  return {
    blendMode: s > 2 / 3 ? 'screen' : s > 1 / 3 ? 'plus-lighter' : 'normal',
    fgOpacity: 0.6 + 0.2 * s,
    bgOpacity: 0.5 - 0.2 * s,
    transitionSeconds: 4 - 3 * t,
    energySmoothingSeconds: 0.05 + 0.45 * (1 - t),
  };
}

function clamp01(v) {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5;
}

/** Valid pairs of an analysis, ordered by start; [] when it has none. */
export function pairsOf(analysis) {
  const list = analysis && Array.isArray(analysis.pairs) ? analysis.pairs : [];
  return list.filter((p) => p && typeof p.fg === 'string' && typeof p.bg === 'string'
    && Number.isFinite(Number(p.start)) && Number.isFinite(Number(p.end)))
    .sort((a, b) => a.start - b.start);
}

export class PairShow extends EventTarget {
  /** Events: 'pair' {index, pair, reason: 'section' | 'skip' | 'back' | 'unlock', locked}. */
  constructor(pairs) {
    super();
    this.pairs = pairs;
    this.current = -1;
    this.override = null; // {index, until} set by skip/back
    this.locked = false;
    this.lastSeconds = 0;
  }

  sectionAt(seconds) {
    let i = 0;
    while (i + 1 < this.pairs.length && seconds >= this.pairs[i + 1].start) i++;
    return i;
  }

  /** Call with the playback time; emits 'pair' when the pair to show changes. */
  update(seconds) {
    this.lastSeconds = seconds;
    if (this.pairs.length === 0) return;
    if (this.override && seconds >= this.override.until) this.override = null;
    let index;
    if (this.locked && this.current >= 0) index = this.current;
    else if (this.override) index = this.override.index;
    else index = this.sectionAt(seconds);
    this.show(index, 'section');
  }

  skip() {
    this.move(+1, 'skip');
  }

  back() {
    this.move(-1, 'back');
  }

  move(step, reason) {
    if (this.pairs.length === 0) return;
    const from = this.current >= 0 ? this.current : this.sectionAt(this.lastSeconds);
    const index = (from + step + this.pairs.length) % this.pairs.length;
    const section = this.pairs[this.sectionAt(this.lastSeconds)];
    this.override = { index, until: section.end };
    this.show(index, reason, true);
  }

  setLocked(locked) {
    this.locked = locked;
    if (!locked) {
      this.override = null;
      this.current = -1; // the plan's pair for now returns, even if it is the same index
      this.update(this.lastSeconds);
      return;
    }
    this.dispatchEvent(new CustomEvent('pair', {
      detail: { index: this.current, pair: this.pairs[this.current], reason: 'lock', locked: true },
    }));
  }

  show(index, reason, force = false) {
    if (index === this.current && !force) return;
    this.current = index;
    this.dispatchEvent(new CustomEvent('pair', {
      detail: { index, pair: this.pairs[index], reason, locked: this.locked },
    }));
  }
}
