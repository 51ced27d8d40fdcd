// Golden pair renders (dev.aivj.renders.PairRenderer): a pair's two projectM layers drawn and composited the way the
// page does, on fixed audio at fixed frame times, so the same pair renders to the same pixels every time.
//
// The page's own modules do the work: projectm-wasm's ProjectMLayer (on a fixed clock: setFrameTime), the preset
// checker's audio stepping (reference-frames.js), the stage's mix (Stage.applyMix: blend mode and opacities on the
// layer canvases) and the recorder's compositing of the two canvases as CSS shows them (CompositeCapture).

import { ProjectMLayer } from '/projectm-layer.js';
import { CHUNK, SAMPLES_PER_FRAME } from '/reference-frames.js';
import { Stage } from '/stage/stage.js';
import { CompositeCapture } from '/stage/composite-capture.js';
import { referenceAudio } from '/stage/preset-look.js';

const FPS = 60;

const pcmPromise = referenceAudio();

/** A fresh canvas in place of `id`'s (a canvas keeps the WebGL context of the layer it had). */
function freshCanvas(id, width, height) {
  const old = document.getElementById(id);
  const canvas = document.createElement('canvas');
  canvas.id = id;
  canvas.width = width;
  canvas.height = height;
  old.replaceWith(canvas);
  return canvas;
}

async function layerWith(canvas, width, height, url) {
  const layer = await ProjectMLayer.create(canvas, width, height);
  layer.setFrameTime(0);
  try {
    await layer.loadPreset(url, 0);
  } catch (e) {
    layer.destroy();
    throw new Error(`${url}: ${e.message}`);
  }
  return layer;
}

/**
 * Renders a pair and returns the composited frames asked for.
 * @param {{bgUrl: string, fgUrl: string, mix: {blendMode: string, fgOpacity: number, bgOpacity: number},
 *   width: number, height: number, frames: number[]}} request frame k (1, 2, ...) is drawn at k/60 s after the
 *   audio from sample (k-1)·735 on, as the preset checker feeds it
 * @returns {Promise<{frames: string[], msPerFrame: number}>} PNG data URLs, in the order of request.frames
 */
window.renderPair = async ({ bgUrl, fgUrl, mix, width, height, frames }) => {
  const pcm = await pcmPromise;
  const element = document.getElementById('stage');
  element.style.width = `${width}px`;
  element.style.height = `${height}px`;
  const canvases = { bg: freshCanvas('bg', width, height), fg: freshCanvas('fg', width, height) };
  // The stage's view of its canvases, for the stage's own mix and the recorder's compositing.
  const stage = Object.assign(new EventTarget(), { element, canvases, canvas: Stage.prototype.canvas });
  Stage.prototype.applyMix.call(stage, mix);
  const layers = [];
  let capture = null;
  try {
    layers.push(await layerWith(canvases.bg, width, height, bgUrl));
    layers.push(await layerWith(canvases.fg, width, height, fgUrl));
    capture = new CompositeCapture(stage);
    const wanted = new Map(frames.map((k, i) => [k, i]));
    const out = new Array(frames.length);
    const last = Math.max(...frames);
    let pos = 0;
    const started = performance.now();
    for (let k = 1; k <= last; k++) {
      const chunk = pcm.subarray(pos, pos + CHUNK * 2);
      pos += SAMPLES_PER_FRAME * 2;
      if (pos + CHUNK * 2 > pcm.length) pos = 0;
      for (const layer of layers) {
        layer.setFrameTime(k / FPS);
        layer.feedPcm(chunk, 2);
        layer.render();
      }
      if (wanted.has(k)) {
        capture.draw(); // while the WebGL buffers still hold this frame
        out[wanted.get(k)] = capture.canvas.toDataURL('image/png');
      }
    }
    return { frames: out, msPerFrame: (performance.now() - started) / last };
  } finally {
    if (capture) capture.stop();
    for (const layer of layers) layer.destroy();
  }
};

window.renderPairReady = pcmPromise.then(() => true);
