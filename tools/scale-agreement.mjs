#!/usr/bin/env node
// Reads `parallax compare --jsonl` reports for `make bench-scale` and prints:
//   - recall of the known related pairs (TRUTH.tsv from tools/scale-corpus.mjs): the
//     share listed in REPORT's pairs (above allPairsUpTo: pairs with a shared passage);
//   - with --all-pairs ALL.jsonl (the same set with every pair aligned), how often each
//     article's top-1 and top-3 neighbours (by the share of it found in the other) are
//     the same as with all pairs.
//
//   node tools/scale-agreement.mjs REPORT.jsonl [--truth TRUTH.tsv] [--all-pairs ALL.jsonl]

import fs from 'node:fs';
import readline from 'node:readline';

const args = process.argv.slice(2);
const flag = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return null;
  const [, value] = args.splice(at, 2);
  return value;
};
const truthPath = flag('--truth');
const allPath = flag('--all-pairs');
const [reportPath] = args;
if (!reportPath) {
  console.error('usage: node tools/scale-agreement.mjs REPORT.jsonl [--truth TRUTH.tsv] [--all-pairs ALL.jsonl]');
  process.exit(2);
}

/** Each article's neighbours (id → [{id, containment}]) and the listed pairs. */
async function read(path) {
  const neighbours = new Map();
  const pairs = new Set();
  let summary = null;
  const lines = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const item = JSON.parse(line);
    if (item.pair) pairs.add(`${item.pair.a}\t${item.pair.b}`);
    else if (item.document) neighbours.set(item.document.id, item.document.neighbours);
    else if (item.summary) summary = item.summary;
  }
  return { neighbours, pairs, summary };
}

const report = await read(reportPath);
const s = report.summary;
console.log(`articles ${s.articles}, pairs aligned ${s.pairsAligned}, pairs listed ${s.pairsListed}`);

if (truthPath) {
  const byKind = new Map();
  for (const line of fs.readFileSync(truthPath, 'utf8').split('\n')) {
    if (!line) continue;
    const [a, b, kind] = line.split('\t');
    const found = report.pairs.has(`${a}\t${b}`) || report.pairs.has(`${b}\t${a}`);
    const [n, hit] = byKind.get(kind) ?? [0, 0];
    byKind.set(kind, [n + 1, hit + (found ? 1 : 0)]);
  }
  let [n, hit] = [0, 0];
  const cells = [];
  for (const [kind, [k, h]] of [...byKind].sort()) {
    cells.push(`${kind} ${(h / k).toFixed(3)} (${h}/${k})`);
    n += k;
    hit += h;
  }
  console.log(`recall of known related pairs: ${(hit / n).toFixed(3)} (${hit}/${n}); ${cells.join(', ')}`);
}

if (allPath) {
  const all = await read(allPath);
  // Articles whose nearest article (all pairs) holds at least `least` of them.
  for (const least of [0.0001, 0.05, 0.2]) {
    let [articles, top1, top3] = [0, 0, 0];
    for (const [id, near] of all.neighbours) {
      const best = near.filter((n) => n.containment >= least);
      if (!best.length) continue;
      const mine = report.neighbours.get(id) ?? [];
      articles++;
      if (mine[0] && mine[0].id === best[0].id) top1++;
      // Ties at the top may come in either order: compare containment, not only ids.
      else if (mine[0] && Math.abs(mine[0].containment - best[0].containment) < 1e-12) top1++;
      const want = best.slice(0, 3).map((n) => n.id);
      const got = new Set(mine.slice(0, 3).map((n) => n.id));
      top3 += want.filter((w) => got.has(w)).length / want.length;
    }
    console.log(
      `nearest article holding >= ${least}: ${articles} articles; top-1 same as all pairs ${(top1 / articles).toFixed(3)}, top-3 overlap ${(top3 / articles).toFixed(3)}`,
    );
  }
}
