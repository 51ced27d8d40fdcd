// The favourite button of the console: favours the pair on now (favourite-pairs.js keeps them) and shows
// whether it is one (aria-pressed, ★/☆); disabled while no pair is on.

export class FavouriteButton {
  /**
   * @param {HTMLButtonElement} button
   * @param {HTMLElement} count where the number of favourites is written
   * @param {import('../show/show.js').Show} show
   * @param {import('./favourite-pairs.js').FavouritePairs} favourites
   * @param {(message: string) => void} notice
   * @param {() => void} [onFavoured] a pair was made a favourite (a signal the viewer's taste learns from)
   */
  constructor(button, count, show, favourites, notice, onFavoured = () => {}) {
    this.onFavoured = onFavoured;
    this.button = button;
    this.count = count;
    this.show = show;
    this.favourites = favourites;
    this.notice = notice;
    button.addEventListener('click', () => this.toggle());
    show.addEventListener('pair', () => this.sync());
    if (favourites.problem) notice(`Favourite pairs: ${favourites.problem}.`);
    this.sync();
  }

  /** The pair on now as {fg, bg}, or null. */
  current() {
    const on = this.show.currentPair;
    return on ? { fg: on.pair.fg, bg: on.pair.bg } : null;
  }

  toggle() {
    const pair = this.current();
    if (!pair) {
      this.notice('No preset pair is on yet: drop a song first, then favourite its pair.');
      return;
    }
    const before = this.favourites.problem;
    this.favourites.toggle(pair);
    if (this.favourites.problem && this.favourites.problem !== before) {
      this.notice(`Favourite pairs: ${this.favourites.problem}.`);
    }
    if (this.favourites.has(pair)) this.onFavoured();
    this.sync();
  }

  sync() {
    const pair = this.current();
    const on = this.favourites.has(pair);
    this.button.disabled = pair === null;
    this.button.setAttribute('aria-pressed', String(on));
    this.button.textContent = on ? '★ Favourite pair' : '☆ Favourite pair';
    const n = this.favourites.list().length;
    this.count.textContent = n ? `${n} favourite pair${n === 1 ? '' : 's'}` : '';
  }
}
