// How the layers follow the music's energy, the temporal half of a pair's coupling (w_t).
//
// The target is the frame RMS of the analysis (analysis.frames.rms), scaled so the song's loud passages (its 95th
// percentile) reach 1. Each layer follows it through a one-pole smoother whose time constant comes from the
// pair's w_t (the engine's mix.followSeconds): a tightly coupled pair pulses with the beat, a loosely
// coupled one drifts. The background follows at half the speed of the foreground, so the layers move apart in
// time unless w_t pulls them together.

const LOUD_PERCENTILE = 0.95;
/** The background's time constant relative to the foreground's. */
export const BACKGROUND_LAG = 2;
/** A jump in playback time longer than this (a seek) restarts the smoothing at the new level. */
const MAX_STEP_SECONDS = 1;

export class EnergyFollower {
  /**
   * @param {number[]} rms frame RMS values (finite, ≥ 0)
   * @param {number} frameRate frames per second of `rms`
   */
  constructor(rms, frameRate) {
    this.rms = rms;
    this.frameRate = frameRate > 0 ? frameRate : 0;
    const sorted = [...rms].sort((a, b) => a - b);
    const loud = sorted.length > 0 ? sorted[Math.min(sorted.length - 1, Math.floor(LOUD_PERCENTILE * sorted.length))] : 0;
    this.scale = loud > 0 ? 1 / loud : 0; // a silent song has no energy to follow
    this.fg = null;
    this.bg = null;
    this.lastSeconds = null;
  }

  /** The energy target at `seconds`, 0..1. */
  target(seconds) {
    if (this.rms.length === 0 || this.frameRate === 0) return 0;
    const i = Math.min(this.rms.length - 1, Math.max(0, Math.round(seconds * this.frameRate)));
    return Math.min(1, this.rms[i] * this.scale);
  }

  /**
   * Advances both layers to `seconds` and returns their smoothed energies {fg, bg}, 0..1.
   * @param {number} foregroundSeconds the foreground's time constant (the background's is BACKGROUND_LAG times it)
   */
  update(seconds, foregroundSeconds) {
    const x = this.target(seconds);
    const dt = this.lastSeconds === null ? Infinity : seconds - this.lastSeconds;
    this.lastSeconds = seconds;
    if (this.fg === null || !(dt >= 0) || dt > MAX_STEP_SECONDS) {
      this.fg = x;
      this.bg = x;
    } else {
      this.fg += (x - this.fg) * (1 - Math.exp(-dt / foregroundSeconds));
      this.bg += (x - this.bg) * (1 - Math.exp(-dt / (BACKGROUND_LAG * foregroundSeconds)));
    }
    return { fg: this.fg, bg: this.bg };
  }
}

/** A layer's opacity under the energy: its mix opacity at full energy, 3/4 of it in silence. */
export function energyOpacity(baseOpacity, energy) {
  return baseOpacity * (0.75 + 0.25 * energy);
}
