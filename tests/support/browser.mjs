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

// Launches Chromium; `page(url)` opens a page that records console errors, page
// errors and every request outside the page's origin, all kept in `problems`.
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'parallax-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
  });
  const problems = [];
  let origin = null;
  context.on('request', (request) => {
    const url = request.url();
    if (origin && !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request outside the origin: ${url}`);
    }
  });
  return {
    context,
    problems,
    async page(url) {
      origin = new URL(url).origin;
      const page = await context.newPage();
      page.on('console', (msg) => msg.type() === 'error' && problems.push(`console error: ${msg.text()}`));
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
