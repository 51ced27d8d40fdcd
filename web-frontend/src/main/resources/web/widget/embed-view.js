// What the widget shows over its stage: progress, the error, the big play button (no autoplay, or autoplay
// blocked by the browser) and, with the controls attribute, a bar with play/pause, the pair controls and thumbs
// up / down for the pair on (taught to the viewer's learned taste).

export class EmbedView {
  constructor(doc, { controls }) {
    const $ = (id) => doc.getElementById(id);
    this.body = doc.body;
    this.status = $('status');
    this.progress = $('progress');
    this.play = $('play');
    this.playLabel = $('play-label');
    this.error = $('error');
    this.stage = $('stage');
    this.bar = $('controls');
    this.playPause = $('play-pause');
    this.pairButtons = { back: $('pair-back'), lock: $('pair-lock'), skip: $('pair-skip'), like: $('thumb-up'),
      dislike: $('thumb-down') };
    this.pairLabel = $('pair-label');
    this.bar.hidden = !controls;
  }

  /** Progress text, with a bar when `fraction` (0..1) is known. */
  showStatus(text, fraction = null) {
    this.status.textContent = text;
    this.progress.hidden = fraction === null;
    if (fraction !== null) this.progress.value = fraction;
  }

  setFraction(fraction) {
    this.progress.hidden = false;
    this.progress.value = fraction;
  }

  showError(message) {
    this.status.textContent = '';
    this.progress.hidden = true;
    this.play.hidden = true;
    this.error.textContent = message;
    this.error.hidden = false;
    this.playPause.disabled = true;
    for (const button of Object.values(this.pairButtons)) button.disabled = true;
  }

  /** The song is ready: nothing over the stage unless it waits for a click. */
  showReady() {
    this.status.textContent = '';
    this.progress.hidden = true;
    this.playPause.disabled = false;
  }

  /** The big play button, with a reason (e.g. "Autoplay was blocked") in the status line. */
  offerPlay(label, reason = '') {
    this.playLabel.textContent = label;
    this.play.hidden = false;
    this.status.textContent = reason;
  }

  setPlaying(playing) {
    this.playPause.textContent = playing ? 'Pause' : 'Play';
    if (playing) {
      this.play.hidden = true;
      this.status.textContent = '';
    }
  }

  /** The pair on now: "2/5 · fg over bg", and the lock button's state. */
  showPair({ index, count, fg, bg, locked }) {
    const label = (id) => String(id).split('/').pop().replace(/-/g, ' ');
    this.pairLabel.textContent = `${index + 1}/${count} · ${label(fg)} over ${label(bg)}`;
    this.pairLabel.title = `${fg} over ${bg}`;
    this.pairButtons.lock.setAttribute('aria-pressed', String(locked));
    this.pairButtons.lock.textContent = locked ? 'Unlock' : 'Lock';
    for (const button of Object.values(this.pairButtons)) button.disabled = false;
  }

  /** handlers: {togglePlay, back, lock, skip, like, dislike}. */
  bind({ togglePlay, back, lock, skip, like, dislike }) {
    this.play.addEventListener('click', togglePlay);
    this.playPause.addEventListener('click', togglePlay);
    this.stage.addEventListener('click', togglePlay); // a click on the picture pauses or plays too
    this.pairButtons.back.addEventListener('click', back);
    this.pairButtons.lock.addEventListener('click', lock);
    this.pairButtons.skip.addEventListener('click', skip);
    this.pairButtons.like.addEventListener('click', like);
    this.pairButtons.dislike.addEventListener('click', dislike);
  }
}
