// The console's actions, one function per name of the key map (shortcuts.js ACTIONS): the keys, the buttons'
// twins and MIDI (midi-controls.js) all run these, so each does the same thing however it is asked for.

/**
 * @param {{show: import('../show/show.js').Show, pairPanel: import('./pair-panel.js').PairPanel,
 *   fullscreen: import('../stage/fullscreen.js').StageFullscreen,
 *   favourite: import('./favourite-button.js').FavouriteButton, ui: import('./ui-visibility.js').UiVisibility,
 *   recorder: import('./recorder.js').Recorder, help: import('./help-overlay.js').HelpOverlay,
 *   rating: import('./rating-bar.js').RatingBar}} parts
 */
export function consoleActions({ show, pairPanel, fullscreen, favourite, ui, recorder, help, rating }) {
  return {
    playPause: () => (show.playing ? show.pause() : show.play()),
    next: () => show.next(),
    back: () => show.back(),
    lock: () => pairPanel.toggleLock(),
    favourite: () => favourite.toggle(),
    fullscreen: () => (fullscreen.active ? fullscreen.leave() : fullscreen.enter()),
    hideUi: () => ui.toggle(),
    record: () => recorder.toggle(),
    help: () => help.toggle(),
    thumbUp: () => rating.thumb(true),
    thumbDown: () => rating.thumb(false),
    rate1: () => rating.rate(1),
    rate2: () => rating.rate(2),
    rate3: () => rating.rate(3),
    rate4: () => rating.rate(4),
    rate5: () => rating.rate(5),
  };
}
