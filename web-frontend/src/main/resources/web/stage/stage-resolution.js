// Keeps the layers' drawing buffers at the stage's CSS size × devicePixelRatio × the adaptive render scale
// (render-scale.js decides the scale) and shows the measured rate and scale, e.g. "60 fps · 100 %". Only the
// canvases' drawing-buffer size changes, through Layers.resize (butterchurn resizes its renderer, projectM
// layers build a new projectM instance at the new size): the audio is never touched.

import { RenderScale, SCALE_STEPS, drawingSize, lowestUsefulStep } from './render-scale.js';

const READOUT_EVERY_MS = 500; // the readout is for people: a few updates a second are plenty
// After a preset loads, the old and the new one blend for up to 4 s (pair-show: 1..4 s, menus: 1.5 s) and
// both render meanwhile: that rate says nothing about the steady one, so it is not measured.
const PRESET_SETTLE_MS = 4000;
// Drawing buffers are never narrower than this (the page's former fixed size, 480 × 270): below it MilkDrop
// presets stop looking like themselves (1-pixel waves, coarse feedback; some pairs fade to a flat dark
// picture at 252 × 142), and the scale only goes lower where the stage is wider (fullscreen, high DPI).
const MIN_WIDTH = 480;

export class StageResolution {
  /**
   * @param {HTMLElement} stage the element the layer canvases fill
   * @param {() => HTMLCanvasElement[]} canvases the layer canvases now (an engine change swaps the element)
   * @param {Element[]} readouts where "fps · scale" is shown
   * @param {object} [options] RenderScale options
   */
  constructor(stage, canvases, readouts, options) {
    this.stage = stage;
    this.canvases = canvases;
    this.readouts = readouts;
    this.scaler = new RenderScale({ steps: SCALE_STEPS, ...options });
    this.layers = null;
    this.fitPending = true;
    this.fittedDpr = window.devicePixelRatio;
    this.shownAt = -Infinity;
    // The stage changes size with the window and in and out of fullscreen: refit on the next frame.
    if (typeof ResizeObserver === 'function') {
      new ResizeObserver(() => { this.fitPending = true; }).observe(stage);
    }
    this.show();
  }

  /** The scale the drawing buffers have now: their width over the stage's CSS width × devicePixelRatio. */
  get scale() {
    const full = this.stage.clientWidth * window.devicePixelRatio;
    return full > 0 ? Math.round((100 * this.canvases()[0].width) / full) / 100 : this.scaler.scale;
  }

  get fps() {
    return this.scaler.fps;
  }

  /**
   * True once the scale will not step down: it is at its lowest step, or a rate measured at the current size is
   * fast enough. (Whether the layers have drawn enough since a step or a preset load is their warmFrames.)
   */
  get settled() {
    if (this.scaler.step >= this.scaler.maxStep) return true;
    const fps = this.scaler.fps;
    return fps !== null && fps >= this.scaler.options.lowFps;
  }

  /** The running layers; before there are any, only the canvas elements are sized. */
  attach(layers) {
    this.layers = layers;
    this.fitPending = true;
  }

  /** The drawing-buffer size the layers should have now. */
  targetSize() {
    return drawingSize(this.stage.clientWidth, this.stage.clientHeight, window.devicePixelRatio,
      this.scaler.scale, MIN_WIDTH);
  }

  /** Gives the drawing buffers the target size where they differ. Returns true when anything changed. */
  fit(now = performance.now()) {
    this.fitPending = false;
    this.fittedDpr = window.devicePixelRatio;
    if (this.stage.clientWidth === 0 || this.stage.clientHeight === 0) return false; // hidden: keep the size
    // Steps that would go under MIN_WIDTH at this stage size are not taken (nor kept, after fullscreen).
    this.scaler.limit(lowestUsefulStep(this.scaler.options.steps,
      this.stage.clientWidth * window.devicePixelRatio, MIN_WIDTH));
    const { width, height } = this.targetSize();
    let changed = false;
    if (this.layers) {
      changed = this.layers.resize(width, height);
    } else {
      for (const canvas of this.canvases()) {
        if (canvas.width === width && canvas.height === height) continue;
        canvas.width = width;
        canvas.height = height;
        changed = true;
      }
    }
    // The rate measured at the old size says nothing about the new one. Settled from the end of the resize: a
    // projectM layer's rebuild and warm-up (projectm-layer.js) take a while on slow machines.
    if (changed) this.scaler.settle(performance.now());
    this.show(now, true);
    return changed;
  }

  /**
   * Call right before the layers render a frame at `now` (its rAF timestamp): measures the rate, and resizes
   * first when a new size is due, so no cleared buffer is ever shown. `busy`: a preset is loading; its compile
   * stalls the page, which says nothing about the resolution, and resizing then would compile it twice.
   */
  frame(now, busy) {
    if (busy) {
      this.scaler.reset();
    } else {
      if (this.scaler.frame(now)) this.fitPending = true;
      // Moving the window to a screen of another pixel density changes no CSS size: check it here.
      if (this.fitPending || window.devicePixelRatio !== this.fittedDpr) this.fit(now);
    }
    this.show(now);
  }

  /** A preset started or finished loading: measure afresh once its blend is over. */
  presetLoading(now = performance.now()) {
    this.scaler.settle(now, PRESET_SETTLE_MS);
  }

  /** Paused: the next measurement starts afresh. Sizes change only while playing (resizing clears the picture). */
  idle() {
    this.scaler.reset();
    this.show(performance.now(), true);
  }

  show(now = performance.now(), force = false) {
    if (!force && now - this.shownAt < READOUT_EVERY_MS) return;
    this.shownAt = now;
    const fps = this.fps;
    const text = `${fps === null ? '–' : Math.round(fps)} fps · ${Math.round(this.scale * 100)} %`;
    const canvas = this.canvases()[0];
    const title = `Visuals: measured frame rate and render resolution (${canvas.width} × ${canvas.height} px)`;
    for (const readout of this.readouts) {
      if (readout.textContent !== text) readout.textContent = text;
      if (readout.title !== title) readout.title = title;
    }
  }
}
