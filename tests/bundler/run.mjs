// The npm package through a real bundler: Vite builds a page that imports
// `parallax` by name; the built page runs in headless Chromium.
import { build } from 'vite';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { launch } from '../support/browser.mjs';
import { check, summary } from '../support/check.mjs';

const dist = fileURLToPath(new URL('dist', import.meta.url));
await build({ configFile: fileURLToPath(new URL('vite.config.mjs', import.meta.url)) });

const assets = readdirSync(`${dist}/assets`);
check('the bundler emitted the wasm as an asset', assets.some((f) => f.endsWith('.wasm')), assets);

const server = await serve(dist, 0);
const browser = await launch({ origin: new URL(server.url).origin });
try {
  const page = browser.watch(await browser.context.newPage());
  await page.goto(server.url);
  await page.waitForSelector('#result[data-done="true"]', { timeout: 30_000 });
  const result = JSON.parse(await page.textContent('#result'));
  check('the bundled package ran without error', !result.error, result.error);
  check('it reports the version', /^\d+\.\d+\.\d+/.test(result.version ?? ''), result.version);
  check('the given title is kept', result.titles?.[1] === 'The copy', result.titles);
  check('the copy is found in the original', result.copyInOriginal >= 0.9, result.copyInOriginal);
  const [a, b] = result.firstPassage ?? [];
  check('passage offsets slice both texts', a?.length > 20 && b?.length > 20, result.firstPassage);
  check('no console errors and no request outside the origin', browser.problems.length === 0, browser.problems);
} finally {
  await browser.close();
  await server.close();
}
summary();
