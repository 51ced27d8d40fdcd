// The widget's settings, read from embed.html's query string (aivj-visualizer.js writes it from the element's
// attributes). Library URLs default to this page's own origin; a malformed one falls back to the default.

export const DEFAULT_MODEL = '/models/music-v1/';
export const DEFAULT_PAIRS = '/pairs/pair-library.json';
export const DEFAULT_PRESETS = '/presets/projectm/index.json';

/**
 * @returns {{src: string|null, srcProblem: string|null, name: string, model: string, pairs: string,
 *   presets: string, autoplay: boolean, controls: boolean, input: 'song'|'mic'}}
 */
export function readOptions(search, base = location.href) {
  const query = new URLSearchParams(search);
  const library = (key, fallback) => {
    const value = query.get(key);
    try {
      return new URL(value || fallback, base).href;
    } catch (e) {
      console.warn(`AIVJ widget: ${key}="${value}" is not a valid address; using ${fallback}`);
      return new URL(fallback, base).href;
    }
  };
  const rawSrc = (query.get('src') || '').trim();
  let src = null;
  let srcProblem = null;
  if (rawSrc !== '') {
    try {
      src = new URL(rawSrc, base).href;
    } catch (e) {
      srcProblem = `The song address “${rawSrc}” is not a valid URL.`;
    }
  }
  const name = (query.get('name') || '').trim();
  return {
    src,
    srcProblem,
    name: name || songName(src),
    model: library('model', DEFAULT_MODEL),
    pairs: library('pairs', DEFAULT_PAIRS),
    presets: library('presets', DEFAULT_PRESETS),
    autoplay: query.has('autoplay'),
    controls: query.has('controls'),
    // "mic": live input from the microphone / line-in instead of a song.
    input: query.get('input') === 'mic' ? 'mic' : 'song',
  };
}

/** The file name in a song URL ("Metal%20madness.ogg" → "Metal madness.ogg"); "the song" when it has none. */
export function songName(src) {
  if (!src) return 'the song';
  try {
    const url = new URL(src);
    if (url.protocol === 'blob:' || url.protocol === 'data:') return 'the song';
    const last = url.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : url.host || 'the song';
  } catch (e) {
    return 'the song';
  }
}
