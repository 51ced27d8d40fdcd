// Downloads a song from a URL (the widget's src), with a message for each way that can fail (network or CORS, HTTP
// status, empty, too big) written for the person looking at the page.

import { MAX_FILE_BYTES, SongError, megabytes } from './song-error.js';

const NOT_AUDIO_TYPES = /^(text\/|application\/(json|xml|xhtml\+xml|javascript)$|image\/)/;

/**
 * @param {string} url absolute
 * @param {string} name shown in messages
 * @param {(fraction: number) => void} onProgress when the length is known
 * @returns {Promise<{bytes: ArrayBuffer, contentType: string}>} contentType lower case, without parameters
 */
export async function fetchSong(url, name, onProgress = () => {}) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new SongError(`Could not load “${name}”: the request failed (${e && e.message ? e.message : e}). `
      + 'A song on another site must be served with CORS (Access-Control-Allow-Origin).');
  }
  if (!response.ok) {
    const reason = response.statusText ? ` ${response.statusText}` : '';
    throw new SongError(`Could not load “${name}”: HTTP ${response.status}${reason}.`);
  }
  const declared = Number(response.headers.get('Content-Length'));
  if (declared > MAX_FILE_BYTES) {
    throw tooBig(name, declared);
  }
  const bytes = await readBody(response, declared, name, onProgress);
  if (bytes.byteLength === 0) {
    throw new SongError(`Could not load “${name}”: the server sent an empty file (0 bytes).`);
  }
  const contentType = (response.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
  return { bytes, contentType };
}

function tooBig(name, bytes) {
  return new SongError(`“${name}” is ${megabytes(bytes)}; songs over ${megabytes(MAX_FILE_BYTES)} are refused `
    + 'to keep the tab from running out of memory.');
}

/** The body as one ArrayBuffer; streamed (with progress and the size limit) when the length is known. */
async function readBody(response, declared, name, onProgress) {
  try {
    if (!response.body || !(declared > 0)) {
      const whole = await response.arrayBuffer();
      if (whole.byteLength > MAX_FILE_BYTES) throw tooBig(name, whole.byteLength);
      return whole;
    }
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > MAX_FILE_BYTES) {
        reader.cancel().catch(() => {});
        throw tooBig(name, received);
      }
      chunks.push(value);
      onProgress(Math.min(1, received / declared));
    }
    const out = new Uint8Array(received);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out.buffer;
  } catch (e) {
    if (e instanceof SongError) throw e;
    throw new SongError(`Could not load “${name}”: the download broke off (${e && e.message ? e.message : e}).`);
  }
}

/** A decoding failure of something the server itself calls text, HTML or an image says so. */
export function explainDecodeFailure(error, contentType, name) {
  if (error instanceof SongError && NOT_AUDIO_TYPES.test(contentType)) {
    return new SongError(`Could not play “${name}”: it is not an audio file (the server sent ${contentType}).`);
  }
  return error;
}
