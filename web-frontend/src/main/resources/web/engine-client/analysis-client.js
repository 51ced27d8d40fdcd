// Runs the WebAssembly engine in a Web Worker so the page never freezes; one analysis at a time.

export class AnalysisError extends Error {
  constructor(message, kind) {
    super(message);
    this.name = 'AnalysisError';
    this.kind = kind; // 'engine' | 'timeout' | 'worker' | 'cancelled'
  }
}

/** A plan message from the worker as the client hands it on. */
function resultOf(message) {
  return {
    analysis: message.analysis,
    engineVersion: message.engineVersion,
    elapsedMs: message.elapsedMs,
    model: message.model || null,
    library: message.library || null,
  };
}

export class AnalysisClient {
  /**
   * @param {string} workerUrl
   * @param {{modelUrl?: string, pairLibraryUrl?: string}|null} config sent to every new worker before anything else
   *   (the widget's own model and pair library); null = the worker's defaults
   */
  constructor(workerUrl = '/engine-client/analysis-worker.js', config = null) {
    this.workerUrl = workerUrl;
    this.config = config;
    this.worker = null;
    this.pending = null;
    this.nextId = 1;
    /** When the last song went to the worker, its opening's plan and its whole plan came back (performance.now()
     * ms; openingAt null for a song analysed whole at once, answeredAt null while it runs). */
    this.lastRun = null;
    /** {promise, resolve, reject} of the engine's analysis rate, asked once per worker. */
    this.rate = null;
    /** The viewer's preset preferences {blocked, favourites}, sent to every worker; null = none. */
    this.preferences = null;
    /** The id of the last song whose whole plan came back: the one a replan is for. */
    this.plannedId = null;
    /** Hears a replanned song: (result) with the shape of analyze()'s. */
    this.onReplan = () => {};
    /** Hears preferences the engine refused: (message); its previous preferences stay. */
    this.onPreferencesError = () => {};
    this.replanAfterResult = false;
    /** How the engine picks pairs ({arm, preference, prior}), sent to every worker; null = the engine's default. */
    this.viewer = null;
    /** Hears a pick policy the engine refused: (message). */
    this.onViewerError = () => {};
    /** The presets the viewer brought, as sent to the engine: sent again to a new worker. */
    this.ownPresets = [];
    /** Requests waiting for the engine's answer (own presets, viewer requests), by request id: {resolve, reject}. */
    this.requests = new Map();
    this.nextRequestId = 1;
    /** The live show's listeners while one runs: {onUpdate(update, {capturedAt, elapsedMs}), onError(message)}. */
    this.live = null;
  }

  /**
   * New preset preferences for every later plan; with replan, the last song's plan is made again with them and
   * handed to onReplan (the engine runs its pair stages only).
   */
  setPreferences(preferences, { replan = false } = {}) {
    this.preferences = preferences;
    try {
      this.ensureWorker().postMessage({ type: 'preferences', preferences, replan: this.replanTarget(replan) });
    } catch (e) {
      this.onPreferencesError(`could not reach the analysis worker (${e.message})`);
    }
  }

  /**
   * How later plans pick pairs: {arm: 'learned'|'weighted-random'|'recommender', preference: the engine's
   * preference JSON or null, prior: the federation's prior JSON or null}; with replan, the last song is planned
   * again (onReplan).
   */
  setViewer(viewer, { replan = false } = {}) {
    this.viewer = { ...viewer };
    try {
      this.ensureWorker().postMessage({ type: 'viewer', viewer: this.viewer, replan: this.replanTarget(replan) });
    } catch (e) {
      this.onViewerError(`could not reach the analysis worker (${e.message})`);
    }
  }

  /**
   * Asks the engine about the viewer: op 'learn' ({feedback: {features, signal, value}}: resolves {reward,
   * preference} (the learned preference's JSON, kept for later workers); with replan the song playing is planned
   * again), 'update' ({clip,
   * noise, seed}: the federation update) or 'summary'. Rejects with the engine's reason.
   */
  viewerRequest(op, payload = {}, { replan = false } = {}) {
    const requestId = this.nextRequestId++;
    const answer = this.answerOf(requestId);
    try {
      this.ensureWorker().postMessage({ type: 'viewer-request', requestId, op, ...payload,
        replan: this.replanTarget(replan) });
    } catch (e) {
      this.requests.delete(requestId);
      return Promise.reject(new Error(`could not reach the analysis worker (${e.message})`));
    }
    return op !== 'learn' ? answer : answer.then((learned) => {
      if (this.viewer) this.viewer.preference = learned.preference;
      return learned;
    });
  }

  /**
   * The song a change to the engine's library or preferences replans now: the last one planned, unless a song is
   * still being analysed (it has the change already, and is replanned once its plan is in: a replan may only
   * answer for the song whose plan the page holds).
   */
  replanTarget(replan) {
    if (replan && this.pending !== null) this.replanAfterResult = true;
    return replan && this.pending === null ? this.plannedId : null;
  }

  /**
   * A preset the viewer brought, with the frames the page rendered of it ({id, url, text, frames: Uint8Array,
   * width, height, energies}, stage/preset-look.js): the engine measures its look, pairs it with the library by the
   * coupling model and adds the pairs to its library. Resolves the engine's {look, axes, usable, pairs}; rejects
   * with an Error naming why. With replan, the last song is planned again with the grown library (onReplan).
   */
  addOwnPreset(preset, { replan = false } = {}) {
    const requestId = this.nextRequestId++;
    const answer = this.answerOf(requestId);
    const sent = { ...preset, requestId };
    try {
      this.ensureWorker().postMessage({ type: 'own-preset', ...sent, frames: sent.frames.slice(),
        replan: this.replanTarget(replan) });
      this.ownPresets.push(sent);
    } catch (e) {
      this.requests.delete(requestId);
      return Promise.reject(new Error(`could not reach the analysis worker (${e.message})`));
    }
    return answer;
  }

  /** Starts the engine's live show (live input); updates come to onUpdate, failures to onError. */
  liveStart(sensitivity, { onUpdate, onError }) {
    this.live = { onUpdate, onError };
    this.ensureWorker().postMessage({ type: 'live-start', sensitivity });
  }

  /** One hop of mono PCM at the engine's rate (transferred). */
  livePush(pcm, capturedAt) {
    if (this.live) this.ensureWorker().postMessage({ type: 'live-push', pcm, capturedAt }, [pcm.buffer]);
  }

  liveStop() {
    this.live = null;
  }

  /**
   * The sample rate the engine analyses at, from the engine itself (the page decodes the song to it). Resolves
   * once the worker has loaded the engine; rejects with an AnalysisError when it cannot.
   */
  analysisRate() {
    if (this.rate === null) {
      let settle;
      const promise = new Promise((resolve, reject) => { settle = { resolve, reject }; });
      promise.catch(() => {}); // handled by whoever awaits it; a worker dropped unasked is no error
      this.rate = { promise, ...settle };
      try {
        this.ensureWorker().postMessage({ type: 'rate' });
      } catch (e) {
        this.failRate(new AnalysisError(`Could not start the analysis worker: ${e.message}`, 'worker'));
      }
    }
    return this.rate.promise;
  }

  failRate(error) {
    if (this.rate !== null) {
      this.rate.reject(error);
      this.rate = null; // asked again of the next worker
    }
  }

  /** Starts the worker and lets it load the engine before the first song arrives. */
  warmUp() {
    try {
      this.ensureWorker().postMessage({ type: 'warmup' });
    } catch (e) {
      // Reported when a song is analysed.
    }
  }

  /**
   * Analyses interleaved PCM; the buffer is transferred to the worker (pcm is unusable afterwards).
   * Resolves with {analysis, engineVersion, elapsedMs, model, library}; rejects with an AnalysisError.
   * onOpening(result): a long song's opening plan (same shape), before the whole song's.
   */
  analyze(pcm, channels, sampleRate, { timeoutMs = 120000, onProgress = () => {}, onOpening = () => {} } = {}) {
    this.cancel();
    this.plannedId = null;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new AnalysisError(
          `The analysis took longer than ${Math.round(timeoutMs / 1000)} s and was stopped. `
          + 'Try a shorter song, or reload the page.', 'timeout'));
      }, timeoutMs);
      this.pending = { id, resolve, reject, timer, onProgress, onOpening };
      let worker;
      try {
        worker = this.ensureWorker();
      } catch (e) {
        this.fail(new AnalysisError(`Could not start the analysis worker: ${e.message}`, 'worker'));
        return;
      }
      worker.postMessage({ type: 'analyze', id, pcm, channels, sampleRate }, [pcm.buffer]);
      this.lastRun = { postedAt: performance.now(), openingAt: null, answeredAt: null };
    });
  }

  /** Abandons the running analysis, if any (its worker is stopped). */
  cancel() {
    if (this.pending) {
      this.fail(new AnalysisError('The analysis was cancelled.', 'cancelled'));
    }
  }

  ensureWorker() {
    if (this.worker === null) {
      const worker = new Worker(this.workerUrl);
      worker.onmessage = (event) => this.onMessage(event.data || {});
      worker.onerror = (event) => {
        event.preventDefault();
        const detail = event.message ? `: ${event.message}` : '';
        this.fail(new AnalysisError(`The analysis worker failed to load or crashed${detail}.`, 'worker'));
      };
      worker.onmessageerror = () => {
        this.fail(new AnalysisError('The analysis worker sent a message that could not be read.', 'worker'));
      };
      if (this.config) worker.postMessage({ type: 'configure', ...this.config });
      if (this.preferences) worker.postMessage({ type: 'preferences', preferences: this.preferences, replan: null });
      if (this.viewer) worker.postMessage({ type: 'viewer', viewer: this.viewer, replan: null });
      for (const preset of this.ownPresets) {
        worker.postMessage({ type: 'own-preset', ...preset, frames: preset.frames.slice(), replan: null });
      }
      this.worker = worker;
    }
    return this.worker;
  }

  onMessage(message) {
    if (message.type === 'live' || message.type === 'live-error') {
      if (this.live === null) return; // stopped meanwhile
      if (message.type === 'live') {
        this.live.onUpdate(message.update, { capturedAt: message.capturedAt, elapsedMs: message.elapsedMs });
      } else {
        this.live.onError(message.message);
      }
      return;
    }
    if (message.type === 'rate') {
      if (message.error !== undefined) {
        this.failRate(new AnalysisError(`The engine did not start: ${message.error}`, 'worker'));
      } else if (this.rate !== null) {
        this.rate.resolve(message.analysisRate);
      }
      return;
    }
    if (message.type === 'replan') {
      if (message.id === this.plannedId && this.pending === null) this.onReplan(resultOf(message));
      return;
    }
    if (message.type === 'preferences') {
      if (message.error !== undefined) this.onPreferencesError(String(message.error));
      return;
    }
    if (message.type === 'own-preset') {
      this.ownPresetAnswered(message);
      return;
    }
    if (message.type === 'viewer') {
      if (message.error !== undefined) this.onViewerError(String(message.error));
      return;
    }
    if (message.type === 'viewer-answer') {
      this.answer(message);
      return;
    }
    const pending = this.pending;
    if (!pending || message.id !== pending.id) {
      return;
    }
    if (message.type === 'progress') {
      pending.onProgress(message.step);
    } else if (message.type === 'opening') {
      if (this.lastRun) this.lastRun.openingAt = performance.now();
      pending.onOpening(resultOf(message));
    } else if (message.type === 'result') {
      if (this.lastRun) this.lastRun.answeredAt = performance.now();
      this.plannedId = message.id;
      this.settle();
      pending.resolve(resultOf(message));
      if (this.replanAfterResult) {
        this.replanAfterResult = false;
        this.worker.postMessage({ type: 'preferences', preferences: this.preferences, replan: message.id });
      }
    } else if (message.type === 'error') {
      if (this.lastRun) this.lastRun.answeredAt = performance.now();
      this.settle();
      const kind = message.kind === 'load' ? 'worker' : 'engine';
      pending.reject(new AnalysisError(message.message || 'unknown engine error', kind));
    }
  }

  ownPresetAnswered(message) {
    // A refused preset is not sent again to a new worker (one sent again was answered the first time).
    if (this.answer(message) && message.error !== undefined) {
      this.ownPresets = this.ownPresets.filter((p) => p.requestId !== message.requestId);
    }
  }

  /** The engine's answer to request `requestId`, once it comes (answer()). */
  answerOf(requestId) {
    return new Promise((resolve, reject) => this.requests.set(requestId, { resolve, reject }));
  }

  /** Settles the request a worker message answers ({requestId, result} or {requestId, error}); false when none waits. */
  answer({ requestId, result, error }) {
    const request = this.requests.get(requestId);
    if (!request) return false;
    this.requests.delete(requestId);
    if (error !== undefined) request.reject(new Error(String(error)));
    else request.resolve(result);
    return true;
  }

  settle() {
    clearTimeout(this.pending.timer);
    this.pending = null;
  }

  /** Rejects the pending analysis and throws the worker away (a fresh one is made for the next song). */
  fail(error) {
    const pending = this.pending;
    if (this.worker !== null) {
      this.worker.terminate();
      this.worker = null;
      this.failRate(error);
      // Presets the engine had not answered for are refused, not sent again to the next worker.
      this.ownPresets = this.ownPresets.filter((p) => !this.requests.has(p.requestId));
      for (const request of this.requests.values()) request.reject(error);
      this.requests.clear();
    }
    if (pending) {
      this.settle();
      pending.reject(error);
    }
  }
}
