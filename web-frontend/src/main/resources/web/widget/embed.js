// The page inside one <aivj-visualizer>: fetch the song named by ?src=, decode it, analyse it in the engine's
// worker, and play it with two MilkDrop layers that follow the engine's pair plan. Everything except the song
// (engine, model, pair library, presets) comes from this page's origin or from the URLs the element passed.
// Every failure ends as a message in the widget and state "error" for the host page, never as an uncaught error.

import { AnalysisClient } from '../analysis-client.js';
import { PairShow, pairsOf } from '../pair-show.js';
import { Player } from '../player.js';
import {
  ANALYSIS_RATE, SongError, analysisSignal, decode,
} from '../song-loader.js';
import { readOptions } from './embed-options.js';
import { EmbedView } from './embed-view.js';
import { EmbedVisuals, bufferSize } from './embed-visuals.js';
import { HostLink } from './host-link.js';
import { fetchSong } from './song-fetch.js';

/** If autoplay has not started the audio by then, the browser blocked it: offer the play button. */
const AUTOPLAY_WAIT_MS = 800;
const NOT_AUDIO_TYPES = /^(text\/|application\/(json|xml|xhtml\+xml|javascript)$|image\/)/;

const options = readOptions(location.search);
const host = new HostLink();
const view = new EmbedView(document, { controls: options.controls });
const client = new AnalysisClient('/analysis-worker.js', { modelUrl: options.model, pairLibraryUrl: options.pairs });

let audioContext = null;
let player = null;
let visuals = null;
let pairShow = null;

/** What tests and the console can read (the host page gets the same through the element). */
const embed = {
  options,
  state: 'loading', // 'loading' | 'decoding' | 'analysing' | 'ready' | 'error'
  error: null,
  analysis: null,
  model: null,
  library: null,
  currentPair: null,
  notices: [],
  autoplay: null, // null (not asked) | 'waiting' | 'blocked' (play button shown) | 'played' | 'user'
  get playing() { return player ? player.playing : false; },
  get currentTime() { return player ? player.currentTime() : 0; },
  get renderedFrames() { return visuals ? visuals.frames : 0; },
  get engines() { return visuals ? visuals.engines : { bg: null, fg: null }; },
  get presets() { return visuals ? visuals.presets : { bg: null, fg: null }; },
};
window.aivjEmbed = embed;

function setState(state, detail = {}) {
  embed.state = state;
  document.body.dataset.state = state;
  host.send('state', { state, detail });
}

function notice(message) {
  embed.notices.push(message);
  console.info(`AIVJ widget: ${message}`);
}

function messageFor(error) {
  if (error instanceof SongError) return error.message;
  if (error && error.name === 'AnalysisError') {
    if (error.kind === 'engine') return `The engine could not analyse “${options.name}”: ${error.message}`;
    if (error.kind === 'worker') return `The WebAssembly analysis engine could not be loaded: ${error.message}`;
    return error.message;
  }
  return `Something went wrong with “${options.name}”: ${error && error.message ? error.message : error}`;
}

function fail(error) {
  const message = messageFor(error);
  console.warn('AIVJ widget:', error);
  embed.error = message;
  if (player) player.pause();
  view.showError(message);
  setState('error', { message });
}

/** A decoding failure of something the server itself calls text, HTML or an image says so. */
function explainDecodeFailure(error, contentType) {
  if (error instanceof SongError && NOT_AUDIO_TYPES.test(contentType)) {
    return new SongError(`Could not play “${options.name}”: it is not an audio file (the server sent ${contentType}).`);
  }
  return error;
}

function formatTime(seconds) {
  const m = Math.floor(seconds / 60);
  return `${m}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
}

async function load() {
  if (options.srcProblem) throw new SongError(options.srcProblem);
  if (!options.src) {
    throw new SongError('No song: give the <aivj-visualizer> element a src attribute with the URL of a music file.');
  }
  view.showStatus(`Loading “${options.name}”…`);
  client.warmUp(); // the engine loads while the song downloads
  const song = await fetchSong(options.src, options.name, (f) => view.setFraction(f));

  setState('decoding');
  view.showStatus(`Decoding “${options.name}”…`);
  audioContext = new AudioContext(); // suspended until a click where the browser blocks autoplay
  let buffer;
  try {
    buffer = await decode(audioContext, song.bytes, options.name);
  } catch (e) {
    throw explainDecodeFailure(e, song.contentType);
  }

  setState('analysing');
  view.showStatus(`Analysing ${formatTime(buffer.duration)} of music in WebAssembly…`);
  const result = await client.analyze((await analysisSignal(buffer)).slice(), 1, ANALYSIS_RATE, {
    timeoutMs: Math.round(60000 + buffer.duration * 1000),
  });
  embed.analysis = result.analysis;
  embed.model = result.model;
  embed.library = result.library;
  for (const part of [['music model', result.model], ['pair library', result.library]]) {
    if (part[1] && part[1].status !== 'loaded') notice(`no ${part[0]} (${part[1].message})`);
  }

  player = new Player(audioContext);
  player.onEnded = () => onPlaying(false);
  player.load(buffer);
  visuals = createVisuals();
  setupPairShow(result.analysis); // before the layers start, so they start with the first pair's presets
  startVisuals();
  view.showReady();
  setState('ready', summary(result, buffer));
  if (options.autoplay) autoplay();
  else view.offerPlay(`Play “${options.name}”`);
}

/** What the host page learns about the song when it is ready (the element's aivj-ready detail). */
function summary(result, buffer) {
  const a = result.analysis;
  const pairs = pairsOf(a);
  return {
    song: options.name,
    durationSeconds: buffer.duration,
    tempoBpm: a.tempo && Number.isFinite(Number(a.tempo.bpm)) ? Number(a.tempo.bpm) : null,
    beats: Array.isArray(a.beats) ? a.beats.length : 0,
    // "none" for silence, with the engine's reason: the host never gets a guessed style.
    style: a.style && typeof a.style.label === 'string' ? a.style.label : null,
    styleReason: a.style && typeof a.style.reason === 'string' ? a.style.reason : null,
    pairs: pairs.map((p) => ({ start: p.start, end: p.end, fg: p.fg, bg: p.bg })),
    engineVersion: result.engineVersion || null,
    model: result.model ? result.model.status : null,
    library: result.library ? result.library.status : null,
  };
}

function createVisuals() {
  const stage = document.getElementById('stage');
  const size = bufferSize(stage.clientWidth || 480, stage.clientHeight || 270);
  const canvases = { bg: document.getElementById('layer-bg'), fg: document.getElementById('layer-fg') };
  for (const canvas of Object.values(canvases)) {
    canvas.width = size.width;
    canvas.height = size.height;
  }
  const created = new EmbedVisuals(audioContext, player.output, canvases, { presetsUrl: options.presets });
  created.addEventListener('notice', (e) => notice(e.detail.message));
  return created;
}

function startVisuals() {
  visuals.start().catch((e) => {
    const message = `The visuals could not start (${e && e.message ? e.message : e}); the music plays on.`;
    notice(message);
    if (embed.state === 'ready' && !player.playing) view.showStatus(message);
  });
}

function setupPairShow(analysis) {
  const pairs = pairsOf(analysis);
  if (pairs.length === 0) return;
  pairShow = new PairShow(pairs);
  pairShow.addEventListener('pair', (e) => {
    const { index, pair, reason, locked } = e.detail;
    embed.currentPair = { index, pair, reason, locked };
    if (reason !== 'lock') visuals.showPair(pair);
    view.showPair({ index, count: pairs.length, fg: pair.fg, bg: pair.bg, locked });
  });
  pairShow.update(0); // the first pair is known before playback: the layers start with it
}

// ---- playing ---------------------------------------------------------------------------------------------

function onPlaying(playing) {
  view.setPlaying(playing);
  if (!playing && embed.state === 'ready') view.offerPlay('Play');
  host.send('playing', { playing });
}

function play() {
  if (!player || embed.state !== 'ready' || player.playing) return;
  audioContext.resume().catch(() => {});
  player.play();
  onPlaying(true);
}

function pause() {
  if (!player || !player.playing) return;
  player.pause();
  onPlaying(false);
}

function togglePlay() {
  embed.autoplay = embed.autoplay ? 'user' : null; // the person decides from now on
  if (player && player.playing) pause();
  else play();
}

/**
 * Plays when the browser lets audio start without a click; otherwise offers the play button. The context may
 * start running a little later (a busy main thread delays its statechange): it then still plays, unless the
 * person has pressed play or pause meanwhile.
 */
function autoplay() {
  embed.autoplay = 'waiting';
  const start = () => {
    if (embed.autoplay !== 'waiting' && embed.autoplay !== 'blocked') return;
    embed.autoplay = 'played';
    play();
  };
  if (audioContext.state === 'running') {
    start();
    return;
  }
  audioContext.addEventListener('statechange', () => {
    if (audioContext.state === 'running') start();
  });
  audioContext.resume().catch(() => {});
  setTimeout(() => {
    if (embed.autoplay !== 'waiting') return;
    embed.autoplay = 'blocked';
    view.offerPlay(`Play “${options.name}”`, 'Your browser blocked autoplay: press play.');
  }, AUTOPLAY_WAIT_MS);
}

view.bind({
  togglePlay,
  back: () => pairShow && pairShow.back(),
  skip: () => pairShow && pairShow.skip(),
  lock: () => pairShow && pairShow.setLocked(!pairShow.locked),
});

host.onCommand((command) => {
  if (command === 'play') play();
  else if (command === 'pause') pause();
});

function renderLoop(now) {
  requestAnimationFrame(renderLoop);
  if (!player || !player.playing) return;
  if (pairShow) pairShow.update(player.currentTime());
  visuals.render(now);
}

// The drawing buffers follow the widget's size (the host may change width/height), a little after it settles.
let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (visuals) visuals.resize(window.innerWidth, window.innerHeight);
  }, 250);
});

// Anything that escapes the flow above still ends as the widget's error, not as an uncaught one.
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  notice(`unexpected: ${event.reason && event.reason.message ? event.reason.message : event.reason}`);
});

setState('loading');
load().catch(fail);
requestAnimationFrame(renderLoop);
