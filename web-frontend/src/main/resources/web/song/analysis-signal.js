// The signal the engine analyses. The page, the widget and `./aivj analyze` (which runs this very module in
// headless Chromium: BrowserDecoder) all get it here, so all three hand the engine the same samples and get the
// same plan.
//
// The browser decodes the file straight to the engine's rate: its decoder resamples with a band-limited filter
// (an OfflineAudioContext render would resample by linear interpolation, which folds everything above the new
// Nyquist frequency back into the band the engine measures). Web Audio then mixes the channels down to one.

import { decode } from './decode.js';
import { checkFile } from './song-file.js';

/**
 * The buffer mixed down to one channel by Web Audio itself (an OfflineAudioContext at the buffer's own rate, so
 * nothing is resampled): its speaker rules, for stereo the mean of left and right. The render runs off the main
 * thread; a JavaScript loop over a whole song here held the page's frames back. Resolves our own Float32Array.
 */
export async function monoOf(buffer) {
  if (buffer.numberOfChannels === 1) {
    return buffer.getChannelData(0).slice();
  }
  const offline = new OfflineAudioContext(1, buffer.length, buffer.sampleRate);
  const source = offline.createBufferSource();
  source.buffer = buffer;
  source.connect(offline.destination);
  source.start();
  return (await offline.startRendering()).getChannelData(0).slice();
}

/**
 * Decodes `bytes` (an ArrayBuffer the browser may detach) at `rate` Hz: {pcm (mono Float32Array), rate,
 * channels, duration}. Throws SongError for what the page refuses (not audio, damaged, too short or too long).
 */
export async function signalOf(bytes, fileName, rate) {
  const buffer = await decode(new OfflineAudioContext(1, 1, rate), bytes, fileName);
  return { pcm: await monoOf(buffer), rate, channels: buffer.numberOfChannels, duration: buffer.duration };
}

/** A File's signal, with the page's checks on the file first (empty, too large). */
export async function analysisSignal(file, rate) {
  checkFile(file);
  return signalOf(await file.arrayBuffer(), file.name, rate);
}
