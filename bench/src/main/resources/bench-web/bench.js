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

  const ESSENTIA_DIR = '/bench/vendor/essentia/';
  let essentiaReady = null;

    function loadScript(src) {
      return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = resolve;
        script.onerror = () => reject(new Error('could not load ' + src));
        document.head.appendChild(script);
      });
    }

    /**
     * Essentia.js 0.1.3 (its Emscripten module and its core API), loaded once. On this page's main thread: its web
     * build reads `document` and cannot start in a worker.
     */
  function loadEssentia() {
    if (essentiaReady === null) {
      essentiaReady = (async () => {
        await loadScript(ESSENTIA_DIR + 'essentia-wasm.web.js');
        await loadScript(ESSENTIA_DIR + 'essentia.js-core.js');
        const loading = EssentiaWASM({ locateFile: (file) => ESSENTIA_DIR + file });
        const module = loading.ready ? await loading.ready : await loading; // the module, once its Wasm runs
        return new Essentia(module);
      })();
    }
    return essentiaReady;
  }

  /**
   * The engine's front end in Essentia.js on the same 22,050-Hz mono signal: a 64-band log-mel of Hann frames of
   * 1024 with hop 512 (Windowing → Spectrum → MelBands, 30–11,025 Hz, per frame: Essentia.js's core API has no
   * whole-signal mel), and RhythmExtractor2013 (multifeature, 50–250 BPM, the engine's tempo range). Each call of a
   * 175-s song takes seconds, so `runs` is capped at 2 repeats after the first.
   */
  async function essentiaFrontEnd({ song: name, runs }) {
    const essentia = await loadEssentia();
    const mono = new Float32Array(await (await fetch(`/bench-data/${name}.live.f32`)).arrayBuffer());
    const logMel = () => {
      const started = performance.now();
      const frames = essentia.FrameGenerator(mono, 1024, 512);
      let bands = 0;
      for (let i = 0; i < frames.size(); i++) {
        const windowed = essentia.Windowing(frames.get(i), true, 1024, 'hann');
        const spectrum = essentia.Spectrum(windowed.frame, 1024);
        const mel = essentia.MelBands(spectrum.spectrum, 11025, 513, true, 30, 'unit_sum', 64, 22050, 'power',
          'slaneyMel', 'warping');
        bands = mel.bands.size();
        windowed.frame.delete();
        spectrum.spectrum.delete();
        mel.bands.delete();
      }
      const count = frames.size();
      frames.delete();
      return { ms: performance.now() - started, frames: count, bands };
    };
    const rhythm = () => {
      const started = performance.now();
      const signal = essentia.arrayToVector(mono);
      const r = essentia.RhythmExtractor2013(signal, 250, 'multifeature', 50);
      signal.delete();
      return { ms: performance.now() - started, bpm: r.bpm };
    };
    const first = logMel();
    const firstRhythm = rhythm();
    const melMs = [];
    const rhythmMs = [];
    for (let i = 0; i < Math.min(runs, 2); i++) {
      melMs.push(logMel().ms);
      rhythmMs.push(rhythm().ms);
    }
    return { version: essentia.version, frames: first.frames, bands: first.bands, firstMelMs: first.ms, melMs,
      firstRhythmMs: firstRhythm.ms, rhythmMs, bpm: firstRhythm.bpm };
  }


  /** One task in a fresh bench worker, for runtimes that keep their first thread setting per worker. */
  async function inOwnWorker(type, options) {
    const own = new Worker('/bench/bench-worker.js');
    own.onmessage = worker.onmessage;
    own.onerror = worker.onerror;
    try {
      return await send(type, options, own);
    } finally {
      own.terminate();
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
    tfjsThreaded: (options) => inOwnWorker('tfjs', { ...options, threads: true }),
    /** The music network exported to ONNX in ONNX Runtime Web's wasm backend, on one thread. */
    ort: (options) => send('ort', { ...options, threads: 1 }),
    /** The same on every core, in a worker of its own (ORT fixes its thread count when it first starts). */
    ortThreaded: (options) => inOwnWorker('ort', { ...options, threads: navigator.hardwareConcurrency || 1 }),
    /** The front end in Essentia.js: 64-band log-mel frames and RhythmExtractor2013 on the same signal. */
    essentia: essentiaFrontEnd,
    /** Live updates: liveStart(), then one livePush per 0.5-s hop. */
    live: (options) => send('live', options),
  };
  document.getElementById('status').textContent = 'AIVJ bench page: ready.';
})();
