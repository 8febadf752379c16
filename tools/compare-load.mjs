// Navigation to the first frame that shows the seeds' matrix (the page's mark
// `parallax:first-view`), for two copies of the page (e.g. main's www/ and this one),
// alternating (A then B, then B then A, so that neither always follows the other),
// a fresh browser profile each time, navigated once the browser has started and
// settled and read once the load is over (as benches/page.mjs does). Prints every
// time, each step's median for both (the page's `parallax:*` marks and the worker's
// own analysis time), the ratio of the medians (B / A) and the median of the paired
// differences (B - A, load by load) with Wilcoxon's signed-rank test: on a shared
// machine whose speed drifts during a run, the pairs tell more than the medians.
//
//   node tools/compare-load.mjs DIR_A DIR_B [RUNS]      (each DIR a www/ with pkg/ built)
import { serve } from './serve.mjs';
import { launch, settle, loadMarks } from '../tests/support/browser.mjs';

const STEPS = [
  'parallax:script', 'parallax:wasm-compiled', 'parallax:worker-ready', 'parallax:seeds-read',
  'parallax:analyze-asked', 'parallax:comparison-done', 'parallax:first-view', 'parallax:analyze-done',
];
const LAST = 'parallax:first-view';

const [a, b, runs = '5'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node tools/compare-load.mjs DIR_A DIR_B [RUNS]');
const loads = { [a]: [], [b]: [] };
for (let i = 0; i < Number(runs); i++) {
  for (const root of i % 2 ? [b, a] : [a, b]) loads[root].push(await load(root));
}

const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const cell = (x) => String(typeof x === 'number' ? Math.round(x) : x ?? '-').padStart(8);
for (const root of [a, b]) console.log(`${root}: ${loads[root].map((l) => Math.round(l[LAST])).join(' ')} ms, median ${Math.round(median(loads[root].map((l) => l[LAST])))} ms`);
console.log(`${'median, ms'.padEnd(26)}${cell('A')}${cell('B')}`);
for (const step of [...STEPS, 'worker']) {
  const m = (root) => median(loads[root].map((l) => l[step]).filter((x) => x !== undefined));
  console.log(`${(step === 'worker' ? '(the worker\'s analysis)' : step).padEnd(26)}${cell(m(a))}${cell(m(b))}`);
}
const first = (root) => loads[root].map((l) => l[LAST]);
console.log(`ratio B/A of the medians: ${(median(first(b)) / median(first(a))).toFixed(2)}`);
const diffs = first(b).map((x, i) => x - first(a)[i]);
console.log(`paired B - A: median ${Math.round(median(diffs))} ms, B sooner in ${diffs.filter((d) => d < 0).length} of ${diffs.length} pairs, signed-rank p = ${signedRank(diffs).toFixed(2)}`);

/**
 * Wilcoxon's signed-rank test of the paired differences, two-sided, by its normal
 * approximation (ties ranked by their mean rank, zeros left out): how likely
 * differences this lopsided are if neither build is the sooner. Above 0.05 the
 * difference is within this machine's drift.
 */
function signedRank(differences) {
  const ranked = differences.filter((d) => d !== 0).sort((x, y) => Math.abs(x) - Math.abs(y));
  const n = ranked.length;
  if (n === 0) return 1;
  let sooner = 0; // The ranks' sum over the pairs where B was sooner.
  for (let i = 0; i < n;) {
    let j = i;
    while (j < n && Math.abs(ranked[j]) === Math.abs(ranked[i])) j++;
    for (let k = i; k < j; k++) if (ranked[k] < 0) sooner += (i + j + 1) / 2;
    i = j;
  }
  const z = (sooner - (n * (n + 1)) / 4) / Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
}

/** The standard normal distribution function (Abramowitz and Stegun 7.1.26: error below 1.5e-7). */
function normalCdf(x) {
  const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** One cold load of the page in `root`: its marks, and `worker`, the engine's time for the first analysis. */
async function load(root) {
  const server = await serve(root, 0);
  const browser = await launch({ origin: new URL(server.url).origin, viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  try {
    const page = browser.context.pages()[0];
    await settle(page);
    await page.goto(server.url, { waitUntil: 'commit' });
    // Read once the load is over, its last the frame that paints the first comparison.
    return await loadMarks(page, LAST);
  } finally {
    await browser.close();
    await server.close();
  }
}
