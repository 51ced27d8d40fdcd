// The installation's stable identity and A/B arm. An installation is this browser profile on this site: a random
// id made once and kept in localStorage, never sent anywhere. Without an A/B test every installation is in the
// learned arm. When the server runs one (./aivj serve --ab-test: /experiment.json), the arm follows from the id
// alone (FNV-1a hash, even → learned, odd → weighted-random), so it stays the same across visits and each arm gets
// half the installations. `?arm=learned|weighted-random|recommender` in the page's URL overrides it for one visit
// (demos, tests).

export const ARMS = ['learned', 'weighted-random', 'recommender'];
const KEY = 'aivj.installation';

function newId() {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** FNV-1a, 32 bits: a stable hash of the id (no crypto needed, the same in every browser). */
export function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function armOf(id) {
  return hash(id) % 2 === 0 ? 'learned' : 'weighted-random';
}

/**
 * {id, arm, assigned: whether the arm is the installation's own (not overridden by the URL)}.
 * @param {{search?: string, abTest?: boolean}} [options] abTest: the server runs the A/B test
 */
export function installation({ search = location.search, abTest = false } = {}) {
  let id = null;
  try {
    id = localStorage.getItem(KEY);
    if (!id) {
      id = newId();
      localStorage.setItem(KEY, id);
    }
  } catch (e) {
    id = id || newId(); // storage refused: an id for this visit
  }
  const override = new URLSearchParams(search).get('arm');
  if (ARMS.includes(override)) return { id, arm: override, assigned: false };
  return { id, arm: abTest ? armOf(id) : 'learned', assigned: true };
}
