/* Presets the viewer brings, in the analysis worker (a classic script for importScripts): the engine measures each
 * one's look from the frames the page rendered of it and pairs it with the library by the coupling model
 * (EngineExports.addOwnPreset). The coupling model and the library's partner presets (~0.6 MB) are fetched the
 * first time a viewer adds a preset, not before.
 */
'use strict';

const COUPLING_MANIFEST = '/models/coupling-v1/manifest.json';
const COUPLING_WEIGHTS = '/models/coupling-v1/weights.bin';
const PARTNER_PRESETS = '/pairs/partner-presets.json';

let ownPresetsPromise = null;

/** The engine's error text of a load* export's answer ('' = loaded). */
function engineRefusal(result) {
  try {
    return JSON.parse(result).error || String(result);
  } catch (e) {
    return String(result);
  }
}

async function fetchOk(url, what) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not fetch ${what} (${url}: HTTP ${response.status})`);
  return response;
}

/** Loads the coupling model and the partner presets into the engine once per worker; rejects with why not. */
function loadOwnPresetScoring(teavm) {
  if (ownPresetsPromise === null) {
    ownPresetsPromise = (async () => {
      const [manifest, weights, partners] = await Promise.all([
        fetchOk(COUPLING_MANIFEST, 'the coupling model').then((r) => r.text()),
        fetchOk(COUPLING_WEIGHTS, 'the coupling model').then((r) => r.arrayBuffer()),
        fetchOk(PARTNER_PRESETS, 'the partner presets').then((r) => r.text()),
      ]);
      const model = teavm.exports.loadCouplingModel(manifest, new Uint8Array(weights));
      if (model !== '') throw new Error(`the coupling model was rejected: ${engineRefusal(model)}`);
      const loaded = teavm.exports.loadPartnerPresets(partners);
      if (loaded !== '') throw new Error(`the partner presets were rejected: ${engineRefusal(loaded)}`);
    })();
    ownPresetsPromise.catch(() => { ownPresetsPromise = null; }); // tried again with the next preset
  }
  return ownPresetsPromise;
}

/**
 * One preset into the engine: {id, url, text, frames: Uint8Array, width, height, energies: number[]} ->
 * the engine's {look, axes, usable, pairs}; throws with the engine's message.
 */
function addOwnPresetToEngine(teavm, { id, url, text, frames, width, height, energies }) {
  const answer = JSON.parse(teavm.exports.addOwnPreset(id, url, text, frames, width, height,
    Float32Array.from(energies)));
  if (answer.error !== undefined) throw new Error(answer.error);
  return answer;
}
