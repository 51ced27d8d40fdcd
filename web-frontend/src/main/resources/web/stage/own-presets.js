// Presets people bring: .milk files dropped on the page join this session's projectM library (pack "your
// presets"), so the preset menus offer them. Each is checked as text here; loading it on a layer then compiles it,
// and a preset projectM refuses is reported by the layer (the layer keeps its picture, the menu marks it failed).

export const OWN_PACK = 'your presets';
const MAX_PRESET_BYTES = 1024 * 1024; // real presets are a few kB to ~100 kB

/** Whether a dropped file is meant as a preset (by its name: a song is never called .milk). */
export function isPresetFile(file) {
  return /\.milk$/i.test(file.name);
}

/** Why `text` is no MilkDrop preset, or null when it looks like one. */
export function presetProblem(text) {
  if (text.includes('\u0000')) return 'it is a binary file, not a MilkDrop preset';
  const fields = /^\s*(\[preset\d+\]|MILKDROP_PRESET_VERSION\s*=|zoom\s*=|fDecay\s*=|per_frame_\d+\s*=|warp_\d+\s*=)/mi;
  if (!fields.test(text)) return 'it has none of a MilkDrop preset\'s fields ([preset00], zoom=, per_frame_1=, ...)';
  return null;
}

/**
 * Adds the files to the projectM library: resolves [{name, id} | {name, error}] in the files' order. A file that
 * is empty, too large or not a preset gets its reason and is left out; the others never depend on it.
 * @param {File[]} files
 * @param {import('./projectm-preset-library.js').ProjectMPresetLibrary} library
 */
export async function addOwnPresets(files, library) {
  const results = [];
  for (const file of files) {
    if (file.size === 0) {
      results.push({ name: file.name, error: 'it is empty' });
      continue;
    }
    if (file.size > MAX_PRESET_BYTES) {
      results.push({ name: file.name, error: `it is ${(file.size / 1048576).toFixed(1)} MB; presets are far smaller` });
      continue;
    }
    const text = await file.text();
    const problem = presetProblem(text);
    if (problem) {
      results.push({ name: file.name, error: problem });
      continue;
    }
    const name = file.name.replace(/\.milk$/i, '');
    const id = await library.add({
      name, pack: OWN_PACK, url: URL.createObjectURL(new Blob([text], { type: 'text/plain' })),
      md2: /^\s*(warp_1|comp_1)\s*=/mi.test(text), status: null,
    });
    results.push({ name: file.name, id });
  }
  return results;
}
