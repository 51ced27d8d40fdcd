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

  /** The app's path: the page resamples the decoded song with the app's own analysisSignal (song/decode.js),
   * timed, and a fresh worker (a first call as the app's) analyses the mono 22,050-Hz signal after warm-up. */
  async function wasmApp(options) {
    const meta = await (await fetch(`/bench-data/${options.song}.json`)).json();
    const raw = new Float32Array(await (await fetch(`/bench-data/${options.song}.pcm.f32`)).arrayBuffer());
    const frames = raw.length / meta.channels;
    const buffer = new AudioBuffer({ numberOfChannels: meta.channels, length: frames, sampleRate: meta.sampleRate });
    for (let c = 0; c < meta.channels; c++) {
      const channel = buffer.getChannelData(c);
      for (let i = 0; i < frames; i++) channel[i] = raw[i * meta.channels + c];
    }
    const { analysisSignal } = await import('/song/decode.js');
    const started = performance.now();
    const pcm = (await analysisSignal(buffer)).slice();
    const resampleMs = performance.now() - started;
    const appWorker = new Worker('/bench/bench-worker.js');
    appWorker.onmessage = worker.onmessage;
    try {
      const result = await send('wasm', { ...options, app: true, pcm }, appWorker);
      return { ...result, resampleMs, pcmFloats: pcm.length };
    } finally {
      appWorker.terminate();
    }
  }

  window.aivjBench = {
    /** Engine stages (cold call, then `runs` calls) and the JS↔Wasm crossing costs for song `song`. */
    wasm: (options) => send('wasm', options),
    /** The same on the app's path: browser resampling, warm-up, mono 22,050 Hz into the engine. */
    wasmApp,
    /** The music network in TensorFlow.js on backend `backend`, checked against the engine's outputs. */
    tfjs: (options) => send('tfjs', options),
    /** Live updates: liveStart(), then one livePush per 0.5-s hop. */
    live: (options) => send('live', options),
  };
  document.getElementById('status').textContent = 'AIVJ bench page: ready.';
})();
