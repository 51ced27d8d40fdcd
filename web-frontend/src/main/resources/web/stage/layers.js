// The stage: two MilkDrop layers (background, foreground) blended with CSS. Each layer runs projectM
// (WebAssembly) when it can and falls back to butterchurn on its own when projectM is unavailable or its
// first preset fails. Later preset failures keep the previous preset and are reported as 'error' events.

import { AudioTap } from './audio-tap.js';
import { butterchurnUnsupportedReason } from './butterchurn-layer.js';
import { LayerSlot } from './layer-slot.js';
import { loadProjectMCore, projectMUnsupportedReason } from './projectm-layer.js';

export const POSITIONS = ['bg', 'fg'];
export const ENGINE_LABELS = { projectm: 'projectM', butterchurn: 'butterchurn' };

/** Why no visuals can run here (no WebGL 2), or null when at least one engine may. */
export function visualsUnavailableReason() {
  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) {
    return 'This browser has no WebGL 2, so the visuals are off; the analysis still works.';
  }
  return null;
}

/** Where the server says whether projectM's build is there (ready) or still being built (web-frontend ProjectMBuild). */
export const PROJECTM_STATUS_URL = '/projectm/status.json';

/** The server's {state: 'ready'|'building'|'failed'|'absent', message}, or null when it does not say. */
async function projectMBuildStatus() {
  try {
    const response = await fetch(PROJECTM_STATUS_URL, { cache: 'no-store' });
    return response.ok ? await response.json() : null;
  } catch (e) {
    return null;
  }
}

/**
 * Which engine the layers should start with: projectM when the server has its build, its module loads, WebGL 2
 * is there and its preset library has presets; otherwise butterchurn, with the reason (`building`: the server
 * is still building projectM, so asking again later may bring it).
 * @returns {Promise<{engine: 'projectm'|'butterchurn', reason: string, building?: boolean}>}
 */
export async function chooseEngine(projectmLibrary) {
  const status = await projectMBuildStatus();
  if (status && status.state !== 'ready') {
    return { engine: 'butterchurn', reason: String(status.message), building: status.state === 'building' };
  }
  const reasons = [];
  const unsupported = projectMUnsupportedReason();
  if (unsupported) {
    reasons.push(unsupported);
  } else {
    try {
      await loadProjectMCore();
      await projectmLibrary.list();
      return { engine: 'projectm', reason: '' };
    } catch (e) {
      reasons.push(e && e.message ? e.message : String(e));
    }
  }
  return { engine: 'butterchurn', reason: `projectM is unavailable (${reasons.join('; ')})` };
}

export class Layers extends EventTarget {
  /**
   * Events (CustomEvent detail): 'engine' {position, engine, reason}, 'loading' {position, loading},
   * 'preset' {position, id}, 'error' {position, message}, 'warning' {position, message}.
   * @param {AudioContext} audioContext
   * @param {{bg: HTMLCanvasElement, fg: HTMLCanvasElement}} canvases
   * @param {AudioNode} audioNode the node whose output the user hears
   * @param {{projectm: ProjectMPresetLibrary, butterchurn: PresetLibrary}} libraries
   */
  constructor(audioContext, canvases, audioNode, libraries) {
    super();
    this.audioContext = audioContext;
    this.tap = new AudioTap(audioContext, audioNode);
    this.libraries = libraries;
    this.slots = { bg: new LayerSlot('bg', canvases.bg), fg: new LayerSlot('fg', canvases.fg) };
    this.frames = 0;
    this.lastError = { bg: null, fg: null };
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  get presetNames() {
    return { bg: this.slots.bg.presetId, fg: this.slots.fg.presetId };
  }

  get engines() {
    return { bg: this.slots.bg.engine, fg: this.slots.fg.engine };
  }

  canvas(position) {
    return this.slots[position].canvas;
  }

  /**
   * Starts both layers on `engine` (falling back per layer) with the chosen presets, background first.
   * @param {'projectm'|'butterchurn'} engine
   * @param {{bg: string, fg: string}} presets preset ids (projectM) or names (butterchurn)
   */
  async start(engine, presets, reason = '') {
    for (const position of POSITIONS) {
      await this.startSlot(position, engine, presets[position], reason);
    }
  }

  async startSlot(position, engine, presetId, reason = '') {
    const slot = this.slots[position];
    let why = reason;
    if (engine === 'projectm') {
      try {
        await slot.useEngine('projectm');
        this.emit('engine', { position, engine: 'projectm', reason: '' });
        if (await this.loadPreset(position, presetId, 0)) return;
        why = `its first preset failed${this.lastError[position] ? `: ${this.lastError[position]}` : ''}`;
      } catch (e) {
        why = `projectM could not start: ${e && e.message ? e.message : e}`;
      }
    }
    await this.fallBack(position, why, engine === 'butterchurn' ? presetId : null);
  }

  /** Runs `position` on butterchurn with `presetName` (or the butterchurn default for it). */
  async fallBack(position, reason, presetName = null) {
    const slot = this.slots[position];
    const blocked = butterchurnUnsupportedReason();
    if (blocked) {
      slot.destroy();
      this.emit('engine', { position, engine: null, reason: `${reason}; ${blocked}` });
      return;
    }
    await slot.useEngine('butterchurn', { audioContext: this.audioContext });
    this.emit('engine', { position, engine: 'butterchurn', reason });
    let name = presetName;
    if (!name) {
      const index = await this.libraries.butterchurn.list();
      name = position === 'bg' ? index.defaultBackground : index.defaultForeground;
    }
    await this.loadPreset(position, name, 0);
  }

  /**
   * Loads a preset (projectM id or butterchurn name, matching the layer's engine). Resolves true when it
   * plays; false when it failed ('error' event; the layer keeps its previous preset).
   */
  async loadPreset(position, presetId, blendSeconds = 1.5) {
    const slot = this.slots[position];
    const layer = slot.layer;
    if (!layer || !presetId) return false;
    slot.pendingLoads++;
    this.emit('loading', { position, loading: true, id: presetId });
    try {
      let preset;
      if (layer.engine === 'projectm') {
        preset = await this.libraries.projectm.get(presetId);
      } else {
        preset = await this.libraries.butterchurn.get(presetId);
      }
      if (layer !== slot.layer) return false; // the engine changed meanwhile
      const result = await layer.loadPreset(preset, blendSeconds);
      if (layer !== slot.layer) return false;
      slot.presetId = presetId;
      this.lastError[position] = null;
      this.emit('preset', { position, id: presetId, engine: layer.engine });
      if (result && result.warning) this.emit('warning', { position, message: result.warning });
      return true;
    } catch (e) {
      const message = e && e.message ? e.message : String(e);
      this.lastError[position] = message;
      if (layer.engine === 'projectm') this.libraries.projectm.markFailed(presetId);
      this.emit('error', { position, id: presetId, engine: layer.engine, message, kept: slot.presetId });
      return false;
    } finally {
      slot.pendingLoads--;
      this.emit('loading', { position, loading: slot.loading });
    }
  }

  /** Feeds the newest audio to each layer and renders one frame of each (background first). */
  render() {
    for (const position of POSITIONS) {
      const slot = this.slots[position];
      const layer = slot.layer;
      if (!layer) continue;
      try {
        layer.feedAudio(this.tap);
        layer.render();
      } catch (e) {
        const message = e && e.message ? e.message : String(e);
        slot.destroy();
        this.emit('error', { position, engine: layer.engine, message: `rendering failed: ${message}` });
        if (layer.engine === 'projectm') {
          this.fallBack(position, `projectM stopped: ${message}`).catch(() => {});
        } else {
          this.emit('engine', { position, engine: null, reason: message });
        }
      }
    }
    this.frames++;
  }

  /**
   * Sets both layers' drawing-buffer size in pixels (their CSS size stays). butterchurn resizes its renderer;
   * a projectM layer builds a new projectM instance at the new size in its own module instance and reloads its
   * preset (projectM 3.1.12 cannot resize shader presets in place; see projectm-layer.js for why each layer has
   * a module of its own). A slot without a layer keeps the size on its canvas for the next engine. Returns true
   * when anything changes.
   */
  resize(width, height) {
    let changed = false;
    for (const position of POSITIONS) {
      const slot = this.slots[position];
      const { canvas, layer } = slot;
      if (canvas.width === width && canvas.height === height) continue;
      changed = true;
      if (!layer) {
        canvas.width = width;
        canvas.height = height;
        continue;
      }
      try {
        layer.resize(width, height);
      } catch (e) {
        this.emit('warning', { position, message: `could not resize: ${e && e.message ? e.message : e}` });
      }
    }
    return changed;
  }

  destroy() {
    for (const position of POSITIONS) this.slots[position].destroy();
    this.tap.disconnect();
  }
}
