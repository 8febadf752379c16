// Writes dist/parallax.html: the page as ONE self-contained file that works opened
// from file:// with no network: the page's modules bundled (esbuild) into one inline
// module script, the wasm-bindgen glue and the wasm inline (engine-location.js
// replaced by a module that exports them as `glueSource` and `wasmBase64`), the seed
// articles inline (seed-source.js replaced), the stylesheet inline. Its CSP allows
// exactly that script and that style, by hash.
//
//   node tools/build-dist.mjs [OUT]      (default dist/parallax.html; needs `make build`)
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PAGE_BUILD } from './build-page.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WWW = join(ROOT, 'www');
const out = process.argv[2] ?? join(ROOT, 'dist/parallax.html');

const read = (path, encoding = 'utf8') => readFileSync(join(WWW, path), encoding);

function engineLocationSource() {
  const glue = read('pkg/parallax.js');
  const wasm = read('pkg/parallax_bg.wasm', null);
  return [
    '// The engine inline: the offline file has no sibling files to fetch.',
    'export const glueUrl = "";',
    'export const wasmUrl = "";',
    // One engine inline, the full one: the file is read whole anyway (no lean engine first).
    'export const leanWasmUrl = "";',
    `export const glueSource = ${JSON.stringify(glue)};`,
    // The glue as code too, as in the page's bundle: the first comparison on the page's own thread.
    "export * as pageThreadGlue from './pkg/parallax.js';",
    // Gzipped before base64: base64 of the raw wasm gzips 118 kB worse; the page unzips it (DecompressionStream).
    `export const wasmBase64 = ${JSON.stringify(gzipSync(wasm, { level: 9 }).toString('base64'))};`,
  ].join('\n');
}

function seedSource() {
  const manifest = JSON.parse(read('seeds/manifest.json'));
  const seeds = manifest.map((file) => ({ id: file.replace(/\.txt$/i, ''), text: read(`seeds/${file}`) }));
  return `// The seed articles inline.\nconst SEEDS = ${JSON.stringify(seeds)};\nexport async function seedArticles() { return SEEDS.map((a) => ({ ...a })); }\n`;
}

/** Replaces the two modules that read sibling files with inline ones. */
const inline = {
  name: 'parallax-inline',
  setup(b) {
    const replaced = { 'engine-location.js': engineLocationSource, 'seed-source.js': seedSource };
    b.onResolve({ filter: /(engine-location|seed-source)\.js$/ }, (args) => ({ path: args.path.split('/').pop(), namespace: 'inline' }));
    b.onLoad({ filter: /.*/, namespace: 'inline' }, (args) => ({ contents: replaced[args.path](), loader: 'js', resolveDir: WWW }));
  },
};

const bundle = await build({ ...PAGE_BUILD, plugins: [inline] });
const script = bundle.outputFiles[0].text;
const style = read('style.css');
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const icon = `data:image/svg+xml;base64,${Buffer.from(read('icon.svg')).toString('base64')}`;

// An inline script's text ends at the first "</script": none may appear inside it.
if (/<\/script/i.test(script) || /<\/style/i.test(style)) throw new Error('a closing tag inside the inline script or style');

const csp = [
  "default-src 'none'",
  `script-src ${sha(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha(style)}`,
  'worker-src blob:',
  'img-src data:',
  // Only for "add from a web address", which the reader starts; nothing is fetched otherwise.
  'connect-src https:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = read('index.html')
  // The offline file has no sibling files to fetch ahead.
  .replace(/^\s*<!--[^]*?-->\n(?=\s*<link rel="(?:module)?preload")/m, '')
  .replace(/^\s*<link rel="(?:module)?preload"[^>]*>\n/gm, '')
  .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}" type="image/svg+xml">`)
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${style}</style>`)
  .replace(/<script type="module" src="app.bundle.js"><\/script>/, () => `<script type="module">${script}</script>`);
if (/rel="(?:module)?preload"/.test(html)) throw new Error('a preload link left in the offline file');
if (!html.includes(script) || !html.includes(`<style>${style}</style>`)) throw new Error('index.html changed: the script or style tag was not found');

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
const gz = gzipSync(html, { level: 9 }).length;
console.log(`${out}: ${html.length} bytes, ${gz} gzipped`);
