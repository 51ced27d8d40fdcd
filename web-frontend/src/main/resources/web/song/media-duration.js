// A file's duration from its metadata alone (the browser reads the container's header, not the whole file):
// how the page tells a DJ set, streamed, from a song, decoded whole.

const METADATA_TIMEOUT_MS = 10000;

/** The duration in seconds (Infinity for a stream of unknown length), or NaN when the browser cannot tell. */
export function mediaDuration(blob, timeoutMs = METADATA_TIMEOUT_MS) {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(blob);
    const element = new Audio();
    element.preload = 'metadata';
    const done = (seconds) => {
      clearTimeout(timer);
      element.removeAttribute('src');
      element.load();
      URL.revokeObjectURL(url);
      resolve(seconds);
    };
    const timer = setTimeout(() => done(NaN), timeoutMs);
    element.addEventListener('loadedmetadata', () => done(element.duration));
    element.addEventListener('error', () => done(NaN));
    element.src = url;
  });
}
