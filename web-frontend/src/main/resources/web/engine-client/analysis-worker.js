/* AIVJ analysis worker (classic worker: the TeaVM loader is a plain script loaded with importScripts).
 *
 * Messages in:  {type: 'warmup'} | {type: 'rate'}
 *               | {type: 'analyze', id, pcm: Float32Array (interleaved), channels, sampleRate}
 *               (the page sends mono at the engine's rate: song/analysis-signal.js)
 *               | {type: 'configure', modelUrl?, pairLibraryUrl?} (the widget: its own model folder / pair library;
 *                 only before the first load, so send it first)
 *               | {type: 'preferences', preferences: {blocked: [ids], favourites: [ids]}, replan: id|null} (the
 *                 viewer's preset preferences for every later plan; with replan, the id of the song playing: its
 *                 plan is made again at once, by the engine's pair stages only)
 *               | {type: 'own-preset', requestId, id, url, text, frames: Uint8Array, width, height, energies,
 *                 replan: id|null} (a preset the viewer brought, with the frames the page rendered of it: it joins
 *                 the engine's pair library; with replan, the song playing is planned again with it)
 *               | {type: 'viewer', viewer: {arm, preference: JSON string|null, prior: JSON string|null}, replan:
 *                 id|null} (how the engine picks pairs: the installation's A/B arm, the viewer's learned preference
 *                 and the federation's prior; with replan, the song playing is planned again)
 *               | {type: 'viewer-request', requestId, op: 'learn', feedback: {features, signal, value}, replan}
 *                 | {..., op: 'update', clip, noise, seed} | {..., op: 'summary'} (learn one signal; the update the
 *                 federation may receive; what the viewer is shown as their preference)
 *               | {type: 'live-start', sensitivity} | {type: 'live-push', pcm: Float32Array (mono at the engine's
 *                 rate), capturedAt} (live input: the engine's live show, 0.5-s hops)
 * Messages out: {type: 'rate', analysisRate} | {type: 'rate', error} (the engine's rate, asked before decoding)
 *               | {type: 'progress', id, step}
 *               | {type: 'opening', id, analysis, engineVersion, elapsedMs, model, library} (songs longer than
 *                 OPENING_SECONDS: the plan of the opening alone, sent before the whole song is analysed)
 *               | {type: 'result', id, analysis, engineVersion, elapsedMs, model, library}
 *               | {type: 'replan', id, analysis, engineVersion, elapsedMs, model, library} (the song `id` planned
 *                 again after a preferences change)
 *               | {type: 'preferences', error} (preferences the engine refused: the previous ones stay)
 *               | {type: 'viewer', error} (a pick policy the engine refused)
 *               | {type: 'viewer-answer', requestId, result} | {type: 'viewer-answer', requestId, error} (result:
 *                 {reward, preference: JSON string} for 'learn', the update's or the summary's parsed JSON)
 *               | {type: 'own-preset', requestId, result: {look, axes, usable, pairs}} | {type: 'own-preset',
 *                 requestId, error}
 *               | {type: 'error', id, kind: 'load' | 'engine', message}
 *               | {type: 'live', update, capturedAt, elapsedMs} (the engine's livePush JSON, parsed) | {type: 'live-error',
 *                 message}
 *
 * The music model (/models/music-v1/manifest.json + weights.bin) is fetched and loaded into the engine once,
 * right after the engine starts. It is optional: `model` in a result is {status: 'loaded', labels} or
 * {status: 'absent' | 'broken', message}; without a model the analysis has no `style`/`segments` but works.
 * The pair library (/pairs/pair-library.json) is loaded the same way; `library` in a result is
 * {status: 'loaded'} or {status: 'absent' | 'broken', message}; with it the analysis has `pairs`: one preset
 * pair per music section, chosen by the engine.
 */
'use strict';

importScripts('/engine-client/engine-warm-up.js', '/engine-client/own-presets-in-engine.js');

const ENGINE_LOADER = '/engine/aivj-engine.wasm-runtime.js';
const ENGINE_WASM = '/engine/aivj-engine.wasm';

// `let`: a 'configure' message may point them elsewhere before they are first loaded.
let MODEL_MANIFEST = '/models/music-v1/manifest.json';
let MODEL_WEIGHTS = '/models/music-v1/weights.bin';

let PAIR_LIBRARY = '/pairs/pair-library.json';

// Progressive analysis: the show starts from the plan of the song's opening while the whole song is analysed.
// 15 s holds several bars for the tempo and the model's first style readings, and takes a few ms to analyse.
const OPENING_SECONDS = 15;
// A song this much longer than the opening is worth a separate pass; shorter ones are analysed whole at once.
const OPENING_MIN_SONG_SECONDS = 2 * OPENING_SECONDS;

// The viewer's preset preferences as JSON for the engine's setPresetPreferences ('' = none), applied before each
// plan; and the id of the last song whose whole plan is made (the only one a replan may answer for).
let preferencesJson = '';
let plannedSongId = null;
// How the engine picks pairs ({arm, preference, prior}: see viewer messages), null = the engine's default; its
// preference is replaced by each one the engine learns, so a later plan never goes back to an older one.
let viewer = null;

let enginePromise = null;
let modelPromise = null;
let libraryPromise = null;

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

async function fetchModel(teavm) {
  let manifestResponse;
  let weightsResponse;
  try {
    [manifestResponse, weightsResponse] = await Promise.all([fetch(MODEL_MANIFEST), fetch(MODEL_WEIGHTS)]);
  } catch (e) {
    return { status: 'broken', message: `could not fetch the music model (${describe(e)})` };
  }
  if (manifestResponse.status === 404 && weightsResponse.status === 404) {
    return { status: 'absent', message: `no music model is installed at ${MODEL_MANIFEST.replace('manifest.json', '')}` };
  }
  for (const [url, response] of [[MODEL_MANIFEST, manifestResponse], [MODEL_WEIGHTS, weightsResponse]]) {
    if (!response.ok) {
      return { status: 'broken', message: `GET ${url} answered ${response.status}` };
    }
  }
  if (typeof teavm.exports.loadModel !== 'function') {
    return { status: 'broken', message: 'this engine build has no loadModel export' };
  }
  const manifest = await manifestResponse.text();
  const weights = new Uint8Array(await weightsResponse.arrayBuffer());
  const result = teavm.exports.loadModel(manifest, weights);
  if (result !== '') {
    let message = String(result);
    try {
      message = JSON.parse(result).error || message;
    } catch (e) {
      // keep the raw text
    }
    return { status: 'broken', message: `the music model was rejected: ${message}` };
  }
  let labels = [];
  try {
    labels = JSON.parse(teavm.exports.modelLabels());
  } catch (e) {
    // labels are informative only
  }
  return { status: 'loaded', labels };
}

/** Loads the model once per worker; never rejects. */
function loadModel(teavm) {
  if (modelPromise === null) {
    modelPromise = fetchModel(teavm).catch((e) => ({ status: 'broken', message: describe(e) }));
  }
  return modelPromise;
}

async function fetchLibrary(teavm) {
  const response = await fetch(PAIR_LIBRARY);
  if (response.status === 404) {
    return { status: 'absent', message: `no pair library is installed at ${PAIR_LIBRARY}` };
  }
  if (!response.ok) {
    return { status: 'broken', message: `could not fetch the pair library (HTTP ${response.status})` };
  }
  const result = teavm.exports.loadPairLibrary(await response.text());
  if (result !== '') {
    let message = result;
    try {
      message = JSON.parse(result).error;
    } catch (e) { /* keep the raw text */ }
    return { status: 'broken', message: `the pair library was rejected: ${message}` };
  }
  return { status: 'loaded' };
}

/** Loads the pair library once per worker; never rejects. */
function loadLibrary(teavm) {
  if (libraryPromise === null) {
    libraryPromise = fetchLibrary(teavm).catch((e) => ({ status: 'broken', message: describe(e) }));
  }
  return libraryPromise;
}

/** Points the model (a folder URL) and the pair library elsewhere; ignored once they were loaded. */
function configure({ modelUrl, pairLibraryUrl }) {
  if (typeof modelUrl === 'string' && modelUrl !== '' && modelPromise === null) {
    const folder = new URL(modelUrl.endsWith('/') ? modelUrl : modelUrl + '/', self.location.href);
    MODEL_MANIFEST = new URL('manifest.json', folder).href;
    MODEL_WEIGHTS = new URL('weights.bin', folder).href;
  }
  if (typeof pairLibraryUrl === 'string' && pairLibraryUrl !== '' && libraryPromise === null) {
    PAIR_LIBRARY = new URL(pairLibraryUrl, self.location.href).href;
  }
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
  const [model, library] = await Promise.all([loadModel(teavm), loadLibrary(teavm)]);
  self.postMessage({ type: 'progress', id, step: 'analysing' });
  const about = { engineVersion: engineVersion(teavm), model, library };
  applyPreferences(teavm);
  applyViewer(teavm);
  plannedSongId = null;
  const frames = pcm.length / channels;
  if (frames / sampleRate >= OPENING_MIN_SONG_SECONDS) {
    const opening = pcm.subarray(0, Math.round(OPENING_SECONDS * sampleRate) * channels);
    self.postMessage({ type: 'opening', id, ...plan(teavm, opening, channels, sampleRate), ...about });
  }
  self.postMessage({ type: 'result', id, ...plan(teavm, pcm, channels, sampleRate), ...about });
  plannedSongId = id;
}

/** Hands the preferences to the engine; a refusal is reported and the engine keeps its previous ones. */
function applyPreferences(teavm) {
  if (typeof teavm.exports.setPresetPreferences !== 'function') return;
  const result = teavm.exports.setPresetPreferences(preferencesJson);
  if (result !== '') self.postMessage({ type: 'preferences', error: errorOf(result) });
}

/** Hands the pick policy to the engine; a refusal is reported and the engine keeps its previous one. */
function applyViewer(teavm) {
  if (viewer === null) return;
  const result = teavm.exports.setPickPolicy(JSON.stringify(viewer));
  if (result !== '') self.postMessage({ type: 'viewer', error: errorOf(result) });
}

/** The engine's error text of a JSON {"error": ...} answer. */
function errorOf(json) {
  try {
    return JSON.parse(json).error || String(json);
  } catch (e) {
    return String(json);
  }
}

async function setViewer({ viewer: v, replan }) {
  viewer = v;
  const teavm = await loadEngine();
  await Promise.all([loadModel(teavm), loadLibrary(teavm)]);
  applyViewer(teavm);
  await replanSong(teavm, replan);
}

/** One viewer request: learn a signal (then the song playing is planned again), an update, or the summary. */
async function viewerRequest({ op, feedback, clip, noise, seed, replan }) {
  const teavm = await loadEngine();
  await Promise.all([loadModel(teavm), loadLibrary(teavm)]);
  if (op === 'learn') {
    const learned = JSON.parse(teavm.exports.learnPreference(JSON.stringify(feedback)));
    if (learned.error !== undefined) throw new Error(learned.error);
    const state = JSON.stringify(learned.preference);
    if (viewer !== null) viewer.preference = state;
    return { result: { reward: learned.reward, preference: state }, after: () => replanSong(teavm, replan) };
  }
  const json = op === 'update' ? teavm.exports.preferenceUpdate(clip, noise, seed)
    : teavm.exports.preferenceSummary();
  const result = JSON.parse(json);
  if (result.error !== undefined) throw new Error(result.error);
  return { result, after: async () => {} };
}

/**
 * New preferences: kept for every later plan and, for the song playing, its plan made again now. Only the pair
 * stages run (the engine keeps the song's analysis), a few ms, where a whole analysis of a long song takes
 * seconds; the analysis and so the sections are the same, only the pairs change.
 */
async function preferences({ preferences: prefs, replan }) {
  preferencesJson = prefs ? JSON.stringify({
    blocked: Array.isArray(prefs.blocked) ? prefs.blocked : [],
    favourites: Array.isArray(prefs.favourites) ? prefs.favourites : [],
  }) : '';
  const teavm = await loadEngine();
  await Promise.all([loadModel(teavm), loadLibrary(teavm)]);
  applyPreferences(teavm);
  await replanSong(teavm, replan);
}

/** Plans the song `replan` again (when it is the last one planned) with the engine's library and preferences now. */
async function replanSong(teavm, replan) {
  const [model, library] = await Promise.all([loadModel(teavm), loadLibrary(teavm)]);
  if (replan === null || replan === undefined || replan !== plannedSongId || library.status !== 'loaded'
      || typeof teavm.exports.replan !== 'function') {
    return;
  }
  const started = performance.now();
  const analysis = parsePlan(teavm.exports.replan());
  self.postMessage({ type: 'replan', id: replan, analysis, elapsedMs: performance.now() - started,
    engineVersion: engineVersion(teavm), model, library });
}

/** A preset the viewer brought joins the engine's library; the song playing is planned again with it. */
async function ownPreset(message) {
  const teavm = await loadEngine();
  const library = await loadLibrary(teavm);
  if (library.status !== 'loaded') throw new Error(`there is no pair library to join (${library.message})`);
  await loadOwnPresetScoring(teavm);
  const result = addOwnPresetToEngine(teavm, message);
  self.postMessage({ type: 'own-preset', requestId: message.requestId, result });
  await replanSong(teavm, message.replan);
}

/** The engine's plan of interleaved PCM: {analysis, elapsedMs}; throws with the engine's message. */
function plan(teavm, pcm, channels, sampleRate) {
  const started = performance.now();
  const json = teavm.exports.analyzeInterleaved(pcm, channels, sampleRate);
  const elapsedMs = performance.now() - started;
  return { analysis: parsePlan(json), elapsedMs };
}

/** The engine's plan JSON parsed; throws with the engine's message. */
function parsePlan(json) {
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
  return analysis;
}

/** Live input: the engine's live show, started on the loaded model and pair library, then one push per hop. */
let liveReady = null;

async function liveStart(sensitivity) {
  const teavm = await loadEngine();
  await Promise.all([loadModel(teavm), loadLibrary(teavm)]);
  applyPreferences(teavm); // the live show picks its pairs with the viewer's blocklist and favourites
  applyViewer(teavm);
  const result = teavm.exports.liveStart(Number.isFinite(sensitivity) ? sensitivity : NaN);
  if (result !== '') throw new Error(JSON.parse(result).error);
  return teavm;
}

function livePush({ pcm, capturedAt }) {
  if (liveReady === null) {
    self.postMessage({ type: 'live-error', message: 'the live show was not started' });
    return;
  }
  liveReady.then((teavm) => {
    const started = performance.now();
    const update = JSON.parse(teavm.exports.livePush(pcm));
    const elapsedMs = performance.now() - started;
    if (update.error !== undefined) throw new Error(update.error);
    self.postMessage({ type: 'live', update, capturedAt, elapsedMs });
  }).catch((e) => self.postMessage({ type: 'live-error', message: describe(e) }));
}

self.onmessage = (event) => {
  const message = event.data || {};
  if (message.type === 'configure') {
    try {
      configure(message);
    } catch (e) {
      // a malformed URL: the defaults stay
    }
    return;
  }
  if (message.type === 'rate') {
    loadEngine().then(
      (teavm) => self.postMessage({ type: 'rate', analysisRate: teavm.exports.analysisRate() }),
      (e) => self.postMessage({ type: 'rate', error: describe(e) }));
    return;
  }
  if (message.type === 'warmup') {
    loadEngine().then(async (teavm) => {
      await Promise.all([loadModel(teavm), loadLibrary(teavm)]);
      warmUpEngine(teavm); // engine-warm-up.js
    }).catch(() => { /* reported when a song is analysed */ });
    return;
  }
  if (message.type === 'preferences') {
    preferences(message).catch((e) => self.postMessage({ type: 'preferences', error: describe(e) }));
    return;
  }
  if (message.type === 'viewer') {
    setViewer(message).catch((e) => self.postMessage({ type: 'viewer', error: describe(e) }));
    return;
  }
  if (message.type === 'viewer-request') {
    viewerRequest(message).then(async ({ result, after }) => {
      self.postMessage({ type: 'viewer-answer', requestId: message.requestId, result });
      await after();
    }).catch((e) => self.postMessage({ type: 'viewer-answer', requestId: message.requestId, error: describe(e) }));
    return;
  }
  if (message.type === 'own-preset') {
    ownPreset(message).catch((e) => self.postMessage({ type: 'own-preset', requestId: message.requestId,
      error: describe(e) }));
    return;
  }
  if (message.type === 'live-start') {
    liveReady = liveStart(message.sensitivity);
    liveReady.catch((e) => self.postMessage({ type: 'live-error', message: describe(e) }));
    return;
  }
  if (message.type === 'live-push') {
    livePush(message);
    return;
  }
  if (message.type === 'analyze') {
    analyze(message).catch((e) => {
      const kind = e && e.engineLoad ? 'load' : 'engine';
      self.postMessage({ type: 'error', id: message.id, kind, message: describe(e) });
    });
  }
};
