// How the foreground layer is laid over the background: CSS blend mode and opacity on the layer canvases.

export const BLEND_MODES = ['screen', 'plus-lighter', 'normal'];

/** Sets the CSS blend mode of the foreground canvas (screen, plus-lighter = add, or normal). */
export function applyBlendMode(canvas, mode) {
  canvas.style.mixBlendMode = BLEND_MODES.includes(mode) ? mode : 'screen';
}

/** Sets the foreground opacity, 0..1. */
export function applyOpacity(canvas, value) {
  const v = Number(value);
  canvas.style.opacity = String(Number.isFinite(v) ? Math.min(Math.max(v, 0), 1) : 0.7);
}
