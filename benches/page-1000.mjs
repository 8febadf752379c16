// The page with a thousand articles, in headless Chromium: a JSON Lines file
// (default target/articles-1000.jsonl, from benches/make-articles.mjs) chosen in
// "Add many articles", and where the time goes until the comparison is on screen:
// reading the files (decode on the worker pool), the analysis in the engine's
// worker, and drawing the views; then a screenshot. Target (issue 11): ≤ 3 s.
// A large set's comparison is shown before what reads each article in depth (terms,
// quotes, facts, relations; engine-client.js, EARLY_FROM): both times are printed;
// --no-early shows the whole report at once.
//
//   node benches/page-1000.mjs [FILE] [SCREENSHOT] [--alone | --helper]     (needs `make build`)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tools/serve.mjs';
import { launch } from '../tests/support/browser.mjs';
import { zip } from '../tests/support/zip.mjs';
import { readFileSync } from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const file = args[0] ?? path.join(root, 'target/articles-1000.jsonl');
const shot = args[1] ?? '/tmp/scaleweb-1000.png';
const LIMIT = 15 * 60_000;

const server = await serve(path.join(root, 'www'), 0);
const browser = await launch({ origin: new URL(server.url).origin, viewport: { width: 1280, height: 1000 }, serviceWorkers: 'block' });
const page = browser.watch(await browser.context.newPage());
await page.goto(server.url);
// The seeds first: the engine is loaded and warm, as for a reader who has the page open.
await page.waitForFunction(() => document.querySelector('parallax-compare')?.report?.documents?.length === 5, null, { timeout: 60_000 });
const cores = await page.evaluate(() => navigator.hardwareConcurrency);

// Reading alone: the same articles as a .zip of 1,000 .txt files, decoded by a pool
// of one worker, then of one per core (the page's), best of two runs each.
const articles = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const archive = zip(articles.map((a, i) => ({ name: `set/${String(i).padStart(4, '0')}.txt`, data: a.text })));
const pool = await page.evaluate(async ({ bytes, cores }) => {
  const { readBulk } = await import('./bulk-input.js');
  const { WorkerPool } = await import('./worker-pool.js');
  const file = new File([new Uint8Array(bytes)], 'set.zip');
  const out = {};
  for (const size of [1, cores]) {
    let best = Infinity;
    let read = 0;
    for (let run = 0; run < 2; run++) {
      const workers = new WorkerPool({ size });
      // Every worker started and loaded first: the engine's start is not the reading.
      await Promise.all(Array.from({ length: size }, () => workers.run('info')));
      const t = performance.now();
      const { articles } = await readBulk([file], { decodeFile: (b, o) => workers.run('decode', { bytes: b, options: o }) });
      best = Math.min(best, performance.now() - t);
      read = articles.length;
      workers.terminate();
    }
    out[size] = { ms: best, read };
  }
  return out;
}, { bytes: [...archive], cores });
// --alone: the analysis in the element's worker only; --helper: shared with a helper
// worker (engine-client.js, on by itself only above two cores), to compare.
const helpFrom = process.argv.includes('--alone') ? 0 : process.argv.includes('--helper') ? 200 : undefined;
const noEarly = process.argv.includes('--no-early');
await page.evaluate(([helpFrom, noEarly]) => {
  const el = document.querySelector('parallax-compare');
  if (helpFrom !== undefined) el.engine.helpFrom = helpFrom;
  if (noEarly) el.engine.earlyFrom = 0;
  el.timeLimit = 0; // measured, not stopped
  window.times = { busy: [] };
  el.addEventListener('parallax-busy', (e) => window.times.busy.push([e.detail.busy, performance.now()]));
  el.addEventListener('parallax-report', (e) => {
    if (e.detail.report.documents.length < 100) return;
    window.times.report = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.times.painted = performance.now(); }));
  });
}, [helpFrom, noEarly]);
const t0 = await page.evaluate(() => performance.now());
await page.setInputFiles('input[name=archive]', file);
await page.waitForFunction(() => window.times.painted, null, { timeout: LIMIT, polling: 200 });
const t = await page.evaluate(() => ({
  ...window.times,
  read: performance.getEntriesByName('parallax:bulk-read').at(-1),
  // The first comparison painted after the file was chosen (the comparison only, or whole).
  shown: performance.getEntriesByName('parallax:comparison-painted').find((m) => m.startTime > window.times.busy[0][1])?.startTime,
  articles: document.querySelector('parallax-compare').articles.length,
  pairs: document.querySelector('parallax-compare').report.pairs.length,
  dom: document.querySelector('parallax-compare').shadowRoot.querySelectorAll('*').length,
  worker: document.querySelector('parallax-compare').engine?.lastTimings ?? null,
}));
const readEnd = t.read.startTime + t.read.duration;
// The analysis: from the last time the engine went busy after reading to the report.
const analysisStart = t.busy.filter(([busy, at]) => busy && at >= readEnd - 50).at(0)?.[1] ?? readEnd;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`page, ${t.articles} articles (${path.basename(file)}), Chromium headless, navigator.hardwareConcurrency ${cores}`);
console.log(`  a .zip of ${articles.length} .txt files (${(archive.length / 1e6).toFixed(1)} MB) read and decoded: ${s(pool[1].ms)} with 1 worker, ${s(pool[cores].ms)} with ${cores} (×${(pool[1].ms / pool[cores].ms).toFixed(2)})`);
console.log(`  reading the JSON Lines file:              ${s(t.read.duration)}`);
console.log(`  waiting for the analysis to start:       ${s(analysisStart - readEnd)}`);
console.log(`  analysis in the engine's worker:         ${s(t.report - analysisStart)}  (${t.pairs} candidate pairs aligned)`);
if (t.worker?.earlyMs !== undefined) console.log(`    the comparison only: ${s(t.worker.earlyMs)} in the engine, then the rest: ${s(t.worker.analyzeMs - t.worker.earlyMs)}`);
if (t.worker?.preparedMs !== undefined) {
  const w = t.worker;
  console.log(`    shared with a helper worker: texts prepared ${s(w.preparedMs)}, then waited for its pairs ${s(w.waitedMs)}, then the rest ${s(w.analyzeMs - w.preparedMs - w.waitedMs)}`);
} else if (t.worker) console.log(`    in one worker: ${s(t.worker.analyzeMs)} in the engine`);
console.log(`  drawing the views (to the next frame):   ${s(t.painted - t.report)}  (${t.dom} elements in the shadow root)`);
console.log(`  total, file chosen → comparison shown:   ${s(t.shown - t0)}   target ≤ 3 s`);
console.log(`  total, file chosen → whole report shown:  ${s(t.painted - t0)}   (terms, quotes, facts, relations)`);
await page.screenshot({ path: shot, fullPage: false });
console.log(`  screenshot: ${shot}`);
await browser.close();
server.close();
