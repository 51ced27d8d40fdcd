// Renders one preset the viewer brought, off the page's thread, the way the preset checker rendered the library
// (reference-frames.js, 128x96, on the checker's reference audio). A preset that hangs projectM's code hangs only
// this worker, which stage/preset-look.js then ends; the show's layers never load a preset refused here.
//
// A preset that takes long on the GPU is different: every WebGL context of the browser shares one GPU process, so
// its frames hold up the show's layers too, and a worker cannot stop a draw it has sent. So each frame is waited for
// and the first one over frameLimitMs ends the measurement: the show waits for that one frame, not a hundred.
//
// In:  {text, pcm: Float32Array (interleaved stereo reference audio), width, height, frameLimitMs}
// Out: {step: 'loaded'} once projectM took the preset, then {status, warning, frames, energies, msPerFrame} (frames
//      transferred) | {status, error} (status -2: projectM cannot parse it, -3: a shader does not compile,
//      -4: a frame took too long)

import { ProjectMLayer } from '/projectm-layer.js';
import { SlowFrameError, renderReferenceFrames } from '/reference-frames.js';

self.onmessage = async ({ data: { text, pcm, width, height, frameLimitMs } }) => {
  try {
    const canvas = new OffscreenCanvas(width, height);
    const layer = await ProjectMLayer.create(canvas, width, height);
    let loaded;
    try {
      loaded = await layer.loadPreset(text, 0);
    } catch (e) {
      self.postMessage({ status: typeof e.status === 'number' ? e.status : -1, error: String(e.message || e) });
      return;
    }
    self.postMessage({ step: 'loaded' });
    const renderer = { frame: (chunk) => { layer.feedPcm(chunk, 2); layer.render(); } };
    const r = renderReferenceFrames(renderer, canvas.getContext('webgl2'), width, height, pcm, 0, undefined,
      undefined, { frameLimitMs });
    self.postMessage({ status: loaded.status, warning: loaded.warning || '', ...r }, [r.frames.buffer]);
  } catch (e) {
    const slow = e instanceof SlowFrameError;
    self.postMessage({ status: slow ? -4 : -1, error: slow
      ? `it would stall the show: it took ${Math.round(e.ms)} ms to draw one ${width}x${height} frame (limit ${frameLimitMs} ms)`
      : String((e && e.message) || e) });
  }
};
