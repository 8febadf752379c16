// `analyze` in wasm under Node, in one thread, on a JSON Lines set of articles
// (default target/articles-1000.jsonl, written by benches/make-articles.mjs):
// the time, the pairs aligned and the report's size, then the comparison only
// (`comparisonOnly`, the page's first answer). Target (issue 11): 1,000
// news-sized articles in ≤ 5 s.
//
//   node benches/analyze-1000.mjs [FILE]          (needs pkg/: make build)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? path.join(root, 'target/articles-1000.jsonl');
const { initSync, analyze } = await import(path.join(root, 'pkg/parallax.js'));
initSync({ module: fs.readFileSync(path.join(root, 'pkg/parallax_bg.wasm')) });

const articles = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const chars = articles.reduce((s, a) => s + a.text.length, 0);
// Warm-up on a small part: the first call compiles the engine's hot paths.
analyze(articles.slice(0, 20), {});

const started = performance.now();
const cpuBefore = process.cpuUsage();
const report = analyze(articles, {});
const seconds = (performance.now() - started) / 1000;
// CPU time too: on a machine shared with other jobs the wall clock says more about them.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const bytes = JSON.stringify(report).length;
const related = report.pairs.filter((p) => p.passages.length > 0).length;
if (report.documents.length !== articles.length) throw new Error('the report does not describe every article');
console.log(`wasm analyze (Node, one thread): ${articles.length} articles, ${(chars / 1e6).toFixed(2)} million characters`);
console.log(`  ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (${(chars / 1e6 / cpuSeconds).toFixed(2)} M chars per CPU second), target ≤ 5 s`);
console.log(`  ${report.pairs.length} pairs aligned of ${(articles.length * (articles.length - 1)) / 2}, ${related} with shared passages; report ${(bytes / 1e6).toFixed(1)} MB as JSON`);
// The comparison only (the page's first answer for a large set: `comparisonOnly`),
// timed the same way, after the whole report (the engine is as warm for both).
const onlyStarted = performance.now();
const only = analyze(articles, { comparisonOnly: true });
const onlySeconds = (performance.now() - onlyStarted) / 1000;
if (JSON.stringify(only.pairs) !== JSON.stringify(report.pairs)) throw new Error('the comparison only has other pairs than the whole report');
console.log(`  the comparison only (comparisonOnly: true): ${onlySeconds.toFixed(2)} s wall, the same ${only.pairs.length} pairs`);
