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

// The text goes in as its UTF-8 bytes: `TextEncoder` encodes it in one native
// call, where the glue would copy a string into the engine a character at a time
// (a tenth of the instructions of a news-sized article's `tokenize`). Anything
// but a string is passed as it is, for the engine to refuse with `invalid-input`.
const encoder = new TextEncoder();
const utf8 = (text) => (typeof text === 'string' ? encoder.encode(text) : text);

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
