// A preset the viewer brought, rendered once off-screen to measure its look: in a worker of its own
// (preset-look-worker.js) with a time limit, so a preset that hangs projectM costs that worker, never the show.

export const LOOK_REFERENCE_URL = '/presets/look-reference.flac';
/** The preset checker's render size (preset-status.json settings); frames come back at half of it. */
export const LOOK_WIDTH = 128;
export const LOOK_HEIGHT = 96;
/** Far above the ~1 to 3 s a preset takes even beside a playing show on 2 cores; the checker allows 60 s. */
export const HANG_MS = 20000;
/** One 128x96 frame over this (library presets: 2 to 30 ms on software WebGL) would stall the show at its size. */
export const FRAME_LIMIT_MS = 500;

/** Why a preset could not be measured: `reason` is one of 'parse', 'shader', 'heavy', 'hang', 'failed'. */
export class PresetLookError extends Error {
  constructor(message, reason) {
    super(message);
    this.name = 'PresetLookError';
    this.reason = reason;
  }
}

let referencePromise = null;

/** The checker's reference audio as interleaved stereo at 44.1 kHz, fetched and decoded once. */
export function referenceAudio() {
  if (referencePromise === null) {
    referencePromise = (async () => {
      const response = await fetch(LOOK_REFERENCE_URL);
      if (!response.ok) throw new Error(`${LOOK_REFERENCE_URL}: HTTP ${response.status}`);
      const audio = await new OfflineAudioContext(2, 44100, 44100).decodeAudioData(await response.arrayBuffer());
      const l = audio.getChannelData(0), r = audio.numberOfChannels > 1 ? audio.getChannelData(1) : l;
      const pcm = new Float32Array(l.length * 2);
      for (let i = 0; i < l.length; i++) { pcm[2 * i] = l[i]; pcm[2 * i + 1] = r[i]; }
      return pcm;
    })();
    referencePromise.catch(() => { referencePromise = null; });
  }
  return referencePromise;
}

/**
 * Renders the preset's measured frames. Resolves {frames: Uint8Array, width, height, energies, warning,
 * msPerFrame} (width x height is the frames' size: half the render size); rejects with a PresetLookError.
 */
export async function renderPresetLook(text, { hangMs = HANG_MS, frameLimitMs = FRAME_LIMIT_MS } = {}) {
  const pcm = await referenceAudio();
  const worker = new Worker(new URL('./preset-look-worker.js', import.meta.url), { type: 'module' });
  let loaded = false;
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new PresetLookError(loaded
        ? `it hangs projectM: it loaded, but ${LOOK_WIDTH}x${LOOK_HEIGHT} frames did not come within ${hangMs / 1000} s`
        : `it hangs projectM: loading it did not finish within ${hangMs / 1000} s`, 'hang')), hangMs);
      worker.onerror = (e) => { clearTimeout(timer); reject(new PresetLookError(`the measuring worker failed: ${e.message}`, 'failed')); };
      worker.onmessage = ({ data }) => {
        if (data.step === 'loaded') {
          loaded = true;
          return;
        }
        clearTimeout(timer);
        if (data.error !== undefined) {
          const reason = { '-2': 'parse', '-3': 'shader', '-4': 'heavy' }[data.status] || 'failed';
          reject(new PresetLookError(data.error, reason));
          return;
        }
        resolve({ frames: data.frames, width: LOOK_WIDTH >> 1, height: LOOK_HEIGHT >> 1, energies: data.energies,
          warning: data.warning, msPerFrame: data.msPerFrame });
      };
      worker.postMessage({ text, pcm, width: LOOK_WIDTH, height: LOOK_HEIGHT, frameLimitMs });
    });
  } finally {
    worker.terminate(); // a hung one too: its wasm instance and WebGL context go with it
  }
}
