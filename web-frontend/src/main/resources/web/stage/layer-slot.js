// One stage position (background or foreground): its canvas, the engine layer drawing on it, the preset it
// plays and whether a preset is loading. Switching engines needs a fresh canvas (a canvas keeps its first
// WebGL context), so the canvas element is replaced by a clone with the same id, classes and style.

import { ButterchurnLayer } from './butterchurn-layer.js';
import { ProjectMLayer } from './projectm-layer.js';

const ENGINES = { projectm: ProjectMLayer, butterchurn: ButterchurnLayer };

export class LayerSlot {
  /**
   * @param {'bg'|'fg'} position
   * @param {HTMLCanvasElement} canvas the canvas in the document (its width/height are the drawing size)
   */
  constructor(position, canvas) {
    this.position = position;
    this.canvas = canvas;
    this.layer = null;
    this.engine = null;
    this.presetId = null;
    this.pendingLoads = 0;
    this.canvasUsed = false; // an engine was (or tried to be) created on this canvas
  }

  get loading() {
    return this.pendingLoads > 0;
  }

  /** Replaces the layer by a new one of `engine` on a fresh canvas. Throws (slot left empty) on failure. */
  async useEngine(engine, options) {
    const Engine = ENGINES[engine];
    if (!Engine) throw new Error(`unknown engine ${engine}`);
    const old = this.layer;
    this.layer = null;
    this.engine = null;
    this.presetId = null;
    if (old) old.destroy();
    if (this.canvasUsed) {
      const fresh = this.canvas.cloneNode(false);
      this.canvas.replaceWith(fresh);
      this.canvas = fresh;
    }
    this.canvasUsed = true;
    const layer = await Engine.create(this.canvas, this.canvas.width, this.canvas.height, options);
    this.layer = layer;
    this.engine = engine;
    return layer;
  }

  destroy() {
    if (this.layer) this.layer.destroy();
    this.layer = null;
    this.engine = null;
  }
}
