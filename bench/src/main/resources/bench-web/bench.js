/* AIVJ bench page (main thread): starts one Web Worker, as the app does, and exposes window.aivjBench, whose
 * methods each send one task to the worker and resolve with its result. `aivj bench` calls them through
 * Playwright; every measurement happens inside the worker. */
'use strict';

(() => {
  const worker = new Worker('/bench/bench-worker.js');
  const pending = new Map();
  let nextId = 1;

  worker.onmessage = (event) => {
    const { id, result, error } = event.data;
    const task = pending.get(id);
    if (!task) {
      return;
    }
    pending.delete(id);
    if (error !== undefined) {
      task.reject(new Error(error));
    } else {
      task.resolve(result);
    }
  };
  worker.onerror = (event) => {
    for (const task of pending.values()) {
      task.reject(new Error('bench worker failed: ' + (event.message || 'unknown error')));
    }
    pending.clear();
  };

  function send(type, options, target = worker) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      target.postMessage({ id, type, options });
    });
  }

  /** The app's path: the page's own analysis signal (song/analysis-signal.js: the song decoded straight to the
   * engine's rate and mixed down), timed on the song as a WAV file against a plain decode of the same file at its
   * own rate (what the page decodes to play anyway), then a fresh worker (a first call as the app's) analyses the
   * signal after warm-up. signalMs − nativeDecodeMs is what the signal path adds to the decode. */
  async function wasmApp(options) {
    const meta = await (await fetch(`/bench-data/${options.song}.json`)).json();
    const wav = await (await fetch(`/bench-data/${options.song}.wav`)).arrayBuffer();
    const { decode } = await import('/song/decode.js');
    const { signalOf } = await import('/song/analysis-signal.js');
    let started = performance.now();
    await decode(new OfflineAudioContext(1, 1, meta.sampleRate), wav.slice(0), 'bench.wav');
    const nativeDecodeMs = performance.now() - started;
    started = performance.now();
    const signal = await signalOf(wav.slice(0), 'bench.wav', meta.analysisRate);
    const signalMs = performance.now() - started;
    const appWorker = new Worker('/bench/bench-worker.js');
    appWorker.onmessage = worker.onmessage;
    try {
      const result = await send('wasm', { ...options, app: true, pcm: signal.pcm, rate: signal.rate }, appWorker);
      return { ...result, resampleMs: Math.max(0, signalMs - nativeDecodeMs), signalMs, nativeDecodeMs,
        pcmFloats: signal.pcm.length };
    } finally {
      appWorker.terminate();
    }
  }

  window.aivjBench = {
    /** Engine stages (cold call, then `runs` calls) and the JS↔Wasm crossing costs for song `song`. */
    wasm: (options) => send('wasm', options),
    /** The same on the app's path: the page's analysis signal, warm-up, mono at the engine's rate into it. */
    wasmApp,
    /** The music network in TensorFlow.js on backend `backend`, checked against the engine's outputs. */
    tfjs: (options) => send('tfjs', options),
    /** The same with tfjs's threaded build on every core, in a worker of its own (tfjs keeps its first setting). */
    tfjsThreaded: async (options) => {
      const own = new Worker('/bench/bench-worker.js');
      own.onmessage = worker.onmessage;
      try {
        return await send('tfjs', { ...options, threads: true }, own);
      } finally {
        own.terminate();
      }
    },
    /** Live updates: liveStart(), then one livePush per 0.5-s hop. */
    live: (options) => send('live', options),
  };
  document.getElementById('status').textContent = 'AIVJ bench page: ready.';
})();
