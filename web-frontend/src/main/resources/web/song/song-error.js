// The one error type of the song stage, and the size limit every way of getting a song shares.

/** Files and downloads over this are refused before decoding, to keep the tab from running out of memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** An error whose message is written for the person using the page. */
export class SongError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SongError';
  }
}

export function megabytes(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
