// The widget's drawing-buffer size: the stage's CSS box, scaled down to at most MAX_PIXELS (software WebGL would be
// too slow otherwise; CSS scales the picture up), refitted a little after the window (the host's element) resizes.
// The same interface as StageResolution (fit, attach, frame, idle, presetLoading), without its adaptive scale.

const MAX_PIXELS = 960 * 540;
const RESIZE_SETTLE_MS = 250;

/** Drawing-buffer size for a CSS box: the box itself, scaled down to at most MAX_PIXELS. */
export function bufferSize(width, height) {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const scale = Math.min(1, Math.sqrt(MAX_PIXELS / (w * h)));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

export class FixedSize {
  /**
   * @param {HTMLElement} stage the element the layer canvases fill
   * @param {() => HTMLCanvasElement[]} canvases the layer canvases now
   */
  constructor(stage, canvases) {
    this.stage = stage;
    this.canvases = canvases;
    this.layers = null;
    let timer = 0;
    window.addEventListener('resize', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.resize(window.innerWidth, window.innerHeight), RESIZE_SETTLE_MS);
    });
  }

  /** Sizes the canvases to the stage before the layers start. */
  fit() {
    const size = bufferSize(this.stage.clientWidth || 480, this.stage.clientHeight || 270);
    for (const canvas of this.canvases()) {
      canvas.width = size.width;
      canvas.height = size.height;
    }
  }

  attach(layers) {
    this.layers = layers;
  }

  resize(width, height) {
    if (!this.layers) return;
    const size = bufferSize(width, height);
    this.layers.resize(size.width, size.height);
  }

  frame() {}

  idle() {}

  presetLoading() {}
}
