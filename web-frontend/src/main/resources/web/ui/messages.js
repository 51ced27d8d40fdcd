// The page's two message lines: #error (a song that failed, or a layer problem) and #notice (something worth
// knowing; the page works on). Also the text of a failed song, shared with the widget.

import { SongError } from '../song/song-error.js';

/**
 * What a person reads when a song failed. reloadHint: add "Reload the page to retry." for a worker that would
 * not load (the page; the widget reloads with its element).
 */
export function songErrorText(error, name, { reloadHint = false } = {}) {
  if (error instanceof SongError) {
    return error.message;
  }
  if (error && error.name === 'AnalysisError') {
    if (error.kind === 'engine') {
      return `The engine could not analyse “${name}”: ${error.message}`;
    }
    if (error.kind === 'worker') {
      const retry = reloadHint ? '. Reload the page to retry.' : '';
      return `The WebAssembly analysis engine could not be loaded: ${error.message}${retry}`;
    }
    return error.message;
  }
  return `Something went wrong with “${name}”: ${error && error.message ? error.message : error}`;
}

export class Messages {
  constructor({ error, notice }) {
    this.errorLine = error;
    this.noticeLine = notice;
    /** The song's error shown now, or null. */
    this.error = null;
    /** Non-fatal layer errors shown in #error, newest last. */
    this.layerErrors = [];
  }

  showError(message) {
    this.error = message;
    this.errorLine.textContent = message;
    this.errorLine.hidden = false;
  }

  clearError() {
    this.error = null;
    this.errorLine.hidden = true;
    this.errorLine.textContent = '';
  }

  /** A layer problem (bad preset, shader failure): shown in #error, but the page keeps working. */
  showLayerError(message) {
    this.layerErrors.push(message);
    this.errorLine.textContent = message;
    this.errorLine.hidden = false;
  }

  showNotice(message) {
    this.noticeLine.textContent = message;
    this.noticeLine.hidden = false;
  }
}
