/* Warming the WebAssembly engine up (a classic script for importScripts in the analysis worker and the bench).
 *
 * The browser first runs WebAssembly with a quick baseline compiler and optimises a function only after it ran a
 * while; a function that loops over a whole song in one call (the convolutions, the LSTM) would stay on the
 * baseline code for all of the song's first analysis, several times slower. So the worker runs the whole
 * analysis once on a few seconds of generated sound (noise with a click every half second: not music, and the
 * result is dropped) while the page is still decoding the song.
 */
'use strict';

const WARM_UP_SECONDS = 6;

/** Runs one analysis on generated sound at the engine's own rate; returns its milliseconds. */
function warmUpEngine(teavm) {
  const started = performance.now();
  const rate = teavm.exports.analysisRate();
  const pcm = new Float32Array(WARM_UP_SECONDS * rate);
  let seed = 1;
  for (let i = 0; i < pcm.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0; // a fixed LCG: the same warm-up every time
    const click = i % Math.round(rate / 2) < 200 ? 0.5 : 0;
    pcm[i] = 0.1 * (seed / 4294967296 - 0.5) + click;
  }
  teavm.exports.analyzeInterleaved(pcm, 1, rate);
  return performance.now() - started;
}
