// What one song cost the viewer, measured from the show's own events (show/show.js), as the server's
// /metrics/report takes it (dev.aivj.web.metrics.AnalysisReport): milliseconds per stage.
//
//   decodeMs              'decoding' → 'analysing': the song decoded to the engine's rate
//   engineMs              the engine's analysis in its worker (the result's elapsedMs)
//   workerMs              the signal posted to the worker → its whole plan back (AnalysisClient.lastRun)
//   decodedToPlanMs       end of decoding → the first plan on (state 'opening' or 'ready')
//   decodedToFirstFrameMs end of decoding → the first frame the layers drew on that plan
//
// A song replaced or failed before its plan reports nothing; a set streamed live has no whole-song analysis.

/** How long to wait for the first frame on the plan before reporting without it (a hidden tab draws none). */
const FIRST_FRAME_WAIT_MS = 5000;

export class SongTimings {
  /**
   * @param {import('../show/show.js').Show} show
   * @param {(report: object) => void} onReport called once per song analysed
   */
  constructor(show, onReport) {
    this.show = show;
    this.onReport = onReport;
    /** The last report made, for tests and the console. */
    this.last = null;
    this.song = null;
    show.addEventListener('state', (e) => this.onState(e.detail.state));
    show.addEventListener('progress', (e) => this.onProgress(e.detail));
  }

  onState(state) {
    const now = performance.now();
    if (state === 'loading' || state === 'error' || state === 'live' || state === 'idle') {
      this.song = state === 'loading' ? { token: {} } : null;
    } else if (state === 'analysing' && this.song && this.song.decodingAt !== undefined) {
      this.song.decodedAt = now;
    } else if ((state === 'opening' || state === 'ready') && this.song && this.song.decodedAt !== undefined
      && this.song.planAt === undefined) {
      this.song.planAt = now;
      this.awaitFirstFrame(this.song);
    }
  }

  onProgress({ step, elapsedMs }) {
    if (!this.song) return;
    if (step === 'decoding') this.song.decodingAt = performance.now();
    else if (step === 'ready') {
      this.song.engineMs = elapsedMs;
      this.song.answered = true;
      this.maybeReport(this.song);
    }
  }

  /** Watches the layers' frame count from the moment the plan went on. */
  awaitFirstFrame(song) {
    const frames = this.show.stage.frames;
    const check = () => {
      if (this.song !== song) return;
      const now = performance.now();
      if (this.show.stage.frames > frames) {
        song.firstFrameAt = now;
      } else if (now - song.planAt < FIRST_FRAME_WAIT_MS) {
        requestAnimationFrame(check);
        return;
      }
      song.frameSettled = true;
      this.maybeReport(song);
    };
    requestAnimationFrame(check);
  }

  maybeReport(song) {
    if (song.reported || !song.answered || !song.frameSettled || this.song !== song) return;
    song.reported = true;
    const report = {};
    const put = (field, ms) => {
      if (Number.isFinite(ms) && ms >= 0) report[field] = Math.round(ms * 10) / 10;
    };
    put('engineMs', song.engineMs);
    if (report.engineMs === undefined) return; // the server needs the engine's figure
    put('decodeMs', song.decodedAt - song.decodingAt);
    const run = this.show.workerRun;
    if (run && run.answeredAt !== null) put('workerMs', run.answeredAt - run.postedAt);
    put('decodedToPlanMs', song.planAt - song.decodedAt);
    if (song.firstFrameAt !== undefined) put('decodedToFirstFrameMs', song.firstFrameAt - song.decodedAt);
    this.last = report;
    this.onReport(report);
  }
}
