// The signal the engine analyses. The page, the widget and `./aivj analyze` (which runs this very module in
// headless Chromium: BrowserDecoder) all get it here, so all three hand the engine the same samples and get the
// same plan.
//
// The browser decodes the file straight to the engine's rate: its decoder resamples with a band-limited filter
// (an OfflineAudioContext render would resample by linear interpolation, which folds everything above the new
// Nyquist frequency back into the band the engine measures). The channels are then averaged.

import { decode } from './decode.js';
import { checkFile } from './song-file.js';

/** The mean of the buffer's channels, as one Float32Array of the page's own. */
export function monoOf(buffer) {
  const channels = buffer.numberOfChannels;
  if (channels === 1) {
    return buffer.getChannelData(0).slice();
  }
  const mono = new Float32Array(buffer.length);
  for (let c = 0; c < channels; c++) {
    const data = buffer.getChannelData(c);
    for (let i = 0; i < mono.length; i++) {
      mono[i] += data[i];
    }
  }
  const scale = 1 / channels;
  for (let i = 0; i < mono.length; i++) {
    mono[i] *= scale;
  }
  return mono;
}

/**
 * Decodes `bytes` (an ArrayBuffer the browser may detach) at `rate` Hz: {pcm (mono Float32Array), rate,
 * channels, duration}. Throws SongError for what the page refuses (not audio, damaged, too short or too long).
 */
export async function signalOf(bytes, fileName, rate) {
  const buffer = await decode(new OfflineAudioContext(1, 1, rate), bytes, fileName);
  return { pcm: monoOf(buffer), rate, channels: buffer.numberOfChannels, duration: buffer.duration };
}

/** A File's signal, with the page's checks on the file first (empty, too large). */
export async function analysisSignal(file, rate) {
  checkFile(file);
  return signalOf(await file.arrayBuffer(), file.name, rate);
}
