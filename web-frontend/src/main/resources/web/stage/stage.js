// The visual output of a show: two MilkDrop layers on the stage element, the engine they run (projectM, or
// butterchurn where it cannot), their drawing-buffer size (a sizer: StageResolution on the page, FixedSize in the
// widget), the throttled render and the CSS mix of the layers. It takes numbers (a pair's mix, a look) and never
// decides them: that is the show's (show/show.js) and, through the plan, the engine's.

import { applyBlendMode, applyOpacity } from './blend.js';
import { Layers, POSITIONS, chooseEngine, visualsUnavailableReason } from './layers.js';

/** How often the page asks whether the server has finished building projectM. */
const PROJECTM_BUILD_POLL_MS = 5000;

/** Events of the running layers (layers.js) that the stage passes on. */
const LAYER_EVENTS = ['engine', 'loading', 'preset', 'error', 'warning'];

export class Stage extends EventTarget {
  /**
   * Events: those of Layers ('engine', 'loading', 'preset', 'error', 'warning'; the same details),
   * 'notice' {message} (the visuals are off or stopped, or projectM has become ready; the music plays on) and
   * 'planned' {engine, reason} (the engine the layers will start with changed before they started) and
   * 'frame' (both layers have just drawn a frame).
   * @param {{element: HTMLElement, canvases: {bg: HTMLCanvasElement, fg: HTMLCanvasElement},
   *   sizer: {fit(), attach(layers), frame(now, busy), idle(), presetLoading()},
   *   libraries: {projectm: ProjectMPresetLibrary, butterchurn: ButterchurnPresetLibrary}}} parts
   */
  constructor({ element, canvases, sizer, libraries }) {
    super();
    this.element = element;
    this.canvases = canvases;
    this.sizer = sizer;
    this.libraries = libraries;
    this.layers = null;
    this.disabled = false;
    this.planned = null; // {engine, reason} once chosen
    this.planning = null;
    this.nextRenderAt = 0;
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  notice(message) {
    this.emit('notice', { message });
  }

  /**
   * The engine the layers start with (chosen once): projectM where it can run, else butterchurn and why. While
   * the server is still building projectM (a first `./aivj serve`), it asks again every few seconds and moves
   * the layers to projectM once it is ready ('engine' events; the show then loads the current pair on it).
   */
  plan() {
    if (this.planning === null) {
      this.planning = chooseEngine(this.libraries.projectm).then((planned) => {
        this.planned = planned;
        if (planned.building) setTimeout(() => this.replan(), PROJECTM_BUILD_POLL_MS);
        return planned;
      });
    }
    return this.planning;
  }

  /** Chooses the engine again; when it is projectM now, the running layers switch to it. */
  async replan() {
    this.planning = null;
    const planned = await this.plan();
    if (planned.engine !== 'projectm') return;
    if (this.layers === null) {
      this.emit('planned', planned); // no layers yet: the next song starts on projectM
      return;
    }
    const presets = await this.defaultPresets('projectm');
    for (const position of POSITIONS) {
      if (this.layers.slots[position].engine !== 'projectm') {
        await this.layers.startSlot(position, 'projectm', presets[position]);
      }
    }
    this.notice('projectM is ready on this server: the layers switched to it.');
  }

  /** The layer canvas now (a layer that changes engine gets a fresh canvas element). */
  canvas(position) {
    return this.layers ? this.layers.canvas(position) : this.canvases[position];
  }

  /** {engine, loading} of a layer; before the layers start, the planned engine. */
  slot(position) {
    if (!this.layers) return { engine: this.planned ? this.planned.engine : null, loading: false, presetId: null };
    const { engine, loading, presetId } = this.layers.slots[position];
    return { engine, loading, presetId };
  }

  get frames() {
    return this.layers ? this.layers.frames : 0;
  }

  get engines() {
    return { bg: this.slot('bg').engine, fg: this.slot('fg').engine };
  }

  get presets() {
    return this.layers ? { ...this.layers.presetNames } : { bg: null, fg: null };
  }

  /** Frames each layer has drawn since its picture last started over (a preset load, a projectM rebuild). */
  get warmFrames() {
    const of = (position) => (this.layers && this.layers.slots[position].layer
      ? this.layers.slots[position].layer.warmFrames : 0);
    return { bg: of('bg'), fg: of('fg') };
  }

  /**
   * Starts both layers on the planned engine, fed from `audioNode`, with the presets `choosePresets(planned)`
   * resolves to. Returns null when the layers run already or cannot run (a 'notice' says why); otherwise a promise
   * that resolves true once both started (false when they could not: a 'notice' says why).
   */
  start(audioContext, audioNode, choosePresets) {
    if (this.layers !== null || this.disabled) return null;
    const reason = visualsUnavailableReason();
    if (reason) {
      this.disabled = true;
      this.notice(reason);
      return null;
    }
    this.sizer.fit(); // the engines start at the stage's size
    try {
      this.layers = new Layers(audioContext, this.canvases, audioNode, this.libraries);
    } catch (e) {
      this.disabled = true;
      this.notice(`The visuals could not start (${e.message}); the analysis still works.`);
      return null;
    }
    this.sizer.attach(this.layers);
    for (const type of LAYER_EVENTS) {
      this.layers.addEventListener(type, (e) => {
        // A compile stall and a blend of two presets: not a measure of the resolution.
        if (type === 'loading') this.sizer.presetLoading();
        this.emit(type, e.detail);
      });
    }
    const layers = this.layers;
    return (async () => {
      const planned = await this.plan();
      await layers.start(planned.engine || 'butterchurn', await choosePresets(planned), planned.reason);
      return true;
    })().catch((e) => {
      console.warn('AIVJ: the visuals could not start', e);
      this.notice(`The visuals could not start (${e && e.message ? e.message : e}); the music plays on.`);
      return false;
    });
  }

  /** The library defaults of `engine`: {bg, fg}. */
  async defaultPresets(engine) {
    const index = await this.libraries[engine].list();
    return { bg: index.defaultBackground, fg: index.defaultForeground };
  }

  /** Loads a preset on one layer (failures come as 'error' events; the layer keeps its previous preset). */
  async loadPreset(position, id, blendSeconds = 1.5) {
    if (!this.layers || !id) return false;
    return this.layers.loadPreset(position, id, blendSeconds);
  }

  /** Shows a pair of the plan: each layer on projectM loads its preset (a layer on butterchurn keeps its own). */
  showPair(pair, blendSeconds) {
    if (!this.layers) return;
    for (const position of POSITIONS) {
      const slot = this.layers.slots[position];
      if (slot.engine === 'projectm' && slot.presetId !== pair[position]) {
        this.loadPreset(position, pair[position], blendSeconds).catch(() => {});
      }
    }
  }

  /** A pair's layer mix (the engine's LayerMix numbers): blend and foreground opacity, background opacity. */
  applyMix(mix) {
    applyBlendMode(this.canvas('fg'), mix.blendMode);
    applyOpacity(this.canvas('fg'), mix.fgOpacity);
    this.canvas('bg').style.opacity = String(mix.bgOpacity);
  }

  /** A look (show/look.js): blend, opacities, the beat zoom of both layers and the stage's hue. */
  applyLook(v, zoom) {
    const transform = `scale(${zoom.toFixed(4)})`;
    const fg = this.canvas('fg');
    const bg = this.canvas('bg');
    applyOpacity(fg, v.fgOpacity);
    applyBlendMode(fg, v.blendMode);
    fg.style.transform = transform;
    bg.style.opacity = String(v.bgOpacity);
    bg.style.transform = transform;
    this.element.style.filter = `hue-rotate(${v.hueShift.toFixed(1)}deg)`;
  }

  /** Back to a plain mix: no zoom, no hue, the background opaque, the foreground as given. */
  resetLook(blendMode, fgOpacity) {
    for (const position of POSITIONS) this.canvas(position).style.transform = '';
    this.canvas('bg').style.opacity = '';
    this.element.style.filter = '';
    this.setForeground(blendMode, fgOpacity);
  }

  setForeground(blendMode, opacity) {
    applyBlendMode(this.canvas('fg'), blendMode);
    applyOpacity(this.canvas('fg'), opacity);
  }

  /**
   * One animation frame at `now` (its rAF timestamp). The visuals may take at most about half of the main
   * thread: after a render that took c ms, the next one waits c ms (software WebGL can take 100 ms a frame),
   * so the page stays responsive. The sizer measures the rate of the frames drawn.
   */
  render(now) {
    if (!this.layers || now < this.nextRenderAt) return;
    this.sizer.frame(now, this.layers.slots.bg.loading || this.layers.slots.fg.loading);
    const started = performance.now();
    try {
      this.layers.render();
    } catch (e) {
      console.warn('AIVJ: rendering failed', e);
      this.layers = null;
      this.disabled = true;
      this.notice(`The visuals stopped (${e.message}); the music plays on.`);
    }
    // Right after drawing, while the WebGL buffers still hold the picture: a recording copies it (composite-capture.js).
    if (this.layers) this.dispatchEvent(new Event('frame'));
    const cost = performance.now() - started;
    this.nextRenderAt = cost > 20 ? started + 2 * cost : 0;
  }

  /** Not playing: the next measurement of the frame rate starts afresh. */
  idle() {
    this.sizer.idle();
  }
}
