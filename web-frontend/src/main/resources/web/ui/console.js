// The VJ console: keys (shortcuts.js) with their help (help-overlay.js), favourite pairs, hiding the UI, MIDI
// (midi-controls.js) and recording (recorder.js), built on the page's show from the console's block of
// index.html. app.js calls installConsole once; what it returns is read by test-hooks.js.

import { consoleActions } from './console-actions.js';
import { FavouriteButton } from './favourite-button.js';
import { FavouritePairs } from './favourite-pairs.js';
import { HelpOverlay } from './help-overlay.js';
import { MidiControls } from './midi-controls.js';
import { Recorder } from './recorder.js';
import { Shortcuts } from './shortcuts.js';
import { UiVisibility } from './ui-visibility.js';

/**
 * @param {(id: string) => HTMLElement} $
 * @param {{show: import('../show/show.js').Show, pairPanel: import('./pair-panel.js').PairPanel,
 *   fullscreen: import('../stage/fullscreen.js').StageFullscreen, notice: (message: string) => void,
 *   songName: () => string, feedback: ReturnType<import('../feedback/viewer-feedback.js').installFeedback>}} page
 */
export function installConsole($, { show, pairPanel, fullscreen, notice, songName, feedback }) {
  const favourites = new FavouritePairs();
  const favourite = new FavouriteButton($('pair-favourite'), $('favourite-count'), show, favourites, notice,
    () => feedback.recorder.favourite());
  const ui = new UiVisibility($('ui-hide'), $('ui-show'));
  const recorder = new Recorder({ button: $('record'), indicator: $('record-status'), time: $('record-time'),
    size: $('record-size'), link: $('record-download') }, show, songName, notice);
  const help = new HelpOverlay({ overlay: $('help-overlay'), table: $('help-keys'), toggle: $('help-toggle'),
    close: $('help-close') });
  const actions = consoleActions({ show, pairPanel, fullscreen, favourite, ui, recorder, help,
    rating: feedback.ratingBar });
  const shortcuts = new Shortcuts(actions, { onEscape: () => help.close(), onError: notice });
  const midi = new MidiControls({ learn: $('midi-learn'), action: $('midi-action'), status: $('midi-status'),
    clear: $('midi-clear') }, (name) => shortcuts.run(name), notice);
  return { favourites, ui, recorder, help, midi, shortcuts };
}
