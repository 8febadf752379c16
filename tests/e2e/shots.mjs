// Screenshots of the page and of the element's news views at laptop and phone width,
// for a person to look at (files PREFIX-VIEW-WIDTH.png, PREFIX from $SHOT_PREFIX, default "news"):
//   node tests/e2e/shots.mjs OUT_DIR [synthetic]
// With "synthetic", the views are drawn from a report written from the seed texts
// (quotes between curly marks, a relation 002 → 003), for when the engine's stages
// find nothing yet.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { launch } from '../support/browser.mjs';

const WWW = fileURLToPath(new URL('../../www/', import.meta.url));
const out = process.argv[2] ?? 'shots';
const synthetic = process.argv[3] === 'synthetic';
const prefix = process.env.SHOT_PREFIX ?? 'news';
const idle = () => page.waitForFunction(() => {
  const el = document.querySelector('parallax-compare');
  return el?.shadowRoot.querySelectorAll('.matrix tbody tr').length >= 2 && !el.busy;
});
mkdirSync(out, { recursive: true });
const server = await serve(WWW, 0);
const browser = await launch({ origin: new URL(server.url).origin });
const page = browser.watch(await browser.context.newPage());
try {
  for (const [name, width] of [['desktop', 1280], ['phone', 360]]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url);
    await idle();
    // The views below the first two are drawn only near the screen (content-visibility: auto): all of them for the whole page's picture.
    await page.evaluate(() => { for (const s of document.querySelector('parallax-compare').shadowRoot.querySelectorAll('.layout > section')) s.style.contentVisibility = 'visible'; });
    await page.screenshot({ path: join(out, `${prefix}-page-${name}.png`), fullPage: true });
    // An edited pair with boilerplate marked, and one line the reader marked.
    await page.click('.matrix button.cell[data-row^="001"][data-col^="002"]');
    await page.click('[data-view=pair] button.edit-lines');
    // Once: the reader marks a line of 002 as boilerplate (kept in IndexedDB after).
    if (await page.locator('[data-view=pair] .pane[data-side=b] button.to-story').count() === 0) {
      await page.locator('[data-view=pair] .pane[data-side=b] button.line-toggle').nth(1).click();
      await page.waitForSelector('[data-view=pair] .pane[data-side=b] button.to-story');
      await idle();
    }
    if (synthetic) await page.evaluate(drawSynthetic);
    await page.click('[data-view=pair] button.edit-lines');
    await page.click('[data-view=pair] .nav button:last-child');
    await page.waitForTimeout(300);
    for (const file of ['pair', 'relations', 'quotes', 'adds']) {
      const section = `parallax-compare section[data-view=${file}]`;
      // At most the first 1400 pixels of a section: enough to judge, small enough to look at.
      await page.locator(section).scrollIntoViewIfNeeded();
      const box = await page.locator(section).boundingBox();
      await page.screenshot({ path: join(out, `${prefix}-${file}-${name}.png`), fullPage: true, clip: { x: box.x, y: box.y + await page.evaluate(() => window.scrollY), width: box.width, height: Math.min(box.height, 1400) } });
    }
    // The top of the texts, where the boilerplate is.
    await page.evaluate(() => { for (const p of document.querySelector('parallax-compare').shadowRoot.querySelectorAll('[data-view=pair] .pane')) p.scrollTop = 0; });
    await page.locator('[data-view=pair] .sides').screenshot({ path: join(out, `${prefix}-boilerplate-${name}.png`) });
  }
  console.log(browser.problems.join('\n') || 'no problems');
} finally {
  await browser.close();
  await server.close();
}

// Runs in the page: draws the three views from a report written from the seed texts.
async function drawSynthetic() {
  const { renderQuotes } = await import('./components/quotes-view.js');
  const { renderAdds } = await import('./components/adds-view.js');
  const { renderRelations } = await import('./components/relations-view.js');
  const el = document.querySelector('parallax-compare');
  const texts = new Map(el.articles.map((a) => [a.id, a.text]));
  const ids = [...texts.keys()];
  const documents = ids.map((id, i) => {
    const text = texts.get(id);
    const quotes = [...text.matchAll(/“([^”]+)”/g)].map((m) => ({
      start: m.index, end: m.index + m[0].length, parts: [{ start: m.index + 1, end: m.index + m[0].length - 1 }],
      speaker: /Obama|he said/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30)) ? { name: 'Barack Obama', start: 0, end: 1 } : null,
    }));
    const sentences = [...text.matchAll(/[^.\n]{40,}\./g)].slice(1, 8 - i);
    const numbers = [...text.matchAll(/\d[\d,]+/g)].slice(0, 3);
    return {
      id, title: text.split('\n')[0].slice(0, 70), quotes, boilerplate: [],
      meta: { title: null, byline: i === 1 ? 'Karen DeYoung' : null, dateline: i === 2 ? 'HANGZHOU, China' : null, outlet: i === 2 ? 'CNN' : null },
      unique: sentences.map((m) => ({ start: m.index, end: m.index + m[0].length })),
      facts: numbers.map((m, k) => ({ start: m.index, end: m.index + m[0].length, kind: 'number', value: m[0], status: k ? 'only' : 'differs', others: k ? [] : [{ id: ids[(i + 1) % ids.length], value: '12' }] })),
    };
  });
  const find = (re) => ids.map((id) => ({ id, quote: documents.find((d) => d.id === id).quotes.findIndex((q) => re.test(texts.get(id).slice(q.start, q.end))) })).filter((m) => m.quote >= 0);
  const report = {
    documents, pairs: [],
    quoteMatches: [{ members: find(/innocent civilians/), score: 0.82 }, { members: find(/worth trying/), score: 1 }],
    relations: [
      { from: ids[2], to: ids[3], kind: 'copy', source: null, share: 0.97, evidence: ['97 % of 003 is found in 002, in the same order.', '002 has an archive notice and a caption that 003 lacks.'] },
      { from: ids[1], to: ids[4], kind: 'partial', source: null, share: 0.2, evidence: ['Two paragraphs of 004 are in 001.'] },
      { from: ids[0], to: ids[1], kind: 'common-source', source: 'Associated Press', share: 0.1, evidence: ['Both quote Obama in the same words.'] },
    ],
  };
  const noop = () => {};
  const body = (view) => el.shadowRoot.querySelector(`section[data-view=${view}] .view-body`);
  renderRelations(body('relations'), { report, onPair: noop });
  renderQuotes(body('quotes'), { report, texts, onSelect: noop });
  renderAdds(body('adds'), { report, texts, onSelect: noop });
  body('relations').querySelector('svg .edge')?.dispatchEvent(new Event('mouseenter'));
}
