// ProjectMLayer: one projectM (MilkDrop) visualiser on one canvas, running projectM 3.1.12
// compiled to WebAssembly/WebGL2 (see projectm-wasm/build.sh and host/layer_host.cpp).
//
// Layout expected by default (override with options.moduleUrl):
//   <dir>/projectm-layer.js              (this wrapper, ES module)
//   <dir>/projectm/projectm-layer.js     (Emscripten ES module factory, createProjectMModule)
//   <dir>/projectm/projectm-layer.wasm
//
// Each layer has a wasm instance of its own (the module is fetched and compiled once): projectM
// 3.1.12 keeps its equation functions in globals that deleting any instance frees, so layers that
// shared one instance broke each other when one was rebuilt (at a new size). Each layer has its own
// WebGL2 context on its own canvas.
//
// Events (EventTarget): 'error' (CustomEvent, detail {message, status}) when a preset is
// rejected; 'warning' (detail {message}) when some preset lines were ignored.
//
// projectM is LGPL-2.1; the build recipe and patches are in projectm-wasm/.

const factoryPromises = new Map();
let canvasIdCounter = 0;

// In a worker, Emscripten's html5 glue still finds a canvas with document.querySelector (and names `window` in its
// table of event targets): a stand-in document that knows this module's offscreen canvases lets projectM draw there.
const offscreenCanvases = new Map();

/** The CSS selector the C++ host finds `canvas` by: its id in a page, a registered name for an OffscreenCanvas. */
function canvasSelector(canvas) {
  if (typeof OffscreenCanvas !== 'undefined' && canvas instanceof OffscreenCanvas) {
    if (typeof document === 'undefined') {
      globalThis.window = globalThis;
      globalThis.document = { querySelector: (selector) => offscreenCanvases.get(selector) || null };
    }
    const selector = `#projectm-offscreen-${++canvasIdCounter}`;
    offscreenCanvases.set(selector, canvas);
    return selector;
  }
  if (typeof HTMLCanvasElement === 'undefined' || !(canvas instanceof HTMLCanvasElement) || !canvas.isConnected) {
    throw new TypeError('ProjectMLayer.create: canvas must be an HTMLCanvasElement in the document or an OffscreenCanvas');
  }
  if (!canvas.id) canvas.id = `projectm-layer-canvas-${++canvasIdCounter}`;
  return `#${CSS.escape(canvas.id)}`;
}

/** A new instance of the Emscripten module (its factory is imported once per URL). */
function loadModule(moduleUrl) {
  const key = String(moduleUrl);
  if (!factoryPromises.has(key)) {
    const p = import(/* webpackIgnore: true */ key).then((ns) => ns.default);
    p.catch(() => factoryPromises.delete(key));
    factoryPromises.set(key, p);
  }
  return factoryPromises.get(key).then((factory) => factory({
    // Forward projectM's stray stdout/stderr to the console (loading output is captured in C++).
    print: (t) => console.debug('[projectM]', t),
    printErr: (t) => console.debug('[projectM]', t),
  }));
}

function looksLikeUrl(s) {
  if (s instanceof URL) return true;
  if (typeof s !== 'string' || s.includes('\n') || s.length > 2048) return false;
  return /^(https?:|blob:|data:|\.{0,2}\/)/i.test(s) || /\.milk([?#].*)?$/i.test(s);
}

export class ProjectMLayer extends EventTarget {
  /**
   * @param {HTMLCanvasElement|OffscreenCanvas} canvas a canvas attached to the document, or (in a worker) an
   *   OffscreenCanvas
   * @param {number} width  drawing-buffer width in pixels
   * @param {number} height drawing-buffer height in pixels
   * @param {{moduleUrl?: string|URL}} [options]
   */
  static async create(canvas, width, height, options = {}) {
    const selector = canvasSelector(canvas);
    const moduleUrl = options.moduleUrl ?? new URL('./projectm/projectm-layer.js', import.meta.url);
    const mod = await loadModule(moduleUrl);
    const handle = withCString(mod, selector, (p) => mod._pmw_create(p, width | 0, height | 0));
    if (!handle) throw new Error(`projectM layer creation failed: ${mod.UTF8ToString(mod._pmw_lastError(0))}`);
    return new ProjectMLayer(mod, handle, canvas);
  }

  constructor(mod, handle, canvas) {
    super();
    this._m = mod;
    this._h = handle;
    this.canvas = canvas;
    this._pcmPtr = 0;
    this._pcmCap = 0;
    this._loading = Promise.resolve();
  }

  get destroyed() { return this._h === 0; }

  /**
   * Loads a MilkDrop preset (.milk text, or a URL to fetch). On failure (text that is not a
   * preset, or a warp/comp shader that projectM cannot translate/compile) the previous
   * preset keeps running, an 'error' event is dispatched and the promise rejects with an
   * Error whose message is projectM's diagnostic (err.status: -2 parse, -3 shader).
   * @returns {Promise<{status:number, warning:string}>}
   */
  loadPreset(textOrUrl, blendSeconds = 0) {
    const run = async () => {
      this._check();
      let text = textOrUrl;
      if (looksLikeUrl(textOrUrl)) {
        const res = await fetch(textOrUrl);
        if (!res.ok) throw this._fail(`cannot fetch preset ${textOrUrl}: HTTP ${res.status}`, -1);
        text = await res.text();
      }
      if (typeof text !== 'string') throw new TypeError('loadPreset: expected preset text or URL');
      this._check();
      const m = this._m;
      const status = withCString(m, text, (p) => m._pmw_loadPresetText(this._h, p, +blendSeconds || 0));
      if (status < 0) throw this._fail(m.UTF8ToString(m._pmw_lastError(this._h)) || `load failed (${status})`, status);
      const warning = status === 1 ? m.UTF8ToString(m._pmw_lastWarning(this._h)) : '';
      if (warning) this.dispatchEvent(new CustomEvent('warning', { detail: { message: warning } }));
      return { status, warning };
    };
    // Serialise loads so that "previous preset" is well defined.
    const p = this._loading.then(run, run);
    this._loading = p.catch(() => {});
    return p;
  }

  /**
   * Feeds audio samples, e.g. from AnalyserNode.getFloatTimeDomainData().
   * @param {Float32Array} samples mono, or interleaved stereo when channels === 2
   * @param {1|2} [channels]
   */
  feedPcm(samples, channels = 1) {
    this._check();
    const n = samples.length;
    if (!n) return;
    const m = this._m;
    if (n > this._pcmCap) {
      if (this._pcmPtr) m._free(this._pcmPtr);
      this._pcmCap = Math.max(n, 4096);
      this._pcmPtr = m._malloc(this._pcmCap * 4);
    }
    m.HEAPF32.set(samples, this._pcmPtr >> 2); // HEAPF32 is re-read: memory may have grown
    const ch = channels === 2 ? 2 : 1;
    m._pmw_addPcm(this._h, this._pcmPtr, Math.floor(n / ch), ch);
  }

  /** Renders one frame into this layer's canvas. */
  render() {
    this._check();
    this._m._pmw_renderFrame(this._h);
  }

  /**
   * Resizes the canvas drawing buffer: a new projectM instance at the new size, with the current preset reloaded
   * (hard cut), so the picture and the audio buffer start over (see host/layer_host.cpp, pmw_resize).
   */
  resize(width, height) {
    this._check();
    this._m._pmw_resize(this._h, width | 0, height | 0);
  }

  /**
   * Sets the time of the next frames in seconds (0 or more), for renders that must come out the same every time
   * (golden renders). The first call puts this layer on a fixed clock for good: projectM's time, frame count, beat
   * timing and preset blends then move only with these times, and its random numbers start from a fixed seed; projectM
   * is rebuilt for it (the current preset reloads with a hard cut), so call it before loading presets. Layers never
   * told a time run on the wall clock.
   */
  setFrameTime(seconds) {
    this._check();
    this._m._pmw_setFrameTime(this._h, +seconds);
  }

  /** Releases projectM and the WebGL context. The canvas stays in the document. */
  destroy() {
    if (!this._h) return;
    this._m._pmw_destroy(this._h);
    if (this._pcmPtr) this._m._free(this._pcmPtr);
    this._pcmPtr = 0;
    this._pcmCap = 0;
    this._h = 0;
  }

  _check() {
    if (!this._h) throw new Error('ProjectMLayer was destroyed');
  }

  _fail(message, status) {
    const err = new Error(message);
    err.status = status;
    this.dispatchEvent(new CustomEvent('error', { detail: { message, status } }));
    return err;
  }
}

function withCString(m, str, fn) {
  const len = m.lengthBytesUTF8(str) + 1;
  const ptr = m._malloc(len);
  try {
    m.stringToUTF8(str, ptr, len);
    return fn(ptr);
  } finally {
    m._free(ptr);
  }
}

export default ProjectMLayer;
