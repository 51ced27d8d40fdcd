// Draws the song's energy (RMS) and onset curves with beat ticks, and a playhead on top.

import { finiteSeries } from '../show/analysis-parts.js';
import { TimelineCanvas } from './timeline-canvas.js';

const COLORS = {
  grid: '#2a2538',
  label: '#9c96b3',
  rms: 'rgba(95, 212, 255, 0.55)',
  rmsEdge: '#5fd4ff',
  onset: '#ff5fa2',
  beat: 'rgba(243, 233, 184, 0.45)',
};

/** A high percentile, so one spike does not flatten the curve. */
function robustMax(values) {
  if (values.length === 0) {
    return 1;
  }
  const sorted = Float64Array.from(values).sort();
  const p = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.995))];
  return p > 0 ? p : (sorted[sorted.length - 1] > 0 ? sorted[sorted.length - 1] : 1);
}

/** Max of each of `columns` equal bins. */
function binMax(values, columns) {
  const out = new Float32Array(columns);
  if (values.length === 0) {
    return out;
  }
  for (let c = 0; c < columns; c++) {
    const from = Math.floor((c * values.length) / columns);
    const to = Math.max(from + 1, Math.floor(((c + 1) * values.length) / columns));
    let m = 0;
    for (let i = from; i < to && i < values.length; i++) {
      if (values[i] > m) m = values[i];
    }
    out[c] = m;
  }
  return out;
}

export class FeaturePlot extends TimelineCanvas {
  constructor(canvas) {
    super(canvas, { minHeight: 100, defaultHeight: 150, emptyFontPx: 13, emptyColor: COLORS.label });
    this.drawEmpty('Drop a song to see its energy and onsets here.');
  }

  /** Draws the curves of an analysis (read defensively: missing arrays draw nothing). */
  setAnalysis(analysis, durationSeconds) {
    const frames = (analysis && typeof analysis.frames === 'object' && analysis.frames) || {};
    const rms = finiteSeries(frames.rms);
    const onset = finiteSeries(frames.onset);
    const frameRate = Number(analysis && analysis.frameRate);
    const beats = finiteSeries(analysis && analysis.beats);
    let duration = Number(durationSeconds);
    if (!(duration > 0)) {
      duration = frameRate > 0 ? Math.max(rms.length, onset.length) / frameRate : 0;
    }
    this.duration = duration;
    if (rms.length === 0 && onset.length === 0) {
      this.drawEmpty('The engine returned no frame features for this song.');
      return;
    }
    const { base, ctx, ratio } = this.newBase();
    const w = base.width;
    const h = base.height;
    const top = Math.round(6 * ratio);
    const bottom = h - Math.round(18 * ratio);
    const plotH = bottom - top;

    // Time grid every 10/30/60 s depending on the length.
    const step = duration > 600 ? 60 : duration > 150 ? 30 : 10;
    ctx.strokeStyle = COLORS.grid;
    ctx.fillStyle = COLORS.label;
    ctx.lineWidth = 1;
    ctx.font = `${Math.round(10 * ratio)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    if (duration > 0) {
      for (let t = 0; t <= duration; t += step) {
        const x = Math.round((t / duration) * (w - 1)) + 0.5;
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, bottom);
        ctx.stroke();
        const m = Math.floor(t / 60);
        const s = String(Math.round(t % 60)).padStart(2, '0');
        ctx.fillText(`${m}:${s}`, Math.min(Math.max(x, 14 * ratio), w - 14 * ratio), bottom + 3 * ratio);
      }
    }

    // Beats as faint ticks along the bottom.
    if (duration > 0) {
      ctx.strokeStyle = COLORS.beat;
      ctx.beginPath();
      for (const b of beats) {
        if (b < 0 || b > duration) continue;
        const x = Math.round((b / duration) * (w - 1)) + 0.5;
        ctx.moveTo(x, bottom - 8 * ratio);
        ctx.lineTo(x, bottom);
      }
      ctx.stroke();
    }

    // Energy as a filled area.
    const cols = w;
    if (rms.length > 0) {
      const r = binMax(rms, cols);
      const scale = robustMax(rms);
      ctx.beginPath();
      ctx.moveTo(0, bottom);
      for (let x = 0; x < cols; x++) {
        ctx.lineTo(x, bottom - Math.min(1, r[x] / scale) * plotH * 0.95);
      }
      ctx.lineTo(cols - 1, bottom);
      ctx.closePath();
      ctx.fillStyle = COLORS.rms;
      ctx.fill();
      ctx.strokeStyle = COLORS.rmsEdge;
      ctx.lineWidth = Math.max(1, ratio);
      ctx.stroke();
    }

    // Onset strength as a line.
    if (onset.length > 0) {
      const o = binMax(onset, cols);
      const scale = robustMax(onset);
      ctx.beginPath();
      for (let x = 0; x < cols; x++) {
        const y = bottom - Math.min(1, o[x] / scale) * plotH * 0.95;
        if (x === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      }
      ctx.strokeStyle = COLORS.onset;
      ctx.lineWidth = Math.max(1, ratio);
      ctx.stroke();
    }

    this.showBase(base, ratio);
  }
}
