// Turns wasm-pack's output in pkg/ into the npm package: our package.json, the
// Node entry, the hand-written types, the README and, when www/ has it, the
// <parallax-compare> element under pkg/widget/.
//
//   node tools/build-pkg.mjs        (after `wasm-pack build --target web --out-dir pkg`)
//
// The sources are committed under npm/; pkg/ is generated.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
const npm = join(root, 'npm');
const www = join(root, 'www');

const LEAN_WASM = 'parallax_lean_bg.wasm';
const hasLean = existsSync(join(pkg, LEAN_WASM));

const ENGINE_LOCATION = `// Where the engine is, for the widget of the npm package: the package's own glue
// and wasm (written by tools/build-pkg.mjs; www/engine-location.js points at www/pkg/).
export const glueUrl = new URL('../parallax.js', import.meta.url).href;
export const wasmUrl = new URL('../parallax_bg.wasm', import.meta.url).href;
// The lean engine the widget's workers get first (src/lean.rs).
export const leanWasmUrl = ${hasLean ? `new URL('../${LEAN_WASM}', import.meta.url).href` : 'null'};
// The offline file's inlined engine; the package has none (exported so that
// bundlers see every name engine-loader.js reads).
export const glueSource = undefined;
export const wasmBase64 = undefined;
// The glue as code for the page's own thread: only the page's bundle has it (a host
// may use the package's glue itself, and the glue holds one instance).
export const pageThreadGlue = undefined;
`;

// A relative module specifier or `new URL('./…', import.meta.url)` argument.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(?\s*|new URL\(\s*)(['"])(\.{1,2}\/[^'"]+)\2/g;

function fail(message) {
  console.error(`build-pkg: ${message}`);
  process.exit(1);
}

for (const file of ['parallax.js', 'parallax_bg.wasm']) {
  if (!existsSync(join(pkg, file))) fail(`pkg/${file} is missing: run wasm-pack first (make pkg)`);
}

// wasm-pack's own package.json, README and ignore file are replaced: its
// `.gitignore` of `*` would otherwise decide what `npm pack` takes.
for (const file of ['.gitignore', 'package.json', 'README.md', 'parallax_bg.wasm.d.ts']) {
  rmSync(join(pkg, file), { force: true });
}

const manifest = JSON.parse(readFileSync(join(npm, 'package.json'), 'utf8'));
manifest.version = cargoVersion();
// The lean engine (make pkg builds it): the widget's first load; the package's own
// API (parallax.js, node.js) keeps the full engine.
if (hasLean) {
  manifest.files.push(LEAN_WASM);
  manifest.exports[`./${LEAN_WASM}`] = `./${LEAN_WASM}`;
}
for (const file of ['index.js', 'node.js', 'parallax.d.ts', 'README.md']) {
  copyFileSync(join(npm, file), join(pkg, file));
}

const widget = copyWidget();
if (widget) {
  manifest.exports['./widget'] = { types: './widget/widget.d.ts', default: './widget/widget.js' };
  manifest.exports['./widget/worker.js'] = './widget/worker.js';
  manifest.files.push('widget/');
  manifest.sideEffects.push('./widget/*.js', './widget/**/*.js');
  if (copyManifest()) {
    manifest.customElements = 'custom-elements.json';
    manifest.files.push('custom-elements.json');
  }
}
writeFileSync(join(pkg, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`build-pkg: ${manifest.name}@${manifest.version} in pkg/` +
  (widget ? ` with the widget (${widget} files)` : ' without the widget (www/widget.js is missing)'));

// The crate's version is the package's: one number for both.
function cargoVersion() {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  if (!version) fail('no version in Cargo.toml [package]');
  return version;
}

// Copies www/widget.js (and www/worker.js, the worker file for hosts whose CSP
// forbids blob: workers) and every file they reach by relative import or by
// `new URL('./…', import.meta.url)` into pkg/widget/, keeping their layout; then
// writes the package's own engine-location.js, which points at the package's
// glue and wasm instead of www/pkg/. A direct reference into www/pkg/ is
// rewritten to the package's copy. Returns the number of files, or 0 when www/
// has no widget.
function copyWidget() {
  const entry = join(www, 'widget.js');
  rmSync(join(pkg, 'widget'), { recursive: true, force: true });
  rmSync(join(pkg, 'custom-elements.json'), { force: true });
  if (!existsSync(entry)) return 0;
  const location = join(www, 'engine-location.js');
  if (!existsSync(location)) fail('www/widget.js exists but www/engine-location.js does not');
  const names = [...readFileSync(location, 'utf8').matchAll(/export const (\w+)/g)].map((m) => m[1]);
  for (const name of ['glueUrl', 'wasmUrl']) {
    if (!names.includes(name)) fail(`www/engine-location.js no longer exports ${name}; update tools/build-pkg.mjs`);
  }
  const entries = [entry, join(www, 'worker.js')].filter((file) => existsSync(file));
  const files = [...new Set(entries.flatMap(reachable))].filter((file) => file !== location).sort();
  for (const file of files) {
    const target = join(pkg, 'widget', relative(www, file));
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.js')) writeFileSync(target, toPackage(readFileSync(file, 'utf8'), file, target));
    else copyFileSync(file, target);
  }
  writeFileSync(join(pkg, 'widget', 'engine-location.js'), ENGINE_LOCATION);
  // Not www/widget.d.ts: that one types the report as `any`.
  copyFileSync(join(npm, 'widget.d.ts'), join(pkg, 'widget', 'widget.d.ts'));
  return files.length + 2;
}

// www/custom-elements.json (the element's manifest for editors and catalogs) with
// its module paths made relative to the package root; false when www/ has none.
function copyManifest() {
  const file = join(www, 'custom-elements.json');
  if (!existsSync(file)) return false;
  const moved = (value) => {
    if (Array.isArray(value)) return value.map(moved);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([key, v]) =>
      [key, (key === 'path' || key === 'module') && typeof v === 'string' && !v.startsWith('/') ? `widget/${v.replace(/^\.\//, '')}` : moved(v)]));
  };
  writeFileSync(join(pkg, 'custom-elements.json'), `${JSON.stringify({ ...moved(JSON.parse(readFileSync(file, 'utf8'))), readme: 'README.md' }, null, 2)}\n`);
  return true;
}

// `source` (the text of www file `file`, to be written at `target`) with each
// relative specifier into www/pkg/ pointing at the same file of the package.
function toPackage(source, file, target) {
  return source.replace(SPECIFIER, (whole, before, quote, path) => {
    const inWww = resolve(dirname(file), path);
    if (!inWww.startsWith(join(www, 'pkg') + '/')) return whole;
    let moved = relative(dirname(target), join(pkg, relative(join(www, 'pkg'), inWww)));
    if (!moved.startsWith('.')) moved = `./${moved}`;
    return `${before}${quote}${moved}${quote}`;
  });
}

// Files reachable from `entry` through relative module specifiers and
// `new URL('./…', import.meta.url)`, staying inside www/ and out of www/pkg/.
function reachable(entry) {
  const seen = new Set();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop();
    if (seen.has(file)) continue;
    if (!existsSync(file)) fail(`${relative(root, file)} is referenced by the widget but missing`);
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    for (const [, , , path] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const target = resolve(dirname(file), path.split(/[?#]/)[0]);
      if (!target.startsWith(`${www}/`)) fail(`${relative(root, file)} reaches outside www/: ${path}`);
      if (target.startsWith(join(www, 'pkg'))) continue; // the engine comes through engine-location.js
      todo.push(target);
    }
  }
  return [...seen].sort();
}
