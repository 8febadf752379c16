// Offline: (1) dist/parallax.html opened from file:// with every request that is not
// file: refused by routing, and none attempted; the seeds compared, hostile text
// inert, the CSP pinning the inline script by hash. (2) The served page, once
// visited, reloads and compares with the server gone (its service worker).
// Screenshot: $SHOTS/widget-offline.png.
//
//   node tests/e2e/offline.mjs      (needs `make build dist`)
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { launch, waitIdle } from '../support/browser.mjs';
import { check, summary } from '../support/check.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WWW = join(ROOT, 'www');
const DIST = join(ROOT, 'dist/parallax.html');
const SHOTS = process.env.SHOTS ?? join(ROOT, '../shots');
const TIMEOUT = 60_000;
setTimeout(() => { console.log('offline: more than 5 minutes; stopping'); process.exit(1); }, 5 * 60_000).unref();
if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run make dist`);

const shadowRows = () => document.querySelector('parallax-compare')?.shadowRoot?.querySelectorAll('.matrix tbody tr').length;

// ---------------------------------------------------------------- the offline file
{
  const browser = await launch({ origin: 'file://', viewport: { width: 1280, height: 900 } });
  const { context, problems } = browser;
  const refused = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    refused.push(url);
    return route.abort('internetdisconnected');
  });
  try {
    const page = browser.watch(await context.newPage());
    page.on('dialog', (d) => d.accept());
    await page.goto(pathToFileURL(DIST).href);
    await page.waitForFunction((n) => document.querySelector('parallax-compare')?.shadowRoot?.querySelectorAll('.matrix tbody tr').length === n, 5, { timeout: TIMEOUT });
    check('the offline file compares the five seeds from file://', await page.evaluate(shadowRows) === 5);
    // The matrix comes with the comparison alone (the first one on the page's own
    // thread); the news views with the whole report after it.
    await waitIdle(page, TIMEOUT);
    const news = await page.evaluate(() => {
      const root = document.querySelector('parallax-compare').shadowRoot;
      const card = root.querySelector('[data-view=adds] .adds-card');
      return {
        edges: root.querySelectorAll('[data-view=relations] svg .edge').length,
        quoteRows: root.querySelectorAll('[data-view=quotes] table.quotes tbody tr').length,
        cards: root.querySelectorAll('[data-view=adds] .adds-card').length,
        // The views' CSS reached the shadow root: a card has its border.
        styled: Boolean(card) && getComputedStyle(card).borderTopStyle === 'solid',
      };
    });
    check('the offline file shows the news views (relations, quotes, what each adds), styled', news.edges >= 1 && news.quoteRows >= 1 && news.cards === 5 && news.styled, news);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'widget-offline.png') });

    const csp = await page.$eval('meta[http-equiv=Content-Security-Policy]', (m) => m.content);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    check('its CSP pins the inline script by hash, allows wasm, and names no remote source', /^'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'$/.test(scriptSrc)
      && !/http:|\*|'unsafe-inline'|'unsafe-eval'/.test(csp) && /worker-src blob:/.test(csp), csp);

    // Hostile text through the page's own add form.
    const hostile = 'Offline <script>window.__pwned=1</script> <img src="https://example.com/x.png" onerror="window.__pwned=2"> <a href="javascript:window.__pwned=3">link</a> about Obama, Putin and Syria talks.';
    await page.evaluate((text) => {
      document.querySelector('.add-article textarea').value = text;
      document.querySelector('.add-article input[name=title]').value = '<b onclick="window.__pwned=4">t</b>';
    }, hostile);
    await page.click('.add-article button[type=submit]');
    await page.waitForFunction(() => document.querySelector('parallax-compare').shadowRoot.querySelectorAll('.matrix tbody tr').length === 6, null, { timeout: TIMEOUT });
    const inert = await page.evaluate(() => ({
      pwned: window.__pwned,
      built: document.querySelector('parallax-compare').shadowRoot.querySelectorAll('script, img, a, b').length,
    }));
    check('hostile article text stays inert in the offline file', inert.pwned === undefined && inert.built === 0, inert);
    // Reload: the articles come back from IndexedDB (file:// has its own storage).
    await page.reload();
    await page.waitForFunction((n) => document.querySelector('parallax-compare')?.shadowRoot?.querySelectorAll('.matrix tbody tr').length === n, 6, { timeout: TIMEOUT });
    check('the offline file keeps an added article across a reload', true);
    check('no request other than file: was attempted', refused.length === 0, refused);
    check('no console error (a CSP violation would be one) or page error', problems.length === 0, problems);
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- the service worker
{
  const sw = readFileSync(join(WWW, 'sw.js'), 'utf8');
  const listed = new Set([...sw.matchAll(/'([^']+)'/g)].map((m) => m[1]));
  const walk = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  // Files the page itself does not load: docs, types, the service worker, and the
  // modules, which it loads as one file, app.bundle.js, the engine's glue included.
  const needed = walk(WWW).map((f) => relative(WWW, f).split('\\').join('/'))
    .filter((f) => !/(README\.md|\.d\.ts|^sw\.js|\.json$)/.test(f) || f === 'seeds/manifest.json')
    .filter((f) => !f.endsWith('.js') || f === 'app.bundle.js');
  const missing = needed.filter((f) => !listed.has(f));
  check('sw.js caches every file the page loads', missing.length === 0, missing);

  let server = await serve(WWW, 0);
  const origin = new URL(server.url).origin;
  const browser = await launch({ origin, viewport: { width: 1280, height: 900 } });
  try {
    const page = browser.watch(await browser.context.newPage());
    await page.goto(server.url);
    await page.waitForFunction((n) => document.querySelector('parallax-compare')?.shadowRoot?.querySelectorAll('.matrix tbody tr').length === n, 5, { timeout: TIMEOUT });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await server.close();
    server = null;
    await page.reload();
    await page.waitForFunction((n) => document.querySelector('parallax-compare')?.shadowRoot?.querySelectorAll('.matrix tbody tr').length === n, 5, { timeout: TIMEOUT });
    check('with the server gone, the page reloads and compares (service worker)', true);
    const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller));
    check('the reloaded page is controlled by the service worker', controlled);
  } finally {
    await browser.close();
    await server?.close();
  }
}
summary();
