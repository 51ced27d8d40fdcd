// The music model's style timeline: one coloured band per segment (height = confidence), its label, a playhead.

import { segmentsOf } from '../show/analysis-parts.js';
import { TimelineCanvas } from './timeline-canvas.js';

const COLORS = {
  background: '#100e18',
  label: '#f2eefc',
  muted: '#9c96b3',
};
const PALETTE = ['#ff5fa2', '#5fd4ff', '#ffd25f', '#8dff8a', '#b58cff', '#ff9a5f', '#5fffd9', '#ff6b6b',
  '#c0e05f', '#6b8cff'];

const NONE_COLOR = '#4a4658';

/**
 * What the page shows for a song or segment without a style (the engine's label "none"): "no style (silence)",
 * with the engine's detail, e.g. "no style (silence: digital silence)".
 */
export function noStyleText(reason) {
  return typeof reason === 'string' && reason.length > 0 ? `no style (${reason})` : 'no style (silence)';
}

/** A stable colour per label: its index in the whole-song probabilities (model label order); grey for "none". */
export function colorFor(label, labels) {
  if (label === 'none') return NONE_COLOR;
  const i = Math.max(0, labels.indexOf(label));
  return PALETTE[i % PALETTE.length];
}

export class StyleTimeline extends TimelineCanvas {
  constructor(canvas) {
    super(canvas, { minHeight: 30, defaultHeight: 48, emptyFontPx: 12, emptyColor: COLORS.muted });
    this.segments = [];
    this.labels = [];
    this.drawEmpty('Style timeline: appears when the music model is loaded.');
  }

  drawEmpty(text) {
    this.segments = [];
    super.drawEmpty(text);
  }

  /** Draws the segments of an analysis; returns the number drawn. */
  setAnalysis(analysis, durationSeconds) {
    const segments = segmentsOf(analysis);
    const style = analysis && analysis.style && typeof analysis.style === 'object' ? analysis.style : null;
    if (!style || segments.length === 0) {
      this.drawEmpty(style ? 'The song is too short for the music model.' : 'No music model: no style timeline.');
      return 0;
    }
    this.labels = Object.keys(style.probabilities || {});
    let duration = Number(durationSeconds);
    if (!(duration > 0)) duration = segments[segments.length - 1].end;
    this.duration = duration;
    const { base, ctx, ratio } = this.newBase();
    const w = base.width;
    const h = base.height;
    ctx.font = `${Math.round(11 * ratio)}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    for (const s of segments) {
      const x0 = Math.round((s.start / duration) * w);
      const x1 = Math.max(x0 + 1, Math.round((Math.min(s.end, duration) / duration) * w));
      const c = Math.min(Math.max(Number(s.confidence) || 0, 0), 1);
      const color = colorFor(s.style, this.labels);
      // Faint full band, plus a solid part whose height is the confidence.
      ctx.globalAlpha = 0.3;
      ctx.fillStyle = color;
      ctx.fillRect(x0, 0, x1 - x0, h);
      ctx.globalAlpha = 0.9;
      const bar = Math.round(c * h);
      ctx.fillRect(x0, h - bar, x1 - x0, bar);
      ctx.globalAlpha = 1;
      ctx.fillStyle = COLORS.background;
      ctx.fillRect(x0, 0, Math.max(1, Math.round(ratio)), h);
      const text = s.style === 'none' ? 'no style' : `${s.style} ${Math.round(c * 100)}%`;
      if (ctx.measureText(text).width + 6 * ratio < x1 - x0) {
        ctx.fillStyle = COLORS.label;
        ctx.fillText(text, x0 + 3 * ratio, h / 2);
      }
    }
    this.segments = segments;
    this.showBase(base, ratio);
    return segments.length;
  }
}
