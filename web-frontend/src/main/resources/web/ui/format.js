// Numbers as the page and the widget write them.

/** Seconds as m:ss; '–' when unknown. */
export function formatTime(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** A preset id as a short name: "presets_milkdrop/aderrasi-agitator" → "aderrasi agitator". */
export function presetLabel(id) {
  return String(id).split('/').pop().replace(/-/g, ' ');
}
