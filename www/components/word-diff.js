// A word-level diff of two wordings (as NewsDiffs marks revisions): the longest
// common subsequence of their words, and the words outside it marked. Shared by the
// pair view (edited passages) and the quotes view (one quote in several articles).
// Pure functions over strings and offsets: no DOM here but `diffFragment`, which
// builds text nodes only.
import { h } from './dom.js';

/** Words (letters and digits, with inner apostrophes or hyphens) and single punctuation marks; spaces are gaps. */
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’\-.][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;
/**
 * Above this many cells (words × words) after trimming the common ends, the middle is
 * marked changed as a whole: the table would cost too much time and memory for a
 * passage that differs that much anyway.
 */
const MAX_CELLS = 4_000_000;

/** Tokens of `text` with their UTF-16 offsets: [{start, end, key}]. */
export function tokens(text) {
  const out = [];
  for (const m of text.matchAll(TOKEN)) out.push({ start: m.index, end: m.index + m[0].length, key: normalize(m[0]) });
  return out;
}

/** Typographic variants of the same mark are the same word: a curly and a straight apostrophe do not differ. */
function normalize(word) {
  return word.replace(/[’‘`]/g, "'").replace(/[“”«»„]/g, '"').replace(/[–—]/g, '-');
}

/**
 * Which tokens of `a` and of `b` belong to their longest common subsequence.
 * Returns {a: bool[], b: bool[]} (true: kept, the same on both sides).
 */
function common(ta, tb) {
  const keptA = new Array(ta.length).fill(false);
  const keptB = new Array(tb.length).fill(false);
  let lo = 0;
  while (lo < ta.length && lo < tb.length && ta[lo].key === tb[lo].key) { keptA[lo] = keptB[lo] = true; lo++; }
  let hiA = ta.length;
  let hiB = tb.length;
  while (hiA > lo && hiB > lo && ta[hiA - 1].key === tb[hiB - 1].key) { hiA--; hiB--; keptA[hiA] = keptB[hiB] = true; }
  const n = hiA - lo;
  const m = hiB - lo;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) return { a: keptA, b: keptB };
  // lengths[i][j]: LCS of a[lo+i..hiA] and b[lo+j..hiB], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = ta[lo + i].key === tb[lo + j].key
        ? lengths[(i + 1) * width + j + 1] + 1
        : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ta[lo + i].key === tb[lo + j].key) { keptA[lo + i] = keptB[lo + j] = true; i++; j++; }
    else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) i++;
    else j++;
  }
  return { a: keptA, b: keptB };
}

/**
 * The stretches of `a` and of `b` (UTF-16 offsets into each) whose words the other
 * side does not have. Neighbouring changed words form one stretch, the spaces
 * between them included. Returns {a: [{start, end}], b: [{start, end}]}.
 */
export function changedRanges(a, b) {
  const ta = tokens(a);
  const tb = tokens(b);
  const kept = common(ta, tb);
  return { a: stretches(ta, kept.a), b: stretches(tb, kept.b) };
}

function stretches(toks, kept) {
  const out = [];
  for (let i = 0; i < toks.length; i++) {
    if (kept[i]) continue;
    const last = out[out.length - 1];
    if (last && last.next === i) { last.end = toks[i].end; last.next = i + 1; }
    else out.push({ start: toks[i].start, end: toks[i].end, next: i + 1 });
  }
  return out.map(({ start, end }) => ({ start, end }));
}

/**
 * The diff as one sequence to read in order: [{type: 'same'|'del'|'ins', text}], where
 * `del` is text only `a` (the reference) has and `ins` text only `b` has. The gaps
 * between tokens come from `b`, so that reading the `same` and `ins` pieces gives `b` back.
 */
export function wordDiff(a, b) {
  const ta = tokens(a);
  const tb = tokens(b);
  const kept = common(ta, tb);
  const ops = [];
  const push = (type, text) => {
    if (!text) return;
    const last = ops[ops.length - 1];
    if (last && last.type === type) last.text += text;
    else ops.push({ type, text });
  };
  let i = 0;
  let j = 0;
  let at = 0; // how far b is written out
  // Between two kept words: a's dropped words (one run of a), then b's new words (one run of b).
  while (i < ta.length || j < tb.length) {
    const fromI = i;
    while (i < ta.length && !kept.a[i]) i++;
    if (i > fromI) push('del', a.slice(ta[fromI].start, ta[i - 1].end));
    const fromJ = j;
    while (j < tb.length && !kept.b[j]) j++;
    if (j > fromJ) {
      push('same', b.slice(at, tb[fromJ].start));
      push('ins', b.slice(tb[fromJ].start, tb[j - 1].end));
      at = tb[j - 1].end;
    }
    if (i < ta.length && j < tb.length) {
      push('same', b.slice(at, tb[j].end));
      at = tb[j].end;
      i++;
      j++;
    }
  }
  push('same', b.slice(at));
  return ops;
}

/**
 * `b` as a fragment with the words not in `a` in <ins> and the words of `a` missing
 * from `b` in <del>, each with a text label for screen readers (the colour and the
 * strike-through are for the eye only).
 */
export function diffFragment(a, b) {
  const fragment = document.createDocumentFragment();
  const ops = wordDiff(a, b);
  ops.forEach((op, k) => {
    if (op.type === 'same') {
      fragment.append(document.createTextNode(op.text));
      return;
    }
    const ins = op.type === 'ins';
    // A deleted word sits between b's words, which have no gap for it: it gets its own spaces.
    const before = !ins && k > 0 && !/\s$/.test(ops[k - 1].text) ? ' ' : '';
    const after = !ins && k < ops.length - 1 && !/^\s/.test(ops[k + 1].text) ? ' ' : '';
    fragment.append(before, h(op.type, {},
      h('span', { class: 'sr-only', text: ins ? '[differs: ' : '[first wording has: ' }),
      op.text,
      h('span', { class: 'sr-only', text: ']' })), after);
  });
  return fragment;
}
