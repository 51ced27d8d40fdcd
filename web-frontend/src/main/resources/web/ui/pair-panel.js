// The page's pair panel: the pair of the plan on now (its presets, quality, coupling and the engine's mix) and
// the buttons that step through the plan (back, skip) or keep the pair (lock).

import { presetLabel } from './format.js';

export class PairPanel {
  /** @param {(id: string) => HTMLElement} $ @param {import('../show/show.js').Show} show */
  constructor($, show) {
    this.panel = $('pair-panel');
    this.index = $('pair-index');
    this.fg = $('pair-fg');
    this.bg = $('pair-bg');
    this.quality = $('pair-quality');
    this.ws = $('pair-ws');
    this.wt = $('pair-wt');
    this.mix = $('pair-mix');
    this.lock = $('pair-lock');
    $('pair-skip').addEventListener('click', () => show.next());
    $('pair-back').addEventListener('click', () => show.back());
    this.show = show;
    this.lock.addEventListener('click', () => this.toggleLock());
    show.addEventListener('pair', (e) => this.showPair(e.detail));
  }

  /** Locks the pair on now, or unlocks it (the Lock button and the console's L). */
  toggleLock() {
    if (!this.show.pairShow) return;
    const locked = this.lock.getAttribute('aria-pressed') !== 'true';
    this.lock.setAttribute('aria-pressed', String(locked));
    this.lock.textContent = locked ? 'Unlock' : 'Lock';
    this.show.setLocked(locked);
  }

  /** A new song: the panel shows only when its analysis has a plan. */
  reset(hasPlan) {
    this.panel.hidden = !hasPlan;
    this.lock.setAttribute('aria-pressed', 'false');
  }

  showPair({ index, count, pair, mix }) {
    this.index.textContent = `${index + 1} of ${count}`;
    this.fg.textContent = presetLabel(pair.fg);
    this.bg.textContent = presetLabel(pair.bg);
    this.fg.title = pair.fg;
    this.bg.title = pair.bg;
    this.quality.textContent = Number(pair.quality).toFixed(2);
    this.ws.textContent = Number(pair.w_s).toFixed(2);
    this.wt.textContent = Number(pair.w_t).toFixed(2);
    this.mix.textContent = `${mix.blendMode}, front ${Math.round(mix.fgOpacity * 100)} %, `
      + `change ${mix.transitionSeconds.toFixed(1)} s`;
  }
}
