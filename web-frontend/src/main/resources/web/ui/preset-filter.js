// Which presets the preset browser lists: text search over name and author, the engine's look axes (each
// preset's percentile on motion, brightness, detail, colour, from the preset index) in thirds, its affinity to
// a style (computed by the engine's StyleAffinity at build time, also in the index) and the viewer's lists.

/** A look axis level: the preset's percentile on that axis falls in [from, to]. */
export const LOOK_LEVELS = { low: [0, 1 / 3], medium: [1 / 3, 2 / 3], high: [2 / 3, 1] };
/** A preset suits a style when its affinity to the style's prototype is at least this (1 = on the prototype). */
export const STYLE_MIN_AFFINITY = 0.5;

/** Lower-case words of a query. */
function words(text) {
  return String(text || '').toLowerCase().split(/\s+/).filter((w) => w !== '');
}

/**
 * The presets matching every criterion, by name or (with a style) by affinity, best first.
 * @param {object[]} presets index entries {id, name, author?, pack, axes?, affinity?}
 * @param {{text?: string, author?: string, look?: Object<string, string>, style?: string,
 *   list?: 'all'|'favourites'|'blocked'}} query text: words found in the name or author; author: words found in
 *   the author alone; look: axis name → 'low' | 'medium' | 'high' ('' or absent: any)
 * @param {{axes: string[], styles: string[]}} index the index's lookAxes and styles (the order of axes/affinity)
 * @param {{isFavourite: (id: string) => boolean, isBlocked: (id: string) => boolean}} preferences
 */
export function filterPresets(presets, query, index, preferences) {
  const terms = words(query.text);
  const authorTerms = words(query.author);
  const looks = Object.entries(query.look || {})
    .filter(([axis, level]) => LOOK_LEVELS[level] && index.axes.includes(axis))
    .map(([axis, level]) => [index.axes.indexOf(axis), LOOK_LEVELS[level]]);
  const styleIndex = query.style ? index.styles.indexOf(query.style) : -1;
  const list = query.list || 'all';
  const out = presets.filter((p) => {
    if (list === 'favourites' && !preferences.isFavourite(p.id)) return false;
    if (list === 'blocked' && !preferences.isBlocked(p.id)) return false;
    if (authorTerms.length > 0) {
      const author = (p.author || '').toLowerCase();
      if (!authorTerms.every((t) => author.includes(t))) return false;
    }
    if (terms.length > 0) {
      const haystack = `${p.name} ${p.author || ''}`.toLowerCase();
      if (!terms.every((t) => haystack.includes(t))) return false;
    }
    // A preset without a measured look cannot match a look or style filter: it was never measured.
    if (looks.length > 0 || styleIndex >= 0) {
      if (!Array.isArray(p.axes) || !Array.isArray(p.affinity)) return false;
      for (const [axis, [from, to]] of looks) {
        if (!(p.axes[axis] >= from && p.axes[axis] <= to)) return false;
      }
      if (styleIndex >= 0 && !(p.affinity[styleIndex] >= STYLE_MIN_AFFINITY)) return false;
    }
    return true;
  });
  if (styleIndex >= 0) out.sort((a, b) => b.affinity[styleIndex] - a.affinity[styleIndex]);
  return out;
}

/** The library's authors, most presets first (the author field's suggestions). */
export function authorsOf(presets) {
  const counts = new Map();
  for (const p of presets) if (p.author) counts.set(p.author, (counts.get(p.author) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([a]) => a);
}

/** The style a preset suits best: {style, affinity}, or null without a measured look. */
export function bestStyle(preset, styles) {
  if (!Array.isArray(preset.affinity)) return null;
  let best = 0;
  preset.affinity.forEach((a, i) => { if (a > preset.affinity[best]) best = i; });
  return { style: styles[best], affinity: preset.affinity[best] };
}
