// The look of the two layers at a moment of the song when the model drives the mix: the segment's visual
// parameters (hue, beat zoom), with the pair's mix (the engine's numbers) followed by the music's energy.

import { energyOpacity } from './energy-follower.js';

/**
 * What a segment's visual parameters do to the two layers (kept simple and visible):
 *  - foreground opacity = layerBOpacity (at least 0.1), background opacity = 0.5 + 0.5·layerAOpacity;
 *  - blend mode from `blend` (A→B cross-fade position): < 0.4 screen, < 0.7 add (plus-lighter), else normal;
 *  - hue-rotate(hueShift°) on the whole stage;
 *  - zoom: the layers scale by 1 + 2·zoomPulse·e^(−Δt/0.15 s) after each beat (zoomPulse is 0..0.1).
 */
export function visualsFor(segment) {
  const v = (segment && segment.visual) || {};
  const num = (x, fallback) => (Number.isFinite(x) ? x : fallback);
  const blend = num(v.blend, 0);
  return {
    fgOpacity: Math.min(1, Math.max(0.1, num(v.layerBOpacity, 0.7))),
    bgOpacity: Math.min(1, 0.5 + 0.5 * Math.max(0, num(v.layerAOpacity, 1))),
    blendMode: blend < 0.4 ? 'screen' : blend < 0.7 ? 'plus-lighter' : 'normal',
    hueShift: num(v.hueShift, 0),
    zoomPulse: Math.max(0, num(v.zoomPulse, 0)),
  };
}

/** Zoom factor at `seconds` for beats (ascending seconds) and a zoomPulse. */
export function beatZoom(beats, seconds, zoomPulse) {
  let lo = 0;
  let hi = beats.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (beats[mid] <= seconds) {
      last = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (last < 0) return 1;
  return 1 + 2 * zoomPulse * Math.exp(-(seconds - beats[last]) / 0.15);
}

/**
 * The look at `seconds`: the segment's visuals; with a pair on, its mix sets blend and opacities, each opacity
 * following that layer's energy ({fg, bg}, 0..1). zoom: the layers' scale now (beatZoom).
 */
export function lookAt(segment, beats, seconds, mix, energy) {
  const v = visualsFor(segment);
  if (mix) {
    Object.assign(v, {
      blendMode: mix.blendMode,
      fgOpacity: energyOpacity(mix.fgOpacity, energy.fg),
      bgOpacity: energyOpacity(mix.bgOpacity, energy.bg),
    });
  }
  return { visuals: v, zoom: beatZoom(beats, seconds, v.zoomPulse) };
}
