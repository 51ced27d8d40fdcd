// The rating bar of the pair panel: thumbs up / down and 1-5 stars for the pair on now (keys +, −, 1-5 through
// the console's shortcuts), taught to the engine by the feedback recorder; says what it did in one line.

export class RatingBar {
  /**
   * @param {(id: string) => HTMLElement} $
   * @param {import('../feedback/feedback-recorder.js').FeedbackRecorder} recorder
   */
  constructor($, recorder) {
    this.recorder = recorder;
    this.status = $('rating-status');
    $('thumb-up').addEventListener('click', () => this.thumb(true));
    $('thumb-down').addEventListener('click', () => this.thumb(false));
    this.stars = [...$('rating-bar').querySelectorAll('[data-stars]')];
    for (const button of this.stars) button.addEventListener('click', () => this.rate(Number(button.dataset.stars)));
  }

  async rate(stars) {
    this.say(await this.recorder.rate(stars), `Rated ${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}`);
    for (const b of this.stars) b.setAttribute('aria-pressed', String(Number(b.dataset.stars) <= stars));
  }

  async thumb(up) {
    this.say(await this.recorder.thumb(up), up ? 'Thumbs up' : 'Thumbs down');
  }

  say(learned, what) {
    this.status.textContent = learned ? `${what}: learned, the next sections follow your taste.`
      : 'No pair is on to rate yet.';
  }

  /** A new pair is on: its stars start empty. */
  clear() {
    for (const b of this.stars) b.setAttribute('aria-pressed', 'false');
    this.status.textContent = '';
  }
}
