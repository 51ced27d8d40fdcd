// Presets people bring: a dropped .milk file is checked as text, then rendered once off-screen in a worker of its
// own to measure its look (preset-look.js), and only then joins this session's projectM library (pack "your
// presets"). A file that is not a preset, that projectM cannot parse, whose shader does not compile, that is too heavy
// to draw or that hangs projectM gets its reason and never reaches the show's layers.

import { butterchurnPresetProblem } from './butterchurn-layer.js';
import { PresetLookError, renderPresetLook } from './preset-look.js';

export const OWN_PACK = 'your presets';
const MAX_PRESET_BYTES = 1024 * 1024; // real presets are a few kB to ~100 kB

/** Whether a dropped file is meant as a preset (by its name: a song is never called .milk or .json). */
export function isPresetFile(file) {
  return /\.(milk|json)$/i.test(file.name);
}

/** Why `text` is no MilkDrop preset, or null when it looks like one. */
export function presetProblem(text) {
  if (text.includes('\u0000')) return 'it is a binary file, not a MilkDrop preset';
  const fields = /^\s*(\[preset\d+\]|MILKDROP_PRESET_VERSION\s*=|zoom\s*=|fDecay\s*=|per_frame_\d+\s*=|warp_\d+\s*=)/mi;
  if (!fields.test(text)) return 'it has none of a MilkDrop preset\'s fields ([preset00], zoom=, per_frame_1=, ...)';
  return null;
}

const LOOK_FAILURES = {
  parse: (m) => `projectM cannot read it (${m})`,
  shader: (m) => `its shader does not compile (${m})`,
  heavy: (m) => m,
  hang: (m) => m,
  failed: (m) => `it could not be rendered (${m})`,
};

/**
 * Reads, checks and renders one file: resolves {name, engine: 'projectm', text, look} (look: renderPresetLook's
 * frames), {name, engine: 'butterchurn', data} (a butterchurn JSON preset: parsed and checked, not measured) or
 * {name, error} with the reason in words. Never rejects.
 */
export async function prepareOwnPreset(file) {
  const name = file.name.replace(/\.(milk|json)$/i, '');
  if (file.size === 0) return { name, error: 'it is empty' };
  if (file.size > MAX_PRESET_BYTES) {
    return { name, error: `it is ${(file.size / 1048576).toFixed(1)} MB; presets are far smaller` };
  }
  const text = await file.text();
  if (/\.json$/i.test(file.name)) return butterchurnPreset(name, text);
  const problem = presetProblem(text);
  if (problem) return { name, error: problem };
  try {
    return { name, engine: 'projectm', text, look: await renderPresetLook(text) };
  } catch (e) {
    const reason = e instanceof PresetLookError ? e.reason : 'failed';
    return { name, error: LOOK_FAILURES[reason](e.message) };
  }
}

function butterchurnPreset(name, text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { name, error: `it is not JSON (${e.message})` };
  }
  const problem = butterchurnPresetProblem(data);
  return problem ? { name, error: `it is ${problem}` } : { name, engine: 'butterchurn', data };
}

/** Adds a prepared preset to the projectM library (the menus and the browser offer it); resolves its id. */
export function addToLibrary(library, { name, text }) {
  return library.add({
    name, pack: OWN_PACK, url: URL.createObjectURL(new Blob([text], { type: 'text/plain' })),
    md2: /^\s*(warp_1|comp_1)\s*=/mi.test(text), status: null,
  });
}
