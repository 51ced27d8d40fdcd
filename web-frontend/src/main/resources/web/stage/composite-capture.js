// The stage as one picture, for recording: the page shows two WebGL canvases laid over each other by CSS (blend
// mode, opacity, the beat zoom, the stage's hue), which no single canvas holds. After each frame the stage draws
// (its 'frame' event, while the WebGL buffers still hold the picture) this copies both layers into one 2D canvas
// the way CSS composites them, and captureStream() makes that canvas a video track.

/** CSS mix-blend-mode → canvas globalCompositeOperation (stage/blend.js offers these three). */
const OPERATIONS = { screen: 'screen', 'plus-lighter': 'lighter', normal: 'source-over' };

/** The scale of a CSS transform "scale(1.0123)" (the beat zoom, stage.applyLook), 1 otherwise. */
function scaleOf(transform) {
  const m = /scale\(([\d.]+)\)/.exec(transform || '');
  const s = m ? Number(m[1]) : 1;
  return Number.isFinite(s) && s > 0 ? s : 1;
}

export class CompositeCapture {
  /** @param {import('./stage.js').Stage} stage @param {number} [fps] the most frames a second of the stream */
  constructor(stage, fps = 30) {
    this.stage = stage;
    this.canvas = document.createElement('canvas');
    // The layers are blended here first; the stage's hue then applies to the blend as a whole, as CSS does (a
    // canvas drawn onto itself in 'copy' mode would come out empty).
    this.blend = document.createElement('canvas');
    this.size();
    this.context = this.canvas.getContext('2d', { alpha: false });
    this.blendContext = this.blend.getContext('2d', { alpha: false });
    // Black until the stage's next frame: outside it the WebGL buffers may already be cleared.
    this.context.fillStyle = '#000';
    this.context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.stream = this.canvas.captureStream(fps);
    this.frames = 0;
    this.onFrame = () => this.draw();
    stage.addEventListener('frame', this.onFrame);
  }

  /**
   * The recording's size, fixed while it records: the background layer's drawing buffer when it starts (the
   * stage's render size), in even numbers for the encoder.
   */
  size() {
    const bg = this.stage.canvas('bg');
    const even = (n) => Math.max(2, Math.floor(n / 2) * 2);
    const width = even(bg.width || 480);
    const height = even(bg.height || 270);
    for (const canvas of [this.canvas, this.blend]) {
      canvas.width = width;
      canvas.height = height;
    }
  }

  draw() {
    const ctx = this.blendContext;
    const { width, height } = this.canvas;
    ctx.globalCompositeOperation = 'source-over';
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#000'; // the stage's background
    ctx.fillRect(0, 0, width, height);
    for (const position of ['bg', 'fg']) {
      const layer = this.stage.canvas(position);
      if (!layer || !layer.width || !layer.height) continue;
      const style = getComputedStyle(layer);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const opacity = Number(style.opacity);
      ctx.globalAlpha = Number.isFinite(opacity) ? opacity : 1;
      ctx.globalCompositeOperation = position === 'fg' ? OPERATIONS[style.mixBlendMode] || 'source-over'
        : 'source-over';
      const s = scaleOf(layer.style.transform); // about the centre, as transform-origin 50% 50%
      const w = width * s;
      const h = height * s;
      ctx.drawImage(layer, (width - w) / 2, (height - h) / 2, w, h);
    }
    const filter = this.stage.element.style.filter; // the stage's hue-rotate, over both layers
    this.context.filter = filter && filter !== 'none' ? filter : 'none';
    this.context.drawImage(this.blend, 0, 0);
    this.frames++;
  }

  stop() {
    this.stage.removeEventListener('frame', this.onFrame);
    for (const track of this.stream.getTracks()) track.stop();
  }
}
