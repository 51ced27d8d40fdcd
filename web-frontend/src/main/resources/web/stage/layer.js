// The one interface both MilkDrop engines implement (ProjectMLayer, ButterchurnLayer).
//
//   static async create(canvas, width, height, options) -> Layer   (canvas must be in the document)
//   layer.engine                      'projectm' | 'butterchurn'
//   layer.loadPreset(preset, blendSeconds) -> Promise<{warning?: string}>
//        rejects with an Error whose message says why (parse or shader failure), dispatches an 'error'
//        event (detail {message}) and keeps the previous preset running
//   layer.feedAudio(tap)              once per frame, before render(): an AudioTap on what the user hears
//   layer.render()                    draws one frame into the canvas
//   layer.resize(width, height)       drawing-buffer size in pixels
//   layer.destroy()                   releases the engine; the canvas cannot be reused by another engine
//   layer.warmFrames                  frames drawn since the picture last started over (a preset load, a rebuild
//                                     at a new size): feedback presets need some to build their picture up
//
// Events: 'error' and 'warning' (CustomEvent, detail {message}).

export class Layer extends EventTarget {
  constructor(engine, canvas) {
    super();
    this.engine = engine;
    this.canvas = canvas;
    this.destroyed = false;
    this.warmFrames = 0;
  }

  /** Dispatches 'error' and returns an Error to reject with. */
  fail(message, cause) {
    const error = new Error(message);
    if (cause !== undefined) error.cause = cause;
    this.dispatchEvent(new CustomEvent('error', { detail: { message } }));
    return error;
  }

  warn(message) {
    this.dispatchEvent(new CustomEvent('warning', { detail: { message } }));
  }

  checkAlive() {
    if (this.destroyed) throw new Error(`${this.engine} layer was destroyed`);
  }
}

/** Resolves after the browser has had a chance to paint (e.g. a "loading" badge before a long, blocking call). */
export function afterNextPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
