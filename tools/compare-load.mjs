// Navigation to the first frame that shows the seeds' matrix (the page's mark
// `parallax:first-view`), for two copies of the page (e.g. main's www/ and this one),
// alternating, a fresh browser profile each time, navigated once the browser has
// started and settled and read once the load is over (as benches/page.mjs does);
// prints every time, the medians and their ratio (B / A).
//
//   node tools/compare-load.mjs DIR_A DIR_B [RUNS]      (each DIR a www/ with pkg/ built)
import { serve } from './serve.mjs';
import { launch, settle, waitForMark } from '../tests/support/browser.mjs';

const [a, b, runs = '5'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node tools/compare-load.mjs DIR_A DIR_B [RUNS]');
const times = { [a]: [], [b]: [] };
for (let i = 0; i < Number(runs); i++) {
  for (const root of [a, b]) {
    const server = await serve(root, 0);
    const browser = await launch({ origin: new URL(server.url).origin, viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = browser.context.pages()[0];
    await settle(page);
    await page.goto(server.url, { waitUntil: 'commit' });
    // The page's own mark of the frame that paints the first comparison, read once the load is over.
    await waitForMark(page, 'parallax:first-view');
    times[root].push(Math.round(await page.evaluate(() => performance.getEntriesByName('parallax:first-view')[0].startTime)));
    await browser.close();
    await server.close();
  }
}
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
for (const root of [a, b]) console.log(`${root}: ${times[root].join(' ')} ms, median ${median(times[root])} ms`);
console.log(`ratio B/A of the medians: ${(median(times[b]) / median(times[a])).toFixed(2)}`);
