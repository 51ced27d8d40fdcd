// How a preset's look is sampled: the reference audio fed frame by frame, a warm-up, then the measured plan of music
// and silence, each frame read back at half size. The preset checker (library presets) and the page (presets a
// viewer brings, in a worker) both render through this, so their looks are measured the same way.

export const SAMPLES_PER_FRAME = 735; // 44,100 Hz / 60 frames per second
export const CHUNK = 1024;            // audio frames handed to the renderer per video frame
export const WARM_FRAMES = 20;
export const PLAN = [['music', 40], ['silence', 20], ['music', 40]];

/** Reads the frame just drawn, halves it with a 2x2 box filter and stores it top-down as RGB at out[offset]. */
export function grabHalf(gl, width, height, px, out, offset) {
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, px);
  const w2 = width >> 1, h2 = height >> 1;
  for (let y = 0; y < h2; y++) {
    const src0 = (height - 1 - 2 * y) * width * 4, src1 = src0 - width * 4; // readPixels rows run bottom-up
    for (let x = 0; x < w2; x++) {
      const a = src0 + 8 * x, b = src1 + 8 * x, o = offset + 3 * (y * w2 + x);
      for (let c = 0; c < 3; c++) out[o + c] = (px[a + c] + px[a + 4 + c] + px[b + c] + px[b + 4 + c] + 2) >> 2;
    }
  }
}

function rms(chunk) {
  let s = 0;
  for (let i = 0; i < chunk.length; i++) s += chunk[i] * chunk[i];
  return Math.sqrt(s / chunk.length);
}

/** Thrown by renderReferenceFrames when one frame took longer than its limit. */
export class SlowFrameError extends Error {
  constructor(ms, limitMs) {
    super(`a ${Math.round(ms)} ms frame (limit ${limitMs} ms)`);
    this.name = 'SlowFrameError';
    this.ms = ms;
  }
}

/**
 * Renders `warm` frames of music, then the plan ([[music|silence, frames], ...]) and grabs each planned frame.
 * With `frameLimitMs`, every frame after the first is waited for on the GPU and the first one that takes longer throws a
 * SlowFrameError: a preset that costs seconds a frame stops after one, not after all of them.
 * @param {{frame: (chunk: Float32Array) => void}} renderer draws one frame after feeding it a chunk of stereo PCM
 * @param {Float32Array} pcm interleaved stereo reference audio; music starts at sample `start` (interleaved index)
 * @returns {{frames: Uint8Array, energies: number[], frameCount: number, msPerFrame: number}} the planned frames
 *   (width/2 x height/2 RGB, back to back) and the RMS of the audio fed for each
 */
export function renderReferenceFrames(renderer, gl, width, height, pcm, start, warm = WARM_FRAMES, plan = PLAN,
  { frameLimitMs = Infinity } = {}) {
  const silence = new Float32Array(CHUNK * 2);
  const pixel = new Uint8Array(4);
  let drawn = 0;
  const draw = (chunk) => {
    const started = performance.now();
    renderer.frame(chunk);
    if (frameLimitMs === Infinity || drawn++ === 0) return; // the first frame compiles the shaders: not limited
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel); // waits until the GPU has drawn the frame
    const ms = performance.now() - started;
    if (ms > frameLimitMs) throw new SlowFrameError(ms, frameLimitMs);
  };
  let pos = start;
  const music = () => {
    const c = pcm.subarray(pos, pos + CHUNK * 2);
    pos += SAMPLES_PER_FRAME * 2;
    if (pos + CHUNK * 2 > pcm.length) pos = start;
    return c;
  };
  const t = performance.now();
  for (let f = 0; f < warm; f++) draw(music());
  const total = plan.reduce((n, p) => n + p[1], 0), size = (width >> 1) * (height >> 1) * 3;
  const frames = new Uint8Array(total * size), px = new Uint8Array(width * height * 4);
  const energies = [];
  let k = 0;
  for (const [kind, n] of plan) {
    for (let i = 0; i < n; i++, k++) {
      const chunk = kind === 'silence' ? silence : music();
      energies.push(rms(chunk));
      draw(chunk);
      grabHalf(gl, width, height, px, frames, k * size);
    }
  }
  const frameCount = warm + total;
  return { frames, energies, frameCount, msPerFrame: (performance.now() - t) / frameCount };
}
