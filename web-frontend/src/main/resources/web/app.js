// AIVJ page: drop a song → the show (show/show.js: decode, analyse in the WebAssembly engine, play its plan with
// two MilkDrop layers). This file only shows it: it wires the page's elements to the show and its stage.

import { SongTimings } from './timings/song-timings.js';
import { lastPost, postTimings } from './timings/timings-report.js';
import { Show } from './show/show.js';
import { ButterchurnPresetLibrary } from './stage/butterchurn-preset-library.js';
import { StageFullscreen } from './stage/fullscreen.js';
import { ProjectMPresetLibrary } from './stage/projectm-preset-library.js';
import { Stage } from './stage/stage.js';
import { StageResolution } from './stage/stage-resolution.js';
import { installPageHooks } from './test-hooks.js';
import { installFeedback } from './feedback/viewer-feedback.js';
import { isPresetFile } from './stage/own-presets.js';
import { installConsole } from './ui/console.js';
import { acceptDrops } from './ui/drag-drop.js';
import { formatTime } from './ui/format.js';
import { LiveControls } from './ui/live-controls.js';
import { Messages, songErrorText } from './ui/messages.js';
import { MixControls } from './ui/mix-controls.js';
import { OwnPresetImport } from './ui/own-preset-import.js';
import { PairPanel } from './ui/pair-panel.js';
import { PresetBrowser } from './ui/preset-browser.js';
import { PresetMenus } from './ui/preset-menus.js';
import { PresetPreferences } from './ui/preset-preferences.js';
import { ProgressView } from './ui/progress-view.js';
import { ResultsView } from './ui/results-view.js';

const $ = (id) => document.getElementById(id);

const fileInput = $('file-input');
const playPause = $('play-pause');
const messages = new Messages({ error: $('error'), notice: $('notice') });
const progress = new ProgressView({ steps: $('steps'), bar: $('progress'), text: $('status-text') });

/** The layer canvases are looked up each time: a layer that changes engine gets a fresh canvas element. */
const canvases = () => [$('layer-bg'), $('layer-fg')];
const resolution = new StageResolution($('stage'), canvases, [...document.querySelectorAll('.render-stats')]);
const stage = new Stage({
  element: $('stage'),
  canvases: { bg: $('layer-bg'), fg: $('layer-fg') },
  sizer: resolution,
  libraries: { projectm: new ProjectMPresetLibrary(), butterchurn: new ButterchurnPresetLibrary() },
});
const menus = new PresetMenus($, stage, messages);
const show = new Show({ stage, presetChoice: () => menus.chosen() });
const ownPresets = new OwnPresetImport($, stage, show, menus, messages);
// Each song's measured timings go to the server's /metrics (its latency histograms and the model rollback guard).
const timings = new SongTimings(show, postTimings);
show.addEventListener('paired', (e) => postTimings({ pairingMs: Math.round(e.detail.elapsedMs * 10) / 10 }));
const results = new ResultsView($, (seconds) => show.seek(seconds));
const pairPanel = new PairPanel($, show);
const mix = new MixControls($, show);
new LiveControls($, show, messages);
// Favourites and blocklist: kept in the browser, applied by the engine (the song playing is re-planned).
const presetPreferences = new PresetPreferences();
show.setPresetPreferences(presetPreferences.toEngine());
presetPreferences.addEventListener('change', (e) => show.setPresetPreferences(e.detail));
show.addEventListener('preferences', (e) => messages.showNotice(`Preset preferences not applied: ${e.detail.error}`));
new PresetBrowser($, stage.libraries.projectm, presetPreferences, show);

let songName = '';
let modelNoticeShown = false;

stage.addEventListener('notice', (e) => messages.showNotice(e.detail.message));

show.addEventListener('state', (e) => {
  const { state, error } = e.detail;
  document.body.dataset.state = state;
  if (state === 'loading') {
    messages.clearError();
    results.clear();
    pairPanel.reset(false);
  } else if (state === 'error') {
    messages.showError(songErrorText(error, songName, { reloadHint: true }));
    progress.fail('Stopped. Choose another file to try again.');
  }
  updatePlayButton();
});

show.addEventListener('progress', (e) => {
  const { step, fraction, bytes, seconds, elapsedMs } = e.detail;
  if (step === 'reading') {
    if (fraction === 0) progress.show('reading', `Reading “${songName}”…`, 0);
    else progress.setFraction(0.25 * fraction);
  } else if (step === 'decoding') {
    progress.show('decoding', `Decoding “${songName}” (${(bytes / 1048576).toFixed(1)} MB)…`, null);
  } else if (step === 'analysing') {
    const text = `Analysing ${formatTime(seconds)} of audio in WebAssembly…`;
    if (elapsedMs === undefined) progress.show('analysing', text, null);
    else progress.setText(`${text} ${(elapsedMs / 1000).toFixed(0)} s`);
  } else if (step === 'streaming') {
    progress.show('ready', `“${songName}” is ${formatTime(seconds)} long: it plays as it streams, and the engine `
      + 'follows it as live sound (no whole-song plan for a set this long).', 1);
  } else if (step === 'opening') {
    progress.setText(`Playing on the plan of the first ${formatTime(seconds)}; analysing the rest of “${songName}”…`);
  } else if (step === 'loading-engine') {
    progress.setText('Loading the WebAssembly engine…');
  } else if (step === 'ready') {
    const took = Number.isFinite(elapsedMs) ? ` in ${(elapsedMs / 1000).toFixed(1)} s` : '';
    progress.show('ready', `Ready: “${songName}” analysed${took}.`, 1);
  }
});

show.addEventListener('analysis', (e) => {
  const { result, seconds } = e.detail;
  const { model, library } = result;
  if (model && model.status !== 'loaded' && !modelNoticeShown) {
    modelNoticeShown = true;
    const what = model.status === 'absent' ? 'No music model' : 'The music model could not be loaded';
    messages.showNotice(`${what} (${model.message}); the analysis works without the style timeline.`);
  }
  results.show(songName, result, seconds);
  mix.follow(model, show.segments.length);
  pairPanel.reset(show.pairShow !== null);
  if (library && library.status === 'broken') { // an absent library is a choice of the site, not an error
    messages.showNotice(`No preset pairs are chosen for this song (${library.message}).`);
  }
});

show.addEventListener('tick', (e) => results.draw(e.detail.seconds, show.segment));
show.addEventListener('playing', updatePlayButton);

async function handleFile(file) {
  songName = file && file.name ? file.name : 'file';
  // Plays as soon as the first plan is on (a long song's opening, analysed first).
  await show.load(file, songName, { onPlayable: () => show.play() });
  if (show.state === 'ready' || show.state === 'error') fileInput.value = ''; // the same file may be chosen again
}

function updatePlayButton() {
  const ready = show.loaded;
  playPause.disabled = !ready;
  playPause.textContent = ready && show.playing ? 'Pause' : 'Play';
  if (ready && !show.playing) results.draw(show.currentTime, show.segment);
}

fileInput.addEventListener('change', () => {
  const file = fileInput.files && fileInput.files[0];
  if (file) handleFile(file);
});
playPause.addEventListener('click', () => (show.playing ? show.pause() : show.play()));
// Dropped .milk files are presets to add; anything else is a song (the first file).
acceptDrops(document, (files) => {
  const presets = files.filter(isPresetFile);
  if (presets.length > 0) ownPresets.add(presets);
  else handleFile(files[0]);
});
const fullscreen = new StageFullscreen($('stage'), $('fullscreen'), [$('fullscreen-exit')], (reason) => messages
  .showNotice(`Fullscreen was refused (${reason}); the visuals play on in the page.`));
// The viewer's ratings and implicit signals teach the engine their taste (kept in this browser).
const feedback = installFeedback($, show, (m) => messages.showNotice(m));
const vjConsole = installConsole($, { show, pairPanel, fullscreen, notice: (m) => messages.showNotice(m),
  songName: () => songName, feedback });
installPageHooks(show, { resolution, messages, console: vjConsole, ownPresets, feedback,
  timings: { songs: timings, lastPost } });

document.body.dataset.state = 'idle';
progress.reset('Waiting for a song.');
show.warmUp();
show.run();
