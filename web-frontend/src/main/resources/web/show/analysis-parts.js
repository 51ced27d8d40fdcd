// Parts of an engine analysis, read defensively: number series, and the music model's segments (style, confidence,
// visual parameters per stretch of the song).

/** Finite numbers from an array-like, or an empty array. */
export function finiteSeries(values) {
  if (!Array.isArray(values)) {
    return [];
  }
  return values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0));
}

/** The analysis' segments, read defensively (bad entries dropped). */
export function segmentsOf(analysis) {
  const raw = analysis && Array.isArray(analysis.segments) ? analysis.segments : [];
  return raw.filter((s) => s && Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start
    && typeof s.style === 'string');
}

/** The segment playing at `seconds` (the last one after its end, the first before its start), or null. */
export function segmentAt(segments, seconds) {
  if (segments.length === 0) return null;
  for (const s of segments) {
    if (seconds < s.end) return s;
  }
  return segments[segments.length - 1];
}
