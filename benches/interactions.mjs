// How long the page's controls take, in headless Chromium: a change of the minimum
// passage length, a change of the minimum similarity, a click on a pair of the
// matrix, a term search. Each is timed from the event to the first frame that shows
// its answer (polled on every frame), for the five seeds and for 100 news-sized
// articles (the first 50 pairs of the PAN 2013 training corpus, as benches/analyze.rs).
// With a second www/ (e.g. main's, `--peer DIR`), the same interactions on it in the
// same run, and the ratio. A benchmark that prints numbers, not a timed test.
//
//   PARALLAX_SHARED=/path/to/shared node benches/interactions.mjs [ROUNDS] [--peer DIR]
//   (make bench-page; without the shared data, the seeds only)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tools/serve.mjs';
import { launch } from '../tests/support/browser.mjs';

const args = process.argv.slice(2);
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const peerAt = args.indexOf('--peer');
const root = fileURLToPath(new URL('../', import.meta.url));
const pages = [['this', join(root, 'www')]];
if (peerAt >= 0) pages.push(['peer', args[peerAt + 1]]);
const shared = process.env.PARALLAX_SHARED ?? join(root, '../shared');

const sets = [['seeds', null]];
const pan = panArticles(100);
if (pan) sets.push(['100 articles', pan]);
else console.log(`(no ${shared}/data/pan13-train: the seeds only; set PARALLAX_SHARED)`);

const results = {};
for (const [name, dir] of pages) {
  const server = await serve(dir, 0);
  const browser = await launch({ origin: new URL(server.url).origin, viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  try {
    const page = browser.watch(browser.context.pages()[0] ?? await browser.context.newPage());
    page.on('console', (m) => m.type() === 'warning' && /^(minimum|pair|term)/.test(m.text()) && console.log(`${name}: ${m.text()}`));
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('parallax-compare')?.report?.pairs?.length > 0, null, { timeout: 60_000 });
    for (const [set, articles] of sets) {
      if (articles) {
        await page.evaluate((list) => { document.querySelector('parallax-compare').articles = list; }, articles);
        await page.waitForFunction((n) => { const el = document.querySelector('parallax-compare'); return el.report?.documents.length === n && !el.busy; }, articles.length, { timeout: 300_000 });
      }
      // The views after the first (the controls among them) are drawn after the first comparison is shown.
      await page.waitForFunction(() => document.querySelector('parallax-compare').shadowRoot.querySelector('input[name=minPassageWords]') !== null, null, { timeout: 60_000 });
      results[`${name} ${set}`] = await page.evaluate(measure, rounds).catch((err) => {
        console.log(`${name}, ${set}: ${err.message.split('\n')[0]}`);
        return {};
      });
    }
    if (browser.problems.length) console.log(`problems on ${name}: ${browser.problems.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const KINDS = ['minimum length', 'minimum similarity', 'pair click', 'term search'];
console.log(`interactions, ms from the event to the first frame showing the answer (median of ${rounds}; each value after it)`);
for (const [set] of sets) {
  for (const kind of KINDS) {
    const line = [`${set.padEnd(13)} ${kind.padEnd(19)}`];
    const medians = [];
    for (const [name] of pages) {
      const times = results[`${name} ${set}`][kind] ?? [];
      medians.push(times.length ? median(times) : NaN);
      line.push(`${name} ${(times.length ? String(Math.round(median(times))) : '-').padStart(5)} (${times.map(Math.round).join(' ')})`);
    }
    if (medians.length === 2) line.push(`peer/this ${(medians[1] / medians[0]).toFixed(1)}×`);
    console.log(line.join('   '));
  }
}

/** The first `count` distinct documents of the PAN pairs file, or null without the data. */
function panArticles(count) {
  const dir = join(shared, 'data/pan13-train');
  if (!existsSync(join(dir, 'pairs'))) return null;
  const articles = [];
  for (const line of readFileSync(join(dir, 'pairs'), 'utf8').split('\n')) {
    const names = line.split(/\s+/).filter(Boolean);
    for (const [name, sub] of names.slice(0, 2).map((n, i) => [n, i ? 'src' : 'susp'])) {
      if (articles.length < count && !articles.some((a) => a.id === name)) {
        articles.push({ id: name, text: readFileSync(join(dir, sub, name), 'utf8') });
      }
    }
  }
  return articles;
}

/** In the page: each interaction `rounds` times, ms from the event to the first frame showing its answer. */
async function measure(rounds) {
  const el = document.querySelector('parallax-compare');
  const $ = (s) => el.shadowRoot.querySelector(s);
  const $$ = (s) => [...el.shadowRoot.querySelectorAll(s)];
  const frame = () => new Promise((ok) => requestAnimationFrame(ok));
  // Polled at each frame's start: the first frame at which `done()` holds paints the answer.
  // Timed when the frame's callbacks run (the frame's own timestamp can be earlier than
  // the event, when the event came in while the frame began: 0 or less was measured).
  const until = async (done, started) => {
    for (;;) {
      await frame();
      const at = performance.now();
      if (done()) return at - started;
      if (at - started > 30_000) throw new Error('no answer in 30 s');
    }
  };
  const settle = async () => {
    while (el.busy) await frame();
    await frame();
  };
  const out = { 'minimum length': [], 'minimum similarity': [], 'pair click': [], 'term search': [] };
  const slide = async (input, value, kind) => {
    const before = el.report;
    input.value = String(value);
    const t = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    out[kind].push(await until(() => el.report !== before, t));
    await settle();
  };
  const attempt = async (kind, run) => {
    try {
      await run();
    } catch (err) {
      out[kind].push(NaN);
      console.warn(`${kind}: ${err.message}`);
    }
  };
  const length = $('input[name=minPassageWords]');
  const score = $('input[name=minPassageScore]');
  for (let i = 0; i < rounds; i++) {
    await attempt('minimum length', () => slide(length, i % 2 ? 8 : 12, 'minimum length'));
    await attempt('minimum similarity', () => slide(score, i % 2 ? 0 : 50, 'minimum similarity'));
  }
  // Pairs: cells of the matrix, or of a large set (drawn as a heatmap) its list of
  // most related pairs; a different one each time.
  const cells = $$('.matrix button.cell').map((b) => ({ button: b, row: b.dataset.row, col: b.dataset.col }));
  const pairs = cells.length ? cells : $$('.top-pairs button').map((b) => ({ button: b, row: b.dataset.a, col: b.dataset.b }));
  for (let i = 0; i < rounds; i++) await attempt('pair click', async () => {
    const { button, row, col } = pairs[(i * 7 + 1) % pairs.length];
    const title = (id) => `${el.report.documents.findIndex((d) => d.id === id) + 1}. `;
    const t = performance.now();
    button.click();
    out['pair click'].push(await until(() => $('[data-view=pair] .side-title')?.textContent.startsWith(title(row))
      && $$('[data-view=pair] .side-title')[1]?.textContent.startsWith(title(col)), t));
    await settle();
  });
  // Terms: a different term each time; the answer is its lines in the panel.
  const terms = $$('[data-view=terms] button.term');
  for (let i = 0; i < rounds; i++) await attempt('term search', async () => {
    const button = terms[(i * 5) % terms.length];
    const panel = $('.kwic-panel');
    panel.replaceChildren();
    const t = performance.now();
    button.click();
    out['term search'].push(await until(() => panel.querySelector('.kwic-match, .empty') !== null, t));
    await settle();
  });
  return out;
}
