#!/usr/bin/env node
// Makes a large set of articles whose related pairs are known, for `make bench-scale`.
//
//   node tools/scale-corpus.mjs N OUT.jsonl TRUTH.tsv [--news DIR] [--seed S]
//
// Writes N articles as JSON Lines (`{id, title, text}`, the input `parallax compare`
// reads) and the known related pairs as `origin<TAB>derived<TAB>kind` lines.
//
// How: PAN 2013's source documents (`$PARALLAX_SHARED/data/pan13-train/src`, mutually
// unrelated) are cut at line ends into news-sized pieces (2-6 kB). About 60 % of the
// articles are origins: a real piece while there are pieces left, then text made by a
// word-bigram chain trained on the same documents (PAN's words in PAN's order, but
// unrelated to any other article). The rest are derived from an earlier origin chosen at
// random (a story republished, reworked, excerpted), one of four ways:
//   copy        the origin whole under a new first line;
//   partial     40-70 % of its lines in a row, padded with new text;
//   obfuscated  the whole text with a quarter of its words deleted, replaced or swapped
//               (PAN's "random obfuscation");
//   mixed       a lightly obfuscated run of lines from two origins, and new text.
// `--news DIR` puts the article-extraction benchmark's 181 gold article bodies first (as
// unrelated origins; DIR holds its ground-truth.json). Same N and seed, same output.
// Generated corpora go under /tmp or target/, never into git.

import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  return value;
};
const newsDir = flag('--news', null);
const seed = Number(flag('--seed', '11'));
const [countArg, outPath, truthPath] = args;
const count = Number(countArg);
if (!Number.isInteger(count) || count < 2 || !outPath || !truthPath) {
  console.error('usage: node tools/scale-corpus.mjs N OUT.jsonl TRUTH.tsv [--news DIR] [--seed S]');
  process.exit(2);
}
const shared = process.env.PARALLAX_SHARED ?? path.resolve('../shared');
const srcDir = path.join(shared, 'data/pan13-train/src');

// A small seeded generator (mulberry32), so a run is repeatable.
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[Math.floor(random() * list.length)];

// The PAN source documents, cut into pieces at line ends.
const files = fs.readdirSync(srcDir).filter((f) => f.endsWith('.txt')).sort();
const pieces = [];
const chain = new Map();
for (const file of files) {
  const text = fs.readFileSync(path.join(srcDir, file), 'utf8');
  learn(text);
  let lines = [];
  let size = 0;
  let want = between(2000, 6000);
  for (const line of text.split('\n')) {
    lines.push(line);
    size += line.length + 1;
    if (size >= want) {
      pieces.push(lines.join('\n').trim());
      [lines, size, want] = [[], 0, between(2000, 6000)];
    }
  }
  if (size >= 800) pieces.push(lines.join('\n').trim());
}

// Word bigrams: each word's followers, repeated as often as they follow it.
function learn(text) {
  let previous = '.';
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    let next = chain.get(previous);
    if (!next) chain.set(previous, (next = []));
    if (next.length < 64 || random() < 0.1) next.push(word);
    previous = word;
  }
}
const vocabulary = [...chain.keys()].filter((w) => /^[A-Za-z]+$/.test(w));

/** About `words` words of new text, in paragraphs of a few sentences. */
function newText(words) {
  const paragraphs = [];
  let sentence = [];
  let paragraph = [];
  let previous = '.';
  for (let i = 0; i < words; i++) {
    const next = chain.get(previous);
    const word = next && next.length ? pick(next) : pick(vocabulary);
    sentence.push(word);
    previous = word;
    if (/[.!?]$/.test(word) || sentence.length > 40) {
      paragraph.push(sentence.join(' '));
      sentence = [];
      if (paragraph.length >= between(2, 5)) {
        paragraphs.push(paragraph.join(' '));
        paragraph = [];
      }
    }
  }
  paragraph.push(sentence.join(' '));
  paragraphs.push(paragraph.join(' '));
  return paragraphs.filter((p) => p.trim()).join('\n');
}

/** `text` with a share `rate` of its words deleted, replaced or swapped. */
function obfuscate(text, rate) {
  return text
    .split('\n')
    .map((line) => {
      const words = line.split(' ');
      const out = [];
      for (let i = 0; i < words.length; i++) {
        if (random() >= rate) {
          out.push(words[i]);
          continue;
        }
        const op = random();
        if (op < 1 / 3) continue;
        if (op < 2 / 3) out.push(pick(vocabulary));
        else if (i + 1 < words.length) out.push(words[i + 1], words[i++]);
        else out.push(words[i]);
      }
      return out.join(' ');
    })
    .join('\n');
}

/** A run of `share` (lo-hi) of the lines of `text`. */
function excerpt(text, lo, hi) {
  const lines = text.split('\n');
  const take = Math.max(1, Math.round(lines.length * (lo + random() * (hi - lo))));
  const from = between(0, lines.length - take);
  return lines.slice(from, from + take).join('\n');
}

const out = fs.openSync(outPath, 'w');
const truth = fs.openSync(truthPath, 'w');
const origins = [];
let made = 0;
let nextPiece = 0;

function write(id, text) {
  const title = text.split('\n').find((l) => l.trim()) ?? id;
  fs.writeSync(out, JSON.stringify({ id, title: title.slice(0, 100), text }) + '\n');
  made++;
}

if (newsDir) {
  const gold = JSON.parse(fs.readFileSync(path.join(newsDir, 'ground-truth.json'), 'utf8'));
  for (const [id, page] of Object.entries(gold).sort()) {
    if (made >= count) break;
    if (page.articleBody && page.articleBody.trim()) write(`news-${id}`, page.articleBody);
  }
}

const kinds = ['copy', 'partial', 'obfuscated', 'mixed'];
while (made < count) {
  const id = `a${String(made).padStart(6, '0')}`;
  if (origins.length < 2 || random() < 0.6) {
    const text = nextPiece < pieces.length ? pieces[nextPiece++] : newText(between(350, 900));
    origins.push({ id, text });
    write(id, text);
    continue;
  }
  const origin = pick(origins);
  const kind = pick(kinds);
  const related = [origin.id];
  let text;
  if (kind === 'copy') {
    text = `${newText(between(8, 20))}\n${origin.text}`;
  } else if (kind === 'partial') {
    text = `${newText(between(30, 120))}\n${excerpt(origin.text, 0.4, 0.7)}\n${newText(between(50, 250))}`;
  } else if (kind === 'obfuscated') {
    text = obfuscate(origin.text, 0.25);
  } else {
    let other = pick(origins);
    while (other === origin) other = pick(origins);
    related.push(other.id);
    text = [
      obfuscate(excerpt(origin.text, 0.3, 0.5), 0.1),
      newText(between(40, 150)),
      obfuscate(excerpt(other.text, 0.3, 0.5), 0.1),
    ].join('\n');
  }
  for (const from of related) fs.writeSync(truth, `${from}\t${id}\t${kind}\n`);
  write(id, text);
}
fs.closeSync(out);
fs.closeSync(truth);
console.error(`${made} articles (${Math.min(nextPiece, pieces.length)} PAN pieces of ${pieces.length}) in ${outPath}`);
