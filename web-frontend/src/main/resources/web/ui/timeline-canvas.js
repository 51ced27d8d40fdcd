// The part a song-long plot shares with every other: sizing to the layout, an empty-state message, an offscreen
// base picture (so the playhead costs one blit per frame), the playhead, and click-to-time.

const BACKGROUND = '#100e18';
const PLAYHEAD = '#ffffff';

export class TimelineCanvas {
  /** @param {{minHeight:number, defaultHeight:number, emptyFontPx:number, emptyColor:string}} look */
  constructor(canvas, look) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.look = look;
    this.base = null;
    this.duration = 0;
  }

  fitToLayout() {
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const width = Math.max(300, Math.round((this.canvas.clientWidth || 960) * ratio));
    const height = Math.max(this.look.minHeight, Math.round((this.canvas.clientHeight || this.look.defaultHeight) * ratio));
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    return ratio;
  }

  drawEmpty(text) {
    const ratio = this.fitToLayout();
    const { ctx, canvas } = this;
    this.base = null;
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = this.look.emptyColor;
    ctx.font = `${Math.round(this.look.emptyFontPx * ratio)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, canvas.width / 2, canvas.height / 2);
  }

  /** A fresh offscreen picture of the canvas's size, filled with the background. */
  newBase() {
    const ratio = this.fitToLayout();
    const base = document.createElement('canvas');
    base.width = this.canvas.width;
    base.height = this.canvas.height;
    const ctx = base.getContext('2d');
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(0, 0, base.width, base.height);
    return { base, ctx, ratio };
  }

  /** Shows a finished base picture with the playhead at 0. */
  showBase(base, ratio) {
    this.base = base;
    this.playheadLineWidth = Math.max(2, 2 * ratio);
    this.draw(0);
  }

  /**
   * Redraws the base picture with the playhead at `seconds`; nothing when the playhead would stay on the same pixel
   * (it moves a pixel every few frames: copying the picture each frame cost the visuals frames).
   */
  draw(seconds) {
    if (!this.base) {
      return;
    }
    const { ctx, canvas } = this;
    const x = this.duration > 0
      ? Math.round((Math.min(Math.max(seconds, 0), this.duration) / this.duration) * (canvas.width - 1)) : -1;
    if (x === this.drawnX && this.base === this.drawnBase) {
      return;
    }
    this.drawnX = x;
    this.drawnBase = this.base;
    ctx.drawImage(this.base, 0, 0);
    if (x >= 0) {
      ctx.fillStyle = PLAYHEAD;
      ctx.fillRect(x - this.playheadLineWidth / 2, 0, this.playheadLineWidth, canvas.height);
    }
  }

  /** The song time under a click at clientX, or null. */
  timeAt(clientX) {
    if (!(this.duration > 0) || !this.base) {
      return null;
    }
    const rect = this.canvas.getBoundingClientRect();
    return Math.min(Math.max((clientX - rect.left) / rect.width, 0), 1) * this.duration;
  }
}
