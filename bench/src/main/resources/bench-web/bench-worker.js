/* AIVJ bench worker: loads the engine like the app's analysis worker (web/engine-client/analysis-worker.js:
 * TeaVM loader, the engine, the music model, the pair library) and measures it. The engine is the instrumented
 * build (/bench/engine/: the product's exports plus benchStages and echoLength, compiled from the same code;
 * wasm-build InstrumentedExports), plus the peers on the same music network: TensorFlow.js and ONNX Runtime
 * Web (the bundle exported to ONNX in Java: /bench-data/music-v1.onnx). The songs' PCM and the HotSpot
 * reference outputs come from /bench-data/ (decoded once in Java).
 *
 * Messages in:  {id, type: 'wasm' | 'tfjs' | 'ort' | 'live', options}
 * Messages out: {id, result} | {id, error}
 */
'use strict';

importScripts('/engine-client/engine-warm-up.js'); // the app worker's warm-up, for the app-path run

const ENGINE_LOADER = '/bench/engine/aivj-engine.wasm-runtime.js';
const ENGINE_WASM = '/bench/engine/aivj-engine.wasm';
const MODEL_DIR = '/models/music-v1/';
const PAIR_LIBRARY = '/pairs/pair-library.json';
const DATA = '/bench-data/';
const TFJS_DIR = '/bench/vendor/tfjs/';
const ORT_DIR = '/bench/vendor/ort/';

let engine = null; // {teavm, loadMs}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`GET ${url} answered ${response.status}`);
  }
  return response;
}

async function floats(url) {
  return new Float32Array(await (await fetchOk(url)).arrayBuffer());
}

async function song(name) {
  return (await fetchOk(DATA + name + '.json')).json();
}

/** The engine with the model and pair library loaded, as the app's worker has it; loaded once. */
async function loadEngine() {
  if (engine !== null) {
    return engine;
  }
  const started = performance.now();
  importScripts(ENGINE_LOADER);
  const teavm = await TeaVM.wasmGC.load(ENGINE_WASM);
  for (const name of ['benchStages', 'echoLength', 'analyzeInterleaved', 'loadModel', 'loadPairLibrary']) {
    if (typeof teavm.exports[name] !== 'function') {
      throw new Error(`the WebAssembly engine has no ${name} export`);
    }
  }
  const [manifest, weights, library] = await Promise.all([
    fetchOk(MODEL_DIR + 'manifest.json').then((r) => r.text()),
    fetchOk(MODEL_DIR + 'weights.bin').then((r) => r.arrayBuffer()),
    fetchOk(PAIR_LIBRARY).then((r) => r.text()),
  ]);
  const modelError = teavm.exports.loadModel(manifest, new Uint8Array(weights));
  if (modelError !== '') {
    throw new Error('the engine rejected the music model: ' + modelError);
  }
  const libraryError = teavm.exports.loadPairLibrary(library);
  if (libraryError !== '') {
    throw new Error('the engine rejected the pair library: ' + libraryError);
  }
  engine = { teavm, loadMs: performance.now() - started };
  return engine;
}

/** One benchStages call: the engine's own per-stage times plus the call's wall time seen from JS. */
function stagesOnce(teavm, pcm, meta) {
  const started = performance.now();
  const json = teavm.exports.benchStages(pcm, meta.channels, meta.sampleRate);
  const wallMs = performance.now() - started;
  const parsed = JSON.parse(json);
  if (parsed.error !== undefined) {
    throw new Error('benchStages: ' + parsed.error);
  }
  return { wallMs, stages: parsed.stages, total: parsed.total, frames: parsed.frames, checksum: parsed.checksum };
}

/**
 * Same work as HotSpot: the decoded interleaved PCM, first call cold. App path (`app`): what the app's worker
 * gets, the page's analysis signal (mono at the engine's rate `rate`, sent along as `pcm`), first call after the
 * app's warm-up, in a worker of its own.
 */
async function wasmTask({ song: name, runs, app, pcm: appPcm, rate }) {
  const meta = app ? { channels: 1, sampleRate: rate } : await song(name);
  const pcm = app ? appPcm : await floats(DATA + name + '.pcm.f32');
  const { teavm, loadMs } = await loadEngine();
  const warmUpMs = app ? warmUpEngine(teavm) : null;
  const first = stagesOnce(teavm, pcm, meta); // the engine's first song in this worker
  const repeated = [];
  for (let i = 0; i < runs; i++) {
    repeated.push(stagesOnce(teavm, pcm, meta));
  }
  // Audio in: an export that only receives the Float32Array (TeaVM copies it into a Java float[]).
  const echoMs = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const length = teavm.exports.echoLength(pcm);
    echoMs.push(performance.now() - started);
    if (length !== pcm.length) {
      throw new Error(`echoLength returned ${length}, expected ${pcm.length}`);
    }
  }
  // Results out: the app's full analysis JSON (what analyzeInterleaved hands back), its size and parse time.
  const analysis = teavm.exports.analyzeInterleaved(pcm, meta.channels, meta.sampleRate);
  const parseMs = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    JSON.parse(analysis);
    parseMs.push(performance.now() - started);
  }
  return {
    loadMs, warmUpMs, first, repeated, echoMs, resultChars: analysis.length, parseMs,
    crossOriginIsolated: self.crossOriginIsolated === true, // true: performance.now() has 5-µs resolution
  };
}

async function liveTask({ song: name, hops }) {
  const mono = await floats(DATA + name + '.live.f32'); // 22,050 Hz mono, resampled by the engine in Java
  const { teavm } = await loadEngine();
  if (typeof teavm.exports.liveStart !== 'function' || typeof teavm.exports.livePush !== 'function') {
    return { available: false, reason: 'this engine build has no liveStart/livePush exports' };
  }
  const hop = 11025; // 0.5 s at 22,050 Hz
  const count = Math.min(hops, Math.floor(mono.length / hop));
  teavm.exports.liveStart();
  const hopMs = [];
  let last = '';
  for (let i = 0; i < count; i++) {
    const chunk = mono.subarray(i * hop, (i + 1) * hop);
    const started = performance.now();
    last = teavm.exports.livePush(chunk);
    hopMs.push(performance.now() - started);
    const update = JSON.parse(last); // checked outside the timed call
    if (update.error !== undefined) {
      throw new Error('livePush: ' + update.error);
    }
  }
  return { available: true, hopMs, lastUpdateChars: last.length, lastUpdate: last.slice(0, 400) };
}

let tfReady = null;

/**
 * Loads tfjs once per worker. threads false: one thread, like the engine's worker; true: as many threads as the
 * machine has cores (the bench page is cross-origin isolated, so tfjs's threaded SIMD build can run). A worker
 * keeps the setting it first loaded with, so the threaded run has a worker of its own (bench.js).
 */
async function loadTfjs(backend, threads) {
  if (tfReady === null) {
    importScripts(TFJS_DIR + 'tf.min.js', TFJS_DIR + 'tf-backend-wasm.min.js', '/bench/tfjs-music-model.js');
    tf.wasm.setWasmPaths(TFJS_DIR);
    if (threads) {
      tf.wasm.setThreadsCount(navigator.hardwareConcurrency || 1);
    } else {
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    }
    tfReady = true;
  }
  if (!(await tf.setBackend(backend))) {
    throw new Error('TensorFlow.js backend ' + backend + ' did not start');
  }
  await tf.ready();
}

/** Song `name`'s log-mel (the model's input) and the engine's outputs on it (HotSpot, ModelReference). */
async function modelCase(name) {
  const [meta, mel, style, visual] = await Promise.all([song(name), floats(DATA + name + '.mel.f32'),
    floats(DATA + name + '.style.f32'), floats(DATA + name + '.visual.f32')]);
  return { meta, mel, style, visual };
}

/**
 * A peer runtime's model on `c`: `predict()` → {style, visual} timed once cold and `runs` times repeated, and the
 * first call's max |Δ| against the engine's outputs. Every peer (tfjs, ONNX Runtime Web) is measured here.
 */
async function measurePeer(predict, c, runs) {
  const timed = async () => {
    const started = performance.now();
    const out = await predict();
    return { ms: performance.now() - started, out };
  };
  const first = await timed();
  const repeatedMs = [];
  for (let i = 0; i < runs; i++) {
    repeatedMs.push((await timed()).ms);
  }
  return {
    firstMs: first.ms, repeatedMs,
    maxAbsDelta: Math.max(maxDelta(first.out.style, c.style), maxDelta(first.out.visual, c.visual)),
    steps: first.out.style.length / c.meta.labels, expectedSteps: c.style.length / c.meta.labels,
  };
}

async function tfjsTask({ song: name, backend, runs, threads = false }) {
  await loadTfjs(backend, threads);
  const [c, manifest, weights] = await Promise.all([
    modelCase(name),
    fetchOk(MODEL_DIR + 'manifest.json').then((r) => r.json()),
    fetchOk(MODEL_DIR + 'weights.bin').then((r) => r.arrayBuffer()),
  ]);
  const model = AivjTfjsModel.build(tf, manifest, weights);
  const measured = await measurePeer(() => model.predict(c.mel, c.meta.frames), c, runs);
  model.dispose();
  return {
    ...measured, backend: tf.getBackend(), version: tf.version.tfjs,
    simd: tf.getBackend() === 'wasm' ? tf.env().getBool('WASM_HAS_SIMD_SUPPORT') : false,
    cores: navigator.hardwareConcurrency,
    multithread: tf.getBackend() === 'wasm' ? tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') : false,
  };
}

let ortWorkers = null; // Workers ORT created (its Emscripten pthreads), counted from its load on

/**
 * Loads ONNX Runtime Web's wasm build once per worker, with `threads` intra-op threads (1, or every core: the
 * bench page is cross-origin isolated, so SharedArrayBuffer and ORT's pthread workers are available). ORT fixes
 * its thread count when it first initialises, so the threaded run has a worker of its own (bench.js). Worker
 * creations are counted to tell whether it really ran threaded, not only whether it was asked to.
 */
function loadOrt(threads) {
  if (ortWorkers === null) {
    ortWorkers = { created: 0 };
    const NativeWorker = self.Worker;
    const counter = ortWorkers;
    self.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args);
        counter.created++;
      }
    };
    importScripts(ORT_DIR + 'ort.wasm.min.js');
    ort.env.wasm.wasmPaths = ORT_DIR;
    ort.env.wasm.numThreads = threads;
    ort.env.wasm.proxy = false; // already off the page's thread
  }
  return ortWorkers;
}

async function ortTask({ song: name, runs, threads = 1 }) {
  const workers = loadOrt(threads);
  const [c, onnx] = await Promise.all([modelCase(name),
    fetchOk(DATA + 'music-v1.onnx').then((r) => r.arrayBuffer())]);
  const started = performance.now();
  const session = await ort.InferenceSession.create(new Uint8Array(onnx),
    { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const sessionMs = performance.now() - started;
  const dims = [1, c.meta.frames, c.meta.melBands];
  const measured = await measurePeer(async () => {
    const out = await session.run({ logmel: new ort.Tensor('float32', c.mel, dims) });
    return { style: out.style.data, visual: out.visual.data };
  }, c, runs);
  await session.release();
  return {
    ...measured, backend: 'wasm', version: ort.env.versions.web, sessionMs,
    simd: true, // ORT Web ≥ 1.19 ships SIMD builds only (it refuses to start without SIMD)
    cores: navigator.hardwareConcurrency,
    threads: ort.env.wasm.numThreads, // reset to 1 by ORT where threads are unavailable
    pthreadWorkers: workers.created,
    multithread: ort.env.wasm.numThreads > 1 && workers.created > 0,
  };
}

/** max |a − b|; arrays of different length (a wrong layer setup) give Infinity. */
function maxDelta(a, b) {
  if (a.length !== b.length) {
    return Infinity;
  }
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (Number.isNaN(d)) {
      return NaN;
    }
    max = Math.max(max, d);
  }
  return max;
}

const TASKS = { wasm: wasmTask, tfjs: tfjsTask, ort: ortTask, live: liveTask };

self.onmessage = (event) => {
  const { id, type, options } = event.data;
  const task = TASKS[type];
  if (!task) {
    self.postMessage({ id, error: 'unknown task ' + type });
    return;
  }
  task(options || {}).then(
    (result) => self.postMessage({ id, result }),
    (e) => self.postMessage({ id, error: (e && e.message) || String(e) }));
};
