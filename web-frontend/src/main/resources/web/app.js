// AIVJ page: drop a song → decode → analyse in the WebAssembly engine (worker) → play with two MilkDrop layers.

import { PairShow, pairsOf } from './pair-show.js';
import { EnergyFollower, energyOpacity } from './energy-follower.js';
import { AnalysisClient } from './analysis-client.js';
import { FeaturePlot, finiteSeries } from './feature-plot.js';
import { StageFullscreen } from './fullscreen.js';
import {
  ENGINE_LABELS, Layers, POSITIONS, PresetLibrary, applyBlendMode, applyOpacity, chooseEngine, visualsUnavailableReason,
} from './layers.js';
import { ProjectMPresetLibrary } from './layers/projectm-preset-library.js';
import { Player } from './player.js';
import { ProgressView } from './progress-view.js';
import { StageResolution } from './stage-resolution.js';
import { StyleTimeline, beatZoom, noStyleText, segmentAt, segmentsOf, visualsFor } from './style-timeline.js';
import {
  ANALYSIS_RATE, SongError, analysisSignal, checkFile, decode, readFile,
} from './song-loader.js';

const $ = (id) => document.getElementById(id);

const ui = {
  fileInput: $('file-input'),
  error: $('error'),
  notice: $('notice'),
  tempo: $('tempo-bpm'),
  confidence: $('tempo-confidence'),
  songName: $('song-name'),
  duration: $('duration'),
  beats: $('beat-count'),
  engine: $('engine-version'),
  playPause: $('play-pause'),
  presetBg: $('preset-bg'),
  presetFg: $('preset-fg'),
  blend: $('blend-mode'),
  opacity: $('fg-opacity'),
  modelDrive: $('model-drive'),
  pairPanel: $('pair-panel'),
  pairIndex: $('pair-index'),
  pairFg: $('pair-fg'),
  pairBg: $('pair-bg'),
  pairQuality: $('pair-quality'),
  pairWs: $('pair-ws'),
  pairWt: $('pair-wt'),
  pairMix: $('pair-mix'),
  pairBack: $('pair-back'),
  pairLock: $('pair-lock'),
  pairSkip: $('pair-skip'),
  styleLabel: $('style-label'),
  styleConfidence: $('style-confidence'),
  styleNow: $('style-now'),
  presets: { bg: $('preset-bg'), fg: $('preset-fg') },
  engineBadges: { bg: $('engine-bg'), fg: $('engine-fg') },
};

/** The layer canvases are looked up each time: a layer that changes engine gets a fresh canvas element. */
const canvasOf = (position) => $(`layer-${position}`);

/** What tests (and curious people) can read: window.aivj.state / .analysis. */
const aivj = {
  state: 'idle', // 'idle' | 'decoding' | 'analysing' | 'ready' | 'error'
  analysis: null,
  /** The music model as the worker reported it: {status: 'loaded', labels} | {status: 'absent'|'broken', message}. */
  model: null,
  /** The segment playing now and what its visual parameters set on the layers (null without a model). */
  currentSegment: null,
  appliedVisuals: null,
  error: null,
  engineVersion: null,
  analysisMs: null,
  get renderedFrames() { return layers ? layers.frames : 0; },
  get playing() { return player ? player.playing : false; },
  get currentTime() { return player ? player.currentTime() : 0; },
  get presets() { return layers ? { ...layers.presetNames } : {}; },
  /** Engine per layer: 'projectm' | 'butterchurn' | null (off); before the visuals start, the planned one. */
  get engines() { return layers ? { ...layers.engines } : { bg: plannedEngine.engine, fg: plannedEngine.engine }; },
  get loadingPresets() { return layers ? { bg: layers.slots.bg.loading, fg: layers.slots.fg.loading } : {}; },
  /** Frames each layer has drawn since its picture last started over (a preset load, a projectM rebuild; layer.js). */
  get warmFrames() {
    const of = (position) => (layers && layers.slots[position].layer ? layers.slots[position].layer.warmFrames : 0);
    return { bg: of('bg'), fg: of('fg') };
  },
  /** The pair library as the worker reported it, and the pair on now: {index, pair, reason, locked, mix}. */
  library: null,
  currentPair: null,
  /** Each layer's smoothed energy {fg, bg} (0..1) under the current pair's w_t (energy-follower.js). */
  energy: null,
  /** Every pair shown so far, in order: {index, fg, bg, reason, at} (at = playback seconds). */
  pairHistory: [],
  /** Non-fatal layer errors shown in #error, newest last. */
  layerErrors: [],
  /** The running layers (for tests and the console). */
  get layers() { return layers; },
  /** Adaptive render resolution: the drawing-buffer scale (1 = CSS size × devicePixelRatio) and the measured
   * frame rate of the visuals (null while paused or just resized). */
  get renderScale() { return resolution.scale; },
  get fps() { return resolution.fps; },
  /** True once the render scale will not step down any more (stage-resolution.js `settled`). */
  get renderSettled() { return resolution.settled; },
  /** The last song's time in the worker: {postedAt, answeredAt} (performance.now() ms), null before one. */
  get workerRun() { return analysisClient.lastRun; },
  /** The AudioContext's state ('running' while playing), null before the first song. */
  get audioState() { return audioContext ? audioContext.state : null; },
};
window.aivj = aivj;

const progress = new ProgressView({ steps: $('steps'), bar: $('progress'), text: $('status-text') });
const plot = new FeaturePlot($('feature-plot'));
const timeline = new StyleTimeline($('style-plot'));
const resolution = new StageResolution($('stage'), () => [canvasOf('bg'), canvasOf('fg')],
  [...document.querySelectorAll('.render-stats')]);
let segments = [];
let energy = null;
let beatTimes = [];
let modelNoticeShown = false;
const analysisClient = new AnalysisClient();
const presetLibrary = new PresetLibrary();
const projectmLibrary = new ProjectMPresetLibrary();
const libraries = { projectm: projectmLibrary, butterchurn: presetLibrary };
let plannedEngine = { engine: null, reason: '' };
let menusReady = null;

let audioContext = null;
let player = null;
let layers = null;
let visualsDisabled = false;
let loadToken = 0;
let pairShow = null;

function setState(state) {
  aivj.state = state;
  document.body.dataset.state = state;
}

function getAudioContext() {
  if (audioContext === null) {
    audioContext = new AudioContext();
    player = new Player(audioContext);
    player.onEnded = updatePlayButton;
  }
  if (audioContext.state === 'suspended') {
    audioContext.resume().catch(() => {});
  }
  return audioContext;
}

// ---- messages --------------------------------------------------------------------------------------------

function showError(message) {
  aivj.error = message;
  ui.error.textContent = message;
  ui.error.hidden = false;
  setState('error');
  progress.fail('Stopped. Choose another file to try again.');
}

function clearError() {
  aivj.error = null;
  ui.error.hidden = true;
  ui.error.textContent = '';
}

/** A layer problem (bad preset, shader failure): shown in #error, but the page keeps working. */
function showLayerError(message) {
  aivj.layerErrors.push(message);
  ui.error.textContent = message;
  ui.error.hidden = false;
}

function showNotice(message) {
  ui.notice.textContent = message;
  ui.notice.hidden = false;
}

function messageFor(error, fileName) {
  if (error instanceof SongError) {
    return error.message;
  }
  if (error && error.name === 'AnalysisError') {
    if (error.kind === 'engine') {
      return `The engine could not analyse “${fileName}”: ${error.message}`;
    }
    if (error.kind === 'worker') {
      return `The WebAssembly analysis engine could not be loaded: ${error.message}. Reload the page to retry.`;
    }
    return error.message;
  }
  return `Something went wrong with “${fileName}”: ${error && error.message ? error.message : error}`;
}

// ---- results ---------------------------------------------------------------------------------------------

function formatTime(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

function clearResults() {
  aivj.analysis = null;
  aivj.engineVersion = null;
  aivj.analysisMs = null;
  ui.tempo.textContent = '–';
  ui.confidence.textContent = '';
  ui.songName.textContent = '–';
  ui.duration.textContent = '–';
  ui.beats.textContent = '–';
  plot.drawEmpty('Drop a song to see its energy and onsets here.');
  segments = [];
  beatTimes = [];
  aivj.currentSegment = null;
  ui.styleLabel.textContent = '–';
  ui.styleConfidence.textContent = '';
  ui.styleNow.textContent = '–';
  timeline.drawEmpty('Style timeline: appears when the music model is loaded.');
  pairShow = null;
  aivj.currentPair = null;
  ui.pairPanel.hidden = true;
}

function showResults(fileName, analysis, engineVersion, decodedSeconds) {
  const tempo = analysis.tempo && typeof analysis.tempo === 'object' ? analysis.tempo : {};
  const bpm = Number(tempo.bpm);
  const confidence = Number(tempo.confidence);
  ui.tempo.textContent = Number.isFinite(bpm) && bpm > 0 ? bpm.toFixed(1) : '–';
  if (Number.isFinite(confidence)) {
    ui.confidence.textContent = confidence >= 0 && confidence <= 1
      ? `(confidence ${Math.round(confidence * 100)} %)` : `(confidence ${confidence.toFixed(2)})`;
  } else {
    ui.confidence.textContent = '';
  }
  const duration = Number(analysis.durationSeconds);
  ui.songName.textContent = fileName;
  ui.songName.title = fileName;
  ui.duration.textContent = formatTime(Number.isFinite(duration) && duration > 0 ? duration : decodedSeconds);
  ui.beats.textContent = String(finiteSeries(analysis.beats).length);
  ui.engine.textContent = engineVersion || (analysis.engineVersion != null ? String(analysis.engineVersion) : '–');
  plot.setAnalysis(analysis, decodedSeconds);
  const frames = analysis.frames && typeof analysis.frames === 'object' ? analysis.frames : {};
  energy = new EnergyFollower(finiteSeries(frames.rms), Number(analysis.frameRate));
  showStyle(analysis, decodedSeconds);
}

function showStyle(analysis, decodedSeconds) {
  const style = analysis.style && typeof analysis.style === 'object' ? analysis.style : null;
  segments = segmentsOf(analysis);
  beatTimes = finiteSeries(analysis.beats);
  timeline.setAnalysis(analysis, decodedSeconds);
  if (style && style.label === 'none') {
    // Silence: the engine gives no style, only its reason (never a percentage).
    ui.styleLabel.textContent = noStyleText(style.reason);
    ui.styleConfidence.textContent = '';
  } else if (style && typeof style.label === 'string') {
    ui.styleLabel.textContent = style.label;
    const c = Number(style.confidence);
    ui.styleConfidence.textContent = Number.isFinite(c) ? `(${Math.round(c * 100)} %, ${segments.length} segments)` : '';
  } else {
    ui.styleLabel.textContent = '–';
    ui.styleConfidence.textContent = '';
  }
  ui.modelDrive.disabled = segments.length === 0;
  if (segments.length === 0) ui.modelDrive.checked = false;
  updateSegment(0);
}

function showModelStatus(model) {
  aivj.model = model;
  if (model && model.status !== 'loaded' && !modelNoticeShown) {
    modelNoticeShown = true;
    const what = model.status === 'absent' ? 'No music model' : 'The music model could not be loaded';
    showNotice(`${what} (${model.message}); the analysis works without the style timeline.`);
  }
  if (model && model.status === 'loaded' && !ui.modelDrive.dataset.touched) {
    ui.modelDrive.checked = true;
  }
}

/** Shows the segment at `seconds` and, when the model drives the mix, applies its visual parameters. */
function updateSegment(seconds) {
  if (pairShow) pairShow.update(seconds);
  const segment = segmentAt(segments, seconds);
  aivj.currentSegment = segment;
  timeline.draw(seconds);
  if (!segment) {
    ui.styleNow.textContent = '–';
    return;
  }
  const c = Math.round((Number(segment.confidence) || 0) * 100);
  const text = segment.style === 'none' ? noStyleText(segment.reason) : `${segment.style} (${c} %)`;
  if (ui.styleNow.textContent !== text) ui.styleNow.textContent = text;
  if (!ui.modelDrive.checked) {
    aivj.appliedVisuals = null;
    return;
  }
  const v = visualsFor(segment);
  if (aivj.currentPair) followEnergy(v, seconds, aivj.currentPair.mix);
  const fg = canvasOf('fg');
  const bg = canvasOf('bg');
  const zoom = `scale(${beatZoom(beatTimes, seconds, v.zoomPulse).toFixed(4)})`;
  if (fg) {
    applyOpacity(fg, v.fgOpacity);
    applyBlendMode(fg, v.blendMode);
    fg.style.transform = zoom;
  }
  if (bg) {
    bg.style.opacity = String(v.bgOpacity);
    bg.style.transform = zoom;
  }
  $('stage').style.filter = `hue-rotate(${v.hueShift.toFixed(1)}deg)`;
  aivj.appliedVisuals = v;
}

/** Manual control: the model stops driving; the page looks like the controls say. */
function releaseModelDrive() {
  ui.modelDrive.checked = false;
  ui.modelDrive.dataset.touched = '1';
  resetVisuals();
}

function resetVisuals() {
  aivj.appliedVisuals = null;
  for (const position of ['bg', 'fg']) {
    const c = canvasOf(position);
    if (c) c.style.transform = '';
  }
  const bg = canvasOf('bg');
  if (bg) bg.style.opacity = '';
  $('stage').style.filter = '';
  applyBlendMode(canvasOf('fg'), ui.blend.value);
  applyOpacity(canvasOf('fg'), ui.opacity.value / 100);
}

// ---- the pair plan -----------------------------------------------------------------------------------------

/** The pair's coupling sets the layer mix: w_s the blend and opacities, w_t how fast each layer follows energy. */
function followEnergy(v, seconds, mix) {
  const e = energy ? energy.update(seconds, mix.followSeconds) : { fg: 1, bg: 1 };
  aivj.energy = e;
  Object.assign(v, {
    blendMode: mix.blendMode,
    fgOpacity: energyOpacity(mix.fgOpacity, e.fg),
    bgOpacity: energyOpacity(mix.bgOpacity, e.bg),
  });
}

function setupPairShow(analysis, library) {
  aivj.library = library || null;
  aivj.currentPair = null;
  aivj.pairHistory = [];
  const pairs = pairsOf(analysis);
  pairShow = pairs.length > 0 ? new PairShow(pairs) : null;
  ui.pairPanel.hidden = pairShow === null;
  if (library && library.status === 'broken') { // an absent library is a choice of the site, not an error
    showNotice(`No preset pairs are chosen for this song (${library.message}).`);
  }
  if (!pairShow) return;
  ui.pairLock.setAttribute('aria-pressed', 'false');
  pairShow.addEventListener('pair', (e) => onPair(e.detail));
}

/** A new pair is on: load both presets (the transition time comes from w_t) and show what it is. */
function onPair({ index, pair, reason, locked }) {
  const { mix } = pair; // the engine's numbers for this pair (engine-core LayerMix)
  aivj.currentPair = { index, pair, reason, locked, mix };
  if (reason !== 'lock') {
    aivj.pairHistory.push({ index, fg: pair.fg, bg: pair.bg, reason, at: pairShow.lastSeconds });
    const engines = layers ? layers.engines : {};
    for (const position of ['bg', 'fg']) {
      // Pairs name projectM presets; a layer on butterchurn keeps its own preset.
      if (engines[position] === 'projectm' && layers.slots[position].presetId !== pair[position]) {
        loadPreset(position, pair[position], mix.transitionSeconds);
      }
    }
  }
  if (!ui.modelDrive.dataset.touched) {
    applyBlendMode(canvasOf('fg'), mix.blendMode);
    applyOpacity(canvasOf('fg'), mix.fgOpacity);
    const bg = canvasOf('bg');
    if (bg) bg.style.opacity = String(mix.bgOpacity);
  }
  ui.pairIndex.textContent = `${index + 1} of ${pairShow.pairs.length}`;
  ui.pairFg.textContent = presetLabel(pair.fg);
  ui.pairBg.textContent = presetLabel(pair.bg);
  ui.pairFg.title = pair.fg;
  ui.pairBg.title = pair.bg;
  ui.pairQuality.textContent = Number(pair.quality).toFixed(2);
  ui.pairWs.textContent = Number(pair.w_s).toFixed(2);
  ui.pairWt.textContent = Number(pair.w_t).toFixed(2);
  ui.pairMix.textContent = `${mix.blendMode}, front ${Math.round(mix.fgOpacity * 100)} %, `
    + `change ${mix.transitionSeconds.toFixed(1)} s`;
}

function presetLabel(id) {
  const slug = String(id).split('/').pop();
  return slug.replace(/-/g, ' ');
}

// ---- loading a song --------------------------------------------------------------------------------------

async function handleFile(file) {
  const token = ++loadToken;
  const stale = () => token !== loadToken;
  const name = file && file.name ? file.name : 'file';
  const ctx = getAudioContext();
  analysisClient.cancel();
  player.unload();
  updatePlayButton();
  clearError();
  clearResults();
  setState('decoding');
  try {
    checkFile(file);
    progress.show('reading', `Reading “${name}”…`, 0);
    const bytes = await readFile(file, (f) => { if (!stale()) progress.setFraction(0.25 * f); });
    if (stale()) return;

    progress.show('decoding', `Decoding “${name}” (${(file.size / 1048576).toFixed(1)} MB)…`, null);
    const buffer = await decode(ctx, bytes, name);
    if (stale()) return;

    setState('analysing');
    const seconds = buffer.duration;
    progress.show('analysing', `Analysing ${formatTime(seconds)} of audio in WebAssembly…`, null);
    const pcm = (await analysisSignal(buffer)).slice(); // our own copy: the worker takes its buffer
    if (stale()) return;
    const started = performance.now();
    const ticker = setInterval(() => {
      if (!stale()) {
        progress.setText(`Analysing ${formatTime(seconds)} of audio in WebAssembly… `
          + `${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    }, 500);
    let result;
    try {
      result = await analysisClient.analyze(pcm, 1, ANALYSIS_RATE, {
        timeoutMs: Math.round(60000 + seconds * 1000),
        onProgress: (step) => {
          if (!stale() && step === 'loading-engine') progress.setText('Loading the WebAssembly engine…');
        },
      });
    } finally {
      clearInterval(ticker);
    }
    if (stale()) return;

    aivj.analysis = result.analysis;
    aivj.engineVersion = result.engineVersion || null;
    aivj.analysisMs = result.elapsedMs;
    showModelStatus(result.model);
    showResults(name, result.analysis, result.engineVersion, seconds);
    setupPairShow(result.analysis, result.library);
    player.load(buffer);
    setState('ready');
    const took = Number.isFinite(result.elapsedMs) ? ` in ${(result.elapsedMs / 1000).toFixed(1)} s` : '';
    progress.show('ready', `Ready: “${name}” analysed${took}.`, 1);
    startVisuals();
    player.play();
    updatePlayButton();
  } catch (error) {
    if (stale() || (error && error.kind === 'cancelled')) return;
    console.warn('AIVJ: loading failed', error);
    showError(messageFor(error, name));
  } finally {
    if (!stale()) ui.fileInput.value = ''; // the same file may be chosen again
  }
}

// ---- visuals ---------------------------------------------------------------------------------------------

function startVisuals() {
  if (layers !== null || visualsDisabled) {
    return;
  }
  const reason = visualsUnavailableReason();
  if (reason) {
    visualsDisabled = true;
    showNotice(reason);
    return;
  }
  resolution.fit(); // the engines start at the stage's size and the current render scale
  try {
    layers = new Layers(audioContext, { bg: canvasOf('bg'), fg: canvasOf('fg') }, player.output, libraries);
  } catch (e) {
    visualsDisabled = true;
    showNotice(`The visuals could not start (${e.message}); the analysis still works.`);
    return;
  }
  resolution.attach(layers);
  layers.addEventListener('engine', (e) => onEngine(e.detail));
  layers.addEventListener('loading', (e) => {
    updateBadge(e.detail.position);
    resolution.presetLoading(); // a compile stall and a blend of two presets: not a measure of the resolution
  });
  layers.addEventListener('preset', (e) => {
    const { position, id } = e.detail;
    if (ui.presets[position].value !== id) ui.presets[position].value = id;
  });
  layers.addEventListener('error', (e) => onLayerError(e.detail));
  layers.addEventListener('warning', (e) => console.info(`AIVJ: ${e.detail.position} preset: ${e.detail.message}`));
  (menusReady || Promise.resolve()).then(() => layers.start(plannedEngine.engine || 'butterchurn',
    firstPresets(), plannedEngine.reason))
    .catch((e) => {
      console.warn('AIVJ: the visuals could not start', e);
      showNotice(`The visuals could not start (${e && e.message ? e.message : e}); the music plays on.`);
    });
}

/** The presets the layers start with: the plan's first pair on projectM, else the menus' choice. */
function firstPresets() {
  const first = pairShow && plannedEngine.engine === 'projectm' ? pairShow.pairs[0] : null;
  return first ? { bg: first.bg, fg: first.fg } : { bg: ui.presets.bg.value, fg: ui.presets.fg.value };
}

function onEngine({ position, engine, reason }) {
  // A pair chosen before this layer's engine was up is loaded now (checked after the layer has begun loading
  // its first preset, which is usually that pair's already).
  queueMicrotask(() => {
    const current = aivj.currentPair;
    const slot = layers && layers.slots[position];
    if (current && engine === 'projectm' && slot && !slot.loading && slot.presetId !== current.pair[position]) {
      loadPreset(position, current.pair[position], current.mix.transitionSeconds);
    }
  });
  const select = ui.presets[position];
  if (engine && select.dataset.engine !== engine) {
    fillMenu(position, engine).catch((e) => showNotice(`Could not load the preset list: ${e.message}`));
  }
  if (engine === 'butterchurn' && reason && plannedEngine.engine === 'projectm') {
    showNotice(`The ${position === 'bg' ? 'background' : 'foreground'} layer runs butterchurn: ${reason}.`);
  } else if (!engine) {
    showNotice(`The ${position === 'bg' ? 'background' : 'foreground'} layer is off: ${reason}.`);
  }
  updateBadge(position, reason);
}

function onLayerError({ position, id, engine, message, kept }) {
  const which = position === 'bg' ? 'background' : 'foreground';
  const select = ui.presets[position];
  const option = [...select.options].find((o) => o.value === id);
  const name = option ? option.textContent : id;
  if (engine === 'projectm' && id) {
    for (const p of POSITIONS) {
      const o = [...ui.presets[p].options].find((x) => x.value === id);
      if (o && ui.presets[p].dataset.engine === 'projectm') {
        o.disabled = true;
        if (!o.textContent.endsWith(' (failed)')) o.textContent += ' (failed)';
      }
    }
  }
  if (kept && select.value !== kept) select.value = kept;
  const keeps = kept ? ' It keeps playing its previous preset.' : '';
  showLayerError(`The ${which} layer could not load the preset “${name}” (${ENGINE_LABELS[engine] || engine}): `
    + `${message}.${keeps}`);
}

function updateBadge(position, reason) {
  const badge = ui.engineBadges[position];
  const engine = layers ? layers.slots[position].engine : plannedEngine.engine;
  const loading = layers ? layers.slots[position].loading : false;
  badge.dataset.engine = engine || 'off';
  badge.dataset.loading = String(loading);
  badge.textContent = (engine ? ENGINE_LABELS[engine] : 'off') + (loading ? ' · loading preset…' : '');
  if (reason !== undefined) badge.title = reason || `${ENGINE_LABELS[engine] || 'no engine'}`;
}

async function loadPreset(position, id, blendSeconds = 1.5) {
  if (!layers || !id) return;
  await layers.loadPreset(position, id, blendSeconds);
}

/** Fills one layer's preset menu from its engine's library (projectM: grouped by pack). */
async function fillMenu(position, engine) {
  const select = ui.presets[position];
  const previous = select.value;
  let options;
  if (engine === 'projectm') {
    const index = await projectmLibrary.list();
    const chosen = position === 'bg' ? index.defaultBackground : index.defaultForeground;
    const groups = new Map();
    for (const p of index.presets) {
      if (!groups.has(p.pack)) groups.set(p.pack, []);
      const option = new Option(p.name, p.id, false, p.id === chosen);
      option.title = p.id;
      if (projectmLibrary.isFailed(p.id)) {
        option.disabled = true;
        option.textContent += ' (failed)';
      }
      groups.get(p.pack).push(option);
    }
    options = [...groups].map(([pack, list]) => {
      const group = document.createElement('optgroup');
      group.label = pack || 'presets';
      group.append(...list);
      return group;
    });
  } else {
    const index = await presetLibrary.list();
    const chosen = position === 'bg' ? index.defaultBackground : index.defaultForeground;
    options = index.presets.map((p) => new Option(p.name, p.name, false, p.name === chosen));
  }
  select.replaceChildren(...options);
  select.dataset.engine = engine;
  if (layers && layers.slots[position].presetId) select.value = layers.slots[position].presetId;
  else if (previous && [...select.options].some((o) => o.value === previous && !o.disabled)) select.value = previous;
}

async function fillPresetMenus() {
  plannedEngine = await chooseEngine(projectmLibrary);
  for (const position of POSITIONS) {
    try {
      await fillMenu(position, plannedEngine.engine);
    } catch (e) {
      showNotice(`Could not load the preset list: ${e.message}`);
    }
    updateBadge(position, plannedEngine.reason);
  }
}

/**
 * One animation frame. The visuals may take at most about half of the main thread: after a render that
 * took c ms, the next one waits c ms (software WebGL can take 100 ms a frame), so the page stays responsive.
 * The rate of the frames the layers draw sets their render resolution (stage-resolution.js).
 */
let nextRenderAt = 0;
let measuring = false;
function renderLoop(now) {
  requestAnimationFrame(renderLoop);
  if (!player || !player.playing) {
    if (measuring) resolution.idle();
    measuring = false;
    return;
  }
  measuring = true;
  plot.draw(player.currentTime());
  updateSegment(player.currentTime());
  if (layers && now >= nextRenderAt) {
    resolution.frame(now, layers.slots.bg.loading || layers.slots.fg.loading);
    const started = performance.now();
    try {
      layers.render();
    } catch (e) {
      console.warn('AIVJ: rendering failed', e);
      layers = null;
      visualsDisabled = true;
      showNotice(`The visuals stopped (${e.message}); the music plays on.`);
    }
    const cost = performance.now() - started;
    nextRenderAt = cost > 20 ? started + 2 * cost : 0;
  }
}

// ---- controls --------------------------------------------------------------------------------------------

function updatePlayButton() {
  const ready = player !== null && player.buffer !== null;
  ui.playPause.disabled = !ready;
  ui.playPause.textContent = ready && player.playing ? 'Pause' : 'Play';
  if (ready && !player.playing) {
    plot.draw(player.currentTime());
    timeline.draw(player.currentTime());
  }
}

ui.fileInput.addEventListener('change', () => {
  const file = ui.fileInput.files && ui.fileInput.files[0];
  if (file) handleFile(file);
});

ui.playPause.addEventListener('click', () => {
  if (!player || !player.buffer) return;
  getAudioContext();
  if (player.playing) {
    player.pause();
  } else {
    startVisuals();
    player.play();
  }
  updatePlayButton();
});

$('feature-plot').addEventListener('click', (event) => {
  const t = plot.timeAt(event.clientX);
  if (t === null || !player || !player.buffer) return;
  player.seek(t);
  plot.draw(t);
  updateSegment(t);
});

$('style-plot').addEventListener('click', (event) => {
  const t = timeline.timeAt(event.clientX);
  if (t === null || !player || !player.buffer) return;
  player.seek(t);
  plot.draw(t);
  updateSegment(t);
});

ui.presetBg.addEventListener('change', () => loadPreset('bg', ui.presetBg.value));
ui.presetFg.addEventListener('change', () => loadPreset('fg', ui.presetFg.value));
ui.blend.addEventListener('change', () => { releaseModelDrive(); applyBlendMode(canvasOf('fg'), ui.blend.value); });
ui.opacity.addEventListener('input', () => { releaseModelDrive(); applyOpacity(canvasOf('fg'), ui.opacity.value / 100); });
new StageFullscreen($('stage'), $('fullscreen'), [$('fullscreen-exit')], (reason) => showNotice(
  `Fullscreen was refused (${reason}); the visuals play on in the page.`));
ui.pairSkip.addEventListener('click', () => pairShow && pairShow.skip());
ui.pairBack.addEventListener('click', () => pairShow && pairShow.back());
ui.pairLock.addEventListener('click', () => {
  if (!pairShow) return;
  const locked = ui.pairLock.getAttribute('aria-pressed') !== 'true';
  ui.pairLock.setAttribute('aria-pressed', String(locked));
  ui.pairLock.textContent = locked ? 'Unlock' : 'Lock';
  pairShow.setLocked(locked);
});

ui.modelDrive.addEventListener('change', () => {
  ui.modelDrive.dataset.touched = '1';
  if (ui.modelDrive.checked) {
    updateSegment(player ? player.currentTime() : 0);
  } else {
    resetVisuals();
  }
});

// Drag and drop anywhere on the page.
let dragDepth = 0;
document.addEventListener('dragenter', (e) => {
  e.preventDefault();
  dragDepth++;
  document.body.classList.add('dragging');
});
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) document.body.classList.remove('dragging');
});
document.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  document.body.classList.remove('dragging');
  const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
  if (file) handleFile(file);
});

applyBlendMode(canvasOf('fg'), ui.blend.value);
applyOpacity(canvasOf('fg'), ui.opacity.value / 100);
setState('idle');
progress.reset('Waiting for a song.');
menusReady = fillPresetMenus().catch((e) => showNotice(`Could not prepare the visuals: ${e.message}`));
analysisClient.warmUp();
requestAnimationFrame(renderLoop);
