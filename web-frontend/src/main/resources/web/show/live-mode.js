// The show's live mode: instead of a whole-song plan, the engine's live show (show/live-session.js) follows either
// live input (a microphone, line-in or a tab: unheard here, since the room or the tab plays it already, and
// always "playing") or a set too long to decode whole, which the player streams from disk (heard, paused and
// played like a song). Its pairs come one per section, cut on the beat the engine predicted.

import { LiveSession } from './live-session.js';

export class LiveMode {
  /** @param {import('./show.js').Show} show the show it plays for (its client, player, stage and events) */
  constructor(show) {
    this.show = show;
    this.session = null;
    this.input = false;
    this.source = null; // live input's node into the player's output
    this.tap = null; // a long set's tap on the player's output
    this.locked = false;
    /** The engine's last live update with its timing, null before one. */
    this.last = null;
  }

  get active() {
    return this.session !== null;
  }

  /** Seconds of sound the engine has analysed. */
  get seconds() {
    return this.session ? this.session.seconds : 0;
  }

  /** A stream of what the player plays (a long set), for the live show to follow. */
  tapPlayer() {
    this.tap = this.show.audioContext.createMediaStreamDestination();
    this.show.player.output.connect(this.tap);
    return this.tap.stream;
  }

  /**
   * Starts the live show on `stream` (input: live input, else the player's tap). Resolves true once capturing;
   * false when it could not (state 'error') or another load took over (token).
   */
  async start(stream, { token, sensitivity, label, input }) {
    const { show } = this;
    let session;
    try {
      const rate = await show.client.analysisRate();
      session = new LiveSession({ client: show.client, stream, rate, sensitivity, label });
    } catch (error) {
      if (token === show.loadToken) show.setState('error', { error });
      return false;
    }
    if (token !== show.loadToken) return false;
    this.session = session;
    this.input = input;
    this.locked = false;
    if (input) {
      show.player.monitor(false);
      this.source = show.audioContext.createMediaStreamSource(stream);
      this.source.connect(show.player.output);
    }
    session.addEventListener('update', (e) => {
      this.last = e.detail;
      show.emit('live', e.detail);
    });
    session.addEventListener('cut', (e) => this.cut(e.detail));
    session.addEventListener('error', (e) => this.failed(session, new Error(e.detail.message)));
    try {
      await session.start();
    } catch (error) {
      this.failed(session, error);
      return false;
    }
    show.setState('live');
    show.startVisuals();
    if (input) show.emit('playing', { playing: true });
    return true;
  }

  failed(session, error) {
    if (this.session !== session) return;
    this.stop();
    this.show.setState('error', { error });
  }

  /** Ends the live show: live input is released and the speakers hear songs again; a long set's tap goes. */
  stop() {
    if (this.session === null) return;
    this.session.stop();
    this.session = null;
    if (this.input) {
      this.source.disconnect();
      this.source = null;
      this.show.player.monitor(true);
      this.show.emit('playing', { playing: false });
    } else if (this.tap) {
      this.show.player.output.disconnect(this.tap);
      this.tap = null;
    }
  }

  /** A section's pair, at its beat (unless locked). */
  cut({ pair, beatLate }) {
    const { show } = this;
    if (this.locked || this.session === null) return;
    const index = show.pairHistory.length;
    show.currentPair = { index, pair, reason: 'section', locked: false, mix: pair.mix, beatLate };
    show.pairHistory.push({ index, fg: pair.fg, bg: pair.bg, reason: 'section', at: show.currentTime });
    show.stage.showPair(pair, pair.mix.transitionSeconds);
    if (show.planMix) show.stage.applyMix(pair.mix);
    show.emit('pair', { ...show.currentPair, count: index + 1 });
  }

  setLocked(locked) {
    const { show } = this;
    this.locked = locked;
    if (show.currentPair) show.emit('pair', { ...show.currentPair, reason: 'lock', locked, count: show.pairHistory.length });
  }
}
