// Classic (non-module) dedicated worker: the runtime script defines self.TeaVM like it does window.TeaVM.
'use strict';
importScripts('/engine/aivj-engine.wasm-runtime.js');
const enginePromise = TeaVM.wasmGC.load('/engine/aivj-engine.wasm');

self.onmessage = async (e) => {
  try {
    const teavm = await enginePromise;
    const response = await fetch('/pcm/' + e.data.pcmName);
    const pcm = new Float32Array(await response.arrayBuffer());
    self.postMessage({
      version: teavm.exports.version(),
      json: teavm.exports.analyze(pcm, e.data.sampleRate),
      error: teavm.exports.analyze(new Float32Array(0), e.data.sampleRate)
    });
  } catch (err) {
    self.postMessage({ failure: String((err && err.stack) || err) });
  }
};
