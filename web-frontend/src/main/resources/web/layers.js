// Two butterchurn (MilkDrop) visualizers: a background and a foreground canvas blended with CSS.

export const BLEND_MODES = ['screen', 'plus-lighter', 'normal'];

/** Why visuals cannot run here, or null when they can. */
export function visualsUnavailableReason() {
  if (!window.butterchurn || !window.butterchurn.default
      || typeof window.butterchurn.default.createVisualizer !== 'function') {
    return 'The visualizer library (butterchurn) did not load, so the visuals are off.';
  }
  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) {
    return 'This browser has no WebGL 2, so the visuals are off; the analysis still works.';
  }
  return null;
}

export class Layers {
  /**
   * @param {AudioContext} audioContext
   * @param {{bg: HTMLCanvasElement, fg: HTMLCanvasElement}} canvases
   * @param {AudioNode} audioNode the node both layers listen to
   */
  constructor(audioContext, canvases, audioNode) {
    this.canvases = canvases;
    this.visualizers = {};
    this.presetNames = {};
    for (const layer of ['bg', 'fg']) {
      const canvas = canvases[layer];
      const viz = window.butterchurn.default.createVisualizer(audioContext, canvas, {
        width: canvas.width,
        height: canvas.height,
        pixelRatio: 1,
        textureRatio: 1,
      });
      viz.connectAudio(audioNode);
      this.visualizers[layer] = viz;
    }
    this.frames = 0;
  }

  /** Loads a preset object into 'bg' or 'fg', blending from the previous one over `blendSeconds`. */
  loadPreset(layer, name, preset, blendSeconds = 1.5) {
    this.visualizers[layer].loadPreset(preset, blendSeconds);
    this.presetNames[layer] = name;
  }

  /** Renders one frame of each layer (background first). */
  render() {
    this.visualizers.bg.render();
    this.visualizers.fg.render();
    this.frames++;
  }
}

/** Sets the CSS blend mode of the foreground canvas (screen, plus-lighter = add, or normal). */
export function applyBlendMode(canvas, mode) {
  canvas.style.mixBlendMode = BLEND_MODES.includes(mode) ? mode : 'screen';
}

/** Sets the foreground opacity, 0..1. */
export function applyOpacity(canvas, value) {
  const v = Number(value);
  canvas.style.opacity = String(Number.isFinite(v) ? Math.min(Math.max(v, 0), 1) : 0.7);
}

/** Fetches the preset list and single presets (one small JSON file each, cached). */
export class PresetLibrary {
  constructor(indexUrl = '/presets/index.json', presetBase = '/vendor/butterchurn-presets/presets/') {
    this.indexUrl = indexUrl;
    this.presetBase = presetBase;
    this.cache = new Map();
    this.index = null;
  }

  async list() {
    if (this.index === null) {
      const response = await fetch(this.indexUrl);
      if (!response.ok) {
        throw new Error(`preset list: HTTP ${response.status}`);
      }
      const index = await response.json();
      const presets = Array.isArray(index.presets)
        ? index.presets.filter((p) => p && typeof p.name === 'string' && typeof p.file === 'string')
        : [];
      if (presets.length === 0) {
        throw new Error('preset list is empty');
      }
      const names = presets.map((p) => p.name);
      this.index = {
        presets,
        defaultBackground: names.includes(index.defaultBackground) ? index.defaultBackground : names[0],
        defaultForeground: names.includes(index.defaultForeground)
          ? index.defaultForeground : names[Math.min(1, names.length - 1)],
      };
    }
    return this.index;
  }

  async get(name) {
    if (!this.cache.has(name)) {
      const { presets } = await this.list();
      const entry = presets.find((p) => p.name === name);
      if (!entry) {
        throw new Error(`unknown preset ${name}`);
      }
      const promise = fetch(this.presetBase + encodeURIComponent(entry.file)).then((response) => {
        if (!response.ok) {
          throw new Error(`preset ${name}: HTTP ${response.status}`);
        }
        return response.json();
      });
      promise.catch(() => this.cache.delete(name));
      this.cache.set(name, promise);
    }
    return this.cache.get(name);
  }
}
