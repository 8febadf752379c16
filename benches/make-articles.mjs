// Writes a JSON Lines file of news-sized articles ({id, title, text}, one a line)
// for the scale benchmarks and by-hand trials of the page's bulk input. Never
// committed: the output goes under target/ (or where told).
//
//   node benches/make-articles.mjs [COUNT] [OUT]      (default 1000, target/articles-1000.jsonl)
//
// Made from the shared data (PARALLAX_SHARED, default ../shared): the 181 gold
// article texts of the article-extraction benchmark, then, to reach COUNT, in
// turn (1) a rewrite of one of them (its paragraphs kept or dropped, some words
// changed, a paragraph of another source added: a related pair, as wire copy
// reused by an outlet) and (2) a news-sized cut of a PAN 2013 source document
// (unrelated text of the same size). A seeded random generator makes the same
// file every run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(process.env.PARALLAX_SHARED ?? path.join(root, '../shared'));
const count = Number(process.argv[2] ?? 1000);
const out = process.argv[3] ?? path.join(root, `target/articles-${count}.jsonl`);
/** About the size of a news article (the gold texts average 4.5 kB). */
const TARGET_CHARS = 5000;

/** mulberry32: a small seeded generator, so the file is the same every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261130);
const pick = (list) => list[Math.floor(rand() * list.length)];

function goldArticles() {
  const file = path.join(shared, 'data/article-extraction/ground-truth.json');
  const gold = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Object.entries(gold)
    .map(([id, { articleBody }]) => ({ id: `gold-${id.slice(0, 12)}`, text: articleBody.trim() }))
    .filter((a) => a.text.length > 500);
}

function panSources() {
  const dir = path.join(shared, 'data/pan13-train/src');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
}

const paragraphs = (text) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/** Some words replaced by others of the same article: an outlet's light edit. */
function edit(paragraph, words) {
  return paragraph.split(' ').map((w) => (rand() < 0.04 ? pick(words) : w)).join(' ');
}

function rewrite(article, other, n) {
  const words = article.text.split(/\s+/);
  const kept = paragraphs(article.text).filter(() => rand() < 0.8).map((p) => edit(p, words));
  const extra = pick(paragraphs(other.text));
  kept.splice(Math.floor(rand() * (kept.length + 1)), 0, extra);
  return { id: `rewrite-${n}-of-${article.id}`, title: `Rewrite ${n}: ${firstWords(article.text)}`, text: kept.join('\n\n') };
}

/** A cut of a PAN document about the size of a news article, at paragraph ends. */
function panCut(file, n) {
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const paras = paragraphs(text);
  const start = Math.floor(rand() * Math.max(1, paras.length - 4));
  const kept = [];
  let chars = 0;
  for (const p of paras.slice(start)) {
    if (chars > TARGET_CHARS) break;
    kept.push(p);
    chars += p.length;
  }
  return { id: `pan-${n}-${path.basename(file, '.txt')}`, title: firstWords(kept.join(' ')), text: kept.join('\n\n') };
}

function firstWords(text) {
  return text.split(/\s+/).slice(0, 8).join(' ');
}

const gold = goldArticles();
const sources = panSources();
const articles = gold.slice(0, count).map((a) => ({ id: a.id, title: firstWords(a.text), text: a.text }));
for (let n = 0; articles.length < count; n++) {
  articles.push(n % 2 === 0 ? rewrite(pick(gold), pick(gold), n) : panCut(pick(sources), n));
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
const chars = articles.reduce((s, a) => s + a.text.length, 0);
console.log(`${out}: ${articles.length} articles, ${(chars / 1e6).toFixed(2)} million characters, ${(fs.statSync(out).size / 1e6).toFixed(2)} MB`);
