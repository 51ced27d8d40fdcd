// The engine's pair plan played over the song: which preset pair is on now, with the user's overrides.
//
// Sections come from the engine (analysis.pairs: start, end, fg, bg, quality, w_s, w_t, mix, ...); the layer mix
// of each pair (blend, opacities, transition and follow times) is the engine's too, applied as it is; a pair changes only
// at a section boundary (which the engine put on a beat), unless the user skips, goes back or locks:
//   skip / back  show the next / previous pair of the plan now; it stays until the next section boundary;
//   lock         keep the current pair across boundaries until unlocked (then the plan's pair returns).
// A show that takes over from a provisional plan's (the song's opening, analysed first) keeps the pair on until
// the new plan's next section boundary, so the whole song's plan replaces the opening's without a visible cut.

const MIX_NUMBERS = ['fgOpacity', 'bgOpacity', 'transitionSeconds', 'followSeconds'];

/** Whether a pair carries the engine's layer mix (engine-core LayerMix: blend, opacities, transition, follow). */
function hasMix(pair) {
  const mix = pair.mix;
  return Boolean(mix) && typeof mix.blendMode === 'string' && MIX_NUMBERS.every((k) => Number.isFinite(mix[k]));
}

/** Valid pairs of an analysis (each with the mix the engine computed for it), ordered by start; [] when none. */
export function pairsOf(analysis) {
  const list = analysis && Array.isArray(analysis.pairs) ? analysis.pairs : [];
  return list.filter((p) => p && typeof p.fg === 'string' && typeof p.bg === 'string'
    && Number.isFinite(Number(p.start)) && Number.isFinite(Number(p.end)) && hasMix(p))
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
    this.held = null; // {pair, section, index}: the previous plan's pair kept on (see following())
  }

  /**
   * The show of `pairs` taking over from `previous` (the opening's plan) at its playback time: its pair stays on
   * through the new plan's section there (for good while locked) unless the new plan has the same pair there.
   */
  static following(pairs, previous) {
    const next = new PairShow(pairs);
    next.lastSeconds = previous.lastSeconds;
    next.locked = previous.locked;
    const on = previous.onNow();
    if (on && pairs.length > 0) {
      const section = next.sectionAt(previous.lastSeconds);
      if (pairs[section].fg === on.fg && pairs[section].bg === on.bg) next.current = section;
      else next.held = { pair: on, section, index: PairShow.heldIndex(pairs, previous, section) };
    }
    return next;
  }

  /**
   * Where a held pair stands in the new plan, so skip and back step on from it: a replan of the same sections
   * (the viewer's preferences or taste changed) keeps the index the viewer had reached; another plan (the whole
   * song after its opening) the section's.
   */
  static heldIndex(pairs, previous, section) {
    const sameSections = pairs.length === previous.pairs.length
      && pairs.every((p, i) => p.start === previous.pairs[i].start);
    const reached = previous.current >= 0 ? previous.current : previous.held ? previous.held.index : -1;
    return sameSections && reached >= 0 ? reached : section;
  }

  /** The pair on now, or null before the first. */
  onNow() {
    if (this.held) return this.held.pair;
    return this.current >= 0 ? this.pairs[this.current] : null;
  }

  /** The plan index of the pair on now (a held pair's place in this plan; the section's before the first). */
  indexNow() {
    if (this.current >= 0) return this.current;
    return this.held ? this.held.index : this.sectionAt(this.lastSeconds);
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
    if (this.held && (this.locked || this.sectionAt(seconds) === this.held.section)) return;
    this.held = null;
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
    const from = this.indexNow();
    this.held = null;
    const index = (from + step + this.pairs.length) % this.pairs.length;
    const section = this.pairs[this.sectionAt(this.lastSeconds)];
    this.override = { index, until: section.end };
    this.show(index, reason, true);
  }

  setLocked(locked) {
    this.locked = locked;
    if (!locked) {
      this.override = null;
      this.held = null;
      this.current = -1; // the plan's pair for now returns, even if it is the same index
      this.update(this.lastSeconds);
      return;
    }
    this.dispatchEvent(new CustomEvent('pair', {
      detail: { index: this.indexNow(), pair: this.onNow(), reason: 'lock', locked: true },
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
