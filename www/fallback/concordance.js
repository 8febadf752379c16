// STOPGAP, delete when the engine exports `concordance` (the worker then uses it):
// keyword in context in plain JavaScript, case-insensitive, on whole words only.
// It does not know the engine's normalization or stemming.

const CONTEXT = 50;
const LIMIT = 500;

/** Lines `[{id, start, end, left, match, right}]` (UTF-16 offsets) for `term` in `articles`. */
export function concordance(articles, term, limit = LIMIT) {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
  const lines = [];
  for (const { id, text } of articles) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      lines.push({
        id, start, end,
        left: text.slice(Math.max(0, start - CONTEXT), start),
        match: m[0],
        right: text.slice(end, end + CONTEXT),
      });
      if (lines.length >= limit) return lines;
    }
  }
  return lines;
}
