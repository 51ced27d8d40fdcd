// A live session: live input (live/live-capture.js) into the engine's live show in the worker (0.5-s hops), which
// reads the style, tempo, beats and sections as the music plays and picks a pair when a section starts; the pair
// is cut in on the beat the engine predicted. No whole-song plan exists: `known` says what the engine knows so far.

import { LiveCapture } from '../live/live-capture.js';

const HOP_SECONDS = 0.5;

export class LiveSession extends EventTarget {
  /**
   * Events (CustomEvent detail):
   *   'update' {update, latencyMs, engineMs} the engine's livePush JSON after each hop (latencyMs: from the hop's
   *            arrival on the page to its answer; engineMs: the engine's time on it)
   *   'cut'    {pair, beatLate} the pair of a new section, at its beat (beatLate: ms after the predicted beat)
   *   'error'  {message} the capture or the engine failed; the session stops
   * @param {{client: import('../engine-client/analysis-client.js').AnalysisClient, stream: MediaStream,
   *   rate: number, sensitivity: number, label: string}} options
   */
  constructor({ client, stream, rate, sensitivity, label }) {
    super();
    this.client = client;
    this.stream = stream;
    this.label = label;
    this.sensitivity = sensitivity;
    this.capture = new LiveCapture(stream, rate, HOP_SECONDS, (pcm, at) => this.client.livePush(pcm, at));
    this.latest = null;
    this.startedAt = performance.now();
    this.cutTimer = null;
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  async start() {
    this.client.liveStart(this.sensitivity, {
      onUpdate: (update, timing) => this.onUpdate(update, timing),
      onError: (message) => this.fail(message),
    });
    await this.capture.start();
  }

  stop() {
    clearTimeout(this.cutTimer);
    this.client.liveStop();
    this.capture.stop();
  }

  fail(message) {
    this.stop();
    this.emit('error', { message });
  }

  /** Seconds of live audio the engine has analysed. */
  get seconds() {
    return this.latest ? this.latest.seconds : 0;
  }

  onUpdate(update, { capturedAt, elapsedMs }) {
    const answeredAt = performance.now();
    this.latest = update;
    this.emit('update', { update, latencyMs: answeredAt - capturedAt, engineMs: elapsedMs });
    if (update.pair) this.scheduleCut(update, capturedAt);
  }

  /**
   * The pair goes in at update.pair.cutAt (stream seconds; the next predicted beat). The hop's last sample arrived
   * at capturedAt, when the stream stood at update.seconds; a beat already past moves on by whole beat periods.
   */
  scheduleCut(update, capturedAt) {
    clearTimeout(this.cutTimer);
    const { pair } = update;
    const period = update.tempo ? 60 / update.tempo.bpm : 0;
    let dueMs = capturedAt + (pair.cutAt - update.seconds) * 1000 - performance.now();
    while (period > 0 && dueMs < 0) dueMs += period * 1000;
    const due = performance.now() + Math.max(0, dueMs);
    this.cutTimer = setTimeout(() => {
      this.emit('cut', { pair, beatLate: performance.now() - due });
    }, Math.max(0, dueMs));
  }
}
