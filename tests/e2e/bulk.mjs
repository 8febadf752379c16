// Many articles at once, in headless Chromium: a folder chosen (<input webkitdirectory>),
// a .zip dropped, a JSON Lines file chosen; bad entries reported by name while the
// others are added; the reading's progress with counts and its Cancel (with the CPU
// slowed, so that there is time to press it); and a set over the large-set line
// (components/large-set.js): the heatmap and neighbour lists instead of the table, the
// article list virtualised (only the rows in view in the DOM), the focused views.
// The fixtures are made here under a temporary folder (tests/fixtures holds none).
//
//   node tests/e2e/bulk.mjs      (needs `make build`)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { launch, waitIdle as idle } from '../support/browser.mjs';
import { check, summary } from '../support/check.mjs';
import { zip } from '../support/zip.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WWW = join(ROOT, 'www');
const TIMEOUT = 60_000;
setTimeout(() => { console.log('bulk: more than 8 minutes; stopping'); process.exit(1); }, 8 * 60_000).unref();

const seedFiles = JSON.parse(readFileSync(join(WWW, 'seeds/manifest.json'), 'utf8'));
const seeds = seedFiles.map((f) => readFileSync(join(WWW, 'seeds', f), 'utf8'));
const words = seeds.join(' ').split(/\s+/).filter(Boolean);
/** A distinct article of about `n` words, or a copy of `base` with a few words changed. */
function article(i, n = 150, base = null) {
  if (base) return base.split(' ').map((w, k) => (k % 23 === i % 23 ? words[(k * 31 + i) % words.length] : w)).join(' ');
  const out = [];
  // A hash of (article, position) picks each word: two articles share no run of words.
  for (let k = 0; k < n; k++) out.push(words[((Math.imul(k + 1, 2654435761) ^ Math.imul(i + 1, 40503)) >>> 0) % words.length] + (k % 15 === 14 ? '.' : ''));
  return out.join(' ');
}
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

const tmp = mkdtempSync(join(tmpdir(), 'parallax-bulk-'));
// A folder: three articles (one HTML, one in a sub-folder), a binary file, a hidden file.
const folder = join(tmp, 'story');
mkdirSync(join(folder, 'more'), { recursive: true });
writeFileSync(join(folder, 'alpha.txt'), article(1));
writeFileSync(join(folder, 'beta.html'), `<!doctype html><title>Beta page</title><article><h1>Beta page</h1><p>${article(2)}</p></article>`);
writeFileSync(join(folder, 'more', 'gamma.md'), `# Gamma heading\n\n${article(3)}`);
writeFileSync(join(folder, 'picture.txt'), PNG);
writeFileSync(join(folder, '.DS_Store'), 'x');
// A zip: deflated and stored entries, a folder entry, a binary entry.
const archive = join(tmp, 'wire.zip');
writeFileSync(archive, zip([
  { name: 'wire/one.txt', data: article(4) },
  { name: 'wire/two.txt', data: article(5), store: true },
  { name: 'wire/', data: '' },
  { name: 'wire/image.txt', data: PNG },
]));
// JSON Lines: two good lines, one that is not JSON, one without text.
const lines = join(tmp, 'feed.jsonl');
writeFileSync(lines, [
  JSON.stringify({ id: 'feed-1', title: 'Feed one', text: article(6) }),
  '{"id": "broken", "text": ',
  JSON.stringify({ id: 'feed-2', title: 'Feed two', text: article(7) }),
  JSON.stringify({ id: 'no-text', title: 'Nothing' }),
].join('\n'));
// A large set: 64 articles in clusters of copies (each 4 articles: one and three edited copies).
const LARGE = 64;
const large = join(tmp, 'large.jsonl');
const largeArticles = [];
for (let c = 0; c < LARGE / 4; c++) {
  const base = article(100 + c, 220);
  for (let k = 0; k < 4; k++) largeArticles.push({ id: `c${c}-${k}`, title: `Cluster ${c} copy ${k}`, text: k === 0 ? base : article(k, 0, base) });
}
writeFileSync(large, largeArticles.map((a) => JSON.stringify(a)).join('\n'));
// 60 articles of 100 kB: an analysis of seconds, to cancel.
const SLOW = 60;
const slow = join(tmp, 'slow.jsonl');
writeFileSync(slow, Array.from({ length: SLOW }, (_, i) => JSON.stringify({ id: `slow-${i}`, text: article(1000 + i, 16_000) })).join('\n'));
// Many small files, to have time to cancel the reading.
const many = join(tmp, 'many');
mkdirSync(many);
for (let i = 0; i < 300; i++) writeFileSync(join(many, `m${String(i).padStart(3, '0')}.txt`), article(500 + i, 40));

const server = await serve(WWW, 0);
const browser = await launch({ origin: new URL(server.url).origin, viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
const page = browser.watch(await browser.context.newPage());
page.on('dialog', (d) => d.accept());

const ids = () => page.evaluate(() => document.querySelector('parallax-compare').articles.map((a) => a.id));
const waitIdle = () => idle(page, TIMEOUT);
// A reset (its question accepted by the dialog handler above) is done
// when the list holds the five seeds again and they are compared.
const reset = async () => {
  await page.click('#reset');
  await page.waitForFunction(() => { const el = document.querySelector('parallax-compare'); return el.articles.length === 5 && el.report?.documents.length === 5 && !el.busy; }, null, { timeout: TIMEOUT });
};
const waitCount = (n) => page.waitForFunction((n) => document.querySelector('parallax-compare').report?.documents.length === n, n, { timeout: TIMEOUT });
const bulkText = () => page.evaluate(() => [...document.querySelectorAll('#bulk-messages .message-text')].map((e) => e.textContent).join('\n'));
const sr = (selector) => page.evaluate((s) => document.querySelector('parallax-compare').shadowRoot.querySelectorAll(s).length, selector);

try {
  await page.goto(server.url);
  await waitCount(5);

  // ---------------------------------------------------------------- a folder
  await page.setInputFiles('input[name=folder]', folder);
  await waitCount(8);
  await waitIdle();
  let now = await ids();
  check('a folder adds its text, Markdown and HTML files, sub-folders included', ['story/alpha', 'story/beta', 'story/more/gamma'].every((id) => now.some((x) => x.includes(id.replace(/\//g, '')) || x.includes(id.split('/').pop()))), now);
  check('the HTML file is read as an article (its title from the page)', await page.evaluate(() => document.querySelector('parallax-compare').articles.some((a) => a.title === 'Beta page')));
  let said = await bulkText();
  check('the binary file is reported by its name, and the others are added', /picture\.txt/.test(said) && /binary/.test(said) && /Added 3 articles/.test(said), said);
  check('hidden files are skipped silently', !/DS_Store/.test(said), said);

  // ---------------------------------------------------------------- a zip, dropped
  const zipBytes = [...readFileSync(archive)];
  await page.evaluate((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'wire.zip', { type: 'application/zip' }));
    document.querySelector('.page-side').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, zipBytes);
  await waitCount(10);
  await waitIdle();
  now = await ids();
  said = await bulkText();
  check('a dropped .zip adds its deflated and stored text entries', now.some((id) => /one/.test(id)) && now.some((id) => /two/.test(id)), now);
  check('the zip\'s binary entry is reported by its path in the archive', /wire\.zip\/wire\/image\.txt/.test(said), said);

  // ---------------------------------------------------------------- JSON Lines
  await page.setInputFiles('input[name=archive]', lines);
  await waitCount(12);
  await waitIdle();
  now = await ids();
  said = await bulkText();
  check('a JSON Lines file adds one article a line, with its id and title', now.includes('feed-1') && now.includes('feed-2'), now);
  check('bad lines are reported by file and line number', /feed\.jsonl, line 2/.test(said) && /feed\.jsonl, line 4/.test(said), said);
  check('below the large-set line the table of pairs stays', (await sr('table.matrix')) === 1 && (await sr('canvas.heatmap')) === 0);

  // ---------------------------------------------------------------- cancel the reading
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 30 });
  await page.setInputFiles('input[name=folder]', many);
  await page.waitForFunction(() => /Read \d+ of 300 files/.test(document.querySelector('.bulk-progress')?.textContent ?? ''), null, { timeout: TIMEOUT });
  const progress = await page.evaluate(() => document.querySelector('.bulk-progress').textContent);
  await page.click('.bulk-progress button.cancel');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.waitForFunction(() => /cancelled/.test(document.querySelector('#bulk-messages')?.textContent ?? ''), null, { timeout: TIMEOUT });
  check('reading shows its progress with counts ("Read N of 300 files")', /Read \d+ of 300 files/.test(progress), progress);
  check('Cancel stops the reading and adds nothing', (await ids()).length === 12 && (await page.evaluate(() => document.querySelector('.bulk-progress').hidden)), (await ids()).length);

  // ---------------------------------------------------------------- a large set
  await reset();
  // The analysis's own progress and its Cancel, on a set big enough to take seconds.
  await page.setInputFiles('input[name=archive]', slow);
  await page.waitForFunction(() => { const s = document.querySelector('parallax-compare').shadowRoot.querySelector('.status'); return !s.hidden && /Comparing/.test(s.textContent); }, null, { timeout: TIMEOUT });
  const busyText = await page.evaluate(() => document.querySelector('parallax-compare').shadowRoot.querySelector('.status-text').textContent);
  check('the analysis shows its progress with the count ("Comparing 65 articles …; the likely pairs")', /^Comparing 65 articles \(.*the likely pairs of the set\)/.test(busyText), busyText);
  await page.click('parallax-compare [part=cancel]');
  await page.waitForFunction(() => [...document.querySelector('parallax-compare').shadowRoot.querySelectorAll('.message-text')].some((m) => /cancelled/i.test(m.textContent)), null, { timeout: TIMEOUT });
  check('Cancel stops the analysis; the 65 articles stay', (await ids()).length === SLOW + 5 && await page.evaluate(() => document.querySelector('parallax-compare').report.documents.length === 5));
  await reset();
  await page.setInputFiles('input[name=archive]', large);
  await waitCount(LARGE + 5);
  await waitIdle();
  check('a large set shows the heatmap, not the table of pairs', (await sr('canvas.heatmap')) === 1 && (await sr('table.matrix')) === 0);
  const rows = await sr('[data-view=articles] li.article');
  check('the article list is virtualised: only the rows in view are in the DOM', rows > 3 && rows < LARGE, rows);
  const firstBefore = await page.evaluate(() => document.querySelector('parallax-compare').shadowRoot.querySelector('[data-view=articles] li.article').dataset.id);
  await page.evaluate(() => { document.querySelector('parallax-compare').shadowRoot.querySelector('.virtual-scroll').scrollTop = 40 * 68; });
  await page.waitForFunction((id) => document.querySelector('parallax-compare').shadowRoot.querySelector('[data-view=articles] li.article').dataset.id !== id, firstBefore, { timeout: TIMEOUT });
  const last = await page.evaluate(() => [...document.querySelector('parallax-compare').shadowRoot.querySelectorAll('[data-view=articles] li.article')].map((l) => l.getAttribute('aria-posinset')));
  check('scrolling the list draws the rows then in view, numbered in the whole list', last.includes('45') && !last.includes('1'), last);
  const summaryText = await page.evaluate(() => document.querySelector('parallax-compare').shadowRoot.querySelector('.heatmap-summary').textContent);
  // The 16 clusters of copies, and the seeds' own (two reports of one story).
  check('the heatmap says how many articles cluster and how many pairs were compared', /^69 articles/.test(summaryText) && /17 clusters/.test(summaryText) && /of 2,346/.test(summaryText), summaryText);
  const pairs = await page.evaluate(() => [...document.querySelector('parallax-compare').shadowRoot.querySelectorAll('.top-pairs button')].map((b) => ({ a: b.dataset.a, b: b.dataset.b })));
  const ours = pairs.filter((p) => p.a.startsWith('c'));
  check('the most related pairs are copies within one cluster', ours.length >= 10 && ours.every((p) => p.a.split('-')[0] === p.b.split('-')[0]), pairs);
  const top = ours[0];
  await page.click(`parallax-compare .top-pairs button[data-a="${top.a}"][data-b="${top.b}"]`);
  await page.waitForFunction((t) => { const el = document.querySelector('parallax-compare'); return el.pair?.left === t.a && el.pair?.right === t.b; }, top, { timeout: TIMEOUT });
  check('choosing a pair in the list opens it side by side', (await sr('[data-view=pair] mark.passage')) > 0);
  const near = await page.evaluate(() => [...document.querySelector('parallax-compare').shadowRoot.querySelectorAll('.nearest button')].map((b) => b.dataset.b));
  check('the chosen article\'s nearest neighbours are its cluster', near.length === 3 && near.every((id) => id.split('-')[0] === top.a.split('-')[0]), near);
  const focusNote = await page.evaluate(() => document.querySelector('parallax-compare').shadowRoot.querySelector('[data-view=quotes] .focus-note')?.textContent ?? '');
  check('the quotes view shows the chosen pair and its neighbours, and says so', /nearest neighbours \(4 articles\)/.test(focusNote), focusNote);
  await page.click('parallax-compare [data-view=articles] li.article button.article-open');
  check('an article\'s title in the list chooses it', await page.evaluate(() => Boolean(document.querySelector('parallax-compare').shadowRoot.querySelector('.nearest h3'))));
  check('no request left the origin, no console error', browser.problems.length === 0, browser.problems);
} catch (err) {
  check('the bulk input test ran to the end', false, String(err?.stack ?? err));
} finally {
  await browser.close();
  server.close();
  rmSync(tmp, { recursive: true, force: true });
  summary();
}
