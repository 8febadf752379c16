// The page with a thousand articles, in headless Chromium: a JSON Lines file
// (default target/articles-1000.jsonl, from benches/make-articles.mjs) chosen in
// "Add many articles", and where the time goes until the comparison is on screen:
// reading the files (decode on the worker pool), the analysis in the engine's
// worker, and drawing the views; then a screenshot. Target (issue 11): ≤ 3 s.
//
//   node benches/page-1000.mjs [FILE] [SCREENSHOT]     (needs `make build`)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tools/serve.mjs';
import { launch } from '../tests/support/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? path.join(root, 'target/articles-1000.jsonl');
const shot = process.argv[3] ?? '/tmp/scaleweb-1000.png';
const LIMIT = 15 * 60_000;

const server = await serve(path.join(root, 'www'), 0);
const browser = await launch({ origin: new URL(server.url).origin, viewport: { width: 1280, height: 1000 }, serviceWorkers: 'block' });
const page = browser.watch(await browser.context.newPage());
await page.goto(server.url);
// The seeds first: the engine is loaded and warm, as for a reader who has the page open.
await page.waitForFunction(() => document.querySelector('parallax-compare')?.report?.documents?.length === 5, null, { timeout: 60_000 });
const cores = await page.evaluate(() => navigator.hardwareConcurrency);
await page.evaluate(() => {
  const el = document.querySelector('parallax-compare');
  el.timeLimit = 0; // measured, not stopped
  window.times = { busy: [] };
  el.addEventListener('parallax-busy', (e) => window.times.busy.push([e.detail.busy, performance.now()]));
  el.addEventListener('parallax-report', (e) => {
    if (e.detail.report.documents.length < 100) return;
    window.times.report = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.times.painted = performance.now(); }));
  });
});
const t0 = await page.evaluate(() => performance.now());
await page.setInputFiles('input[name=archive]', file);
await page.waitForFunction(() => window.times.painted, null, { timeout: LIMIT, polling: 200 });
const t = await page.evaluate(() => ({
  ...window.times,
  read: performance.getEntriesByName('parallax:bulk-read').at(-1),
  articles: document.querySelector('parallax-compare').articles.length,
  pairs: document.querySelector('parallax-compare').report.pairs.length,
  dom: document.querySelector('parallax-compare').shadowRoot.querySelectorAll('*').length,
}));
const readEnd = t.read.startTime + t.read.duration;
// The analysis: from the last time the engine went busy after reading to the report.
const analysisStart = t.busy.filter(([busy, at]) => busy && at >= readEnd - 50).at(0)?.[1] ?? readEnd;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`page, ${t.articles} articles (${path.basename(file)}), Chromium headless, navigator.hardwareConcurrency ${cores}`);
console.log(`  reading the files (worker pool decode):   ${s(t.read.duration)}`);
console.log(`  waiting for the analysis to start:       ${s(analysisStart - readEnd)}`);
console.log(`  analysis in the engine's worker:         ${s(t.report - analysisStart)}  (${t.pairs} candidate pairs aligned)`);
console.log(`  drawing the views (to the next frame):   ${s(t.painted - t.report)}  (${t.dom} elements in the shadow root)`);
console.log(`  total, file chosen → comparison shown:   ${s(t.painted - t0)}   target ≤ 3 s`);
await page.screenshot({ path: shot, fullPage: false });
console.log(`  screenshot: ${shot}`);
await browser.close();
server.close();
