// Layer on projectM 3.1.12 (WebAssembly + WebGL2, module from projectm-wasm): plays MilkDrop .milk presets.

import { Layer, afterNextPaint } from './layer.js';

/** Where the projectm-wasm module serves its wrapper (it loads projectm/projectm-layer.{js,wasm} beside it). */
export const PROJECTM_MODULE_URL = '/projectm-layer.js';

// After a rebuild at a new size (resize) the new projectM instance draws this many frames at once, fed the newest
// audio, before the page shows one: its picture starts from black (a step of the render scale showed a black or
// dim layer on slow software rendering), and the feedback presets measured were back to their usual contrast after
// 2 to 10 frames. 20, as the preset checker's warm-up.
const WARM_UP_FRAMES = 20;

let corePromise = null;

/** Loads projectm-layer.js once; rejects when it is missing (the app was built without projectM). */
export function loadProjectMCore(url = PROJECTM_MODULE_URL) {
  if (corePromise === null) {
    corePromise = import(url).then((ns) => {
      if (!ns.ProjectMLayer || typeof ns.ProjectMLayer.create !== 'function') {
        throw new Error(`${url} has no ProjectMLayer`);
      }
      return ns.ProjectMLayer;
    });
    corePromise.catch(() => { corePromise = null; });
  }
  return corePromise;
}

let hasWebGL2 = null;

/** Why projectM cannot run in this browser (no WebGL2), or null. The module itself is checked by create(). */
export function projectMUnsupportedReason() {
  if (hasWebGL2 === null) {
    // Probed once, and the probe's context freed at once: the browser drops the oldest live context past its
    // limit (16 in Chromium).
    const gl = document.createElement('canvas').getContext('webgl2');
    hasWebGL2 = !!gl;
    const lose = gl && gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
  }
  return hasWebGL2 ? null : 'this browser has no WebGL 2';
}

/** The .milk text of a preset: text (must contain a line break), a URL, or an entry {text} / {url}. */
async function presetText(preset) {
  let source = preset;
  if (source && typeof source === 'object' && !(source instanceof URL)) {
    if (typeof source.text === 'string') return source.text;
    source = source.url;
  }
  if (typeof source === 'string' && source.includes('\n')) return source;
  if (!source) throw new Error('no preset text or URL');
  const response = await fetch(source);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${source}`);
  return response.text();
}

export class ProjectMLayer extends Layer {
  /** @param {{moduleUrl?: string}} [options] */
  static async create(canvas, width, height, options = {}) {
    const reason = projectMUnsupportedReason();
    if (reason) throw new Error(`projectM cannot run: ${reason}`);
    const Core = await loadProjectMCore(options.moduleUrl);
    const core = await Core.create(canvas, width, height);
    return new ProjectMLayer(core, canvas);
  }

  constructor(core, canvas) {
    super('projectm', canvas);
    this.core = core;
    this.audioTime = -1;
    this.tap = null; // the last audio fed, for the warm-up after a resize
    this.hasPreset = false;
    this.core.addEventListener('warning', (e) => this.warn(e.detail.message));
  }

  /**
   * @param {string|{url?: string, text?: string}} preset .milk text, its URL, or a library entry
   * @param {number} blendSeconds 0 = hard cut
   */
  async loadPreset(preset, blendSeconds = 0) {
    this.checkAlive();
    let text;
    try {
      text = await presetText(preset);
    } catch (e) {
      throw this.fail(`could not fetch the preset: ${e.message}`, e);
    }
    // projectM parses the preset and compiles its shaders synchronously (seconds for MilkDrop 2 presets in
    // software WebGL): let the page paint its "loading" state first.
    await afterNextPaint();
    this.checkAlive();
    try {
      const result = await this.core.loadPreset(text, blendSeconds);
      this.hasPreset = true;
      this.warmFrames = 0;
      return { warning: result && result.warning ? result.warning : '' };
    } catch (e) {
      throw this.fail(e.message || String(e), e);
    }
  }

  /** @param {import('./audio-tap.js').AudioTap} tap */
  feedAudio(tap) {
    this.checkAlive();
    this.tap = tap;
    const { samples, time } = tap.samplesSince(this.audioTime);
    this.audioTime = time;
    if (samples.length) this.core.feedPcm(samples);
  }

  render() {
    this.checkAlive();
    this.core.render();
    this.warmFrames++;
  }

  /** A new projectM instance at the new size (projectm-wasm's pmw_resize), warmed up before it is shown. */
  resize(width, height) {
    this.checkAlive();
    this.core.resize(width, height);
    this.warmFrames = 0;
    this.audioTime = -1; // the new instance has no audio yet: give it the whole window
    if (!this.hasPreset) return;
    if (this.tap) this.feedAudio(this.tap); // the loop below is synchronous: no newer audio arrives during it
    for (let i = 0; i < WARM_UP_FRAMES; i++) this.render();
  }

  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.core.destroy();
  }
}
