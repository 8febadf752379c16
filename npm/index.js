// The package's entry (the `default` condition of its exports; node.js adds the
// engine's loading under Node): the engine's glue as wasm-bindgen writes it, and
// the two exports whose lists are built here.
//
// `tokenize` and `termFrequencies` return thousands of small objects per
// article. The engine hands each list over in bulk, its terms in one string
// and its numbers in one Uint32Array (src/wasm.rs, `packed`); the objects are
// made here in one loop. As JSON text for JSON.parse the same lists took a
// third of a news-sized article's `termFrequencies`.
import { termFrequenciesPacked, tokenizePacked } from './parallax.js';

export * from './parallax.js';
export { default } from './parallax.js';

// The text goes in as its UTF-8 bytes, encoded by `TextEncoder.encodeInto` in one
// native call, where the glue would copy a string into the engine a character at
// a time up to its first character outside ASCII (a tenth of the instructions of
// a news-sized article's `tokenize`). `encodeInto` a reused buffer rather than
// `encode`, which took 2-3 times as long under Node 20. Anything but a string is
// passed as it is, for the engine to refuse with `invalid-input`.
const encoder = new TextEncoder();
// Kept, from the first call, for texts up to 64K UTF-16 units (a news article);
// a longer one gets a buffer of its own, so that one large text does not hold its
// memory for good.
const KEPT_UNITS = 65536;
let kept = null;
function utf8(text) {
  if (typeof text !== 'string') return text;
  // At most three bytes per UTF-16 unit.
  const buffer = text.length <= KEPT_UNITS ? (kept ??= new Uint8Array(3 * KEPT_UNITS)) : new Uint8Array(3 * text.length);
  return buffer.subarray(0, encoder.encodeInto(text, buffer).written);
}

/**
 * The words of `text` as `[{term, start, end}]`, offsets in UTF-16 code units.
 * Options: `{language, stopWords, extraStopWords, stem, foldAccents}`; every
 * word is kept unless `stopWords: true` is given.
 */
export function tokenize(text, options) {
  const [terms, numbers] = tokenizePacked(utf8(text), options);
  return unpack(terms, numbers, 3, (term, n, i) => ({ term, start: n[i + 1], end: n[i + 2] }));
}

/**
 * The content terms of `text` and their counts, `[{term, count}]`, most
 * frequent first. Options as for `tokenize`; stop words are dropped unless
 * `stopWords: false`.
 */
export function termFrequencies(text, options) {
  const [terms, numbers] = termFrequenciesPacked(utf8(text), options);
  return unpack(terms, numbers, 2, (term, n, i) => ({ term, count: n[i + 1] }));
}

/** The items of a packed list: each takes `width` numbers, the first its term's length. */
function unpack(terms, numbers, width, item) {
  const out = new Array(numbers.length / width);
  let at = 0;
  for (let k = 0, i = 0; i < numbers.length; k++, i += width) {
    const end = at + numbers[i];
    out[k] = item(terms.slice(at, end), numbers, i);
    at = end;
  }
  return out;
}
