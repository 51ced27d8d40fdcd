// Test harness for WasmParityTest and WasmCouplingParityTest: loads the engine on the main thread, fetches PCM as raw
// little-endian float32 from /pcm/<name>, times export calls and runs the engine in a Web Worker.
'use strict';
window.harness = {
  engine: null,
  pcmCache: {},

  async init() {
    this.engine = await TeaVM.wasmGC.load('/engine/aivj-engine.wasm');
    document.getElementById('status').textContent = 'ready';
    return this.engine.exports.version();
  },

  async pcm(name) {
    if (name === 'empty') {
      return new Float32Array(0);
    }
    if (!this.pcmCache[name]) {
      const response = await fetch('/pcm/' + name);
      if (!response.ok) {
        throw new Error('GET /pcm/' + name + ' -> ' + response.status);
      }
      this.pcmCache[name] = new Float32Array(await response.arrayBuffer());
    }
    return this.pcmCache[name];
  },

  // Calls exports[fn](pcm, ...args); returns the JSON string and the call's duration in ms.
  async call(fn, pcmName, args) {
    const pcm = await this.pcm(pcmName);
    const t0 = performance.now();
    const out = this.engine.exports[fn](pcm, ...args);
    const ms = performance.now() - t0;
    return { out: out, ms: ms, samples: pcm.length };
  },

  // Fetches a model bundle (default: the test fixture at /model/) and loads it; bytesKind 'int8' | 'uint8' picks the
  // typed array.
  async loadModel(bytesKind, manifestOverride, dir = '/model/') {
    const manifest = manifestOverride != null ? manifestOverride : await (await fetch(dir + 'manifest.json')).text();
    const buffer = await (await fetch(dir + 'weights.bin')).arrayBuffer();
    const bytes = bytesKind === 'int8' ? new Int8Array(buffer) : new Uint8Array(buffer);
    const t0 = performance.now();
    const result = this.engine.exports.loadModel(manifest, bytes);
    const ms = performance.now() - t0;
    return { result: result, ms: ms, labels: this.engine.exports.modelLabels() };
  },

  // Fetches the coupling-model bundle /coupling/<name>/{manifest.json,weights.bin} and loads it (Uint8Array).
  async loadCoupling(name, manifestOverride) {
    const manifest = manifestOverride != null ? manifestOverride
      : await (await fetch('/coupling/' + name + '/manifest.json')).text();
    const response = await fetch('/coupling/' + name + '/weights.bin');
    if (!response.ok) {
      throw new Error('GET /coupling/' + name + '/weights.bin -> ' + response.status);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const t0 = performance.now();
    const result = this.engine.exports.loadCouplingModel(manifest, bytes);
    const ms = performance.now() - t0;
    return { result: result, ms: ms, inputSize: this.engine.exports.couplingInputSize() };
  },

  // scorePairs(uppers, lowers, count) on the float vectors /pcm/<upperName> and /pcm/<lowerName>.
  async scorePairs(upperName, lowerName, count) {
    const uppers = await this.pcm(upperName);
    const lowers = await this.pcm(lowerName);
    const t0 = performance.now();
    const out = this.engine.exports.scorePairs(uppers, lowers, count);
    const ms = performance.now() - t0;
    return { out: out, ms: ms };
  },

  // Loads the engine inside a dedicated Worker (importScripts + TeaVM.wasmGC.load) and runs analyze there.
  runInWorker(pcmName, sampleRate) {
    return new Promise((resolve, reject) => {
      const worker = new Worker('/harness/worker.js');
      worker.onmessage = (e) => { worker.terminate(); resolve(e.data); };
      worker.onerror = (e) => { worker.terminate(); reject(new Error('worker error: ' + e.message)); };
      worker.postMessage({ pcmName: pcmName, sampleRate: sampleRate });
    });
  }
};
