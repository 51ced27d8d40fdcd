// The keys' help: an overlay with one row per console action and its keys, written from the key map
// (shortcuts.js ACTIONS), so the help cannot disagree with the keys. "?" or its button toggles it; Escape, its
// Close button or a click beside the card closes it.

import { ACTIONS, keyLabel } from './shortcuts.js';

export class HelpOverlay {
  /**
   * @param {{overlay: HTMLElement, table: HTMLTableElement, toggle: HTMLButtonElement, close: HTMLButtonElement}} parts
   */
  constructor({ overlay, table, toggle, close }) {
    this.overlay = overlay;
    this.toggleButton = toggle;
    table.replaceChildren(...ACTIONS.map((action) => {
      const row = document.createElement('tr');
      row.dataset.action = action.name;
      const keys = document.createElement('td');
      action.keys.forEach((key, i) => {
        if (i > 0) keys.append(' or ');
        const kbd = document.createElement('kbd');
        kbd.textContent = keyLabel(key);
        keys.append(kbd);
      });
      const label = document.createElement('td');
      label.textContent = action.label;
      row.append(keys, label);
      return row;
    }));
    toggle.addEventListener('click', () => this.toggle());
    close.addEventListener('click', () => this.close());
    overlay.addEventListener('click', (e) => { if (e.target === overlay) this.close(); });
  }

  get open() {
    return !this.overlay.hidden;
  }

  toggle() {
    if (this.open) this.close();
    else this.show();
  }

  show() {
    this.overlay.hidden = false;
    this.toggleButton.setAttribute('aria-expanded', 'true');
  }

  close() {
    this.overlay.hidden = true;
    this.toggleButton.setAttribute('aria-expanded', 'false');
  }
}
