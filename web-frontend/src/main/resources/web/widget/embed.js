// The page inside one <aivj-visualizer>: the show (../show/show.js) of the song named by ?src=, as on the main
// page, shown over the widget's stage. Everything except the song (engine, model, pair library, presets) comes
// from this page's origin or from the URLs the element passed. Every failure ends as a message in the widget and
// state "error" for the host page, never as an uncaught error.

import { Show } from '../show/show.js';
import { SongError } from '../song/song-error.js';
import { ButterchurnPresetLibrary } from '../stage/butterchurn-preset-library.js';
import { FixedSize } from '../stage/fixed-size.js';
import { ProjectMPresetLibrary } from '../stage/projectm-preset-library.js';
import { Stage } from '../stage/stage.js';
import { startLearning } from '../feedback/viewer-feedback.js';
import { installEmbedHooks } from '../test-hooks.js';
import { formatTime } from '../ui/format.js';
import { microphone } from '../live/live-input-sources.js';
import { songErrorText } from '../ui/messages.js';
import { readOptions } from './embed-options.js';
import { EmbedView } from './embed-view.js';
import { HostLink } from './host-link.js';

/** If autoplay has not started the audio by then, the browser blocked it: offer the play button. */
const AUTOPLAY_WAIT_MS = 800;

const options = readOptions(location.search);
const host = new HostLink();
const view = new EmbedView(document, { controls: options.controls });
const $ = (id) => document.getElementById(id);
const stage = new Stage({
  element: $('stage'),
  canvases: { bg: $('layer-bg'), fg: $('layer-fg') },
  sizer: new FixedSize($('stage'), () => [stage.canvas('bg'), stage.canvas('fg')]),
  libraries: { projectm: new ProjectMPresetLibrary(options.presets), butterchurn: new ButterchurnPresetLibrary() },
});
const show = new Show({ stage, workerConfig: { modelUrl: options.model, pairLibraryUrl: options.pairs } });
/** The widget's own state, read by the test hooks. */
const widget = { options, state: 'loading', error: null, notices: [], autoplay: null };
// The viewer's thumbs and skips teach the engine their taste, as on the page (kept in this origin's storage).
const learning = startLearning(show, notice);
installEmbedHooks(show, widget, learning);

function setState(state, detail = {}) {
  widget.state = state;
  document.body.dataset.state = state;
  host.send('state', { state, detail });
}

function notice(message) {
  widget.notices.push(message);
  console.info(`AIVJ widget: ${message}`);
}

function fail(error) {
  const message = songErrorText(error, options.name);
  console.warn('AIVJ widget:', error);
  widget.error = message;
  show.pause();
  view.showError(message);
  setState('error', { message });
}

/** What the host page learns about the song when it is ready (the element's aivj-ready detail). */
function summary() {
  const { analysis: a, result } = show;
  return {
    song: options.name,
    durationSeconds: show.duration,
    tempoBpm: a.tempo && Number.isFinite(Number(a.tempo.bpm)) ? Number(a.tempo.bpm) : null,
    beats: Array.isArray(a.beats) ? a.beats.length : 0,
    // "none" for silence, with the engine's reason: the host never gets a guessed style.
    style: a.style && typeof a.style.label === 'string' ? a.style.label : null,
    styleReason: a.style && typeof a.style.reason === 'string' ? a.style.reason : null,
    pairs: show.pairShow ? show.pairShow.pairs.map((p) => ({ start: p.start, end: p.end, fg: p.fg, bg: p.bg })) : [],
    engineVersion: result.engineVersion || null,
    model: result.model ? result.model.status : null,
    library: result.library ? result.library.status : null,
  };
}

show.addEventListener('state', (e) => {
  const { state, error } = e.detail;
  if (state === 'error') {
    fail(error);
  } else if (state === 'ready') {
    view.showReady();
    setState('ready', summary());
  } else {
    setState(state);
  }
});

show.addEventListener('progress', (e) => {
  const { step, fraction, seconds } = e.detail;
  if (step === 'reading') {
    if (fraction === 0) view.showStatus(`Loading “${options.name}”…`);
    else view.setFraction(fraction);
  } else if (step === 'decoding') {
    view.showStatus(`Decoding “${options.name}”…`);
  } else if (step === 'analysing') {
    view.showStatus(`Analysing ${formatTime(seconds)} of music in WebAssembly…`);
  }
});

show.addEventListener('analysis', (e) => {
  const { model, library } = e.detail.result;
  for (const [what, part] of [['music model', model], ['pair library', library]]) {
    if (part && part.status !== 'loaded') notice(`no ${what} (${part.message})`);
  }
});

show.addEventListener('pair', (e) => {
  const { index, count, pair, locked } = e.detail;
  view.showPair({ index, count, fg: pair.fg, bg: pair.bg, locked });
});

show.addEventListener('playing', (e) => {
  const { playing } = e.detail;
  view.setPlaying(playing);
  if (!playing && show.loaded) view.offerPlay('Play');
  host.send('playing', { playing });
});

stage.addEventListener('notice', (e) => {
  notice(e.detail.message);
  if (show.loaded && !show.playing) view.showStatus(e.detail.message);
});
stage.addEventListener('error', (e) => notice(`${e.detail.position} layer: ${e.detail.message}`));

function togglePlay() {
  widget.autoplay = widget.autoplay ? 'user' : null; // the person decides from now on
  if (show.playing) show.pause();
  else if (show.loaded) show.play();
}

/**
 * Plays when the browser lets audio start without a click; otherwise offers the play button. The context may
 * start running a little later (a busy main thread delays its statechange): it then still plays, unless the
 * person has pressed play or pause meanwhile.
 */
function autoplay() {
  widget.autoplay = 'waiting';
  const audio = show.audioContext;
  const start = () => {
    if (widget.autoplay !== 'waiting' && widget.autoplay !== 'blocked') return;
    widget.autoplay = 'played';
    show.play();
  };
  if (audio.state === 'running') {
    start();
    return;
  }
  audio.addEventListener('statechange', () => {
    if (audio.state === 'running') start();
  });
  audio.resume().catch(() => {});
  setTimeout(() => {
    if (widget.autoplay !== 'waiting') return;
    widget.autoplay = 'blocked';
    view.offerPlay(`Play “${options.name}”`, 'Your browser blocked autoplay: press play.');
  }, AUTOPLAY_WAIT_MS);
}

/** input="mic": the show plays to the microphone / line-in (the browser asks the person). */
async function listen() {
  setState('loading');
  show.warmUp();
  let stream;
  try {
    stream = await microphone();
  } catch (e) {
    fail(new SongError(`Live input: ${e.message}.`));
    return;
  }
  if (await show.goLive(stream, { label: 'microphone' })) view.showStatus('Listening to the microphone…');
}

async function load() {
  if (options.input === 'mic') {
    await listen();
    return;
  }
  if (options.srcProblem || !options.src) {
    setState('loading');
    fail(new SongError(options.srcProblem
      || 'No song: give the <aivj-visualizer> element a src attribute with the URL of a music file.'));
    return;
  }
  show.warmUp(); // the engine loads while the song downloads
  // Playable from the first plan on (a long song's opening, analysed first); 'ready' follows with the whole plan.
  await show.load({ url: options.src }, options.name, {
    onPlayable: () => (options.autoplay ? autoplay() : view.offerPlay(`Play “${options.name}”`)),
  });
}

view.bind({
  togglePlay,
  back: () => show.back(),
  skip: () => show.next(),
  lock: () => show.setLocked(!show.locked),
  like: () => learning.recorder.thumb(true),
  dislike: () => learning.recorder.thumb(false),
});

host.onCommand((command) => {
  if (command === 'play' && show.loaded) show.play();
  else if (command === 'pause') show.pause();
});

// Anything that escapes the flow above still ends as the widget's error, not as an uncaught one.
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  notice(`unexpected: ${event.reason && event.reason.message ? event.reason.message : event.reason}`);
});

load().catch(fail);
show.run();
