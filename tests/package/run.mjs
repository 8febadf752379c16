// The npm package as its users get it: `npm pack` of pkg/, the tarball installed
// into a fresh Node project, a fresh Vite app (no wasm plugin) and a plain page
// with only an import map; each is built and run (the pages in headless
// Chromium). The types are held to the engine's real output with `tsc --strict`.
//
//   node tests/package/run.mjs        (make test-package; needs `make pkg`)
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import { serve } from '../../tools/serve.mjs';
import { launch } from '../support/browser.mjs';
import { check, summary } from '../support/check.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const pkgDir = join(root, 'pkg');
const seedDir = join(root, 'www', 'seeds');
const fixtureDir = join(root, 'tests', 'fixtures', 'news');

if (!existsSync(join(pkgDir, 'package.json'))) throw new Error('pkg/package.json is missing: run `make pkg`');
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const NAME = manifest.name;
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
if (seeds.length < 3) throw new Error(`www/seeds/ has ${seeds.length} articles; the test needs the seed set`);
const widget = Boolean(manifest.exports['./widget']);
const work = mkdtempSync(join(tmpdir(), 'parallax-package-'));
console.log(`package ${NAME}@${manifest.version}${widget ? ' with its widget' : ' (no widget entry)'}; projects in ${work}`);

try {
  const tarball = pack();
  checkDeclarations();
  const reports = nodeProject(tarball);
  typeCheck(reports);
  const pages = [...viteApp(tarball), importMapPage(tarball)];
  await runPages(pages);
} finally {
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
}
summary();

// ------------------------------------------------------------------ pack

function pack() {
  const [info] = JSON.parse(execFileSync('npm', ['pack', pkgDir, '--json', '--pack-destination', work], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const files = info.files.map((f) => f.path);
  const needed = ['package.json', 'README.md', 'index.js', 'parallax.js', 'parallax_bg.wasm', 'parallax.d.ts', 'node.js'];
  if (widget) needed.push('widget/widget.js', 'widget/widget.d.ts', 'widget/engine-location.js', 'widget/worker.js');
  if (manifest.customElements) needed.push(manifest.customElements);
  check('the tarball holds the entries, the wasm, the types and the README', needed.every((f) => files.includes(f)), { needed, files });
  check('the tarball holds nothing from the build (no wasm-pack leftovers)', !files.some((f) => /(^|\/)\.gitignore$|_bg\.wasm\.d\.ts$/.test(f)), files);
  const wasm = readFileSync(join(pkgDir, 'parallax_bg.wasm'));
  const gzipped = execFileSync('gzip', ['-9', '-c', join(pkgDir, 'parallax_bg.wasm')]).length; // as `make pkg` measures it
  console.log(`size: tarball ${info.size} bytes (${info.entryCount} files, ${info.unpackedSize} unpacked); wasm ${wasm.length} bytes, ${gzipped} gzipped (gzip -9)`);
  return join(work, info.filename);
}

// The declarations say what each value is: `any` would let anything through.
function checkDeclarations() {
  const files = ['parallax.d.ts', ...(widget ? ['widget/widget.d.ts'] : [])];
  for (const file of files) {
    const code = readFileSync(join(pkgDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const anys = code.split('\n').filter((line) => /\bany\b/.test(line));
    check(`${file} has no \`any\``, anys.length === 0, anys);
  }
}

// A fresh project with the tarball installed and the template files of `kind`
// (and of common/) copied in, the package's name written where they say %PACKAGE%.
function project(kind, tarball) {
  const dir = join(work, kind);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `${kind}-app`, private: true, type: 'module' }));
  execFileSync('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  for (const from of kind === 'node' ? [kind] : [kind, 'common']) {
    for (const file of readdirSync(join(here, from))) {
      writeFileSync(join(dir, file), readFileSync(join(here, from, file), 'utf8').replaceAll('%PACKAGE%', NAME));
    }
  }
  return dir;
}

// ------------------------------------------------------------------ Node

function nodeProject(tarball) {
  const dir = project('node', tarball);
  const fixtures = existsSync(fixtureDir) ? readdirSync(fixtureDir).filter((f) => f.endsWith('.json')).map((f) => join(fixtureDir, f)) : [];
  const run = spawnSync(process.execPath, ['main.mjs', seedDir, ...seeds, '--', ...fixtures], { cwd: dir, encoding: 'utf8' });
  let out = {};
  try {
    out = JSON.parse(run.stdout);
  } catch {
    out = { error: `exit ${run.status}: ${run.stderr || run.stdout}` };
  }
  check(`Node ${process.version}: import, await init() and analyze ran`, !out.error && run.status === 0, out.error ?? run.stderr);
  check('Node resolves the package to its node entry', out.entry?.endsWith(`/node_modules/${NAME}/node.js`), out.entry);
  const report = out.report ?? {};
  check('the report has every seed and every pair', report.documents?.length === seeds.length && report.pairs?.length === (seeds.length * (seeds.length - 1)) / 2, [report.documents?.length, report.pairs?.length]);
  check('some seeds share passages', report.pairs?.some((p) => p.passages.length > 0), null);
  check('version() is the package version', out.version === manifest.version, [out.version, manifest.version]);
  check('languages() and stopWordList() answer', out.languages?.includes('en') && out.stopWords > 50, [out.languages?.length, out.stopWords]);
  check('tokenize drops stop words when asked', JSON.stringify(out.tokens?.map((t) => t.term)) === '["cat","sat"]', out.tokens);
  check('termFrequencies counts', out.frequencies?.[0]?.term === 'cats' && out.frequencies[0].count === 2, out.frequencies);
  // The entry builds these objects from the engine's packed lists: plain objects with exactly the documented keys.
  const keys = (items) => [...new Set((items ?? []).map((item) => Object.keys(item).join()))];
  check('tokenize and termFrequencies give plain objects with the documented keys',
    JSON.stringify(keys(out.tokens)) === '["term,start,end"]' && JSON.stringify(keys(out.frequencies)) === '["term,count"]', [keys(out.tokens), keys(out.frequencies)]);
  check('concordance finds "said" in the seeds', out.concordance?.length > 0 && out.concordance.every((l) => /said/i.test(l.match)), out.concordance?.slice(0, 2));
  check('alignTexts and panAlign find a text in itself', out.aligned?.length > 0 && out.pan?.length > 0, [out.aligned?.length, out.pan?.length]);
  check('errors carry a code', out.errorCode === 'invalid-input', out.errorCode);
  check('a value that is not a text is refused with invalid-input', JSON.stringify(out.notText) === '{"tokenize":"invalid-input","extract":"invalid-input","decode":"invalid-input"}', out.notText);
  const declared = [...readFileSync(join(pkgDir, 'parallax.d.ts'), 'utf8').matchAll(/^export (?:default )?(?:function|class) (\w+)/gm)].map((m) => m[1]);
  const untyped = (out.exports ?? []).filter((name) => name !== 'default' && !declared.includes(name));
  check('parallax.d.ts declares every export of the engine', out.exports?.length > 5 && untyped.length === 0, untyped);
  check(`the news fixtures were analyzed too (${fixtures.length} files)`, fixtures.length === 0 || out.fixtureReports?.length > 0, out.fixtureErrors);
  return [report, ...(out.fixtureReports ?? [])];
}

// The real reports, written as TypeScript literals typed `Report`, and a usage
// file, compiled in the Node project against the installed package's types:
// a field the types lack, or one they have and the engine does not send, or a
// wrong type, fails the compile.
function typeCheck(reports) {
  const dir = join(work, 'node');
  writeFileSync(join(dir, 'reports.ts'), `import type { Report } from '${NAME}';\n\nexport const reports: Report[] = ${JSON.stringify(reports, null, 1)};\n`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', exactOptionalPropertyTypes: true, noUnusedLocals: true },
    files: ['reports.ts', 'usage.ts', ...(widget ? ['widget-usage.ts'] : [])],
  }));
  if (widget) writeFileSync(join(dir, 'widget-usage.ts'), widgetUsage().replaceAll('%PACKAGE%', NAME));
  const tsc = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', dir], { encoding: 'utf8' });
  check(`tsc --strict accepts ${reports.length} real reports as Report and the usage file`, tsc.status === 0, (tsc.stdout + tsc.stderr).split('\n').slice(0, 20));
  writeFileSync(join(dir, 'tsconfig.bare.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', lib: ['es2022'], types: [], module: 'nodenext', moduleResolution: 'nodenext' },
    files: ['reports.ts', 'bare.ts'],
  }));
  const bare = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.bare.json')], { encoding: 'utf8' });
  check('the types need neither the DOM library nor @types/node', bare.status === 0, (bare.stdout + bare.stderr).split('\n').slice(0, 20));
  const silent = neverFilled(reports);
  if (silent.length > 0) console.log(`note: always empty or null in these reports, so typed but not yet checked: ${silent.join(', ')}`);
}

// The element's types: resolved through `exports`, known to createElement.
function widgetUsage() {
  return `import { define, ParallaxCompare, type Metric } from '%PACKAGE%/widget';
import type { Report } from '%PACKAGE%';

const el: ParallaxCompare = document.createElement('parallax-compare');
el.articles = [{ id: 'a', text: 'x' }];
el.minPassageWords = 8;
const metric: Metric = el.metric;
el.addEventListener('parallax-report', (event) => {
  const report: Report = event.detail.report;
  console.log(report.pairs.length, metric);
});
// @ts-expect-error not a metric
el.metric = 'overlap';
console.log(define('other-compare') === customElements.get('other-compare'));
`;
}

// Paths (`documents[].quotes`) that are empty or null wherever they occur.
function neverFilled(reports) {
  const seen = new Map();
  const walk = (value, path) => {
    const filled = value !== null && !(Array.isArray(value) && value.length === 0);
    seen.set(path, (seen.get(path) ?? false) || filled);
    if (Array.isArray(value)) value.forEach((v) => walk(v, `${path}[]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  reports.forEach((r) => walk(r, ''));
  return [...seen].filter(([path, filled]) => path && !filled).map(([path]) => path);
}

// ------------------------------------------------------------------ pages

function copySeeds(dir) {
  mkdirSync(join(dir, 'seeds'));
  for (const seed of seeds) cpSync(join(seedDir, seed), join(dir, 'seeds', seed));
  writeFileSync(join(dir, 'seeds', 'manifest.json'), JSON.stringify(seeds));
}

function viteApp(tarball) {
  const dir = project('vite', tarball);
  copySeeds(dir);
  return [{
    name: 'Vite build',
    async start() {
      const input = { main: join(dir, 'index.html'), ...(widget ? { widget: join(dir, 'widget.html') } : {}) };
      await build({
        root: dir, configFile: false, logLevel: 'warn', base: './',
        build: { outDir: join(dir, 'dist'), emptyOutDir: true, target: 'es2022', rollupOptions: { input } },
      });
      const assets = readdirSync(join(dir, 'dist', 'assets'));
      check('Vite emitted the wasm as an asset (no plugin)', assets.some((f) => f.endsWith('.wasm')), assets);
      return serve(join(dir, 'dist'), 0);
    },
    pages: ['index.html', ...(widget ? ['widget.html'] : [])],
  }, {
    name: 'Vite dev server',
    async start() {
      const server = await createServer({ root: dir, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
      await server.listen();
      return { url: server.resolvedUrls.local[0], close: () => server.close() };
    },
    pages: ['index.html', ...(widget ? ['widget.html'] : [])],
  }];
}

// The pages' import map and CSPs are the README's: the inline map is allowed by
// its hash; the element adds `worker-src blob:` for its worker.
function importMapPage(tarball) {
  const dir = project('importmap', tarball);
  copySeeds(dir);
  writeFileSync(join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const base = `./node_modules/${NAME}`;
  const map = JSON.stringify({ imports: { [NAME]: `${base}/index.js`, ...(widget ? { [`${NAME}/widget`]: `${base}/widget/widget.js` } : {}) } });
  const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-${createHash('sha256').update(map).digest('base64')}'`;
  writeFileSync(join(dir, 'index.html'), page('Parallax with an import map', csp, map, '<output id="result">loading</output>', './main.js'));
  writeFileSync(join(dir, 'widget.html'), page('The element with an import map', `${csp}; worker-src blob:`, map,
    '<parallax-compare></parallax-compare>\n<output id="result">loading</output>', './widget.js'));
  // The README's way for a CSP without blob: workers: the package's worker file.
  writeFileSync(join(dir, 'widget-worker-url.html'), page('The element with its worker file', `${csp}; worker-src 'self'`, map,
    `<parallax-compare worker-url="${base}/widget/worker.js"></parallax-compare>\n<output id="result">loading</output>`, './widget.js'));
  return { name: 'import map', start: () => serve(dir, 0), pages: ['index.html', ...(widget ? ['widget.html', 'widget-worker-url.html'] : [])] };
}

function page(title, csp, map, body, script) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="icon" href="./icon.svg">
<title>${title}</title>
<script type="importmap">${map}</script>
</head>
<body>
${body}
<script type="module" src="${script}"></script>
</body>
</html>
`;
}

// Each app in its own server and browser, so that any request leaving the app's
// origin is caught.
async function runPages(apps) {
  for (const { name, start, pages } of apps) {
    const server = await start();
    const browser = await launch({ origin: new URL(server.url).origin });
    try {
      for (const path of pages) {
        const page = browser.watch(await browser.context.newPage());
        page.on('response', (r) => r.status() >= 400 && browser.problems.push(`HTTP ${r.status()}: ${r.url()}`));
        await page.goto(new URL(path, server.url).href);
        await page.waitForSelector('#result[data-done="true"]', { timeout: 40_000 }).catch(() => {});
        let result = {};
        try {
          result = JSON.parse(await page.textContent('#result'));
        } catch (err) {
          result = { error: `no result: ${err.message}` };
        }
        if (path.startsWith('widget')) checkWidget(`${name}, ${path}`, result);
        else checkEngine(name, result);
        check(`${name}, ${path}: no console error, CSP refusal or request outside the origin`, browser.problems.length === 0, browser.problems.splice(0));
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
}

function checkEngine(name, result) {
  check(`${name}: the page ran the package without error`, !result.error, result.error);
  check(`${name}: it reports the version`, result.version === manifest.version, result.version);
  check(`${name}: the given title is kept`, result.titles?.[1] === 'The copy', result.titles);
  check(`${name}: the copy is found in the original`, result.copyInOriginal >= 0.9, result.copyInOriginal);
  const [a, b] = result.firstPassage ?? [];
  check(`${name}: passage offsets slice both texts`, a?.length > 20 && b?.length > 20, result.firstPassage);
}

function checkWidget(name, result) {
  check(`${name}: importing the widget defined it, and it ran`, !result.error, result.error);
  check(`${name}: it analyzed every seed`, result.reportDocuments === seeds.length, result.reportDocuments);
  check(`${name}: its matrix has a row per seed`, result.rows === seeds.length, result.rows);
  check(`${name}: its matrix cells show percentages`, result.cells?.length === seeds.length * (seeds.length - 1) && result.cells.every((c) => /\d+\s*%/.test(c)), result.cells);
}
