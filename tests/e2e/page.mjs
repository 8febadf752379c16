// The demo page beyond the basics of run.mjs: a first visit compares the seeds before
// it opens IndexedDB and saves what changed meanwhile, the seeds are the lean engine's and an
// article with characters it lacks brings the full one, IndexedDB keeps a >5 MB article across
// a reload, the report exports as JSON and CSV, a long analysis can be cancelled
// while the page keeps answering, .html files and web addresses are read (or refused
// with a clear message), and axe-core finds no serious or critical violation at
// desktop and phone widths. Screenshot: $SHOTS/widget-page-desktop.png.
//
//   node tests/e2e/page.mjs      (needs `make build`)
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { BUNDLE, bundlePage } from '../../tools/build-page.mjs';
import { launch, waitIdle as idle } from '../support/browser.mjs';
import { check, summary } from '../support/check.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WWW = join(ROOT, 'www');
const SHOTS = process.env.SHOTS ?? join(ROOT, '../shots');
const TIMEOUT = 30_000;
const BIG_TIMEOUT = 180_000;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
setTimeout(() => { console.log('page: more than 9 minutes; stopping'); process.exit(1); }, 9 * 60_000).unref();

const seedFiles = JSON.parse(readFileSync(join(WWW, 'seeds/manifest.json'), 'utf8'));
const seedText = readFileSync(join(WWW, 'seeds', seedFiles[0]), 'utf8');

// The page loads its modules as one script, app.bundle.js (tools/build-page.mjs), and
// that file is the bundle of the modules as they are now: a stale one would test old code.
{
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  check('index.html loads one script, the bundle', scripts.length === 1 && scripts[0] === `<script type="module" src="${BUNDLE}">`
    && !html.includes('modulepreload'), scripts);
  const written = readFileSync(join(WWW, BUNDLE), 'utf8');
  const fresh = await bundlePage();
  check('www/app.bundle.js is the bundle of the current modules (make build)', fresh.length > 50_000 && written === fresh, `${written.length} against ${fresh.length} bytes`);
}

const server = await serve(WWW, 0);
const origin = new URL(server.url).origin;
const browser = await launch({ origin, viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
const { context, problems } = browser;
const page = browser.watch(await context.newPage());
page.on('dialog', (d) => d.accept());

const rows = () => page.evaluate(() => document.querySelector('parallax-compare')?.shadowRoot?.querySelectorAll('.matrix tbody tr').length ?? 0);
const waitRows = (n, timeout = TIMEOUT) => page.waitForFunction((n) => document.querySelector('parallax-compare')?.shadowRoot?.querySelectorAll('.matrix tbody tr').length === n
  && document.querySelector('parallax-compare').shadowRoot.querySelectorAll('li.article').length === n, n, { timeout });
const waitIdle = (timeout = TIMEOUT) => idle(page, timeout);
const messages = () => page.evaluate(() => [...document.querySelectorAll('.message-text'), ...document.querySelector('parallax-compare').shadowRoot.querySelectorAll('.message-text')].map((e) => e.textContent));
const waitMessage = (re, timeout = TIMEOUT) => page.waitForFunction((src) => [...document.querySelectorAll('.message-text'), ...document.querySelector('parallax-compare').shadowRoot.querySelectorAll('.message-text')]
  .some((e) => new RegExp(src, 'i').test(e.textContent)), re.source, { timeout });
async function paste(text, title) {
  await page.evaluate(({ text, title }) => {
    // Short texts are set directly (typing megabytes through the keyboard would test the
    // driver, not the page); long ones are pasted, as a person would.
    const box = document.querySelector('.add-article textarea');
    if (text.length < 100_000) box.value = text;
    else {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }
    document.querySelector('.add-article input[name=title]').value = title;
  }, { text, title });
  await page.click('.add-article button[type=submit]');
}
const removeLast = async () => {
  await page.click('parallax-compare [data-view=articles] li.article:last-child button.remove');
};
/** About `size` characters of seed words, in sentences and lines. */
function bigText(size, salt = 1) {
  const words = seedText.split(/\s+/).filter(Boolean);
  const parts = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const w = words[(i * 7919 + salt) % words.length] + (i % 17 === 16 ? '.\n' : ' ');
    parts.push(w);
    n += w.length;
  }
  return parts.join('');
}

async function axe(label) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' > ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`) }));
  });
  const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(`axe at ${label}: no serious or critical violation`, bad.length === 0, bad);
  return found;
}

const wasmFetched = new Set();
page.on('request', (request) => {
  const name = new URL(request.url()).pathname.split('/').pop();
  if (name.endsWith('.wasm')) wasmFetched.add(name);
});

try {
  // ---------------------------------------------------------------- without script
  // The page says it needs JavaScript, and shows none of the forms that would need it (style.css, `:not(:defined)`).
  {
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await p.goto(server.url);
    const noScript = await p.evaluate(() => ({
      note: document.querySelector('.noscript')?.getBoundingClientRect().height > 0,
      forms: document.querySelector('.page-side').getBoundingClientRect().height,
      ran: performance.getEntriesByName('parallax:script').length,
    }));
    check('without JavaScript the page says it needs it and shows no forms that would do nothing', noScript.note && noScript.forms === 0 && noScript.ran === 0, noScript);
    await p.close();
  }

  // ---------------------------------------------------------------- a first visit
  // The seeds are shown and compared before IndexedDB is opened (creating the database
  // shared the cores with the first comparison, app.js), and what the reader changes
  // meanwhile is saved once it is: here an article removed as soon as the comparison shows.
  {
    const first = await launch({ origin, viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    try {
      const p = first.watch(await first.context.newPage());
      await p.addInitScript(() => {
        // How much the page moved under the reader (the layout shifts of Core Web Vitals' CLS).
        window.shifts = [];
        new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => ({ at: Math.round(e.startTime), value: e.value })))).observe({ type: 'layout-shift', buffered: true });
        if (localStorage.getItem('parallax.saved')) return; // The reload below.
        new PerformanceObserver((list, observer) => {
          const shadow = document.querySelector('parallax-compare')?.shadowRoot;
          const text = (view) => shadow.querySelector(`[data-view=${view}] .view-body`).textContent.trim();
          const shown = () => getComputedStyle(shadow.querySelector('.layout')).visibility !== 'hidden' && getComputedStyle(document.querySelector('.page-side')).visibility !== 'hidden';
          if (list.getEntriesByName('parallax:seeds-read').length) window.waiting = { list: text('articles').split('\n')[0], matrix: text('matrix'), shown: shown() };
          if (list.getEntriesByName('parallax:first-view').length === 0) return;
          window.firstRows = shadow.querySelectorAll('li.article').length;
          window.firstShownViews = shown();
          window.firstShown = {
            pageThread: performance.getEntriesByName('parallax:page-thread-comparison').length === 1,
            comparisonOnly: document.querySelector('parallax-compare').report?.comparisonOnly,
          };
          observer.disconnect();
          window.firstVisit = indexedDB.databases().then((found) => found.map((d) => d.name));
          const el = document.querySelector('parallax-compare');
          const { id } = el.articles.at(-1);
          window.removedAt = performance.now();
          el.dispatchEvent(new CustomEvent('parallax-remove-article', { detail: { id }, bubbles: true, composed: true, cancelable: true }));
        }).observe({ type: 'mark' });
      });
      await p.goto(server.url);
      await p.waitForFunction(() => window.firstVisit, null, { timeout: TIMEOUT });
      const databases = await p.evaluate(() => window.firstVisit);
      check('a first visit opens no database before the seeds are compared', Array.isArray(databases) && !databases.includes('parallax'), databases);
      // The seeds' list waits for their comparison (parallax-compare.js, FIRST_LIST_WAIT_MS), and says so meanwhile.
      // Until then the views are not shown at all (FIRST_LIST_WAIT_MS): shown empty, with the page's forms below, the whole page jumped when the list came.
      const shown = await p.evaluate(() => ({ waiting: window.waiting, rows: window.firstRows, then: window.firstShownViews }));
      check('until the first comparison, the list and the matrix say the articles are being read, hidden with the page\'s forms; then both are drawn and shown',
        /^Reading the articles/.test(shown.waiting?.list) && /Reading the articles/.test(shown.waiting?.matrix) && shown.waiting.shown === false && shown.rows === 5 && shown.then === true, shown);
      // engine-client.js, `compareOnPageThread`: the worker then computes the whole report alone.
      // The first visit's load, up to the removal, moved nothing (CLS 0.36 when the views were shown empty first).
      const moved = await p.evaluate(() => window.shifts.filter((s) => s.at < window.removedAt).reduce((sum, s) => sum + s.value, 0));
      check('the first visit\'s load moves nothing on the page before its first comparison (layout shift under 0.05; 0.1 is "good")', moved < 0.05, moved);
      const firstShown = await p.evaluate(() => window.firstShown);
      check('the seeds\' first comparison is computed on the page\'s own thread while the worker starts',
        firstShown?.pageThread === true && firstShown.comparisonOnly === true, firstShown);
      await p.waitForFunction(() => localStorage.getItem('parallax.saved') === '1', null, { timeout: TIMEOUT });
      await p.reload();
      await p.waitForFunction(() => {
        const el = document.querySelector('parallax-compare');
        return el?.report?.documents.length === 4 && !el.busy;
      }, null, { timeout: TIMEOUT });
      const kept = await p.evaluate(() => document.querySelector('parallax-compare').articles.map((a) => a.id));
      const whole = await p.evaluate(() => {
        const { report } = document.querySelector('parallax-compare');
        return { comparisonOnly: report.comparisonOnly, quotes: report.documents.some((d) => d.quotes.length > 0) };
      });
      check('then the worker\'s whole report replaces it', whole.comparisonOnly === false && whole.quotes, whole);
      await idle(p);
      const movedAgain = await p.evaluate(() => window.shifts.reduce((sum, s) => sum + s.value, 0));
      check('a return visit\'s load moves nothing on the page, to its whole report (layout shift under 0.05)', movedAgain < 0.05, movedAgain);
      check('an article removed before the database opened stays removed after a reload', kept.join() === seedFiles.slice(0, 4).map((f) => f.replace('.txt', '')).join(), kept);
      check('the first visit: no request left the origin, no console error', first.problems.length === 0, first.problems);
    } finally {
      await first.close();
    }
  }

  await page.goto(server.url);
  await waitRows(5);
  await waitIdle();

  // ---------------------------------------------------------------- the two engines
  // The seeds are the lean engine's; an article with characters its normalization
  // tables lack (src/normal/: here Han) is refused by it and answered by the full one.
  check('the seeds are compared by the lean engine alone', [...wasmFetched].join() === 'parallax_lean_bg.wasm', [...wasmFetched]);
  await paste(`${seedText}\n\nPresident Xi Jinping (习近平) welcomed the talks.`, 'With a name in Chinese');
  await waitRows(6);
  await waitIdle();
  const named = await page.evaluate(() => document.querySelector('parallax-compare').report.documents.at(-1).title);
  check('an article with Han characters is compared, by the full engine fetched for it', named === 'With a name in Chinese' && wasmFetched.has('parallax_bg.wasm'), { named, wasm: [...wasmFetched] });
  await removeLast();
  await waitRows(5);
  await waitIdle();

  // ---------------------------------------------------------------- accessibility
  await page.click(`parallax-compare .matrix button.cell[data-row="${seedFiles[3].replace('.txt', '')}"][data-col="${seedFiles[2].replace('.txt', '')}"]`);
  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'widget-page-desktop.png') });
  const minor = await axe('1280 px with a pair open');
  if (minor.length) console.log(`      (moderate or minor: ${minor.map((v) => `${v.id} ${v.impact}`).join(', ')})`);
  await page.setViewportSize({ width: 360, height: 800 });
  await axe('360 px');
  await page.evaluate(() => document.querySelector('.page-side').scrollIntoView());
  await page.screenshot({ path: join(SHOTS, 'widget-page-360-add.png') });
  const fits = await page.evaluate(() => document.documentElement.scrollWidth);
  check('at 360 px the page does not scroll sideways', fits <= 360, fits);
  await page.setViewportSize({ width: 1280, height: 900 });

  // ---------------------------------------------------------------- export
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('parallax-compare .export button:first-child')]);
  const exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
  check('the report downloads as JSON with the articles and every pair', exported.articles.length === 5 && exported.report.documents.length === 5 && exported.report.pairs.length === 10,
    { articles: exported.articles?.length, pairs: exported.report?.pairs?.length });
  await paste(`${seedText.slice(0, 2000)}\nA closing line.`, '=HYPERLINK("x"), "quoted"');
  await waitRows(6);
  await waitIdle();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('parallax-compare .export button:last-child')]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  check('the CSV quotes a title with commas and quotes, and defuses a formula', csvText.includes('"\'=HYPERLINK(""x""), ""quoted"""'), csvText.split('\r\n').at(-2));
  await removeLast();
  await waitRows(5);
  await waitIdle();

  // ---------------------------------------------------------------- IndexedDB, > 5 MB
  const big = bigText(6_000_000);
  await paste(big, 'Six megabytes');
  await waitRows(6, BIG_TIMEOUT);
  await waitIdle(BIG_TIMEOUT);
  await page.waitForTimeout(500); // the save is asynchronous
  await page.reload();
  await waitRows(6, BIG_TIMEOUT);
  const kept = await page.evaluate(() => document.querySelector('parallax-compare').articles.at(-1));
  check('a 6 MB article survives a reload (IndexedDB)', kept.title === 'Six megabytes' && kept.text.length === big.length, { title: kept.title, length: kept.text.length });
  // Over PAGE_THREAD_UP_TO (engine-client.js), the first comparison is the worker's, not the page thread's: that would hold the page for seconds.
  const firstFrom = await page.evaluate(() => ({
    pageThread: performance.getEntriesByName('parallax:page-thread-comparison').length,
    early: performance.getEntriesByName('parallax:comparison-done').length,
  }));
  check('a first set over 48,000 characters is compared by the worker alone, its comparison first', firstFrom.pageThread === 0 && firstFrom.early === 1, firstFrom);
  check('localStorage keeps no articles, only the mark that some were saved', await page.evaluate(() => JSON.stringify(Object.keys(localStorage))) === '["parallax.saved"]');
  await waitIdle(BIG_TIMEOUT);
  // Saved by a version before the mark: the seeds come first (a first visit, as far as
  // the page can tell at once), then the saved articles, once IndexedDB has opened.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitRows(6, BIG_TIMEOUT);
  const unmarked = await page.evaluate(() => ({ last: document.querySelector('parallax-compare').articles.at(-1).title, mark: localStorage.getItem('parallax.saved') }));
  check('articles saved without the mark are still the ones shown, and the mark is set', unmarked.last === 'Six megabytes' && unmarked.mark === '1', unmarked);
  await waitIdle(BIG_TIMEOUT);
  const settingsKept = await page.evaluate(async () => {
    const el = document.querySelector('parallax-compare');
    el.shadowRoot.querySelector('select[name=metric]').value = 'cosine';
    el.shadowRoot.querySelector('select[name=metric]').dispatchEvent(new Event('change'));
    await new Promise((ok) => setTimeout(ok, 300));
    return el.metric;
  });
  await page.reload();
  await waitRows(6, BIG_TIMEOUT);
  check('a setting survives a reload', settingsKept === 'cosine' && await page.evaluate(() => document.querySelector('parallax-compare').metric) === 'cosine');
  await page.evaluate(() => { document.querySelector('parallax-compare').metric = 'containment'; });
  await waitIdle(BIG_TIMEOUT);

  // ---------------------------------------------------------------- cancel
  // Another big article: the analysis of seven articles, two of them large, takes seconds.
  // The text is handed to the page first: moving 6 MB through the driver is not the page's work.
  await page.evaluate((text) => { window.__big = text; }, bigText(6_000_000, 7));
  const matrixTop = () => page.evaluate(() => {
    const el = document.querySelector('parallax-compare');
    return el.shadowRoot.querySelector('[data-view=matrix]').getBoundingClientRect().top - el.getBoundingClientRect().top;
  });
  const idleTop = await matrixTop();
  await page.evaluate(() => {
    // The longest gap between frames while the page adds the article and the worker works.
    window.__maxGap = 0;
    let last = performance.now();
    const tick = (t) => { window.__maxGap = Math.max(window.__maxGap, t - last); last = t; window.__raf = requestAnimationFrame(tick); };
    window.__raf = requestAnimationFrame(tick);
    const data = new DataTransfer();
    data.setData('text/plain', window.__big);
    document.querySelector('.add-article textarea').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    document.querySelector('.add-article input[name=title]').value = 'Another six megabytes';
    document.querySelector('.add-article button[type=submit]').click();
  });
  await page.waitForSelector('parallax-compare .status:not([hidden]) button.cancel', { timeout: TIMEOUT });
  const busyTop = await matrixTop();
  check('the status line with Cancel moves nothing below it as it comes (its place is kept)', idleTop > 0 && busyTop === idleTop, { idleTop, busyTop });
  await page.evaluate(() => document.querySelector('parallax-compare').shadowRoot.querySelector('.status').scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(SHOTS, 'widget-page-busy.png') });
  const cancelledAt = Date.now();
  await page.click('parallax-compare .status button.cancel');
  await waitIdle(5_000);
  const stopWait = Date.now() - cancelledAt;
  check('Cancel stops a long analysis at once', stopWait < 2_000, stopWait);
  await waitMessage(/cancelled/);
  check('after Cancel the earlier comparison stays on screen', await rows() === 6);
  const gap = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return Math.round(window.__maxGap); });
  // A bound that catches a freeze (a 6 MB text box took 23 s) on a machine shared with other builds.
  check('the page kept drawing frames while the engine worked (longest gap under 2 s)', gap < 2_000, gap);
  console.log(`      longest gap between frames during the 6 MB paste and analysis: ${gap} ms`);
  // The next change analyzes again with a fresh worker.
  await removeLast();
  await removeLast();
  await waitRows(5, BIG_TIMEOUT);
  await waitIdle(BIG_TIMEOUT);
  check('after Cancel the next change is analyzed again', await rows() === 5);

  // ---------------------------------------------------------------- HTML files
  const html = `<!doctype html><html><head><title>From a saved page</title><script>window.__pwned = 1</script><style>p{}</style></head>
    <body><nav>Home | World | Sport</nav><article><h1>Syria talks</h1><p>Obama and Putin met in Hangzhou for talks on Syria.</p>
    <p>The talks <b>ended</b> without a deal, officials said on Monday.</p><img src="https://example.com/x.png" onerror="window.__pwned = 2"></article>
    <footer>Copyright</footer></body></html>`;
  await page.setInputFiles('.add-article input[type=file]', { name: 'saved-page.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await waitRows(6);
  const fromHtml = await page.evaluate(() => document.querySelector('parallax-compare').articles.at(-1));
  check('an .html file is read: its title, its paragraphs, not its script, menu or footer',
    fromHtml.title === 'From a saved page' && /Obama and Putin met/.test(fromHtml.text) && /ended without a deal/.test(fromHtml.text)
    && !/__pwned|Home \| World|Copyright/.test(fromHtml.text) && await page.evaluate(() => window.__pwned) === undefined, fromHtml);
  await removeLast();
  await waitRows(5);

  // ---------------------------------------------------------------- web addresses
  const outside = [];
  await page.route('https://news.example/**', (route) => {
    outside.push(route.request().url());
    // A fulfilled response is not held to CORS by Playwright, so a site that does not allow
    // it is played by a failed fetch: the browser tells the page no more than that either.
    if (!route.request().url().includes('/open')) return route.abort('accessdenied');
    return route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'access-control-allow-origin': '*' },
      body: '<html><head><title>Fetched story</title></head><body><article><p>Kerry and Lavrov met in Geneva about a ceasefire in Syria.</p></article></body></html>',
    });
  });
  await page.fill('.add-url-form input[type=url]', 'https://news.example/open/story');
  await page.click('.add-url-form button[type=submit]');
  await waitRows(6);
  const fetched = await page.evaluate(() => document.querySelector('parallax-compare').articles.at(-1));
  check('a web address whose site allows it is fetched and read', fetched.title === 'Fetched story' && /Kerry and Lavrov/.test(fetched.text), fetched);
  await removeLast();
  await waitRows(5);
  await page.fill('.add-url-form input[type=url]', 'https://news.example/closed/story');
  await page.click('.add-url-form button[type=submit]');
  await waitMessage(/does not let this page read it/);
  check('a site that does not allow it gets a clear message, nothing added', await rows() === 5, await messages());
  await page.fill('.add-url-form input[type=url]', 'javascript:alert(1)');
  await page.click('.add-url-form button[type=submit]');
  // type=url refuses it before submit in most browsers; either way nothing runs and nothing is added.
  check('a javascript: address is not followed', await rows() === 5 && await page.evaluate(() => window.__pwned) === undefined);

  // Expected: the refused address, and the CSP reporting the saved page's inline style and
  // onerror handler as blocked when the stand-in HTML reader (DOMParser) parses it.
  const foreign = problems.filter((p) => !/ERR_ACCESS_DENIED|news\.example/.test(p)
    && !/^console error: (Applying inline style|Executing inline event handler) violates the following Content Security Policy/.test(p));
  check('no console errors, page errors or requests outside the origin (beyond the addresses given)', foreign.length === 0 && outside.every((u) => u.startsWith('https://news.example/')), foreign);
} finally {
  await browser.close();
  await server.close();
}
summary();
