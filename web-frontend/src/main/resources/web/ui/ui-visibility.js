// "Hide UI": everything but the stage goes (body.ui-hidden, style.css), for a clean picture in a window or on a
// projector; a small "Show controls" button and U bring it back.

export class UiVisibility {
  /** @param {HTMLButtonElement} hide the console's button @param {HTMLButtonElement} reveal shown while hidden */
  constructor(hide, reveal) {
    this.reveal = reveal;
    hide.addEventListener('click', () => this.toggle());
    reveal.addEventListener('click', () => this.toggle());
  }

  get hidden() {
    return document.body.classList.contains('ui-hidden');
  }

  toggle() {
    const hidden = !this.hidden;
    document.body.classList.toggle('ui-hidden', hidden);
    this.reveal.hidden = !hidden;
  }
}
