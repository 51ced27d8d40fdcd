// Test-only page driving the Layer classes directly (served from test resources under /test/).
import { AudioTap } from '/stage/audio-tap.js';
import { ButterchurnLayer } from '/stage/butterchurn-layer.js';
import { ProjectMLayer } from '/stage/projectm-layer.js';

const ENGINES = { projectm: ProjectMLayer, butterchurn: ButterchurnLayer };
const layers = new Map();
const events = [];
let ctx = null;
let song = null;
let music = null;
let silence = null;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function snapshot(canvas, probe) {
  const g = probe.getContext('2d', { willReadFrequently: true });
  g.drawImage(canvas, 0, 0, probe.width, probe.height);
  const px = g.getImageData(0, 0, probe.width, probe.height).data;
  const lum = new Float32Array(probe.width * probe.height);
  for (let i = 0, j = 0; i < px.length; i += 4, j++) lum[j] = 0.2126 * px[i] + 0.7152 * px[i + 1] + 0.0722 * px[i + 2];
  return lum;
}

function sync(canvas) {
  const gl = canvas.getContext('webgl2');
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}

window.harness = {
  events,

  async setup(songUrl) {
    ctx = new AudioContext();
    await ctx.resume();
    const bytes = await (await fetch(songUrl)).arrayBuffer();
    song = await ctx.decodeAudioData(bytes);
    silence = new AudioTap(ctx, null);
    return { sampleRate: ctx.sampleRate, seconds: song.duration };
  },

  /** Starts the song at `offset` s through a gain that the tap listens to (and the speakers get). */
  playMusic(offset) {
    this.stopMusic();
    const source = ctx.createBufferSource();
    source.buffer = song;
    const out = ctx.createGain();
    source.connect(out).connect(ctx.destination);
    source.start(0, offset);
    music = { source, tap: new AudioTap(ctx, out) };
  },

  stopMusic() {
    if (music) {
      music.source.stop();
      music.tap.disconnect();
      music = null;
    }
  },

  async create(id, engine, width, height) {
    const canvas = document.createElement('canvas');
    canvas.id = id;
    canvas.width = width;
    canvas.height = height;
    document.getElementById('layers').append(canvas);
    const layer = await ENGINES[engine].create(canvas, width, height, { audioContext: ctx });
    layer.addEventListener('error', (e) => events.push({ id, type: 'error', message: e.detail.message }));
    layer.addEventListener('warning', (e) => events.push({ id, type: 'warning', message: e.detail.message }));
    layers.set(id, layer);
    return layer.engine;
  },

  destroy(id) {
    const layer = layers.get(id);
    if (layer) layer.destroy();
    layers.delete(id);
    const canvas = document.getElementById(id);
    if (canvas) canvas.remove();
  },

  async load(id, preset, blendSeconds = 0) {
    const t = performance.now();
    try {
      const r = await layers.get(id).loadPreset(preset, blendSeconds);
      return { ok: true, ms: Math.round(performance.now() - t), warning: r.warning || '' };
    } catch (e) {
      return { ok: false, ms: Math.round(performance.now() - t), message: e.message };
    }
  },

  /** Renders `frames` frames of the given layers, fed from 'music' or 'silence', `gapMs` apart. */
  async run(ids, source, frames, gapMs = 30) {
    const tap = source === 'music' ? music.tap : silence;
    for (let f = 0; f < frames; f++) {
      for (const id of ids) {
        const layer = layers.get(id);
        layer.feedAudio(tap);
        layer.render();
      }
      await sleep(gapMs);
    }
  },

  /**
   * Frame-to-frame change of one layer: mean absolute luminance difference (0..255) between consecutive
   * frames on a 64x48 copy, averaged over `frames` frames fed from 'music' or 'silence'.
   */
  async motion(id, source, frames, gapMs = 30) {
    const layer = layers.get(id);
    const tap = source === 'music' ? music.tap : silence;
    const probe = document.createElement('canvas');
    probe.width = 64;
    probe.height = 48;
    let previous = null;
    let total = 0;
    let rms = 0;
    for (let f = 0; f < frames; f++) {
      layer.feedAudio(tap);
      layer.render();
      const s = tap.samples();
      let e = 0;
      for (const x of s) e += x * x;
      rms += Math.sqrt(e / s.length);
      const lum = snapshot(layer.canvas, probe);
      if (previous) {
        let d = 0;
        for (let i = 0; i < lum.length; i++) d += Math.abs(lum[i] - previous[i]);
        total += d / lum.length;
      }
      previous = lum;
      await sleep(gapMs);
    }
    return { meanFrameDiff: total / (frames - 1), meanRms: rms / frames };
  },

  /** Frames per second of the given layers rendered together (each frame synced with a 1-pixel read). */
  async fps(ids, frames, source = 'music') {
    const tap = source === 'music' && music ? music.tap : silence;
    for (let f = 0; f < 5; f++) {
      for (const id of ids) { const l = layers.get(id); l.feedAudio(tap); l.render(); sync(l.canvas); }
    }
    await sleep(0);
    const t0 = performance.now();
    for (let f = 0; f < frames; f++) {
      for (const id of ids) { const l = layers.get(id); l.feedAudio(tap); l.render(); }
      for (const id of ids) sync(layers.get(id).canvas);
    }
    const ms = performance.now() - t0;
    return { frames, fps: frames * 1000 / ms, msPerFrame: ms / frames };
  },
};
window.harnessReady = true;
