//! The overlap engine: which passages two texts share, and how much.
//!
//! [`Doc`] reads a text once (words, sentences, stems); [`align`] finds the
//! passages two docs share; [`scores`] turns the same docs into pair scores
//! (containment, Jaccard, cosine).
//!
//! Alignment combines two kinds of evidence: sentence pairs alike by tf-isf cosine
//! and Dice (edited copies: words replaced, reordered, dropped), and exact runs of
//! words found through hashed n-grams (verbatim copies, also inside sentences that
//! differ elsewhere). Both become sentence-pair seeds, clustered into fragments.
//!
//! [`align`] reads top-down, one stage after another: [`AlignOptions`] and the
//! tuned [`Params`] (`options.rs`), seeds (`sentences.rs` for tf-isf and Dice,
//! `matches.rs` for exact runs), fragments (`sentences.rs`: clusters, edges pruned
//! and grown), overlaps resolved, and each fragment's passages (`verbatim.rs`).

mod doc;
pub mod groups;
pub mod matches;
mod options;
pub mod scores;
pub mod sentences;
mod verbatim;

pub(crate) use doc::HashedMap;
pub use doc::{Doc, Word};
pub use options::{AlignOptions, Params};
use sentences::{Fragment, Pair, Seed};

use crate::sort;
use crate::span::ByteSpan;

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

/// The passages `a` and `b` share, in order of their position in `a`: sentence
/// seeds, clustered into fragments, the overlapping ones resolved, each cut to its
/// passage(s), the ones too short or too unlike left out.
pub fn align(a: &Doc, b: &Doc, options: &AlignOptions) -> Vec<Passage> {
    let mut found = unfiltered(a, b, options);
    found.retain(|p| kept(a, b, p, options));
    found
}

/// Every passage `align` considers, before the thresholds (`min_passage_words`,
/// `min_passage_bytes`, `min_score`): nothing before the last step reads them, so
/// `align` is exactly these filtered by [`kept`], and a caller that keeps them (a
/// session) answers a change of threshold without aligning again.
pub fn unfiltered(a: &Doc, b: &Doc, options: &AlignOptions) -> Vec<Passage> {
    passages(a, b, options, true)
}

/// [`unfiltered`] for a pair whose shingle [`scores::overlap`] is at hand (of
/// `options.shingle`-word shingles, [`scores::shingle_set`]): when the two sets
/// share none, the texts share no run of that many words either, and the run
/// seeds are not searched for (most candidate pairs of a large set; the same
/// passages).
pub fn unfiltered_with_overlap(
    a: &Doc,
    b: &Doc,
    overlap: &scores::Overlap,
    options: &AlignOptions,
) -> Vec<Passage> {
    let runs = options.shingle == 0 || overlap.shares_any();
    passages(a, b, options, runs)
}

/// The passages before the thresholds; `runs`: whether to search the exact runs.
fn passages(a: &Doc, b: &Doc, options: &AlignOptions, runs: bool) -> Vec<Passage> {
    let pair = Pair::new(a, b);
    let seeds = seeds(&pair, options, runs);
    let fragments = resolve_overlaps(fragments(&pair, seeds, options));
    fragments
        .into_iter()
        .flat_map(|f| verbatim::passages(a, b, &f, options))
        .collect()
}

/// The sentence pairs alike by their words (tf-isf cosine and Dice) or joined by
/// an exact run of `options.shingle` words, sorted and distinct.
fn seeds(pair: &Pair, options: &AlignOptions, runs: bool) -> Vec<Seed> {
    let mut seeds = pair.seeds(&options.params);
    if runs {
        seeds.extend(run_seeds(pair.a, pair.b, options.shingle.max(1)));
    }
    sort::all(&mut seeds);
    seeds.dedup();
    seeds
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

/// The seeds clustered into fragments: with the summary gap when that finds a
/// summary (a fragment covering most of its source widened to all of it), else
/// with the ordinary gap, each fragment's edges pruned and grown.
fn fragments(pair: &Pair, seeds: Vec<Seed>, options: &AlignOptions) -> Vec<Fragment> {
    let params = &options.params;
    let summary = pair.extend(seeds.clone(), options.summary_gap_sentences, params);
    if is_summary(pair.a, pair.b, &summary, params) {
        // A summary covering most of its source is a summary of all of it.
        let all = pair.b.sentences.len() as u32 - 1;
        return summary
            .into_iter()
            .map(|f| match covers_most(pair.b, &f, params) {
                true => Fragment {
                    b_first: 0,
                    b_last: all,
                    ..f
                },
                false => f,
            })
            .collect();
    }
    pair.extend(seeds, options.gap_sentences, params)
        .into_iter()
        .map(|f| {
            let f = pair.prune(f, params.edge_share);
            pair.grow(f, params.grow_share, params.grow_steps)
        })
        .collect()
}

/// True when the widest fragment found with the summary gap is a short passage in
/// `a` drawn from a long one in `b`: a summary, whose seeds lie far apart in `b`.
fn is_summary(a: &Doc, b: &Doc, fragments: &[Fragment], params: &Params) -> bool {
    fragments
        .iter()
        .max_by_key(|f| bytes(b, f.b_range()))
        .is_some_and(|f| {
            let long = bytes(b, f.b_range());
            long >= params.summary_min_bytes
                && long >= params.summary_ratio * bytes(a, f.a_range())
                && covers_most(b, f, params)
        })
}

/// True when the second side of `f` covers most of `b`.
fn covers_most(b: &Doc, f: &Fragment, params: &Params) -> bool {
    bytes(b, f.b_range()) as f64 >= params.summary_cover * b.len as f64
}

/// Bytes from the start of sentence `first` of `doc` to the end of sentence `last`.
fn bytes(doc: &Doc, (first, last): (u32, u32)) -> usize {
    doc.sentences[last as usize].span.end - doc.sentences[first as usize].span.start
}

/// Of fragments overlapping in `a`, keeps the most alike.
fn resolve_overlaps(mut fragments: Vec<Fragment>) -> Vec<Fragment> {
    sort::by(&mut fragments, |x, y| y.sim.total_cmp(&x.sim));
    // Kept fragments never overlap, so their `a` ranges ordered by start are also
    // ordered by end: only the neighbours of a new one can clash with it.
    let mut kept: std::collections::BTreeMap<u32, Fragment> = Default::default();
    for f in fragments {
        let before = kept.range(..=f.a_last).next_back();
        let clash = before.is_some_and(|(_, k)| k.a_last >= f.a_first);
        if !clash {
            kept.insert(f.a_first, f);
        }
    }
    kept.into_values().collect()
}

/// True when `p` is alike enough and long enough for `options`.
pub fn kept(a: &Doc, b: &Doc, p: &Passage, options: &AlignOptions) -> bool {
    let words = |d: &Doc, span: ByteSpan| {
        d.words.partition_point(|w| w.span().start < span.end)
            - d.words.partition_point(|w| w.span().start < span.start)
    };
    p.score >= options.min_score
        && p.a.len() >= options.min_passage_bytes
        && p.b.len() >= options.min_passage_bytes
        && p.a.len() + p.b.len() >= options.params.min_total * options.min_passage_bytes / 100
        && words(a, p.a) >= options.min_passage_words
        && words(b, p.b) >= options.min_passage_words
}
