// Decoding a song in the browser, with a time limit and the length checks the page applies to every song.

import { SongError } from './song-error.js';

export const MAX_DURATION_SECONDS = 20 * 60;
export const MIN_DURATION_SECONDS = 1;
export const DECODE_TIMEOUT_MS = 90000;

/** Decodes (and resamples to the context's rate) with a time limit; checks the length. */
export async function decode(audioContext, bytes, fileName, timeoutMs = DECODE_TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new SongError(
      `Decoding “${fileName}” took longer than ${Math.round(timeoutMs / 1000)} s and was given up. `
      + 'Try another file.')), timeoutMs);
  });
  let buffer;
  try {
    buffer = await Promise.race([audioContext.decodeAudioData(bytes), timeout]);
  } catch (e) {
    if (e instanceof SongError) {
      throw e;
    }
    throw new SongError(`Could not decode “${fileName}”: it is not an audio file this browser can read, `
      + 'or it is damaged or cut short. Try an OGG, MP3, WAV, FLAC or M4A file.');
  } finally {
    clearTimeout(timer);
  }
  if (!buffer || buffer.length === 0 || buffer.numberOfChannels === 0) {
    throw new SongError(`“${fileName}” decoded to no audio at all. It may be damaged or cut short.`);
  }
  if (buffer.duration < MIN_DURATION_SECONDS) {
    throw new SongError(`“${fileName}” holds only ${buffer.duration.toFixed(2)} s of audio; `
      + `at least ${MIN_DURATION_SECONDS} s is needed. It may be damaged or cut short.`);
  }
  if (buffer.duration > MAX_DURATION_SECONDS) {
    throw new SongError(`“${fileName}” is ${Math.round(buffer.duration / 60)} minutes long; `
      + `songs up to ${MAX_DURATION_SECONDS / 60} minutes are supported.`);
  }
  return buffer;
}
