// The PAN training corpus aligned through wasm under Node, in one process, the way
// the native bench's per-pair mode does it (`panAlign(susp, src)`: both texts read
// for every pair), and the wasm/native time ratio.
//
// Run by `make bench-align` after `cargo bench --bench align`, which writes the
// native time to target/align-bench.json. Needs pkg/ (`make build`).
// PAN_TRAIN sets the corpus folder.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { initSync, panAlign } = await import(path.join(root, 'pkg/parallax.js'));
initSync({ module: fs.readFileSync(path.join(root, 'pkg/parallax_bg.wasm')) });

const corpus = process.env.PAN_TRAIN ?? path.join(root, '../shared/data/pan13-train');
if (!fs.existsSync(path.join(corpus, 'pairs'))) {
  console.log(`wasm: corpus ${corpus} not found, skipped`);
  process.exit(0);
}
const pairs = fs
  .readFileSync(path.join(corpus, 'pairs'), 'utf8')
  .split('\n')
  .map((line) => line.trim().split(/\s+/))
  .filter((p) => p.length === 2);
const texts = new Map();
for (const [susp, src] of pairs) {
  if (!texts.has(susp)) texts.set(susp, fs.readFileSync(path.join(corpus, 'susp', susp), 'utf8'));
  if (!texts.has(src)) texts.set(src, fs.readFileSync(path.join(corpus, 'src', src), 'utf8'));
}

// Warm-up: let the engine compile the hot paths before timing.
for (const [susp, src] of pairs.slice(0, 50)) panAlign(texts.get(susp), texts.get(src));

const started = process.hrtime.bigint();
let detections = 0;
for (const [susp, src] of pairs) {
  detections += panAlign(texts.get(susp), texts.get(src)).length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(
  `wasm (Node ${process.version}), texts read per pair: ${seconds.toFixed(2)} s, ` +
    `${(pairs.length / seconds).toFixed(0)} pairs/s, ${detections} detections`,
);

const nativeFile = path.join(root, 'target/align-bench.json');
if (fs.existsSync(nativeFile)) {
  const native = JSON.parse(fs.readFileSync(nativeFile, 'utf8'));
  console.log(`native, texts read per pair:  ${native.perPairSeconds.toFixed(2)} s, ${native.detections} detections`);
  console.log(`wasm / native: ${(seconds / native.perPairSeconds).toFixed(2)} (target: within 2)`);
  if (native.detections !== detections) {
    console.log('warning: wasm and native found a different number of passages');
    process.exitCode = 1;
  }
} else {
  console.log('native: run `cargo bench --bench align` first for the ratio');
}
