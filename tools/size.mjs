// Prints what the page ships, gzipped by `gzip -9` (as `make build` measures): each
// wasm, and the page's first load, which is every file the offline cache lists
// (www/sw.js, the one list of the page's files) but the full engine, which a worker
// fetches only when an input needs it (src/lean.rs). The README's numbers come from here.
//
//   node tools/size.mjs          (make size; needs `make build`)
//   node tools/size.mjs --check  (make test-size: fails when the first load's wasm is
//                                 over its budget, issue 9's 300 kB gzipped)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = fileURLToPath(new URL('../www/', import.meta.url));
const FULL = 'pkg/parallax_bg.wasm';
const LEAN = 'pkg/parallax_lean_bg.wasm';
/** The first load's wasm, gzipped (issue 9): what a change that grows the lean engine must stay under. */
const BUDGET = 300_000;

const sw = readFileSync(join(WWW, 'sw.js'), 'utf8');
const list = /const FILES = \[([^\]]*)\]/.exec(sw)?.[1];
if (!list) throw new Error('www/sw.js has no FILES list');
const files = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]).filter((f) => f !== './');

const gz = (file) => execFileSync('gzip', ['-9', '-c', join(WWW, file)]).length;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
for (const file of [FULL, LEAN]) {
  if (!existsSync(join(WWW, file))) throw new Error(`www/${file} is missing: run make build`);
}

const rows = [
  ['full engine (www/pkg/parallax_bg.wasm), fetched when an input needs it', gz(FULL)],
  ['lean engine (www/pkg/parallax_lean_bg.wasm), the first load', gz(LEAN)],
];
const first = files.filter((f) => f !== FULL);
const wasmFirst = first.filter((f) => f.endsWith('.wasm')).reduce((sum, f) => sum + gz(f), 0);
const total = first.reduce((sum, f) => sum + gz(f), 0);
rows.push([`first load, wasm`, wasmFirst]);
rows.push([`first load, all ${first.length} files (page, its one script with the glue, wasm, seeds)`, total]);
for (const [what, bytes] of rows) console.log(`${String(bytes).padStart(9)} B gz  ${kb(bytes).padStart(9)}  ${what}`);
if (process.argv.includes('--check')) {
  if (wasmFirst > BUDGET) {
    console.error(`the first load's wasm is ${wasmFirst} bytes gzipped, over its budget of ${BUDGET}: see README, "Dependencies and what they cost"`);
    process.exit(1);
  }
  console.log(`first load's wasm within its budget: ${wasmFirst} <= ${BUDGET} bytes gzipped`);
}
