// Fullscreen for the stage (both layers): buttons that enter and leave it, whose state follows the document's
// fullscreenchange (Escape, or the browser leaving fullscreen on its own, updates them too), and a callback
// with the reason when the browser refuses.

export class StageFullscreen {
  /**
   * @param {HTMLElement} target the element to show fullscreen
   * @param {HTMLButtonElement} toggle the button that enters and leaves (aria-pressed follows the state)
   * @param {HTMLButtonElement[]} exits buttons that only leave (shown inside the target while fullscreen)
   * @param {(reason: string) => void} onRefused
   */
  constructor(target, toggle, exits, onRefused) {
    this.target = target;
    this.toggle = toggle;
    this.onRefused = onRefused;
    toggle.addEventListener('click', () => (this.active ? this.leave() : this.enter()));
    for (const exit of exits) exit.addEventListener('click', () => this.leave());
    document.addEventListener('fullscreenchange', () => this.sync());
    this.sync();
  }

  /** True while the target is the fullscreen element. */
  get active() {
    return document.fullscreenElement === this.target;
  }

  async enter() {
    if (!document.fullscreenEnabled || typeof this.target.requestFullscreen !== 'function') {
      this.onRefused('this browser does not allow fullscreen on this page');
      return false;
    }
    try {
      await this.target.requestFullscreen({ navigationUI: 'hide' });
      return true;
    } catch (e) {
      this.onRefused(e && e.message ? e.message : String(e));
      return false;
    } finally {
      this.sync();
    }
  }

  async leave() {
    if (!document.fullscreenElement) return;
    try {
      await document.exitFullscreen();
    } catch (e) {
      // Already left (e.g. by Escape at the same moment): fullscreenchange brings the buttons up to date.
    }
    this.sync();
  }

  sync() {
    const active = this.active;
    this.toggle.setAttribute('aria-pressed', String(active));
    this.toggle.textContent = active ? 'Exit fullscreen' : 'Fullscreen';
  }
}
