// What tests (and curious people at the console) can read: window.aivj on the page, window.aivjEmbed in the
// widget. Read-only views of the show, its stage and the view's own messages; nothing here drives anything.

/**
 * window.aivj: the page's show.
 * @param {import('./show/show.js').Show} show
 * @param {{resolution: import('./stage/stage-resolution.js').StageResolution,
 *   messages: import('./ui/messages.js').Messages, console: ReturnType<import('./ui/console.js').installConsole>,
 *   ownPresets: import('./ui/own-preset-import.js').OwnPresetImport,
 *   feedback: ReturnType<import('./feedback/viewer-feedback.js').installFeedback>,
 *   timings: {songs: import('./timings/song-timings.js').SongTimings, lastPost: {status, message}}} page
 */
export function installPageHooks(show, { resolution, messages, console: vj, ownPresets, feedback, timings }) {
  const { stage } = show;
  window.aivj = {
    /** 'idle' | 'loading' | 'decoding' | 'analysing' | 'opening' | 'ready' | 'live' | 'error' */
    get state() { return show.state; },
    /** Live input: the engine's last livePush JSON with its timing ({update, latencyMs, engineMs}), null before. */
    get live() { return show.live.last; },
    get analysis() { return show.analysis; },
    /** The music model as the worker reported it: {status: 'loaded', labels} | {status: 'absent'|'broken', message}. */
    get model() { return show.model; },
    /** The segment playing now and what its visual parameters set on the layers (null without a model). */
    get currentSegment() { return show.segment; },
    get appliedVisuals() { return show.look; },
    get error() { return messages.error; },
    get engineVersion() { return show.result ? show.result.engineVersion || null : null; },
    get analysisMs() { return show.result ? show.result.elapsedMs : null; },
    get renderedFrames() { return stage.frames; },
    get playing() { return show.playing; },
    get currentTime() { return show.currentTime; },
    get presets() { return stage.layers ? stage.presets : {}; },
    /** Engine per layer: 'projectm' | 'butterchurn' | null (off); before the visuals start, the planned one. */
    get engines() { return stage.engines; },
    get loadingPresets() {
      return stage.layers ? { bg: stage.slot('bg').loading, fg: stage.slot('fg').loading } : {};
    },
    /** Frames each layer has drawn since its picture last started over (a preset load, a projectM rebuild; layer.js). */
    get warmFrames() { return stage.warmFrames; },
    /** The pair library as the worker reported it, and the pair on now: {index, pair, reason, locked, mix}. */
    get library() { return show.library; },
    get currentPair() { return show.currentPair; },
    /** Each layer's smoothed energy {fg, bg} (0..1) under the current pair's w_t (energy-follower.js). */
    get energy() { return show.energy; },
    /** Every pair shown so far, in order: {index, fg, bg, reason, at} (at = playback seconds). */
    get pairHistory() { return show.pairHistory; },
    /** When each pair went to the layers: {at (playback seconds), reason}; a skip waits for the next beat. */
    get cuts() { return show.cuts; },
    /** Non-fatal layer errors shown in #error, newest last. */
    get layerErrors() { return messages.layerErrors; },
    /** The running layers (for tests and the console). */
    get layers() { return stage.layers; },
    /** Adaptive render resolution: the drawing-buffer scale (1 = CSS size × devicePixelRatio) and the measured
     * frame rate of the visuals (null while paused or just resized). */
    get renderScale() { return resolution.scale; },
    get fps() { return resolution.fps; },
    /** True once the render scale will not step down any more (stage-resolution.js `settled`). */
    get renderSettled() { return resolution.settled; },
    /** The last song's time in the worker: {postedAt, answeredAt} (performance.now() ms), null before one. */
    get workerRun() { return show.workerRun; },
    /** The last song's timings as reported to the server (timings/song-timings.js), and the server's answer. */
    get timingsReport() { return timings.songs.last; },
    get timingsPost() { return { ...timings.lastPost }; },
    /** The last import of the viewer's own presets: per file {name, id, usable, pairs, best} or {name, error}. */
    get ownPresets() { return ownPresets.lastResults; },
    /** How many times the song's plan was made again after a preset preferences change (show.js replanned). */
    get replans() { return show.replans; },
    /** The AudioContext's state ('suspended' until a song is dropped or played, 'running' while playing). */
    get audioState() { return show.audioContext ? show.audioContext.state : null; },
    /** The VJ console (ui/console.js): what its keys, buttons and MIDI have done. */
    get locked() { return show.locked; },
    get fullscreen() { return document.fullscreenElement ? document.fullscreenElement.id || true : null; },
    get favouritePairs() { return vj.favourites.list(); },
    get uiHidden() { return vj.ui.hidden; },
    get helpOpen() { return vj.help.open; },
    /** MIDI: {connected, inputs, learning, bindings: {'note:<channel>:<number>': action}}. */
    get midi() {
      const { midi } = vj;
      return { connected: midi.access !== null, inputs: midi.inputCount || 0, learning: midi.learning,
        bindings: { ...midi.bindings } };
    },
    /** Recording: {recording, seconds, bytes, last: {url, name, bytes, seconds, type} | null}. */
    get recording() {
      const { recorder } = vj;
      return { recording: recorder.recording, seconds: recorder.elapsed, bytes: recorder.bytes,
        last: recorder.last ? { ...recorder.last } : null };
    },
    /** Learning from the viewer: {arm, installationAssigned, taught, federation: {enabled, sent, problem}}. */
    get feedback() {
      const { installation: i, recorder, federation } = feedback;
      return { arm: i.arm, installationAssigned: i.assigned, taught: recorder.taught,
        federation: { enabled: federation.enabled, sent: federation.sent, problem: federation.problem } };
    },
    /** The viewer's logged signals (IndexedDB), oldest first. */
    feedbackLog: () => feedback.store.events(),
    /** Resolves once the viewer's arm, stored preference and the federation's prior are with the engine. */
    feedbackReady: () => feedback.ready,
  };
}

/**
 * window.aivjEmbed: the widget's show (the host page gets the same through the element's events).
 * @param {import('./show/show.js').Show} show
 * @param {{options: object, notices: string[], autoplay: string|null, error: string|null}} widget the widget's own
 *   state (autoplay: null (not asked) | 'waiting' | 'blocked' (play button shown) | 'played' | 'user')
 * @param {ReturnType<import('./feedback/viewer-feedback.js').startLearning>} learning the viewer's signals
 */
export function installEmbedHooks(show, widget, learning) {
  const { stage } = show;
  const none = { bg: null, fg: null };
  window.aivjEmbed = {
    get options() { return widget.options; },
    /** 'loading' | 'decoding' | 'analysing' | 'ready' | 'error' */
    get state() { return widget.state; },
    get error() { return widget.error; },
    get analysis() { return show.analysis; },
    get model() { return show.model; },
    get library() { return show.library; },
    /** Live input (input="mic"): the engine's last livePush JSON with its timing, null before. */
    get live() { return show.live.last; },
    get currentPair() { return show.currentPair; },
    get notices() { return widget.notices; },
    get autoplay() { return widget.autoplay; },
    get playing() { return show.playing; },
    get currentTime() { return show.currentTime; },
    get renderedFrames() { return stage.frames; },
    get engines() { return stage.layers ? stage.engines : none; },
    get presets() { return stage.layers ? stage.presets : none; },
    /** Signals the viewer taught here, and the log of them (IndexedDB). */
    get taught() { return learning.recorder.taught; },
    feedbackLog: () => learning.store.events(),
  };
}
