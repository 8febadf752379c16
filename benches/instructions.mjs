// Instructions one round of the per-article workload costs in wasm: `tokenize`
// and `termFrequencies` (default options) over the PAN 2013 suspicious documents
// of 5–20 KB until 5 MB, one call each, as benches/termfreq.mjs times them.
//
// Counted by valgrind (cachegrind, instructions only) with V8's optimizing
// compiler alone (`--no-liftoff --single-threaded`), so that a count repeats to
// within 0.1 % from run to run, where times on a busy shared machine move by
// 10–30 %: an A/B of two builds that noise cannot blur. Each count is the run
// with three rounds less the run with one, halved, so that start-up and
// compiling drop out. Instructions are not time (a cache miss counts as one):
// confirm a change with the timed benchmark, which also gives the ratio to
// wink-nlp.
//
//   node benches/instructions.mjs [PKG_DIR...]   (default pkg/; needs valgrind, ~1 min a build)
//
// A package directory is wasm-bindgen's output with the package's entry
// (index.js), as `make pkg` writes pkg/.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = path.dirname(path.dirname(here));
const shared = process.env.PARALLAX_SHARED ?? path.join(root, '..', 'shared');
const EXPORTS = ['tokenize', 'termFrequencies'];

if (process.argv[2] === '--rounds') {
  await rounds(...process.argv.slice(3));
} else {
  measure(process.argv.slice(2));
}

/** The child under valgrind: `rounds` rounds of one export over the articles. */
async function rounds(pkg, name, count) {
  const engine = await import(path.join(pkg, 'index.js'));
  engine.initSync({ module: fs.readFileSync(path.join(pkg, 'parallax_bg.wasm')) });
  const texts = articles();
  let items = 0;
  for (let r = 0; r < Number(count); r++) for (const text of texts) items += engine[name](text).length;
  console.log(items);
}

function articles() {
  const dir = path.join(shared, 'data', 'pan13-train', 'susp');
  const decoder = new TextDecoder('utf-8');
  const out = [];
  let size = 0;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    if (size >= 5e6) break;
    const bytes = fs.readFileSync(path.join(dir, name));
    if (bytes.length < 5_000 || bytes.length > 20_000) continue;
    out.push(decoder.decode(bytes));
    size += bytes.length;
  }
  if (out.length === 0) throw new Error(`no articles in ${dir}`);
  return out;
}

function measure(pkgs) {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('instructions.mjs needs valgrind (apt-get install valgrind)');
    process.exit(2);
  }
  const dirs = (pkgs.length ? pkgs : ['pkg']).map((p) => path.resolve(root, p));
  console.log(`instructions a round (M), wasm under V8's optimizing compiler, ${articles().length} articles, default options`);
  for (const dir of dirs) {
    const row = EXPORTS.map((name) => `${name} ${perRound(dir, name).toFixed(0).padStart(6)}`);
    console.log(`  ${row.join('   ')}   ${path.relative(root, dir) || dir}`);
  }
}

/** Millions of instructions a round of `name` costs with the package in `dir`. */
function perRound(dir, name) {
  const count = (rounds) => {
    const run = spawnSync('valgrind', [
      '--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null',
      process.execPath, '--no-liftoff', '--single-threaded', here, '--rounds', dir, name, String(rounds),
    ], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr)?.[1];
    if (run.status !== 0 || !refs) throw new Error(`valgrind on ${name} in ${dir} failed: ${run.stderr.slice(-400)}`);
    return Number(refs.replaceAll(',', ''));
  };
  return (count(3) - count(1)) / 2 / 1e6;
}
