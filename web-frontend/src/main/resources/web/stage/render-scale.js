// Adaptive render resolution, the deciding part: it measures how often the layers draw (the rAF timestamps
// of the frames they rendered) over a sliding window, and picks the scale of their drawing buffers. Pure
// logic, no DOM and no clock of its own, so it can be tested by feeding it timestamps.
//
// Hysteresis, so the scale does not oscillate: down needs < 50 fps for 2 s, up needs >= 58 fps for 5 s (the
// band in between changes nothing) and goes one step at a time; after a change the first second is ignored
// (projectM rebuilds its instance and recompiles its preset at the new size); and when a step up has to be taken
// back soon after, the next try waits twice as long (up to a minute).
//
// Every change restarts projectM's picture, so a rate far below skips the steps that could not reach 50 fps
// even if all of the cost were pixels (cost ∝ scale²): software rendering at 5 fps goes to the last step at
// once instead of through three restarts. The caller may forbid the lowest steps (limit()): a small stage
// has no use for them.

/** Scales of the drawing buffer relative to the canvas's CSS size × devicePixelRatio, best first. */
export const SCALE_STEPS = Object.freeze([1, 0.75, 0.5, 0.35]);

export const DEFAULTS = Object.freeze({
  steps: SCALE_STEPS,
  lowFps: 50,          // below this for downAfterMs: a step down (more than one when far below)
  highFps: 58,         // at or above this for upAfterMs: one step up
  downAfterMs: 2000,
  upAfterMs: 5000,
  maxUpAfterMs: 60000, // the longest wait before trying a step up again after failed tries
  probeMs: 10000,      // a step down sooner than this after a step up means the step up failed
  windowMs: 1000,      // the sliding window the rate is measured over
  minFrames: 12,       // a rate measured over fewer frames is noise (at 5 fps: judged after 2.4 s)
  settleMs: 1000,      // frames this soon after a change are not measured
  maxGapMs: 2000,      // a longer gap between frames (hidden tab, pause) starts the measurement again
});

export class RenderScale {
  /** @param {Partial<typeof DEFAULTS>} [options] */
  constructor(options = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.step = 0;
    this.maxStep = this.options.steps.length - 1;
    this.upAfterMs = this.options.upAfterMs;
    this.lastUpAt = null;
    this.settleUntil = -Infinity;
    this.reset();
  }

  /** The current scale (1 = full resolution). */
  get scale() {
    return this.options.steps[this.step];
  }

  /** The measured frame rate over the window, or null while there is none. */
  get fps() {
    const t = this.times;
    const span = t.length < 2 ? 0 : t[t.length - 1] - t[0];
    return span > 0 ? ((t.length - 1) * 1000) / span : null;
  }

  /**
   * Allows steps 0..maxStep only (steps further down would give the same size). Returns true when the
   * current step had to come up to it.
   */
  limit(maxStep) {
    this.maxStep = Math.min(Math.max(0, maxStep), this.options.steps.length - 1);
    if (this.step <= this.maxStep) return false;
    this.step = this.maxStep;
    return true;
  }

  /** Forgets the measurement (paused, a preset compiling, a new size), keeps the scale. */
  reset() {
    this.times = [];
    this.measuredSince = null;
    this.measuredFrames = 0;
    this.slowSince = null;
    this.fastSince = null;
  }

  /** Forgets the measurement and ignores frames until `now + ms` (the picture was just resized, say). */
  settle(now, ms = this.options.settleMs) {
    this.reset();
    this.settleUntil = Math.max(this.settleUntil, now + ms);
  }

  /**
   * One rendered frame at `now` (ms, a rAF timestamp). Returns true when the scale changed: the caller then
   * resizes the drawing buffers.
   */
  frame(now) {
    const o = this.options;
    if (now < this.settleUntil) return false;
    const t = this.times;
    if (t.length > 0 && now - t[t.length - 1] > o.maxGapMs) this.reset();
    if (this.measuredSince === null) this.measuredSince = now;
    this.measuredFrames++;
    this.times.push(now);
    // Slide the window, but keep the newest interval even when it alone is longer than the window.
    while (this.times.length > 2 && this.times[0] < now - o.windowMs) this.times.shift();
    if (this.lastUpAt !== null && now - this.lastUpAt >= o.probeMs) {
      this.lastUpAt = null; // the step up held: the next one may come at the normal pace
      this.upAfterMs = o.upAfterMs;
    }
    if (now - this.measuredSince < o.windowMs / 2 || this.measuredFrames < o.minFrames) return false; // too little

    const fps = this.fps;
    if (fps === null) return false;
    if (fps < o.lowFps) {
      this.fastSince = null;
      if (this.slowSince === null) this.slowSince = this.times[0]; // slow since the window's first frame
      if (now - this.slowSince >= o.downAfterMs && this.step < this.maxStep) {
        if (this.lastUpAt !== null) this.upAfterMs = Math.min(this.upAfterMs * 2, o.maxUpAfterMs);
        this.lastUpAt = null;
        return this.change(this.stepDownFor(fps), now);
      }
    } else if (fps >= o.highFps) {
      this.slowSince = null;
      if (this.fastSince === null) this.fastSince = this.times[0];
      if (now - this.fastSince >= this.upAfterMs && this.step > 0) {
        this.lastUpAt = now;
        return this.change(this.step - 1, now);
      }
    } else {
      this.slowSince = null; // inside the band: neither direction builds up
      this.fastSince = null;
    }
    return false;
  }

  /** The next step down, skipping those still below lowFps at `fps` × (scale / their scale)². */
  stepDownFor(fps) {
    const { steps, lowFps } = this.options;
    let next = this.step + 1;
    while (next < this.maxStep && fps * (this.scale / steps[next]) ** 2 < lowFps) next++;
    return next;
  }

  change(step, now) {
    this.step = step;
    this.settle(now);
    return true;
  }
}

/**
 * The drawing-buffer size for a canvas shown at cssWidth × cssHeight: CSS size × devicePixelRatio × scale,
 * in whole pixels, but never narrower than minWidth (nor wider than the full size), keeping the aspect.
 */
export function drawingSize(cssWidth, cssHeight, devicePixelRatio, scale, minWidth = 16) {
  const full = cssWidth * (devicePixelRatio > 0 ? devicePixelRatio : 1);
  const width = Math.max(1, Math.round(Math.max(full * scale, Math.min(minWidth, full))));
  return { width, height: Math.max(1, Math.round((width * cssHeight) / cssWidth)) };
}

/**
 * The last step worth taking for a canvas `fullWidth` pixels wide at scale 1 when drawing buffers are never
 * narrower than minWidth: the first step at or under the floor (it gives the floor), or the last step.
 */
export function lowestUsefulStep(steps, fullWidth, minWidth) {
  const floor = Math.min(1, minWidth / fullWidth);
  const first = steps.findIndex((s) => s <= floor);
  return first === -1 ? steps.length - 1 : first;
}
