// <parallax-compare> in host pages of its own, as a web developer uses it: articles
// from child <article> elements and from the `articles` property, reflected
// attributes, bubbling composed events, ::part and --parallax-* theming, the worker
// started on connect and ended on disconnect, a worker file for a CSP without blob:,
// hostile article text kept inert, 360 px and desktop widths. Screenshots go to
// $SHOTS (default ../shots) as widget-host-360.png and widget-host-desktop.png.
//
//   node tests/e2e/element.mjs      (needs `make build`)
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { launch } from '../support/browser.mjs';
import { check, summary } from '../support/check.mjs';

const WWW = fileURLToPath(new URL('../../www/', import.meta.url));
const SHOTS = process.env.SHOTS ?? fileURLToPath(new URL('../../../shots/', import.meta.url));
const TIMEOUT = 30_000;
setTimeout(() => { console.log('element: more than 5 minutes; stopping'); process.exit(1); }, 5 * 60_000).unref();

const seedFiles = JSON.parse(readFileSync(join(WWW, 'seeds/manifest.json'), 'utf8'));
const seeds = seedFiles.map((f) => readFileSync(join(WWW, 'seeds', f), 'utf8'));
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const HOSTILE_TEXT = 'Hostile <script>window.__pwned = 1</script> text <img src=x onerror="window.__pwned = 2"> and <a href="javascript:window.__pwned = 3">a link</a> about Syria, Obama and Putin.';
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned = 4">Title';

/** A host page: three seeds as child articles (escaped, as a server would), and a script. */
function hostPage({ csp = '', script = '', attrs = '' } = {}) {
  const articles = seeds.slice(1, 4).map((text, i) => `    <article data-id="s${i}" data-title="Seed ${i + 1}">${escapeHtml(text)}</article>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}
  <title>Host page</title>
  <style>
    body { margin: 0; padding: 8px; font-family: sans-serif; }
    .themed { --parallax-accent: rgb(0, 90, 50); }
    .parted::part(matrix) { outline: 2px solid rgb(1, 2, 3); }
  </style>
  <script type="module" src="/host.js"></script></head>
  <body><h1>A blog post</h1><p>Three articles compared below.</p>
  <parallax-compare id="c" ${attrs}>
${articles}
  </parallax-compare></body></html>`;
}

const server = await serve(WWW, 0);
const origin = new URL(server.url).origin;
const browser = await launch({ origin, viewport: { width: 1280, height: 900 } });
const { context, problems } = browser;

/** Serves `html` as /host.html and `script` as /host.js (fulfilled by the test, same origin). */
async function openHost(page, html, script) {
  await page.route(`${origin}/host.html`, (r) => r.fulfill({ contentType: 'text/html', body: html }));
  await page.route(`${origin}/host.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: script }));
  await page.goto(`${origin}/host.html`);
}

const rows = (page) => page.locator('parallax-compare .matrix tbody tr').count();
const waitRows = (page, n) => page.waitForFunction((n) => document.querySelector('parallax-compare')?.shadowRoot?.querySelectorAll('.matrix tbody tr').length === n, n, { timeout: TIMEOUT });

try {
  mkdirSync(SHOTS, { recursive: true });
  const page = browser.watch(await context.newPage());
  const workers = [];
  const closedWorkers = new Set();
  page.on('worker', (w) => {
    workers.push(w);
    w.once('close', () => closedWorkers.add(w));
  });
  await openHost(page, hostPage(), `
    import { define, ParallaxCompare } from '/widget.js';
    window.__events = [];
    for (const type of ['parallax-select-pair', 'parallax-select-passage', 'parallax-report', 'parallax-busy', 'parallax-settings'])
      document.addEventListener(type, (e) => window.__events.push({ type, detail: JSON.parse(JSON.stringify(e.detail)), composed: e.composed, bubbles: e.bubbles }));
    window.__define = { define, ParallaxCompare };
  `);
  await waitRows(page, 3);

  // ------------------------------------------------------------ definition
  const def = await page.evaluate(() => {
    const { define, ParallaxCompare } = window.__define;
    const Defined = customElements.get('parallax-compare');
    const again = define(); // guarded: a second call is harmless
    const Other = define('other-compare');
    return {
      same: Defined === ParallaxCompare && again === Defined,
      other: Boolean(Other) && new Other() instanceof ParallaxCompare,
      upgraded: document.getElementById('c') instanceof ParallaxCompare,
    };
  });
  check('define(): guarded, the element class exported, another tag name possible', def.same && def.other && def.upgraded, def);

  // ------------------------------------------------------------ custom-elements.json against the element
  const manifest = JSON.parse(readFileSync(join(WWW, 'custom-elements.json'), 'utf8')).modules[0].declarations[0];
  const real = await page.evaluate(() => {
    const el = document.getElementById('c');
    return {
      attributes: customElements.get('parallax-compare').observedAttributes,
      parts: [...new Set([...el.shadowRoot.querySelectorAll('[part]')].map((e) => e.getAttribute('part')))],
    };
  });
  const css = readFileSync(join(WWW, 'components/styles.js'), 'utf8');
  const cssProps = [...new Set([...css.matchAll(/var\((--parallax-[a-z-]+)/g)].map((m) => m[1]))];
  const same = (a, b) => [...a].sort().join() === [...b].sort().join();
  check('custom-elements.json lists the observed attributes, the parts and the --parallax-* properties',
    same(manifest.attributes.map((a) => a.name), real.attributes) && same(manifest.cssParts.map((p) => p.name), real.parts)
    && same(manifest.cssProperties.map((p) => p.name), cssProps), { real, cssProps });

  // ------------------------------------------------------------ articles from children
  const titles = await page.$$eval('parallax-compare [data-view=articles] .article-title', (els) => els.map((e) => e.textContent));
  check('child <article data-title> elements are the articles', titles.join('|') === 'Seed 1|Seed 2|Seed 3', titles);
  const firstText = await page.evaluate(() => document.getElementById('c').articles[0].text);
  check('an article\'s text is its child element\'s text', firstText === seeds[1].trim(), firstText.slice(0, 80));

  // ------------------------------------------------------------ events
  await page.click('parallax-compare .matrix button.cell[data-row="s1"][data-col="s2"]');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'parallax-select-pair'));
  const pairEvent = await page.evaluate(() => window.__events.find((e) => e.type === 'parallax-select-pair'));
  check('choosing a cell dispatches parallax-select-pair (bubbles, composed) with the pair', pairEvent.bubbles && pairEvent.composed && pairEvent.detail.left === 's1' && pairEvent.detail.right === 's2', pairEvent);
  await page.click('parallax-compare [data-view=pair] .nav button:last-child');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'parallax-select-passage'));
  const passage = await page.evaluate(() => window.__events.find((e) => e.type === 'parallax-select-passage'));
  const slice = await page.evaluate(({ a }) => document.getElementById('c').articles.find((x) => x.id === 's1').text.slice(a.start, a.end), passage.detail);
  check('walking to a passage dispatches parallax-select-passage (bubbles, composed) with its ranges', passage.bubbles && passage.composed && Number.isInteger(passage.detail.index) && slice.length > 20, { passage, slice: slice.slice(0, 60) });
  // The news views are the element's too: a claim opens its passage in the pair view and tells the host.
  const views = await page.evaluate(() => [...document.getElementById('c').shadowRoot.querySelectorAll('section[data-view]')].map((s) => s.dataset.view));
  check('the news views are sections of the element (relations, quotes, adds)', ['relations', 'quotes', 'adds'].every((v) => views.includes(v)), views);
  const claimButton = await page.$('parallax-compare [data-view=adds] button.claim-link') ?? await page.$('parallax-compare [data-view=quotes] button.quote-wording');
  const claimRange = await claimButton?.evaluate((b) => ({ id: b.dataset.id, start: Number(b.dataset.start), end: Number(b.dataset.end) }));
  await claimButton?.click();
  const claimEvent = claimButton && await page.waitForFunction(() => window.__events.find((e) => e.type === 'parallax-select-passage' && e.detail.index === -1), null, { timeout: 10_000 })
    .then((handle) => handle.jsonValue(), () => null);
  const claimShown = await page.evaluate(() => [...document.getElementById('c').shadowRoot.querySelectorAll('[data-view=pair] .pane .claim')].map((e) => e.textContent).join(''));
  const claimText = claimRange && await page.evaluate(({ id, start, end }) => document.getElementById('c').articles.find((a) => a.id === id).text.slice(start, end), claimRange);
  check('a claim in the news views opens its passage in the pair view and dispatches parallax-select-passage',
    Boolean(claimEvent) && claimEvent.bubbles && claimEvent.composed && claimEvent.detail.id === claimRange.id
    && [claimEvent.detail.left, claimEvent.detail.right].includes(claimRange.id) && claimShown.length > 0 && claimText.includes(claimShown.trim().slice(0, 20)),
    { claimRange, claimEvent, claimShown: claimShown.slice(0, 60) });
  const reportEvent = await page.evaluate(() => window.__events.find((e) => e.type === 'parallax-report'));
  check('a finished analysis dispatches parallax-report', reportEvent?.detail.report.documents.length === 3);

  // ------------------------------------------------------------ attributes and properties
  const reflected = await page.evaluate(() => {
    const el = document.getElementById('c');
    el.metric = 'jaccard';
    const attr = el.getAttribute('metric');
    el.setAttribute('min-passage-words', '12');
    const excludeBefore = el.excludeBoilerplate;
    el.excludeBoilerplate = false;
    const excludeAttr = el.getAttribute('exclude-boilerplate');
    const box = el.shadowRoot.querySelector('[data-view=pair] input[name=excludeBoilerplate]').checked;
    const inSettings = el.settings.excludeBoilerplate;
    el.excludeBoilerplate = true;
    return { attr, words: el.minPassageWords, workerUrl: el.workerUrl, editable: el.editable, excludeBefore, excludeAttr, box, inSettings };
  });
  check('attributes reflect to properties and back', reflected.attr === 'jaccard' && reflected.words === 12 && reflected.workerUrl === null && reflected.editable === false, reflected);
  check('exclude-boilerplate: on by default, reflected, shown in the pair view and in settings',
    reflected.excludeBefore === true && reflected.excludeAttr === 'false' && reflected.box === false && reflected.inSettings === false, reflected);
  await page.waitForFunction(() => document.querySelector('parallax-compare').shadowRoot.querySelector('.matrix caption')?.textContent.includes('Jaccard'));
  check('the metric attribute changes the matrix', true);

  // ------------------------------------------------------------ theming
  const theme = await page.evaluate(() => {
    const el = document.getElementById('c');
    const section = el.shadowRoot.querySelector('[data-view=matrix]');
    el.classList.add('parted');
    const outline = getComputedStyle(section).outlineColor;
    el.classList.remove('parted');
    const before = getComputedStyle(el.shadowRoot.querySelector('.bar')).backgroundColor;
    el.classList.add('themed');
    const after = getComputedStyle(el.shadowRoot.querySelector('.bar')).backgroundColor;
    el.classList.remove('themed');
    return { outline, before, after };
  });
  check('::part(matrix) styles the matrix section', theme.outline === 'rgb(1, 2, 3)', theme);
  check('--parallax-accent themes the views', theme.after === 'rgb(0, 90, 50)' && theme.before !== theme.after, theme);

  // ------------------------------------------------------------ articles property, hostile text
  await page.evaluate(({ text, title, seeds }) => {
    document.getElementById('c').articles = [{ id: 'x', title, text }, { id: 'y', title: 'Seed', text: seeds[3] }];
  }, { text: HOSTILE_TEXT, title: HOSTILE_TITLE, seeds });
  await waitRows(page, 2);
  await page.click('parallax-compare .matrix button.cell[data-row="x"][data-col="y"]');
  const inert = await page.evaluate(() => {
    const root = document.getElementById('c').shadowRoot;
    return {
      pwned: window.__pwned,
      built: root.querySelectorAll('script, img, a, iframe, object').length,
      pane: root.querySelector('.pane[data-side=a]')?.textContent,
      title: root.querySelector('.article-title')?.textContent,
    };
  });
  check('the articles property replaces the child articles', await rows(page) === 2);
  check('hostile text and titles are shown as text; no script ran, no element was built', inert.pwned === undefined && inert.built === 0 && inert.pane === HOSTILE_TEXT && inert.title === HOSTILE_TITLE, inert);

  // ------------------------------------------------------------ worker lifecycle
  // One worker at a time: the one started when connected, or the one that replaced it (an
  // analysis replaced after 500 ms ends its worker, which a loaded machine can reach).
  const started = await page.evaluate(() => document.getElementById('c').engine.workersStarted);
  const live = workers.filter((w) => !closedWorkers.has(w));
  check('the element runs one worker, started when connected', live.length === 1 && workers.length === started, { started, urls: workers.map((w) => w.url().slice(0, 30)) });
  const closed = new Promise((ok) => live[0].once('close', () => ok(true)));
  await page.evaluate(() => document.getElementById('c').remove());
  check('removing the element ends its worker', await Promise.race([closed, new Promise((ok) => setTimeout(() => ok(false), 5000))]));
  await page.evaluate(() => {
    const el = document.createElement('parallax-compare');
    el.id = 'c';
    el.articles = [{ id: 'a', text: 'One two three four five six seven eight nine ten.' }, { id: 'b', text: 'One two three four five six seven eight nine ten, again.' }];
    document.body.append(el);
  });
  await waitRows(page, 2);
  check('a new element starts a new worker on connect', workers.length === started + 1);
  await page.close();

  // ------------------------------------------------------------ strict CSP: a worker file
  const strict = browser.watch(await context.newPage());
  await openHost(strict, hostPage({
    csp: "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; connect-src 'self'; worker-src 'self'",
    attrs: 'worker-url="/worker.js"',
  }), "import '/widget.js';");
  await waitRows(strict, 3);
  check('under a CSP without blob:, worker-url="/worker.js" runs the engine', await rows(strict) === 3);
  await strict.close();

  // ------------------------------------------------------------ widths
  for (const [name, viewport] of [['360', { width: 360, height: 800 }], ['desktop', { width: 1280, height: 900 }]]) {
    const p = browser.watch(await context.newPage());
    await p.setViewportSize(viewport);
    await openHost(p, hostPage(), "import '/widget.js';");
    await waitRows(p, 3);
    await p.click('parallax-compare .matrix button.cell[data-row="s1"][data-col="s2"]');
    await p.evaluate(() => window.scrollTo(0, 0));
    const fit = await p.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      element: document.getElementById('c').getBoundingClientRect().width,
      // Wider than the viewport: any box in the shadow root that is not inside a scroll container.
      wide: [...document.getElementById('c').shadowRoot.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > innerWidth + 1 && !el.closest('.matrix-scroll')).map((el) => el.className || el.tagName).slice(0, 5),
      // The status line keeps its place when hidden: one line, whatever the width.
      status: document.getElementById('c').shadowRoot.querySelector('.status').getBoundingClientRect().height,
      cancel: document.getElementById('c').shadowRoot.querySelector('.status .cancel').getBoundingClientRect().height,
    }));
    check(`at ${name} the element fits its container (no sideways scrolling)`, fit.page <= viewport.width && fit.element <= viewport.width && fit.wide.length === 0, fit);
    check(`at ${name} the hidden status line keeps one line's place, no more`, fit.cancel > 0 && fit.status <= fit.cancel + 1, fit);
    await p.screenshot({ path: join(SHOTS, `widget-host-${name}.png`) });
    if (name === '360') {
      // The matrix and the pair view, as a phone shows them.
      for (const view of ['matrix', 'pair']) {
        await p.evaluate((v) => document.getElementById('c').shadowRoot.querySelector(`[data-view=${v}]`).scrollIntoView(), view);
        await p.screenshot({ path: join(SHOTS, `widget-host-360-${view}.png`) });
      }
    }
    await p.close();
  }

  // ------------------------------------------------------------ first drawing
  // A fresh element's views wait, hidden, for its first comparison (FIRST_LIST_WAIT_MS,
  // 300 ms): never longer, whether the host gives no articles or changes them every 8 ms,
  // faster than they can be compared (each change restarts the list's wait).
  {
    const p = browser.watch(await context.newPage());
    await openHost(p, hostPage(), "import '/widget.js';");
    await waitRows(p, 3);
    const shown = await p.evaluate(async (seeds) => {
      const visible = (el) => getComputedStyle(el.shadowRoot.querySelector('.layout')).visibility === 'visible';
      const empty = document.createElement('parallax-compare');
      const busy = document.createElement('parallax-compare');
      document.body.append(empty, busy);
      const at = { empty: visible(empty), busy: visible(busy) };
      let n = 0;
      const ticker = setInterval(() => { busy.articles = [{ id: 'a', text: seeds[0] }, { id: 'b', text: `${seeds[1]} ${n++}` }]; }, 8);
      await new Promise((done) => setTimeout(done, 700));
      clearInterval(ticker);
      const result = { atFirst: at, later: { empty: visible(empty), busy: visible(busy) }, emptySays: empty.shadowRoot.querySelector('[data-view=matrix] .view-body').textContent, drawn: busy.drawnOnce, n, gen: busy.generation };
      empty.remove();
      busy.remove();
      return result;
    }, seeds);
    check('a fresh element is hidden until its first comparison, and shown within 300 ms anyway, without articles or with ever-changing ones',
      !shown.atFirst.empty && !shown.atFirst.busy && shown.later.empty && shown.later.busy && /No articles yet/.test(shown.emptySays), shown);
    await p.close();
  }

  check('no console errors, page errors or requests outside the origin', problems.length === 0, problems);
} finally {
  await browser.close();
  await server.close();
}
summary();
