// A song the person chose or dropped: checked, then read into memory with progress.

import { MAX_FILE_BYTES, SongError, megabytes } from './song-error.js';

/** Refuses files that cannot be a song before reading them. */
export function checkFile(file) {
  if (!file) {
    throw new SongError('No file was chosen.');
  }
  if (file.size === 0) {
    throw new SongError(`“${file.name}” is empty (0 bytes). Choose a music file.`);
  }
  if (file.size > MAX_FILE_BYTES) {
    throw new SongError(`“${file.name}” is ${megabytes(file.size)}; files over ${megabytes(MAX_FILE_BYTES)} `
      + 'are refused to keep the tab from running out of memory.');
  }
}

/** Reads the file into an ArrayBuffer, reporting progress as a fraction. */
export function readFile(file, onProgress) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) {
        onProgress(e.loaded / e.total);
      }
    };
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(new SongError(`Could not read “${file.name}”: ${reader.error ? reader.error.message : 'unknown error'}.`));
    reader.onabort = () => reject(new SongError(`Reading “${file.name}” was aborted.`));
    reader.readAsArrayBuffer(file);
  });
}
