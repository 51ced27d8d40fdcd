/* AIVJ analysis worker (classic worker: the TeaVM loader is a plain script loaded with importScripts).
 *
 * Messages in:  {type: 'warmup'} | {type: 'analyze', id, pcm: Float32Array (interleaved), channels, sampleRate}
 * Messages out: {type: 'progress', id, step} | {type: 'result', id, analysis, engineVersion, elapsedMs}
 *               | {type: 'error', id, kind: 'load' | 'engine', message}
 */
'use strict';

const ENGINE_LOADER = '/engine/aivj-engine.wasm-runtime.js';
const ENGINE_WASM = '/engine/aivj-engine.wasm';

let enginePromise = null;

function describe(error) {
  if (error instanceof Error) {
    return error.message || error.name;
  }
  return String(error);
}

function loadEngine() {
  if (enginePromise === null) {
    enginePromise = (async () => {
      try {
        importScripts(ENGINE_LOADER);
      } catch (e) {
        throw new Error('could not load the engine loader ' + ENGINE_LOADER + ' (' + describe(e) + ')');
      }
      if (typeof TeaVM === 'undefined' || !TeaVM.wasmGC || typeof TeaVM.wasmGC.load !== 'function') {
        throw new Error('the engine loader did not define TeaVM.wasmGC.load');
      }
      let teavm;
      try {
        teavm = await TeaVM.wasmGC.load(ENGINE_WASM);
      } catch (e) {
        throw new Error('could not start the WebAssembly engine (' + describe(e) + ')');
      }
      if (!teavm || !teavm.exports || typeof teavm.exports.analyzeInterleaved !== 'function') {
        throw new Error('the WebAssembly engine has no analyzeInterleaved export');
      }
      return teavm;
    })();
    // A failed load may be retried with the next song.
    enginePromise.catch(() => { enginePromise = null; });
  }
  return enginePromise;
}

function engineVersion(teavm) {
  try {
    return typeof teavm.exports.version === 'function' ? String(teavm.exports.version()) : null;
  } catch (e) {
    return null;
  }
}

async function analyze(message) {
  const { id, pcm, channels, sampleRate } = message;
  self.postMessage({ type: 'progress', id, step: 'loading-engine' });
  let teavm;
  try {
    teavm = await loadEngine();
  } catch (e) {
    e.engineLoad = true;
    throw e;
  }
  self.postMessage({ type: 'progress', id, step: 'analysing' });
  const started = performance.now();
  const json = teavm.exports.analyzeInterleaved(pcm, channels, sampleRate);
  const elapsedMs = performance.now() - started;
  if (typeof json !== 'string' || json.length === 0) {
    throw new Error('the engine returned no result');
  }
  let analysis;
  try {
    analysis = JSON.parse(json);
  } catch (e) {
    throw new Error('the engine returned malformed JSON (' + describe(e) + ')');
  }
  if (analysis === null || typeof analysis !== 'object' || Array.isArray(analysis)) {
    throw new Error('the engine returned an unexpected result');
  }
  if (analysis.error !== undefined) {
    throw new Error(String(analysis.error));
  }
  self.postMessage({ type: 'result', id, analysis, engineVersion: engineVersion(teavm), elapsedMs });
}

self.onmessage = (event) => {
  const message = event.data || {};
  if (message.type === 'warmup') {
    loadEngine().catch(() => { /* reported when a song is analysed */ });
    return;
  }
  if (message.type === 'analyze') {
    analyze(message).catch((e) => {
      const kind = e && e.engineLoad ? 'load' : 'engine';
      self.postMessage({ type: 'error', id: message.id, kind, message: describe(e) });
    });
  }
};
