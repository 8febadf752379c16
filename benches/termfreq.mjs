// `tokenize` and `termFrequencies` in wasm (pkg/, built by `make build`) against
// wink-nlp doing tokenization only (`winkNLP(model, [])`: the pipe's later stages
// — sentences, negation, sentiment, entities, POS — switched off), in one Node
// process, the same runs for both, interleaved so that both see the same machine.
//
// Two workloads:
// - articles: the PAN 2013 suspicious documents of news size (5–20 KB), in sorted
//   order, until 5 MB: one call per article, as a page or a script calls it;
// - big text: the first 5 MiB of all of them concatenated, one call.
//
// Peers: `tokenize` against `readDoc(text).tokens().out(its.normal)` (the words,
// lower-cased); `termFrequencies` against `.out(its.normal, as.freqTable)` (the
// counts, most frequent first). Each row prints MB/s and the ratio to its peer.
// The lever rows measure what language detection costs (`language: 'en'` skips it).
// A benchmark, not a test: it checks what it counts, never how fast.
//
//   node benches/termfreq.mjs        (or `make bench-wasm`)
//   PARALLAX_SHARED=/path/to/shared PARALLAX_PKG=pkg-before node benches/termfreq.mjs

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const shared = process.env.PARALLAX_SHARED ?? path.join(root, '..', 'shared');
const pkg = path.resolve(root, process.env.PARALLAX_PKG ?? 'pkg');
// The package's entry (index.js: the lists unpacked from the engine's bulk form);
// a build from before it had the glue alone.
const entry = fs.existsSync(path.join(pkg, 'index.js')) ? 'index.js' : 'parallax.js';
const { initSync, tokenize, termFrequencies } = await import(path.join(pkg, entry));
initSync({ module: fs.readFileSync(path.join(pkg, 'parallax_bg.wasm')) });

const RUNS = Number(process.env.RUNS ?? 5);
const CORPUS_BYTES = 5 * 1024 * 1024;
const ARTICLE_BYTES = [5_000, 20_000];
const dir = path.join(shared, 'data', 'pan13-train', 'susp');
const names = fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
const decoder = new TextDecoder('utf-8');

function articles() {
  const out = [];
  let size = 0;
  for (const name of names) {
    if (size >= 5e6) break;
    const bytes = fs.readFileSync(path.join(dir, name));
    if (bytes.length < ARTICLE_BYTES[0] || bytes.length > ARTICLE_BYTES[1]) continue;
    out.push(decoder.decode(bytes));
    size += bytes.length;
  }
  return out;
}

/** The same bytes as benches/text.rs, decoded the same (lossily). */
function bigText() {
  const parts = [];
  let size = 0;
  for (const name of names) {
    if (size >= CORPUS_BYTES) break;
    const bytes = fs.readFileSync(path.join(dir, name));
    parts.push(bytes, Buffer.from('\n'));
    size += bytes.length + 1;
  }
  return decoder.decode(Buffer.concat(parts).subarray(0, CORPUS_BYTES));
}

const nlp = winkNLP(model, []);
const { its, as } = nlp;

// Each function maps a text to the number of items it produced, so that every
// result is used and checked.
const subjects = {
  tokenize: {
    parallax: (t) => tokenize(t).length,
    'parallax, language: en': (t) => tokenize(t, { language: 'en' }).length,
    'wink-nlp tokens().out(its.normal)': (t) => nlp.readDoc(t).tokens().out(its.normal).length,
  },
  termFrequencies: {
    parallax: (t) => count(termFrequencies(t)),
    'parallax, language: en': (t) => count(termFrequencies(t, { language: 'en' })),
    'parallax, stopWords: false': (t) => count(termFrequencies(t, { stopWords: false })),
    'wink-nlp out(its.normal, as.freqTable)': (t) =>
      nlp.readDoc(t).tokens().out(its.normal, as.freqTable).reduce((s, [, n]) => s + n, 0),
  },
};

function count(terms) {
  let n = 0;
  for (const t of terms) n += t.count;
  return n;
}

// The collector, called before every timed run: each run starts from a swept
// heap, so that none pays for the garbage the one before it left (wink-nlp's
// documents, our lists). Without it the same build's per-article `tokenize`
// measured 100 or 175 ms a round from one sitting to the next.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc');

/** Best time of each function over `RUNS` rounds (after a warm-up round), the
 * functions taking turns within each round, each run from a swept heap. */
function race(fns, texts) {
  const run = (f) => {
    collect();
    const start = process.hrtime.bigint();
    let items = 0;
    for (const t of texts) items += f(t);
    return { time: Number(process.hrtime.bigint() - start) / 1e9, items };
  };
  const best = Object.fromEntries(Object.entries(fns).map(([k, f]) => [k, run(f)]));
  for (let i = 0; i < RUNS; i++) {
    for (const [k, f] of Object.entries(fns)) {
      const r = run(f);
      // wink-nlp's count drifts by a few tokens from one call to the next (its
      // tokenizer keeps state between documents), so only ours is held to it.
      if (!k.startsWith('wink') && r.items !== best[k].items) throw new Error(`${k}: ${r.items} items, then ${best[k].items}`);
      if (r.time < best[k].time) best[k] = r;
    }
  }
  return best;
}

const workloads = { articles: articles(), 'big text': [bigText()] };
console.log(`node ${process.version}, ${path.join(pkg, entry)}, best of ${RUNS} interleaved rounds after a warm-up, each run from a swept heap`);
for (const [name, texts] of Object.entries(workloads)) {
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t, 'utf8'), 0);
  console.log(`\n${name}: ${texts.length} call(s) per round, ${bytes} bytes (${(bytes / 1e6).toFixed(2)} MB)`);
  for (const [fn, fns] of Object.entries(subjects)) {
    const best = race(fns, texts);
    const peer = Object.entries(best).find(([k]) => k.startsWith('wink'))[1];
    if (!(best.parallax.items > 0.1 * peer.items)) throw new Error(`${fn}: too few items`);
    for (const [k, r] of Object.entries(best)) {
      const mbs = bytes / 1e6 / r.time;
      const ratio = (peer.time / r.time).toFixed(1);
      console.log(
        `  ${`${fn} ${k}`.padEnd(56)} ${mbs.toFixed(1).padStart(7)} MB/s ${(r.time * 1e3).toFixed(0).padStart(6)} ms ${String(r.items).padStart(8)} items  ${ratio.padStart(5)}x peer`,
      );
    }
  }
}
