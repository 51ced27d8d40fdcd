// The widget's stage: two MilkDrop layers (projectM, or butterchurn where projectM cannot run) whose presets and
// mix follow the pair the engine planned for the section playing now, as on the main page.

import { Layers, POSITIONS, PresetLibrary, applyBlendMode, applyOpacity, chooseEngine, visualsUnavailableReason }
  from '../layers.js';
import { ProjectMPresetLibrary } from '../layers/projectm-preset-library.js';

/** Drawing buffers larger than this are scaled up by CSS: software WebGL would be too slow otherwise. */
const MAX_PIXELS = 960 * 540;

/** A projectM library whose preset URLs are resolved against its index (which may be on another origin). */
class WidgetPresetLibrary extends ProjectMPresetLibrary {
  async get(id) {
    const entry = await super.get(id);
    return { ...entry, url: new URL(entry.url, new URL(this.indexUrl, location.href)).href };
  }
}

/** Drawing-buffer size for a CSS box: the box itself, scaled down to at most MAX_PIXELS. */
export function bufferSize(width, height) {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const scale = Math.min(1, Math.sqrt(MAX_PIXELS / (w * h)));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

export class EmbedVisuals extends EventTarget {
  /**
   * Events: 'notice' {message} (something a viewer may want to know; the music plays on).
   * @param {{bg: HTMLCanvasElement, fg: HTMLCanvasElement}} canvases sized by the caller
   */
  constructor(audioContext, audioNode, canvases, { presetsUrl }) {
    super();
    this.audioContext = audioContext;
    this.audioNode = audioNode;
    this.canvases = canvases;
    this.libraries = { projectm: new WidgetPresetLibrary(presetsUrl), butterchurn: new PresetLibrary() };
    this.layers = null;
    this.started = false; // both layers have started (pair presets may be loaded)
    this.stopped = false; // rendering failed for good
    this.pair = null; // {pair, mix} on now
    this.nextRenderAt = 0;
  }

  get frames() {
    return this.layers ? this.layers.frames : 0;
  }

  get engines() {
    return this.layers ? { ...this.layers.engines } : { bg: null, fg: null };
  }

  get presets() {
    return this.layers ? { ...this.layers.presetNames } : { bg: null, fg: null };
  }

  notice(message) {
    this.dispatchEvent(new CustomEvent('notice', { detail: { message } }));
  }

  /** Starts both layers, with the planned pair's presets when the library has them. Rejects when it cannot. */
  async start() {
    const reason = visualsUnavailableReason();
    if (reason) throw new Error(reason);
    this.layers = new Layers(this.audioContext, this.canvases, this.audioNode, this.libraries);
    this.layers.addEventListener('error', (e) => this.notice(`${e.detail.position} layer: ${e.detail.message}`));
    this.layers.addEventListener('engine', () => this.applyMix());
    const planned = await chooseEngine(this.libraries.projectm);
    const index = await this.libraries[planned.engine].list();
    const presets = { bg: index.defaultBackground, fg: index.defaultForeground };
    const pair = this.pair && this.pair.pair;
    if (planned.engine === 'projectm' && pair && POSITIONS.every((p) => index.presets.some((x) => x.id === pair[p]))) {
      presets.bg = pair.bg;
      presets.fg = pair.fg;
    }
    await this.layers.start(planned.engine, presets, planned.reason);
    this.started = true;
    if (this.pair) this.showPair(this.pair.pair, 0); // the plan may have moved on while the layers started
  }

  /** Shows a pair of the plan: its presets (projectM on both layers only) and its coupling's mix. */
  showPair(pair, blendSeconds = null) {
    const { mix } = pair; // the engine's numbers for this pair (engine-core LayerMix)
    this.pair = { pair, mix };
    this.applyMix();
    if (!this.started) return;
    const engines = this.layers.engines;
    if (engines.bg !== 'projectm' || engines.fg !== 'projectm') return;
    const seconds = blendSeconds === null ? mix.transitionSeconds : blendSeconds;
    for (const position of POSITIONS) {
      if (this.layers.presetNames[position] !== pair[position]) {
        this.layers.loadPreset(position, pair[position], seconds).catch(() => {}); // failures come as 'error'
      }
    }
  }

  applyMix() {
    if (!this.pair) return;
    const { mix } = this.pair;
    const fg = this.layers ? this.layers.canvas('fg') : this.canvases.fg;
    const bg = this.layers ? this.layers.canvas('bg') : this.canvases.bg;
    applyBlendMode(fg, mix.blendMode);
    applyOpacity(fg, mix.fgOpacity);
    bg.style.opacity = String(mix.bgOpacity);
  }

  /**
   * One frame. The visuals take at most about half of the main thread: after a render that took c ms the next
   * waits c ms (software WebGL can take 100 ms a frame), as on the main page.
   */
  render(now) {
    // Rendering starts with the layers: the background may draw while the foreground's preset still compiles.
    if (!this.layers || this.stopped || now < this.nextRenderAt) return;
    const started = performance.now();
    try {
      this.layers.render();
    } catch (e) {
      this.stopped = true;
      this.notice(`The visuals stopped (${e && e.message ? e.message : e}); the music plays on.`);
      return;
    }
    const cost = performance.now() - started;
    this.nextRenderAt = cost > 20 ? started + 2 * cost : 0;
  }

  /** Follows a new widget size (drawing buffers), where the layers can resize. */
  resize(width, height) {
    const size = bufferSize(width, height);
    if (!this.layers || typeof this.layers.resize !== 'function') return;
    this.layers.resize(size.width, size.height);
  }
}
