// Headless Chromium for the page and bundler tests: Debian's /usr/bin/chromium
// driven by playwright-core (browser downloads fail on these machines), with the
// flags that keep it from reaching for the network on its own.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** How long a browser just launched is left to settle before a timed navigation. */
export const SETTLE_MS = 1000;

/**
 * Opens about:blank and waits SETTLE_MS, so that a timed load that follows measures
 * the page as a running browser opens it, not Chromium's own start-up as well (its
 * processes share this machine's two cores with the page: 0.2-0.4 s more on the seeds).
 */
export async function settle(page) {
  await page.goto('about:blank');
  await new Promise((done) => setTimeout(done, SETTLE_MS));
}

/** How long a timed load is left alone before its marks are read (see `waitForMark`). */
export const QUIET_MS = 2000;

/**
 * Waits for the performance mark `name` without disturbing the load it times: the
 * page is left alone for QUIET_MS, then polled. Playwright's polling runs its own
 * script in the page (injected once, about 30 ms here, then an evaluation every
 * poll) on the main thread being timed: measured 40-50 ms later first views of the
 * seeds with polling from the start. Loads longer than QUIET_MS are timed as before.
 */
export async function waitForMark(page, name, timeout = 60_000) {
  await new Promise((done) => setTimeout(done, QUIET_MS));
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, { timeout, polling: 100 });
}

/**
 * A timed load's `parallax:*` performance marks (ms after navigation), read once
 * `last` is set (`waitForMark`), and `worker`: the engine's own time for its
 * analysis (`engine.lastTimings.analyzeMs`), when the element says it.
 */
export async function loadMarks(page, last = 'parallax:first-view') {
  await waitForMark(page, last);
  return page.evaluate(() => ({
    ...Object.fromEntries(performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('parallax:')).map((m) => [m.name, m.startTime])),
    worker: document.querySelector('parallax-compare')?.engine?.lastTimings?.analyzeMs,
  }));
}

/**
 * Waits until the page's <parallax-compare> is idle and has drawn its last report
 * whole. `busy` ends when the report arrives; the views below the first are drawn
 * a frame later (parallax-compare.js, `renderFirstViewsFirst`), and until then they
 * may show the report before (such as a fresh worker's comparison only).
 */
export async function waitIdle(page, timeout = 60_000) {
  await page.waitForFunction(() => !document.querySelector('parallax-compare').busy, null, { timeout });
  await viewsDrawn(page);
}

/** Waits for the views a report draws after its first frame: the next frame, then its timers. */
export async function viewsDrawn(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

// Launches Chromium with a fresh profile. Every request outside `origin` lands in
// `problems`, and so do the console errors and page errors of each page passed to
// `watch(page)` (and of its workers). Pages from file:// count as inside `origin` 'file://'.
export async function launch({ origin, viewport, serviceWorkers = 'allow' } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'parallax-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    ...(viewport ? { viewport } : {}),
    // 'block' keeps page.route() in charge of every request (a service worker's are not routed).
    serviceWorkers,
  });
  const problems = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request outside the origin: ${url}`);
    }
  });
  return {
    context,
    problems,
    watch(page) {
      page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('worker', (w) => w.on?.('console', (m) => m.type() === 'error' && problems.push(`worker console error: ${m.text()}`)));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
