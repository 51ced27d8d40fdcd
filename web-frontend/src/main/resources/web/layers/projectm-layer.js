// Layer on projectM 3.1.12 (WebAssembly + WebGL2, module from projectm-wasm): plays MilkDrop .milk presets.

import { Layer, afterNextPaint } from './layer.js';

/** Where the projectm-wasm module serves its wrapper (it loads projectm/projectm-layer.{js,wasm} beside it). */
export const PROJECTM_MODULE_URL = '/projectm-layer.js';

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

/** Why projectM cannot run in this browser (no WebGL2), or null. The module itself is checked by create(). */
export function projectMUnsupportedReason() {
  const probe = document.createElement('canvas');
  return probe.getContext('webgl2') ? null : 'this browser has no WebGL 2';
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
      return { warning: result && result.warning ? result.warning : '' };
    } catch (e) {
      throw this.fail(e.message || String(e), e);
    }
  }

  /** @param {import('./audio-tap.js').AudioTap} tap */
  feedAudio(tap) {
    this.checkAlive();
    const { samples, time } = tap.samplesSince(this.audioTime);
    this.audioTime = time;
    if (samples.length) this.core.feedPcm(samples);
  }

  render() {
    this.checkAlive();
    this.core.render();
  }

  resize(width, height) {
    this.checkAlive();
    this.core.resize(width, height);
  }

  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.core.destroy();
  }
}
