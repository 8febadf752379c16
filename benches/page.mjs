// The page's load, step by step: N cold loads (a fresh Chromium profile each, so
// nothing is cached and no service worker answers) of the page served by
// tools/serve.mjs, or of the one-file dist/parallax.html from file://. Each step is a
// `performance.mark` the page sets (www/README.md, "Load"); the bench prints each
// step's time after navigation, per load and the median, and the total: navigation
// to the first frame that shows the comparison. A benchmark that prints numbers, not
// a timed test.
//
// Each load navigates a browser that has started and settled (tests/support/browser.mjs
// `settle`), as a reader's running browser opens the page: navigating the instant
// Chromium is launched measured its own start-up too. `--unsettled` measures that way.
// The marks are read once the load is over (`loadMarks`): polling the page during
// the load ran the harness' script on the main thread it times.
//
//   node benches/page.mjs [RUNS] [--dist] [--unsettled]   (make bench-page; needs `make build`, `make dist` for --dist)
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../tools/serve.mjs';
import { launch, settle, loadMarks, SETTLE_MS } from '../tests/support/browser.mjs';

const STEPS = [
  ['parallax:script', 'modules run'],
  ['parallax:wasm-compiled', 'wasm compiled'],
  ['parallax:worker-ready', 'worker up'],
  ['parallax:seeds-read', 'seeds read'],
  ['parallax:analyze-asked', 'analysis asked'],
  // A fresh worker answers the comparison first (engine-client.js, EARLY_FROM): the first views show it.
  ['parallax:comparison-done', 'comparison done'],
  ['parallax:views-built', 'views built'],
  ['parallax:first-view', 'first view drawn'],
  ['parallax:analyze-done', 'whole report done'],
];

const args = process.argv.slice(2);
const dist = args.includes('--dist');
const settled = !args.includes('--unsettled');
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 9);
const root = fileURLToPath(new URL('../', import.meta.url));

const server = dist ? null : await serve(`${root}www`, 0);
const url = dist ? pathToFileURL(`${root}dist/parallax.html`).href : server.url;
const origin = dist ? 'file://' : new URL(url).origin;

const loads = [];
for (let i = 0; i < runs; i++) loads.push(await coldLoad());
server?.close();

const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((x, y) => x - y);
  return s.length ? s[s.length >> 1] : undefined;
};
const ms = (x) => (x === undefined ? '   -' : String(Math.round(x)).padStart(4));
const how = settled ? `a settled browser (${SETTLE_MS} ms after start)` : 'a browser just launched';
console.log(`page load, ${runs} cold loads of ${dist ? 'dist/parallax.html (file://)' : 'www/ (tools/serve.mjs)'} in ${how}, ms after navigation`);
console.log(`${'step'.padEnd(20)} ${'median'.padStart(6)}   each load`);
for (const [mark, name] of STEPS) {
  const times = loads.map((l) => l[mark]);
  console.log(`${name.padEnd(20)} ${ms(median(times)).padStart(6)}   ${times.map(ms).join(' ')}`);
}
const worker = loads.map((l) => l.worker);
console.log(`${'(in the worker)'.padEnd(20)} ${ms(median(worker)).padStart(6)}   ${worker.map(ms).join(' ')}   the analysis itself, both reports`);
const total = loads.map((l) => l['parallax:first-view']);
console.log(`total: navigation to the comparison on screen, median ${Math.round(median(total))} ms (${runs} loads)`);

async function coldLoad() {
  const browser = await launch({ origin, viewport: { width: 1280, height: 900 } });
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    if (settled) await settle(page);
    await page.goto(url, { waitUntil: 'commit' });
    const marks = await loadMarks(page);
    if (browser.problems.length) throw new Error(browser.problems.join('\n'));
    return marks;
  } finally {
    await browser.close();
  }
}
