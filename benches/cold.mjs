// The page's first analysis is the engine's coldest: a fresh worker's first call
// runs code V8 has only just compiled, by its baseline compiler (Liftoff), and by
// default compiles each function when it is first called. This prints, for the
// lean engine (the page's first load) and the full one, the seeds' `analyze` in a
// fresh Node process: compile, instantiate, the first call, and the best of the
// next ones (by then the hot functions are optimized), with V8's defaults, with
// every function compiled before the first call (--no-wasm-lazy-compilation), and
// with the optimizing compiler only (--no-liftoff). Median of RUNS processes each,
// the processes taking turns. A benchmark that prints numbers, not a timed test.
//
//   node benches/cold.mjs [RUNS]       (needs `make build`; PARALLAX_SHARED, PARALLAX_PKG as for termfreq.mjs)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const shared = process.env.PARALLAX_SHARED ?? path.join(root, '..', 'shared');
const pkg = path.resolve(root, process.env.PARALLAX_PKG ?? 'pkg');
const runs = Number(process.argv[2] ?? 5);

if (process.env.COLD_CHILD) {
  // One fresh process: one engine, timed from its bytes to its warm answer.
  const { initSync, analyze } = await import(path.join(pkg, 'parallax.js'));
  const dir = path.join(shared, 'seeds');
  const articles = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ id: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  if (articles.length !== 5) throw new Error(`${dir}: expected the 5 seed articles`);
  const bytes = fs.readFileSync(path.join(pkg, process.env.COLD_CHILD));
  const time = (f) => {
    const t = performance.now();
    const out = f();
    return [performance.now() - t, out];
  };
  const [compile, module] = time(() => new WebAssembly.Module(bytes));
  const [instantiate] = time(() => initSync({ module }));
  const [first, report] = time(() => analyze(articles, {}));
  if (report.pairs.length !== 10) throw new Error(`${report.pairs.length} pairs, expected 10`);
  let warm = Infinity;
  for (let i = 0; i < 8; i++) warm = Math.min(warm, time(() => analyze(articles, {}))[0]);
  console.log(JSON.stringify({ compile, instantiate, first, warm }));
  process.exit(0);
}

const engines = [['lean', 'parallax_lean_bg.wasm'], ['full', 'parallax_bg.wasm']];
const modes = [['V8 defaults', []], ['eager compile', ['--no-wasm-lazy-compilation']], ['optimizing only', ['--no-liftoff']]];
const results = new Map();
for (let i = 0; i < runs; i++) {
  for (const [engine, file] of engines) {
    for (const [mode, flags] of modes) {
      const out = execFileSync(process.execPath, [...flags, fileURLToPath(import.meta.url)], { env: { ...process.env, COLD_CHILD: file } });
      const key = `${engine}, ${mode}`;
      results.set(key, [...(results.get(key) ?? []), JSON.parse(out)]);
    }
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x) => `${x.toFixed(0).padStart(5)} ms`;
console.log(`node ${process.version}, ${pkg}: the seeds' analyze in a fresh process, median of ${runs}`);
console.log(`${'engine, V8 setting'.padEnd(28)} ${'compile'.padStart(8)} ${'instantiate'.padStart(12)} ${'first call'.padStart(11)} ${'warm'.padStart(8)}  first/warm`);
for (const [key, rows] of results) {
  const m = (k) => median(rows.map((r) => r[k]));
  console.log(`${key.padEnd(28)} ${ms(m('compile')).padStart(8)} ${ms(m('instantiate')).padStart(12)} ${ms(m('first')).padStart(11)} ${ms(m('warm')).padStart(8)}  ${(m('first') / m('warm')).toFixed(1).padStart(6)}x`);
}
