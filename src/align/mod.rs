//! The overlap engine: which passages two texts share, and how much.
//!
//! [`Doc`] reads a text once (words, sentences, stems); [`align`] finds the
//! passages two docs share; [`scores`] turns them into pair scores. [`Fingerprint`]
//! keeps the tokenizer's words for the set scores (containment, Jaccard).
//!
//! Alignment combines two kinds of evidence: sentence pairs alike by tf-isf cosine
//! and Dice (edited copies: words replaced, reordered, dropped), and exact runs of
//! words found through hashed n-grams (verbatim copies, also inside sentences that
//! differ elsewhere). Both become sentence-pair seeds, clustered into fragments.

mod doc;
pub mod matches;
pub mod scores;
pub mod sentences;

pub use doc::Doc;
use sentences::{Fragment, Pair, Params, Seed};

use crate::span::ByteSpan;
use crate::text::{self, Token, TokenizeOptions};

/// How to align.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Words per shingle: the shortest run of words that counts as shared.
    pub shingle: usize,
    /// The fewest words a passage has, in each text.
    pub min_passage_words: usize,
    /// The fewest characters (bytes) a passage has, in each text.
    pub min_passage_bytes: usize,
    /// Sentences of difference tolerated between two seeds of one passage.
    pub gap_sentences: u32,
    /// The same for summaries (one side much shorter than the other).
    pub summary_gap_sentences: u32,
    /// Thresholds of the sentence seeds.
    pub params: Params,
}

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions {
            shingle: 5,
            min_passage_words: 8,
            min_passage_bytes: 0,
            gap_sentences: 4,
            summary_gap_sentences: 24,
            params: Params::default(),
        }
    }
}

impl AlignOptions {
    /// The settings tuned on the PAN 2013 training corpus.
    pub fn pan() -> AlignOptions {
        AlignOptions {
            min_passage_words: 0,
            min_passage_bytes: 150,
            ..AlignOptions::default()
        }
    }
}

/// A text read for alignment: its words, and one hash per word.
#[derive(Debug, Clone)]
pub struct Fingerprint<'t> {
    /// The words of the text.
    pub tokens: Vec<Token<'t>>,
    /// One hash per word, of its normalized term.
    pub hashes: Vec<u64>,
}

impl<'t> Fingerprint<'t> {
    /// Reads `text`.
    pub fn new(text: &'t str) -> Fingerprint<'t> {
        Fingerprint::from_tokens(text::tokenize(text, &TokenizeOptions::default()))
    }

    /// Builds a fingerprint over tokens already made.
    pub fn from_tokens(tokens: Vec<Token<'t>>) -> Fingerprint<'t> {
        let hashes = tokens.iter().map(|t| hash_term(&t.term)).collect();
        Fingerprint { tokens, hashes }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when the text has no words.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// A passage two texts share.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Where it is in the first text.
    pub a: ByteSpan,
    /// Where it is in the second text.
    pub b: ByteSpan,
    /// How alike the two sides are, from 0 to 1 (1: word for word).
    pub score: f64,
}

/// The passages `a` and `b` share, in order of their position in `a`.
pub fn align(a: &Doc, b: &Doc, options: &AlignOptions) -> Vec<Passage> {
    let pair = Pair::new(a, b);
    let mut seeds = pair.seeds(&options.params);
    seeds.extend(run_seeds(a, b, options.shingle.max(1)));
    seeds.sort_unstable();
    seeds.dedup();
    let fragments = pair.extend(seeds, options.gap_sentences, &options.params);
    let fragments = resolve_overlaps(fragments);
    fragments
        .into_iter()
        .map(|f| passage(a, b, &f))
        .filter(|p| big_enough(a, b, p, options))
        .collect()
}

/// Sentence pairs joined by an exact run of at least `n` words.
fn run_seeds(a: &Doc, b: &Doc, n: usize) -> Vec<Seed> {
    let ha: Vec<u64> = a.words.iter().map(|w| w.hash).collect();
    let hb: Vec<u64> = b.words.iter().map(|w| w.hash).collect();
    let mut seeds = Vec::new();
    for run in matches::exact_runs(&ha, &hb, n) {
        for k in 0..run.len {
            let seed = Seed {
                a: a.sentence_of[run.a_start + k],
                b: b.sentence_of[run.b_start + k],
            };
            if seeds.last() != Some(&seed) {
                seeds.push(seed);
            }
        }
    }
    seeds
}

/// Of fragments overlapping in `a`, keeps the most alike.
fn resolve_overlaps(mut fragments: Vec<Fragment>) -> Vec<Fragment> {
    fragments.sort_by(|x, y| y.sim.total_cmp(&x.sim));
    let mut kept: Vec<Fragment> = Vec::new();
    for f in fragments {
        let clash = kept
            .iter()
            .any(|k| f.a_first <= k.a_last && k.a_first <= f.a_last);
        if !clash {
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| (f.a_first, f.b_first));
    kept
}

fn passage(a: &Doc, b: &Doc, f: &Fragment) -> Passage {
    let span = |d: &Doc, first: u32, last: u32| {
        d.sentences[first as usize]
            .span
            .cover(d.sentences[last as usize].span)
    };
    Passage {
        a: span(a, f.a_first, f.a_last),
        b: span(b, f.b_first, f.b_last),
        score: f.sim,
    }
}

fn big_enough(a: &Doc, b: &Doc, p: &Passage, options: &AlignOptions) -> bool {
    let words = |d: &Doc, span: ByteSpan| {
        d.words.partition_point(|w| w.span.start < span.end)
            - d.words.partition_point(|w| w.span.start < span.start)
    };
    p.a.len() >= options.min_passage_bytes
        && p.b.len() >= options.min_passage_bytes
        && words(a, p.a) >= options.min_passage_words
        && words(b, p.b) >= options.min_passage_words
}

/// FNV-1a: a fast, stable hash of a term (stable across native and wasm builds).
pub(crate) fn hash_term(term: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in term.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
