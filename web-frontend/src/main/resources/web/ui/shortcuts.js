// The console's key map: each action's name, what it does and its keys, and the one keydown listener that
// dispatches them to an `actions` object ({playPause() {...}, next() {...}, ...}). The help overlay
// (help-overlay.js) and MIDI learn (midi-controls.js) read the same list, so they never disagree with the keys.

/**
 * Action name → label and keys (KeyboardEvent.key values; letters match in either case). Skip ▶ in the pair
 * panel does what "next" does (show.next()), so S is one more key of "next", not an action of its own.
 */
export const ACTIONS = [
  { name: 'playPause', label: 'Play / pause', keys: [' '] },
  { name: 'next', label: 'Next pair (Skip ▶)', keys: ['ArrowRight', 'n', 's'] },
  { name: 'back', label: 'Previous pair (◀ Back)', keys: ['ArrowLeft', 'b'] },
  { name: 'lock', label: 'Lock / unlock the pair', keys: ['l'] },
  { name: 'favourite', label: 'Favourite the pair (again: forget it)', keys: ['h', '*'] },
  { name: 'thumbUp', label: 'Thumbs up for the pair', keys: ['+', '='] },
  { name: 'thumbDown', label: 'Thumbs down for the pair', keys: ['-'] },
  { name: 'rate1', label: 'Rate the pair 1 star', keys: ['1'] },
  { name: 'rate2', label: 'Rate the pair 2 stars', keys: ['2'] },
  { name: 'rate3', label: 'Rate the pair 3 stars', keys: ['3'] },
  { name: 'rate4', label: 'Rate the pair 4 stars', keys: ['4'] },
  { name: 'rate5', label: 'Rate the pair 5 stars', keys: ['5'] },
  { name: 'fullscreen', label: 'Fullscreen on / off', keys: ['f'] },
  { name: 'hideUi', label: 'Hide / show everything but the visuals', keys: ['u'] },
  { name: 'record', label: 'Record the visuals and the song / stop', keys: ['r'] },
  { name: 'help', label: 'This help', keys: ['?'] },
];

const KEY_NAMES = { ' ': 'Space', ArrowRight: '→', ArrowLeft: '←', ArrowUp: '↑', ArrowDown: '↓' };

/** A key as the help writes it: "Space", "→", "N". */
export function keyLabel(key) {
  return KEY_NAMES[key] || (key.length === 1 ? key.toUpperCase() : key);
}

/** The label of an action by name (for MIDI learn's messages). */
export function actionLabel(name) {
  const action = ACTIONS.find((a) => a.name === name);
  return action ? action.label : name;
}

const keyId = (key) => (key.length === 1 ? key.toLowerCase() : key);

/** Typing in a field (text, range, select, editable text) keeps its keys: a shortcut never steals them. */
function typingIn(target) {
  if (!(target instanceof Element)) return false;
  return target.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"]') !== null;
}

export class Shortcuts {
  /**
   * @param {Record<string, () => void>} actions one function per ACTIONS name
   * @param {{onEscape?: () => void, onError?: (message: string) => void}} [options] onEscape: Escape pressed
   *   (closes the help; the browser's own Escape still leaves fullscreen); onError: an action threw
   */
  constructor(actions, { onEscape = () => {}, onError = () => {} } = {}) {
    const missing = ACTIONS.filter((a) => typeof actions[a.name] !== 'function').map((a) => a.name);
    if (missing.length) throw new Error(`the console's actions lack ${missing.join(', ')}`);
    this.actions = actions;
    this.onError = onError;
    /** key → action name (one character in lower case, so N and n are one key; named keys as they are) */
    this.byKey = new Map();
    for (const action of ACTIONS) for (const key of action.keys) this.byKey.set(keyId(key), action.name);
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { onEscape(); return; }
      // Ctrl/Cmd/Alt combinations are the browser's (copy, reload, …); a held key repeats nothing.
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || typingIn(e.target)) return;
      const name = this.byKey.get(keyId(e.key));
      if (!name) return;
      e.preventDefault(); // Space would scroll the page, or click the focused button a second time
      this.run(name);
    });
  }

  /** Runs an action by name (keys, buttons and MIDI all end here); a failing action is reported, never thrown. */
  run(name) {
    try {
      const result = this.actions[name]();
      if (result && typeof result.catch === 'function') result.catch((e) => this.failed(name, e));
    } catch (e) {
      this.failed(name, e);
    }
  }

  failed(name, e) {
    console.warn(`AIVJ: the console's "${name}" failed`, e);
    this.onError(`“${actionLabel(name)}” failed: ${e && e.message ? e.message : e}`);
  }
}
