// termFrequencies in wasm (pkg/, built by `make build`) against wink-nlp, in one
// Node process, on the same 5 MiB of English prose as benches/text.rs (the PAN 2013
// suspicious documents concatenated in sorted order). Prints MB/s for each and
// the ratio. A benchmark, not a test: it checks what it counts, never how fast.
//
//   node benches/termfreq.mjs        (or `make bench`)

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { initSync, termFrequencies } from '../pkg/parallax.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CORPUS_BYTES = 5 * 1024 * 1024;

function corpus() {
  const dir = path.join(root, '..', 'shared', 'data', 'pan13-train', 'susp');
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  const parts = [];
  let size = 0;
  for (const name of names) {
    if (size >= CORPUS_BYTES) break;
    const bytes = fs.readFileSync(path.join(dir, name));
    parts.push(bytes, Buffer.from('\n'));
    size += bytes.length + 1;
  }
  // The same bytes as the Rust benchmark, decoded the same (lossily).
  return new TextDecoder('utf-8').decode(Buffer.concat(parts).subarray(0, CORPUS_BYTES));
}

function best(runs, f) {
  let out = f(); // warm-up (JIT, wasm tier-up)
  let time = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    out = f();
    time = Math.min(time, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { time, out };
}

initSync({ module: fs.readFileSync(path.join(root, 'pkg', 'parallax_bg.wasm')) });
const nlp = winkNLP(model);
const its = nlp.its;
const as = nlp.as;

const text = corpus();
const bytes = Buffer.byteLength(text, 'utf8');
const mb = bytes / 1e6;
console.log(`corpus: ${bytes} bytes (${mb.toFixed(2)} MB), node ${process.version}, best of the runs after a warm-up`);

const ours = best(10, () => termFrequencies(text));
const total = ours.out.reduce((s, t) => s + t.count, 0);
if (!(total > 300000) || ours.out[0].count < ours.out[ours.out.length - 1].count) {
  throw new Error(`termFrequencies looks wrong: ${total} terms`);
}
const all = best(10, () => termFrequencies(text, { stopWords: false }));
const allTotal = all.out.reduce((s, t) => s + t.count, 0);
const wink = best(3, () => nlp.readDoc(text).tokens().out(its.normal, as.freqTable));
const winkTotal = wink.out.reduce((s, [, n]) => s + n, 0);
if (!(winkTotal > 800000)) throw new Error(`wink-nlp looks wrong: ${winkTotal} tokens`);

const row = (name, r, n, distinct) =>
  console.log(`${name.padEnd(44)} ${(mb / r.time).toFixed(1).padStart(7)} MB/s  ${(r.time * 1e3).toFixed(0).padStart(6)} ms  ${n} counted, ${distinct} distinct`);
row('parallax termFrequencies (wasm)', ours, total, ours.out.length);
row('parallax termFrequencies stopWords:false', all, allTotal, all.out.length);
row('wink-nlp readDoc().tokens() freqTable', wink, winkTotal, wink.out.length);
console.log(`ratio parallax / wink-nlp: ${(wink.time / ours.time).toFixed(1)}x (stop words kept: ${(wink.time / all.time).toFixed(1)}x)`);
