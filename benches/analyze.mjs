// `analyze` through wasm under Node (pkg/, built by `make build`): the page's path,
// on the workloads of benches/analyze.rs (the seeds; the first 100 and 1,000 PAN
// 2013 documents in the order of the pairs file). For each: the best time, MB/s,
// and the ratio to the native time benches/analyze.rs wrote to
// target/analyze-bench.json (run it first: `make bench-analyze` runs both).
//
// Where the wasm time goes beyond the engines: the report crosses to JavaScript
// through serde-wasm-bindgen, object by object. Its size (objects, JSON bytes) and
// what building the same objects costs JavaScript alone (`JSON.parse` of the
// report's JSON text, the cheapest way V8 builds them) bound that share.
// A benchmark, not a test: it checks what it computes, never how fast.
//
//   node benches/analyze.mjs     (PARALLAX_SHARED, PARALLAX_PKG as for termfreq.mjs)

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const shared = process.env.PARALLAX_SHARED ?? path.join(root, '..', 'shared');
const pkg = path.resolve(root, process.env.PARALLAX_PKG ?? 'pkg');
const { initSync, analyze } = await import(path.join(pkg, 'parallax.js'));
initSync({ module: fs.readFileSync(path.join(pkg, 'parallax_bg.wasm')) });

const read = (file) => fs.readFileSync(file, 'utf8');

function seeds() {
  const dir = path.join(shared, 'seeds');
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => ({ id: n.replace(/\.txt$/, ''), text: read(path.join(dir, n)) }));
}

/** As `pan_articles` in benches/analyze.rs. */
function pan(count) {
  const dir = path.join(shared, 'data', 'pan13-train');
  const out = [];
  const seen = new Set();
  for (const line of read(path.join(dir, 'pairs')).split('\n')) {
    const names = line.trim().split(/\s+/).filter(Boolean);
    names.slice(0, 2).forEach((name, i) => {
      if (out.length < count && !seen.has(name)) {
        seen.add(name);
        out.push({ id: name, text: read(path.join(dir, i === 0 ? 'susp' : 'src', name)) });
      }
    });
  }
  if (out.length !== count) throw new Error(`${out.length} PAN documents, not ${count}`);
  return out;
}

function best(runs, f) {
  let out = f();
  let time = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    out = f();
    time = Math.min(time, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { time, out };
}

function objects(value) {
  if (Array.isArray(value)) return 1 + value.reduce((s, v) => s + objects(v), 0);
  if (value && typeof value === 'object') return 1 + Object.values(value).reduce((s, v) => s + objects(v), 0);
  return 0;
}

let native = [];
try {
  native = JSON.parse(read(path.join(root, 'target', 'analyze-bench.json')));
} catch {
  console.log('no target/analyze-bench.json: run `cargo bench --bench analyze` for the wasm/native ratio');
}

console.log(`node ${process.version}, ${pkg}, best of the runs after a warm-up`);
for (const [what, articles, runs] of [
  ['seeds', seeds(), 7],
  ['PAN, 100 docs', pan(100), 5],
  ['PAN, 1,000 docs', pan(1000), 2],
]) {
  const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text, 'utf8'), 0);
  const { time, out: report } = best(runs, () => analyze(articles));
  if (report.documents.length !== articles.length) throw new Error(`${what}: documents missing`);
  const json = JSON.stringify(report);
  const parse = best(runs, () => JSON.parse(json));
  const peer = native.find((n) => n.workload === what && n.articles === articles.length);
  const ratio = peer ? `${(time * 1e3 / peer.ms).toFixed(2)}x native (${peer.ms.toFixed(1)} ms)` : 'no native time';
  console.log(
    `${what.padEnd(16)} ${String(articles.length).padStart(5)} articles ${String(bytes).padStart(9)} bytes  analyze ${(time * 1e3).toFixed(1).padStart(8)} ms ${(bytes / 1e6 / time).toFixed(2).padStart(6)} MB/s  ${ratio}`,
  );
  console.log(
    `${''.padEnd(16)} report: ${objects(report)} objects, ${json.length} bytes of JSON (${report.pairs.length} pairs); JSON.parse of it ${(parse.time * 1e3).toFixed(1)} ms = ${((100 * parse.time) / time).toFixed(1)}% of analyze`,
  );
}
