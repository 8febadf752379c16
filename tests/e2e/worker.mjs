// The engine worker can be stopped, and its memory stays bounded: in headless Chromium,
// a long analysis (20 articles of 300 kB) shows progress with a Cancel button; Cancel
// ends the worker within a second, a fresh worker takes its place (the compiled wasm
// reused) and the comparison from before stays (or the views say it was cancelled),
// with the element's blob: worker and with a worker file; the `time-limit` attribute does the
// same by itself and says so; a long analysis replaced by a newer one ends with its
// worker instead of being waited for; the wasm memory is the same after 50 analyses
// of the seeds as after 10; a worker whose memory passed the client's limit is
// replaced, and the new worker still answers `concordance` over the same articles; an
// analysis shared with a helper worker (which aligns the pairs) gives the report one
// worker gives, also when the helper ends early; a large set answers first without
// what reads each article in depth (the element draws the comparison, the other
// views say the rest is coming), then whole.
//
//   node tests/e2e/worker.mjs      (needs `make build`)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { launch } from '../support/browser.mjs';
import { check, summary } from '../support/check.mjs';

const WWW = fileURLToPath(new URL('../../www/', import.meta.url));
const TIMEOUT = 30_000;
const LONG_TIMEOUT = 180_000;
/** Analyses of the seeds for the memory check, and the runs after which memory is read. */
const RUNS = 50;
const READ_AFTER = [1, 10, 50];
/** A long analysis: 20 articles of about 300 kB (the seeds' words, each article in another order). */
const LONG = { count: 20, size: 300_000 };
setTimeout(() => { console.log('worker: more than 9 minutes; stopping'); process.exit(1); }, 9 * 60_000).unref();

const seedFiles = JSON.parse(readFileSync(join(WWW, 'seeds/manifest.json'), 'utf8'));
const seeds = seedFiles.map((f, i) => ({ id: `seed-${i}`, title: f, text: readFileSync(join(WWW, 'seeds', f), 'utf8') }));
if (seeds.length < 3) throw new Error(`the committed seeds are missing (${seeds.length} found in www/seeds)`);

const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Worker host</title>
  <script type="module" src="/host.js"></script></head>
  <body><parallax-compare id="c"></parallax-compare></body></html>`;
const HOST_JS = `
  import '/widget.js';
  import { EngineClient } from '/engine-client.js';
  window.__EngineClient = EngineClient;
  window.__events = [];
  for (const type of ['parallax-report', 'parallax-cancel'])
    document.addEventListener(type, (e) => window.__events.push({ type, detail: type === 'parallax-cancel' ? e.detail : null }));
  // Articles that keep the engine busy: every article the seeds' words in another order.
  window.__longArticles = (seedText, count, size) => {
    const words = seedText.split(/\\s+/).filter(Boolean);
    return Array.from({ length: count }, (_, k) => {
      const parts = [];
      let n = 0;
      for (let i = 0; n < size; i++) {
        const w = words[(i * 7919 + k * 104729) % words.length] + (i % 17 === 16 ? '.\\n' : ' ');
        parts.push(w);
        n += w.length;
      }
      return { id: 'long-' + k, title: 'Long ' + k, text: parts.join('') };
    });
  };
  window.__el = () => document.getElementById('c');
  // Cancel's own time, measured in the page: the click on the button to the element's busy ending.
  document.addEventListener('click', (e) => { if (e.composedPath()[0]?.classList?.contains('cancel')) window.__cancelClicked = performance.now(); }, true);
  document.addEventListener('parallax-busy', (e) => { if (!e.detail.busy) window.__idleAt = performance.now(); });
  window.__cancelTime = () => Math.round(window.__idleAt - window.__cancelClicked);
  window.__reports = () => window.__events.filter((e) => e.type === 'parallax-report').length;
`;

const server = await serve(WWW, 0);
const origin = new URL(server.url).origin;
const browser = await launch({ origin, viewport: { width: 1280, height: 900 } });
const { context, problems } = browser;

async function openHost() {
  const page = browser.watch(await context.newPage());
  await page.route(`${origin}/host.html`, (r) => r.fulfill({ contentType: 'text/html', body: HOST }));
  await page.route(`${origin}/host.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: HOST_JS }));
  const workers = [];
  page.on('worker', (w) => {
    const entry = { worker: w, closed: false };
    w.on('close', () => { entry.closed = true; });
    workers.push(entry);
  });
  await page.goto(`${origin}/host.html`);
  await page.waitForFunction(() => customElements.get('parallax-compare') && window.__longArticles);
  return { page, workers };
}

const rows = (page) => page.evaluate(() => __el().shadowRoot.querySelectorAll('.matrix tbody tr').length);
const waitReports = (page, n, timeout = TIMEOUT) => page.waitForFunction((n) => __reports() >= n && !__el().busy, n, { timeout });
const waitIdle = (page, timeout = TIMEOUT) => page.waitForFunction(() => !__el().busy, null, { timeout });
const messageTexts = (page) => page.evaluate(() => [...__el().shadowRoot.querySelectorAll('.message-text')].map((e) => e.textContent));
const liveWorkers = (workers) => workers.filter((w) => !w.closed).length;
/** Waits until `ready()` is true or `timeout` passed; returns `ready()` (Playwright hears of workers starting and ending a little late). */
async function settled(ready, timeout = 10_000) {
  const started = Date.now();
  while (!ready() && Date.now() - started < timeout) await new Promise((ok) => setTimeout(ok, 50));
  return ready();
}
const firstClosed = (workers) => settled(() => workers[0]?.closed);
const setLong = (page) => page.evaluate(({ seed, count, size }) => { __el().articles = __longArticles(seed, count, size); }, { seed: seeds[0].text, ...LONG });

try {
  // ------------------------------------------------------------ Cancel from the page
  {
    const { page, workers } = await openHost();
    await page.evaluate((seeds) => { __el().articles = seeds; }, seeds);
    await waitReports(page, 1);
    const before = await page.evaluate(() => ({ report: JSON.stringify(__el().report), started: __el().engine.workersStarted }));
    const reportsBefore = await page.evaluate(() => __reports());
    await setLong(page);
    await page.waitForSelector('parallax-compare .status:not([hidden]) button.cancel', { timeout: TIMEOUT });
    const status = await page.evaluate(() => __el().shadowRoot.querySelector('.status-text').textContent);
    check('a long analysis shows "Comparing 20 articles" with a Cancel button', /^Comparing 20 articles \(/.test(status), status);
    const running = await page.evaluate(() => __el().busy && __el().engine.analysisRunning);
    check('the analysis is running when Cancel is pressed', running);
    await page.click('parallax-compare .status button.cancel');
    await waitIdle(page, 5_000);
    const stopped = await page.evaluate(() => __cancelTime());
    check('Cancel stops the long analysis within 1 s', stopped >= 0 && stopped < 1_000, stopped);
    console.log(`      Cancel click to the element idle: ${stopped} ms`);
    // The fresh worker is started at once, not at the next request.
    await page.waitForFunction((n) => __el().engine.workersStarted === n + 1 && __el().engine.worker, before.started, { timeout: TIMEOUT });
    await settled(() => workers.length === 2 && workers[0].closed);
    check('the worker was ended and a fresh one started', workers.length === 2 && workers[0].closed && !workers[1].closed,
      workers.map((w) => w.closed));
    const after = await page.evaluate(() => ({
      report: JSON.stringify(__el().report),
      articles: __el().articles.length,
      listed: __el().shadowRoot.querySelectorAll('li.article').length,
      hidden: __el().shadowRoot.querySelector('.status').hidden,
      cancel: window.__events.filter((e) => e.type === 'parallax-cancel').map((e) => e.detail),
    }));
    check('after Cancel the comparison from before stays and the 20 articles are kept',
      after.report === before.report && after.articles === 20 && after.listed === 20 && after.hidden && await rows(page) === seeds.length,
      { ...after, report: after.report.length });
    check('Cancel dispatches parallax-cancel {reason: "cancel"}', after.cancel.length === 1 && after.cancel[0].reason === 'cancel', after.cancel);
    const messages = await messageTexts(page);
    check('a message says the comparison was cancelled', messages.some((m) => /cancelled.*from before the last change/.test(m)), messages);
    // The fresh worker was given the articles of the comparison on screen: the terms' contexts still work.
    const term = await page.evaluate(() => __el().report.terms?.[0]?.term ?? __el().report.documents[0].topTerms?.[0]?.term);
    const lines = term && await page.evaluate((t) => __el().engine.concordance(t, {}).then((r) => r.lines.length), term);
    check('the fresh worker answers concordance over the articles on screen', lines > 0, { term, lines });
    // A following normal analysis works, in the new worker.
    await page.evaluate((seeds) => { __el().articles = seeds.slice(0, 3); }, seeds);
    await waitReports(page, reportsBefore + 1);
    check('a following analysis works in the fresh worker', await rows(page) === 3 && liveWorkers(workers) === 1, { rows: await rows(page), live: liveWorkers(workers) });
    await page.close();
  }

  // ------------------------------------------------------------ Cancel with a worker file (worker-url), nothing compared before
  {
    const { page, workers } = await openHost();
    await page.evaluate(() => { __el().workerUrl = '/worker.js'; });
    await setLong(page);
    await page.waitForSelector('parallax-compare .status:not([hidden]) button.cancel', { timeout: TIMEOUT });
    await page.click('parallax-compare .status button.cancel');
    await waitIdle(page, 5_000);
    const stopped = await page.evaluate(() => __cancelTime());
    const empty = await page.evaluate(() => __el().shadowRoot.querySelector('[data-view=matrix] .empty')?.textContent);
    // Playwright hears of the fresh worker a little late: wait for it rather than count at once.
    const workerFiles = () => workers.filter((w) => w.worker.url().endsWith('/worker.js'));
    await settled(() => workerFiles().length === 2 && workerFiles()[0].closed);
    const files = workerFiles();
    const firstFileClosed = await firstClosed(files);
    await page.evaluate((seeds) => { __el().articles = seeds; }, seeds);
    await waitReports(page, 1);
    const live = workers.filter((w) => !w.closed && w.worker.url().endsWith('/worker.js')).length;
    check('with worker-url, Cancel stops within 1 s, the views say "Comparison cancelled.", a fresh worker file runs the next analysis',
      stopped >= 0 && stopped < 1_000 && empty === 'Comparison cancelled.' && files.length === 2 && firstFileClosed && live === 1 && await rows(page) === seeds.length,
      { stopped, empty, files: files.length, firstFileClosed, live });
    await page.close();
  }

  // ------------------------------------------------------------ the time limit
  {
    const { page, workers } = await openHost();
    await page.evaluate(() => { __el().timeLimit = 1; });
    const attr = await page.evaluate(() => __el().getAttribute('time-limit'));
    const sent = Date.now();
    await setLong(page);
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'parallax-cancel'), null, { timeout: LONG_TIMEOUT });
    const waited = Date.now() - sent;
    await waitIdle(page, 5_000);
    const state = await page.evaluate(() => ({
      cancel: window.__events.filter((e) => e.type === 'parallax-cancel').map((e) => e.detail),
      empty: __el().shadowRoot.querySelector('[data-view=matrix] .empty')?.textContent,
      report: __el().report,
      articles: __el().articles.length,
      busy: __el().busy,
    }));
    const messages = await messageTexts(page);
    check('time-limit="1" reflects to timeLimit and stops the long analysis by itself', attr === '1' && state.cancel[0]?.reason === 'time-limit' && !state.busy, { attr, state, waited });
    // 1 s from when the worker had the job, plus starting the first worker (compiling the wasm).
    check('the limit stops it after about 1 s', waited < 15_000, waited);
    console.log(`      articles set to stopped by time-limit="1": ${waited} ms (includes starting the first worker)`);
    check('the element says it was stopped by the time limit (message and empty state), articles kept',
      messages.some((m) => /longer than the time limit \(1 s\) and was stopped/.test(m)) && /time limit/.test(state.empty ?? '') && state.report === null && state.articles === 20,
      { messages, empty: state.empty });
    await page.waitForFunction(() => __el().engine.worker, null, { timeout: TIMEOUT });
    await settled(() => workers.length === 2 && workers[0].closed);
    check('the time limit replaced the worker', workers.length === 2 && workers[0].closed && !workers[1].closed, workers.map((w) => w.closed));
    await page.evaluate((seeds) => { __el().timeLimit = 60; __el().articles = seeds; }, seeds);
    await waitReports(page, 1);
    check('after the time limit a normal analysis works', await rows(page) === seeds.length);
    await page.close();
  }

  // ------------------------------------------------------------ newest wins: a long run replaced by a newer one
  {
    const { page, workers } = await openHost();
    await page.evaluate((seeds) => { __el().articles = seeds; }, seeds);
    await waitReports(page, 1);
    await setLong(page);
    await page.waitForFunction(() => __el().engine.analysisRunning, null, { timeout: TIMEOUT });
    await page.waitForTimeout(200);
    const replaced = Date.now();
    await page.evaluate((seeds) => { __el().articles = seeds.slice(0, 3); }, seeds);
    await waitReports(page, 2, LONG_TIMEOUT);
    const waited = Date.now() - replaced;
    await settled(() => workers.length === 2 && workers[0].closed);
    console.log(`      a long analysis replaced: the newer report ${waited} ms after the change`);
    // Allowed: the 500 ms the running analysis is given, a new worker, and the seeds' analysis, on a shared machine.
    check('a long analysis replaced by a newer one is ended, not waited for (the newer one answers within 5 s)', waited < 5_000 && await rows(page) === 3, waited);
    check('its worker was ended and a fresh one answered', workers.length === 2 && workers[0].closed, workers.map((w) => w.closed));
    const events = await page.evaluate(() => window.__events.filter((e) => e.type === 'parallax-cancel').length);
    check('a replaced analysis is not reported as cancelled', events === 0, events);
    await page.close();
  }

  // ------------------------------------------------------------ memory across 50 analyses
  {
    const { page, workers } = await openHost();
    const sizes = {};
    for (let run = 1; run <= RUNS; run++) {
      // A new array each time: the element analyzes again.
      await page.evaluate((seeds) => { __el().articles = seeds.map((s) => ({ ...s })); }, seeds);
      await waitReports(page, run);
      if (READ_AFTER.includes(run)) sizes[run] = await page.evaluate(() => __el().engine.memory());
    }
    console.log(`      wasm memory after analyses of the ${seeds.length} seeds: ${READ_AFTER.map((r) => `run ${r}: ${(sizes[r] / 2 ** 20).toFixed(2)} MiB`).join(', ')}`);
    check(`${RUNS} analyses ran in one worker`, workers.length === 1, workers.length);
    check('wasm memory is read (bytes, a multiple of the 64 KiB wasm page)', sizes[1] > 0 && sizes[1] % 65536 === 0, sizes);
    check(`wasm memory after run ${RUNS} equals run 10 (flat after warm-up)`, sizes[RUNS] === sizes[10], sizes);
    check('wasm memory stays under 64 MiB for the seeds', sizes[RUNS] < 64 * 2 ** 20, sizes);
    await page.close();
  }

  // ------------------------------------------------------------ memory over the limit: a fresh worker
  {
    const { page, workers } = await openHost();
    // The element may start its own worker on connecting (to read files); Playwright
    // hears of it late, so it is waited for and left out of the count.
    await settled(() => workers.length >= 1, 3000);
    await page.evaluate(() => __el().remove());
    const before = workers.length;
    const result = await page.evaluate(async (seeds) => {
      // A limit below what any analysis uses: every analysis ends with the worker replaced.
      const client = new window.__EngineClient({ memoryLimit: 1 });
      const first = await client.analyze(seeds, {});
      await new Promise((ok) => setTimeout(ok, 100));
      const term = first.report.terms?.[0]?.term ?? first.report.documents[0].topTerms?.[0]?.term;
      const { lines } = await client.concordance(term, {});
      const fresh = await client.memory();
      const second = await client.analyze(seeds, {});
      const third = await client.memory(); // answered by the worker that replaced the second
      const out = { firstBytes: first.memoryBytes, fresh, secondBytes: second.memoryBytes, third, lines: lines.length, started: client.workersStarted };
      client.terminate();
      return out;
    }, seeds);
    await settled(() => workers.length === before + 3 && liveWorkers(workers) === 0);
    check('a worker whose memory passed the limit is replaced after its analysis', result.started === 3 && workers.length - before === 3, { result, workers: workers.length, before });
    check('the replacing worker answers concordance over the same articles', result.lines > 0, result);
    check('the replacing worker starts small (its memory is below the analysis\'s)', result.fresh < result.firstBytes && result.third < result.secondBytes, result);
    check('every worker of the client was ended with it', liveWorkers(workers) === 0, workers.map((w) => w.closed));
    await page.close();
  }

  // ------------------------------------------------------------ an analysis shared with a helper worker
  {
    const { page, workers } = await openHost();
    await settled(() => workers.length >= 1, 3000);
    await page.evaluate(() => __el().remove());
    const before = workers.length;
    const result = await page.evaluate(async (seeds) => {
      // The seeds and two edited copies of each, through the candidate index (allPairsUpTo).
      const set = [...seeds];
      for (const [k, s] of seeds.entries()) {
        set.push({ id: `copy-a-${k}`, text: s.text.replace(/\bthe\b/g, 'a') });
        set.push({ id: `copy-b-${k}`, text: `Reported earlier.\n\n${s.text.split('\n').slice(2).join('\n')}` });
      }
      const options = { allPairsUpTo: 4 };
      const alone = new window.__EngineClient({ helpFrom: 0 });
      const shared = new window.__EngineClient({ helpFrom: 2 });
      const failing = new window.__EngineClient({ helpFrom: 2 });
      const one = await alone.analyze(set, options);
      const two = await shared.analyze(set, options);
      // A helper ended as it starts: the analysis waiting for it goes on alone.
      const pending = failing.analyze(set, options);
      failing.endHelper();
      const three = await pending;
      const out = {
        pairs: one.report.pairs.length,
        passages: one.report.pairs.reduce((n, p) => n + p.passages.length, 0),
        same: JSON.stringify(two.report) === JSON.stringify(one.report),
        sameAlone: JSON.stringify(three.report) === JSON.stringify(one.report),
        alone: one.timings, shared: two.timings, failing: three.timings,
        started: [alone.workersStarted, shared.workersStarted, failing.workersStarted],
      };
      for (const c of [alone, shared, failing]) c.terminate();
      return out;
    }, seeds);
    check('a helped analysis: the element\'s worker prepared the texts and waited for the helper', result.shared.preparedMs > 0 && result.shared.waitedMs >= 0 && result.alone.preparedMs === undefined, result);
    check('the element\'s worker took the helper\'s pairs', result.shared.pairsTaken > 0 && result.failing.pairsTaken === 0, result);
    check('a helped analysis gives the report of one worker alone, passages included', result.same && result.passages > 0 && result.pairs > 0, result);
    check('a helper that ends early leaves the analysis to the element\'s worker, with the same report', result.sameAlone && result.failing.preparedMs > 0, result);
    await settled(() => liveWorkers(workers) === 0);
    check('a helper worker was started besides the element\'s, and every worker ended with its client', workers.length - before >= 4 && liveWorkers(workers) === 0, { workers: workers.length, before, started: result.started });
    await page.close();
  }

  // ------------------------------------------------------------ a large set's comparison first, its news after
  {
    const { page } = await openHost();
    const result = await page.evaluate(async (seeds) => {
      const client = new window.__EngineClient({ helpFrom: 0, earlyFrom: 3 });
      const early = [];
      const whole = await client.analyze(seeds, {}, { onEarly: ({ report }) => early.push(report) });
      // Asked without the news, or below earlyFrom: one report.
      const asked = [];
      await client.analyze(seeds, { comparisonOnly: true }, { onEarly: ({ report }) => asked.push(report) });
      await client.analyze(seeds.slice(0, 2), {}, { onEarly: ({ report }) => asked.push(report) });
      client.terminate();
      // Below earlyFrom, a fresh worker's first analysis (on code V8 has only just compiled) still answers early; its next does not.
      const fresh = new window.__EngineClient({ helpFrom: 0 });
      const freshEarly = [];
      await fresh.analyze(seeds.slice(0, 3), {}, { onEarly: ({ report }) => freshEarly.push(report) });
      await fresh.analyze(seeds.slice(0, 4), {}, { onEarly: ({ report }) => freshEarly.push(report) });
      fresh.terminate();
      const quotes = (r) => r.documents.reduce((n, d) => n + d.quotes.length, 0);
      const first = early[0];
      return {
        early: early.length, asked: asked.length, only: [first?.comparisonOnly, whole.report.comparisonOnly],
        samePairs: JSON.stringify(first?.pairs) === JSON.stringify(whole.report.pairs),
        sameDocuments: JSON.stringify(first?.documents.map((d) => [d.id, d.title, d.meta, d.boilerplate, d.sharedShare, d.neighbours])) === JSON.stringify(whole.report.documents.map((d) => [d.id, d.title, d.meta, d.boilerplate, d.sharedShare, d.neighbours])),
        quotes: [first && quotes(first), quotes(whole.report)], relations: [first?.relations.length, whole.report.relations.length],
        terms: [first?.documents[0].topTerms.length, whole.report.documents[0].topTerms.length],
        passages: whole.report.pairs.reduce((n, p) => n + p.passages.length, 0), earlyMs: whole.timings.earlyMs,
        fresh: freshEarly.map((r) => [r.comparisonOnly, r.documents.length]),
      };
    }, seeds);
    check('from earlyFrom articles the comparison comes first (comparisonOnly), then the whole report', result.early === 1 && result.only[0] === true && result.only[1] === false && result.earlyMs > 0, result);
    check('the first report has the whole one\'s pairs, passages, titles, boilerplate and neighbours; no terms, quotes or relations', result.samePairs && result.sameDocuments && result.passages > 0 && result.quotes[0] === 0 && result.quotes[1] > 0 && result.relations[0] === 0 && result.relations[1] > 0 && result.terms[0] === 0 && result.terms[1] > 0, result);
    check('no first report when the comparison alone is asked for, nor below earlyFrom', result.asked === 0, result);
    check('below earlyFrom, a fresh worker\'s first analysis answers the comparison first, and only its first', JSON.stringify(result.fresh) === '[[true,3]]', result);

    // The element: while the rest is coming, the comparison is drawn and the other views say so.
    await page.evaluate((seeds) => { __el().articles = seeds; }, seeds);
    await page.waitForFunction(() => __el().report?.documents.length === 5 && !__el().busy, null, { timeout: TIMEOUT });
    const reports = await page.evaluate(() => {
      const engine = __el().engine;
      engine.earlyFrom = 3;
      // The whole report is held back until the test lets it through.
      const receive = engine.receive.bind(engine);
      window.__held = [];
      window.__release = () => window.__held.splice(0).forEach((m) => receive(m));
      engine.receive = (m) => (m.ok !== undefined ? window.__held.push(m) : receive(m));
      __el().articles = __el().articles.slice(0, 4);
      return window.__events.filter((e) => e.type === 'parallax-report').length;
    });
    await page.waitForFunction(() => __el().report?.comparisonOnly === true && window.__held.length === 1, null, { timeout: TIMEOUT });
    const shown = await page.evaluate(() => {
      const root = __el().shadowRoot;
      const text = (view) => root.querySelector(`[data-view=${view}] .view-body`).textContent;
      return { quotes: text('quotes'), relations: text('relations'), terms: text('terms'), list: text('articles'), pair: root.querySelectorAll('[data-view=pair] mark[data-passage]').length, reports: window.__events.filter((e) => e.type === 'parallax-report').length };
    });
    check('meanwhile the pair view shows the passages, the list the articles\' sizes, and the other views say the rest is coming', shown.pair > 0 && /characters/.test(shown.list) && [shown.quotes, shown.relations, shown.terms].every((t) => /Still reading each article/.test(t)), shown);
    check('parallax-report waits for the whole report', shown.reports === reports, { shown, reports });
    await page.evaluate(() => window.__release());
    await page.waitForFunction((n) => window.__events.filter((e) => e.type === 'parallax-report').length > n, reports, { timeout: TIMEOUT });
    const after = await page.evaluate(() => {
      const root = __el().shadowRoot;
      const text = (view) => root.querySelector(`[data-view=${view}] .view-body`).textContent;
      return { only: __el().report.comparisonOnly, quotes: text('quotes'), terms: text('terms'), list: text('articles'), busy: __el().busy };
    });
    check('then every view shows the whole report: the words counted, the terms and quotes', after.only === false && /words/.test(after.list) && !/Still reading/.test(after.quotes + after.terms) && after.quotes.length > 100 && after.terms.length > 100 && !after.busy, after);

    // A setting changed over the same articles is answered whole, at once.
    await page.evaluate(() => { __el().minPassageWords = 9; });
    await page.waitForFunction(() => window.__held.length === 1, null, { timeout: TIMEOUT });
    const setting = await page.evaluate(() => ({ only: __el().report.comparisonOnly, pending: /Still reading/.test(__el().shadowRoot.textContent) }));
    await page.evaluate(() => window.__release());
    check('a setting changed over the same articles gets no comparison-only report first', setting.only === false && !setting.pending, setting);

    // Cancelled once the comparison is shown: it stays, and the other views say they were not read.
    await page.evaluate((seeds) => { __el().articles = seeds; }, seeds);
    await page.waitForFunction(() => __el().report?.comparisonOnly === true && window.__held.length === 1, null, { timeout: TIMEOUT });
    await page.evaluate(() => { window.__held = []; __el().cancel(); });
    await page.waitForFunction(() => !__el().busy && /only the comparison is shown/.test(__el().shadowRoot.textContent), null, { timeout: TIMEOUT });
    const stopped = await page.evaluate(() => {
      const root = __el().shadowRoot;
      return { only: __el().report?.comparisonOnly, pairs: __el().report?.pairs.length, quotes: root.querySelector('[data-view=quotes] .view-body').textContent };
    });
    check('Cancel after the comparison was shown keeps it, and the other views say they were not read', stopped.only === true && stopped.pairs > 0 && /Not read: the comparison was stopped/.test(stopped.quotes), stopped);
    await page.close();
  }

  check('no console errors, page errors or requests outside the origin', problems.length === 0, problems);
} finally {
  await browser.close();
  await server.close();
}
summary();
