// Layer on butterchurn (WebGL2 MilkDrop in JavaScript): plays butterchurn's converted JSON presets.

import { Layer } from './layer.js';

/** Why butterchurn cannot run here, or null. */
export function butterchurnUnsupportedReason() {
  if (!window.butterchurn || !window.butterchurn.default
      || typeof window.butterchurn.default.createVisualizer !== 'function') {
    return 'the visualizer library (butterchurn) did not load';
  }
  const probe = document.createElement('canvas');
  return probe.getContext('webgl2') ? null : 'this browser has no WebGL 2';
}

/** Why `preset` (parsed JSON) is no butterchurn preset, or null when it looks like one. */
export function butterchurnPresetProblem(preset) {
  if (!preset || typeof preset !== 'object' || typeof preset.baseVals !== 'object' || preset.baseVals === null
      || !Array.isArray(preset.shapes) || !Array.isArray(preset.waves)) {
    return 'not a butterchurn preset (baseVals, shapes and waves are required)';
  }
  return null;
}

function checkPreset(preset) {
  const problem = butterchurnPresetProblem(preset);
  if (problem) throw new Error(problem);
}

export class ButterchurnLayer extends Layer {
  /** @param {{audioContext: AudioContext}} options */
  static async create(canvas, width, height, options = {}) {
    const reason = butterchurnUnsupportedReason();
    if (reason) throw new Error(`butterchurn cannot run: ${reason}`);
    if (!options.audioContext) throw new Error('ButterchurnLayer needs an audioContext');
    canvas.width = width;
    canvas.height = height;
    const viz = window.butterchurn.default.createVisualizer(options.audioContext, canvas, {
      width, height, pixelRatio: 1, textureRatio: 1,
    });
    return new ButterchurnLayer(viz, canvas);
  }

  constructor(viz, canvas) {
    super('butterchurn', canvas);
    this.viz = viz;
    this.audioNode = null;
    this.hasPreset = false;
  }

  /**
   * @param {object|{url: string}} preset a butterchurn preset object, or {url} of its JSON
   * @param {number} blendSeconds
   */
  async loadPreset(preset, blendSeconds = 0) {
    this.checkAlive();
    let data = preset;
    try {
      if (preset && typeof preset.url === 'string' && !preset.baseVals) {
        const response = await fetch(preset.url);
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${preset.url}`);
        data = await response.json();
      } else if (preset && preset.data) {
        data = preset.data;
      }
      checkPreset(data);
      this.checkAlive();
      this.viz.loadPreset(data, blendSeconds); // compiles the equations and shaders; throws on bad ones
    } catch (e) {
      throw this.fail(`butterchurn could not load the preset: ${e.message}`, e);
    }
    this.hasPreset = true;
    this.warmFrames = 0;
    return { warning: '' };
  }

  /** Butterchurn reads the audio itself through its own analysers: connect once, then nothing per frame. */
  feedAudio(tap) {
    this.checkAlive();
    const node = tap ? tap.node : null;
    if (node === this.audioNode) return;
    if (this.audioNode) {
      try { this.viz.disconnectAudio(this.audioNode); } catch (e) { /* already */ }
    }
    if (node) this.viz.connectAudio(node);
    this.audioNode = node;
  }

  render() {
    this.checkAlive();
    this.viz.render();
    this.warmFrames++;
  }

  resize(width, height) {
    this.checkAlive();
    this.canvas.width = width;
    this.canvas.height = height;
    this.viz.setRendererSize(width, height); // copies the picture into the new size: it does not start over
  }

  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.audioNode) {
      try { this.viz.disconnectAudio(this.audioNode); } catch (e) { /* already */ }
    }
    this.viz = null;
    const gl = this.canvas.getContext('webgl2');
    const lose = gl && gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
  }
}
