// The show: song → analysis (the engine, in its worker) → the engine's plan → the pair show → the stage's
// layers. The one sequence the page (app.js) and the widget (widget/embed.js) both run; they only show it.
//
//   const show = new Show({ stage, workerConfig });
//   show.addEventListener('progress', ...); show.addEventListener('state', ...); show.addEventListener('pair', ...);
//   show.warmUp(); show.run();                 // the engine loads early; the frame loop runs from now on
//   await show.load(file, name, { onPlayable }) | await show.load({ url }, name)   // the engine's result, or null
//   show.play() / pause() / seek(t) / next() / back() / setLocked(bool)
//   show.setPresetPreferences({blocked, favourites})   // the engine re-plans the song playing (pairs only)
//   show.setViewer({arm, preference, prior}); await show.learn({features, signal, value})   // the viewer's taste
//
// Every number of the mix comes from the engine (each plan pair carries `mix`: blendMode, fgOpacity, bgOpacity,
// transitionSeconds, followSeconds); the show applies them as they are.

import { AnalysisClient } from '../engine-client/analysis-client.js';
import { SongError } from '../song/song-error.js';
import { checkFile, readFile } from '../song/song-file.js';
import { explainDecodeFailure, fetchSong } from '../song/song-fetch.js';
import { signalOf } from '../song/analysis-signal.js';
import { MAX_DURATION_SECONDS } from '../song/decode.js';
import { mediaDuration } from '../song/media-duration.js';
import { finiteSeries, segmentAt, segmentsOf } from './analysis-parts.js';
import { LiveMode } from './live-mode.js';
import { EnergyFollower } from './energy-follower.js';
import { lookAt } from './look.js';
import { PairShow, pairsOf } from './pair-show.js';
import { Player } from './player.js';

const TICK_MS = 500;

export class Show extends EventTarget {
  /**
   * Events (CustomEvent detail):
   *   'state'    {state: 'idle'|'loading'|'decoding'|'analysing'|'opening'|'ready'|'live'|'error', error?} (error:
   *              the exception; 'opening': a long song plays on the plan of its opening while the rest is analysed;
   *              'live': live input plays, goLive())
   *   'live'     {update, latencyMs, engineMs} the engine's live show after each 0.5-s hop (show/live-session.js)
   *   'progress' {step: 'reading'|'decoding'|'loading-engine'|'analysing'|'opening'|'ready', fraction?, bytes?,
   *              seconds?, elapsedMs?} (reading: fraction 0..1 of the file or download; analysing: again every
   *              0.5 s; opening: the seconds its plan covers)
   *   'analysis' {result, seconds, opening} the engine's result {analysis, engineVersion, elapsedMs, model, library}
   *              (opening true: the plan of the song's first seconds only; the whole song's follows)
   *   'pair'     {index, count, pair, reason, locked, mix} the pair on now ('lock' when only the lock changed)
   *   'playing'  {playing} play, pause, the song's end
   *   'tick'     {seconds} each frame while playing, after a seek and after the analysis
   *   'replan'   {result} the song's plan made again after a preferences change (an 'analysis' event comes first)
   *   'paired'   {elapsedMs} a preset the viewer brought paired by the engine (addOwnPreset; the first one of a
   *              worker includes loading the coupling model)
   *   'preferences' {error} preferences the engine refused (e.g. a blocklist that leaves no pair)
   * @param {{stage: import('../stage/stage.js').Stage, workerConfig?: object|null,
   *   presetChoice?: () => Promise<{bg?: string, fg?: string}>}} parts presetChoice: the presets the layers
   *   start with when the plan has none for the engine (the page's menus); default: the library's defaults
   */
  constructor({ stage, workerConfig = null, presetChoice = null }) {
    super();
    this.stage = stage;
    this.client = new AnalysisClient(undefined, workerConfig);
    this.presetChoice = presetChoice;
    this.state = 'idle';
    this.audioContext = null;
    this.player = null;
    this.loadToken = 0;
    this.warmed = false;
    /** The model drives the look (segment visuals, energy) each frame; off: the pair's mix stays as it is. */
    this.modelDrive = false;
    /** Each new pair sets its mix on the layers; off once the person mixes by hand. */
    this.planMix = true;
    this.model = null;
    this.energy = null;
    this.look = null;
    /** Live input or a long set, followed by the engine's live show (goLive, streamLongSet). */
    this.live = new LiveMode(this);
    /** Presets the viewer blocked: a pair on now with one of them gives way when the song is re-planned. */
    this.blocked = new Set();
    /** How many times a song's plan was made again after a preferences change. */
    this.replans = 0;
    this.clear();
    stage.addEventListener('engine', (e) => this.onEngine(e.detail));
    this.client.onReplan = (result) => this.replanned(result);
    this.client.onPreferencesError = (error) => this.emit('preferences', { error });
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  setState(state, detail = {}) {
    this.state = state;
    this.emit('state', { state, ...detail });
  }

  /** Forgets the last song's results. */
  clear() {
    this.pendingCut = null;
    this.result = null;
    this.analysis = null;
    this.library = null;
    this.segments = [];
    this.beats = [];
    this.follower = null;
    this.segment = null;
    this.pairShow = null;
    this.currentPair = null;
    this.pairHistory = [];
    /** When each pair went to the layers: {at (playback seconds), reason}. */
    this.cuts = [];
  }

  /**
   * Starts the engine's worker so it loads (and warms up) before the first song arrives, and the layers, so
   * their engines and first presets are compiled before it too: they draw as soon as the first plan is on.
   */
  warmUp() {
    if (this.warmed) return;
    this.warmed = true;
    this.client.warmUp();
    this.audioGraph();
    this.startVisuals();
  }

  /** The AudioContext and the player, made once (the context stays suspended until audio() resumes it). */
  audioGraph() {
    if (this.audioContext === null) {
      this.audioContext = new AudioContext();
      this.player = new Player(this.audioContext);
      this.player.onEnded = () => this.emit('playing', { playing: false });
    }
    return this.audioContext;
  }

  /** The AudioContext, resumed: call it in a click or drop handler so it may start. */
  audio() {
    const context = this.audioGraph();
    if (context.state === 'suspended') context.resume().catch(() => {});
    return context;
  }

  get playing() {
    if (this.live.active && this.live.input) return true;
    return this.player ? this.player.playing : false;
  }

  /** Playback seconds of the song, or the seconds of live input the engine has analysed. */
  get currentTime() {
    if (this.live.active && this.live.input) return this.live.seconds;
    return this.player ? this.player.currentTime() : 0;
  }

  get duration() {
    return this.player ? this.player.duration : 0;
  }

  /** A song is loaded and may play. */
  get loaded() {
    return this.player !== null && this.player.loaded;
  }

  get locked() {
    if (this.live.active) return this.live.locked;
    return this.pairShow ? this.pairShow.locked : false;
  }

  /** The last song's time in the worker: {postedAt, answeredAt} (performance.now() ms), null before one. */
  get workerRun() {
    return this.client.lastRun;
  }

  /**
   * Loads a song: a File (checked and read) or {url} (downloaded), decoded, analysed by the engine; then the
   * plan's first pair is on and the layers start. A long song starts on the plan of its opening (state
   * 'opening'), which the whole song's plan then replaces. onPlayable() is called once, as soon as the song may
   * play. A file longer than MAX_DURATION_SECONDS (a DJ set) is not decoded: it streams through the live show
   * (streamLongSet, state 'live'). A later load supersedes this one. Resolves the engine's result for the whole
   * song once ready, or null (a long set, superseded, or failed: then the state is 'error' with the exception).
   */
  async load(source, name, { onPlayable = () => {} } = {}) {
    const token = ++this.loadToken;
    const stale = () => token !== this.loadToken;
    this.audio(); // first, while the click or drop still lets audio start
    this.live.stop();
    this.client.cancel();
    this.player.unload();
    this.clear();
    this.setState('loading');
    try {
      if (typeof File !== 'undefined' && source instanceof File && source.size > 0) {
        // A DJ set is streamed through the live show instead of decoded whole.
        const seconds = await mediaDuration(source);
        if (stale()) return null;
        if (seconds > MAX_DURATION_SECONDS) return this.streamLongSet(source, name, seconds, token, onPlayable);
      }
      const bytes = await this.read(source, name, stale);
      if (stale()) return null;

      this.setState('decoding');
      this.emit('progress', { step: 'decoding', bytes: bytes.byteLength });
      // One decode, straight to the engine's rate (the signal ./aivj analyze analyses too:
      // song/analysis-signal.js); the player plays the file itself, decoding as it goes.
      const file = new Blob([bytes], { type: this.contentType || '' }); // before the decoder takes the bytes
      let signal;
      try {
        signal = await signalOf(bytes, name, await this.client.analysisRate());
      } catch (e) {
        throw explainDecodeFailure(e, this.contentType, name);
      }
      if (stale()) return null;

      const result = await this.analyse(signal, stale, (opening) => {
        if (stale()) return;
        this.start(opening, file, signal.duration, true);
        onPlayable();
      });
      if (stale()) return null;
      if (this.result === null) {
        this.start(result, file, signal.duration, false);
        onPlayable();
      } else {
        this.adopt(result, signal.duration, false);
        this.setState('ready');
      }
      this.emit('progress', { step: 'ready', elapsedMs: result.elapsedMs });
      return result;
    } catch (error) {
      if (stale() || (error && error.kind === 'cancelled')) return null;
      console.warn('AIVJ: loading failed', error);
      if (this.player) this.player.pause();
      this.setState('error', { error });
      return null;
    }
  }

  /** The song's bytes, from a File or a URL, with 'reading' progress. */
  async read(source, name, stale) {
    const onProgress = (fraction) => {
      if (!stale()) this.emit('progress', { step: 'reading', fraction });
    };
    this.contentType = '';
    onProgress(0);
    if (source && typeof source.url === 'string') {
      const song = await fetchSong(source.url, name, onProgress);
      this.contentType = song.contentType;
      return song.bytes;
    }
    if (typeof File !== 'undefined' && source instanceof File) {
      checkFile(source);
      return readFile(source, onProgress);
    }
    throw new SongError(`Nothing to play for “${name}”.`);
  }

  /**
   * The engine's plan of the signal (song/analysis-signal.js: mono at the engine's rate; the worker takes it);
   * onOpening(result) gets a long song's opening plan first.
   */
  async analyse(signal, stale, onOpening) {
    this.setState('analysing');
    const seconds = signal.duration;
    this.emit('progress', { step: 'analysing', seconds });
    const started = performance.now();
    const ticker = setInterval(() => {
      // Once the opening plays, the page says so; the time analysing only counts until then.
      if (!stale() && this.state === 'analysing') {
        this.emit('progress', { step: 'analysing', seconds, elapsedMs: performance.now() - started });
      }
    }, TICK_MS);
    try {
      return await this.client.analyze(signal.pcm, 1, signal.rate, {
        timeoutMs: Math.round(60000 + seconds * 1000),
        onOpening,
        onProgress: (step) => {
          if (!stale() && step === 'loading-engine') this.emit('progress', { step });
        },
      });
    } finally {
      clearInterval(ticker);
    }
  }

  /**
   * The first plan (the opening's or the whole song's) goes on: the song is ready to play and the layers start
   * with the plan's first pair.
   */
  start(result, file, seconds, opening) {
    this.adopt(result, seconds, opening);
    this.update(0); // the first pair is known before playback: the layers start with it
    this.player.load(file, seconds);
    this.setState(opening ? 'opening' : 'ready');
    if (opening) this.emit('progress', { step: 'opening', seconds: result.analysis.durationSeconds });
    this.startVisuals();
  }

  /** The engine's plan becomes the show's; a later plan takes over the pair show without a cut (PairShow.following). */
  adopt(result, seconds, opening) {
    const { analysis } = result;
    this.result = result;
    this.analysis = analysis;
    this.model = result.model;
    this.library = result.library || null;
    this.segments = segmentsOf(analysis);
    this.beats = finiteSeries(analysis.beats);
    const frames = analysis.frames && typeof analysis.frames === 'object' ? analysis.frames : {};
    this.follower = new EnergyFollower(finiteSeries(frames.rms), Number(analysis.frameRate));
    const pairs = pairsOf(analysis);
    const previous = this.pairShow;
    this.pairShow = null;
    if (pairs.length > 0) {
      this.pairShow = previous ? PairShow.following(pairs, previous) : new PairShow(pairs);
      this.pairShow.addEventListener('pair', (e) => this.onPair(e.detail));
    }
    this.emit('analysis', { result, seconds, opening });
  }

  /**
   * The viewer's preset preferences ({blocked: [ids], favourites: [ids]}) for this and every later song: the
   * engine never picks a pair with a blocked preset and favours pairs with favourites. A song already planned is
   * planned again (the engine's pair stages only; 'replan').
   */
  setPresetPreferences(preferences) {
    this.blocked = new Set(preferences.blocked || []);
    this.client.setPreferences(preferences, { replan: this.result !== null });
  }

  /**
   * How the engine picks pairs for this installation ({arm, preference, prior}: AnalysisClient.setViewer); a song
   * already planned is planned again.
   */
  setViewer(viewer) {
    this.client.setViewer(viewer, { replan: this.result !== null });
  }

  /**
   * Teaches the engine one signal about a pair ({features: the plan pair's why.features, signal, value}); with
   * replan, the song playing is planned again with what it learned (its pair on now stays until its section
   * ends). Resolves {reward, preference}.
   */
  learn(feedback, { replan = true } = {}) {
    return this.client.viewerRequest('learn', { feedback }, { replan: replan && this.result !== null });
  }

  /**
   * A preset the viewer brought, with the frames rendered of it, joins the engine's pair library
   * (AnalysisClient.addOwnPreset); a song already planned is planned again ('replan'). Resolves the engine's answer.
   */
  addOwnPreset(preset) {
    const started = performance.now();
    const answer = this.client.addOwnPreset(preset, { replan: this.result !== null });
    answer.then(() => this.emit('paired', { elapsedMs: performance.now() - started }), () => {});
    return answer;
  }

  /**
   * The song's new plan takes over as the whole song's plan does after the opening's: the pair on stays until
   * its section ends (PairShow.following), unless it holds a blocked preset: then the new plan's pair comes in
   * now, with the engine's transition time (a cross-fade, not a cut).
   */
  replanned(result) {
    if (this.result === null || this.state === 'error') return;
    this.adopt(result, this.duration, false);
    const pairShow = this.pairShow;
    const on = pairShow && pairShow.onNow();
    if (on && (this.blocked.has(on.fg) || this.blocked.has(on.bg))) {
      pairShow.held = null;
      pairShow.current = -1;
      pairShow.update(pairShow.lastSeconds);
    }
    this.replans++;
    this.emit('replan', { result });
  }

  /** Starts the layers (once) with the pair on now where the plan has one for their engine. */
  startVisuals() {
    if (!this.player) return;
    const started = this.stage.start(this.audioContext, this.player.output, (planned) => this.firstPresets(planned));
    if (started) {
      started.then((ok) => {
        // The plan may have moved on while the layers started.
        if (ok && this.currentPair) this.stage.showPair(this.currentPair.pair, 0);
      });
    }
  }

  async firstPresets(planned) {
    const pair = this.currentPair && this.currentPair.pair;
    if (planned.engine === 'projectm' && pair && await this.stage.libraries.projectm.hasAll([pair.bg, pair.fg])) {
      return { bg: pair.bg, fg: pair.fg };
    }
    const defaults = await this.stage.defaultPresets(planned.engine);
    const chosen = this.presetChoice ? await this.presetChoice() : {};
    return { bg: chosen.bg || defaults.bg, fg: chosen.fg || defaults.fg };
  }

  /** A layer's engine is up: a pair chosen before is loaded now (unless it is loading its first preset). */
  onEngine({ position, engine }) {
    queueMicrotask(() => {
      const current = this.currentPair;
      const slot = this.stage.slot(position);
      if (current && engine === 'projectm' && !slot.loading && slot.presetId !== current.pair[position]) {
        this.stage.loadPreset(position, current.pair[position], current.mix.transitionSeconds).catch(() => {});
      }
    });
  }

  /** A new pair is on: both presets load (the transition time comes from w_t) and, unless mixed by hand, its mix. */
  onPair({ index, pair, reason, locked }) {
    const { mix } = pair; // the engine's numbers for this pair (engine-core LayerMix)
    this.currentPair = { index, pair, reason, locked, mix };
    if (reason !== 'lock') {
      this.pairHistory.push({ index, fg: pair.fg, bg: pair.bg, reason, at: this.pairShow.lastSeconds });
      // A section's pair starts on its boundary, a beat already; a skip, back or unlock waits for the next beat.
      const cut = () => {
        this.cuts.push({ at: this.currentTime, reason });
        this.stage.showPair(pair, mix.transitionSeconds);
      };
      if (reason === 'section') {
        this.pendingCut = null; // a skip waiting for its beat is overtaken by the section's own pair
        cut();
      } else {
        this.onNextBeat(cut);
      }
    }
    if (this.planMix) this.stage.applyMix(mix);
    this.emit('pair', { ...this.currentPair, count: this.pairShow.pairs.length });
  }

  /**
   * Runs `action` on the first frame at or after the song's next beat while it plays (at once when paused, or
   * without a beat within 2 s); a newer cue replaces a waiting one.
   */
  onNextBeat(action) {
    const now = this.currentTime;
    const beat = this.beats.find((b) => b > now + 0.01);
    if (!this.playing || beat === undefined || beat - now > 2) {
      this.pendingCut = null;
      action();
      return;
    }
    this.pendingCut = { beat, action };
  }

  /** The show at `seconds`: the pair of its section, its segment and, when the model drives, the look. */
  update(seconds) {
    if (this.pendingCut && seconds >= this.pendingCut.beat) {
      const { action } = this.pendingCut;
      this.pendingCut = null;
      action();
    }
    if (this.pairShow) this.pairShow.update(seconds);
    this.segment = segmentAt(this.segments, seconds);
    if (this.segment) {
      if (this.modelDrive) this.drive(seconds);
      else this.look = null;
    }
    this.emit('tick', { seconds });
  }

  drive(seconds) {
    const pair = this.currentPair;
    if (pair) this.energy = this.follower ? this.follower.update(seconds, pair.mix.followSeconds) : { fg: 1, bg: 1 };
    const { visuals, zoom } = lookAt(this.segment, this.beats, seconds, pair && pair.mix, this.energy);
    this.stage.applyLook(visuals, zoom);
    this.look = visuals;
  }

  /** The model drives the look, or not (then the look goes back to `manual`: {blendMode, fgOpacity}). */
  setModelDrive(on, manual) {
    this.modelDrive = on;
    if (on) {
      this.update(this.currentTime);
    } else {
      this.look = null;
      this.stage.resetLook(manual.blendMode, manual.fgOpacity);
    }
  }

  /**
   * Plays live input instead of a song (state 'live'): the stream drives the layers, unheard (the room or the tab
   * plays it already), and the engine's live show picks a pair per section, cut on the beat. Resolves true once
   * capturing; false when the input could not be captured (state 'error') or another source took over.
   * @param {MediaStream} stream
   */
  async goLive(stream, { sensitivity = 0.5, label = 'live input' } = {}) {
    const token = ++this.loadToken;
    this.audio();
    this.live.stop();
    this.client.cancel();
    this.player.unload();
    this.clear();
    return this.live.start(stream, { token, sensitivity, label, input: true });
  }

  /**
   * A file too long to decode whole (a DJ set): the player streams it from disk and the engine's live show
   * analyses what it plays, so memory stays bounded and the show starts at once (state 'live').
   */
  async streamLongSet(file, name, seconds, token, onPlayable) {
    this.player.load(file, seconds);
    if (await this.live.start(this.live.tapPlayer(), { token, sensitivity: 0.5, label: name, input: false })) {
      this.emit('progress', { step: 'streaming', seconds });
      onPlayable();
    }
    return null;
  }

  play() {
    if (!this.loaded || this.player.playing) return;
    this.audio();
    this.startVisuals();
    this.player.play();
    this.emit('playing', { playing: true });
  }

  pause() {
    if (this.live.active && this.live.input) { // live input cannot pause: it stops
      this.live.stop();
      this.setState('idle');
      return;
    }
    if (!this.player || !this.player.playing) return;
    this.player.pause();
    this.emit('playing', { playing: false });
  }

  seek(seconds) {
    if (!this.loaded) return;
    this.player.seek(seconds);
    this.update(seconds);
  }

  next() {
    if (this.pairShow) this.pairShow.skip();
  }

  back() {
    if (this.pairShow) this.pairShow.back();
  }

  setLocked(locked) {
    if (this.live.active) {
      this.live.setLocked(locked);
      return;
    }
    if (this.pairShow) this.pairShow.setLocked(locked);
  }

  /** Runs the frame loop: while playing, the show follows the song and the layers draw. */
  run() {
    let measuring = false;
    const frame = (now) => {
      requestAnimationFrame(frame);
      if (!this.playing) {
        if (measuring) this.stage.idle();
        measuring = false;
        return;
      }
      measuring = true;
      this.update(this.currentTime);
      this.stage.render(now);
    };
    requestAnimationFrame(frame);
  }
}
