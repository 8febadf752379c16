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

mod doc;
pub mod groups;
pub mod matches;
pub mod scores;
pub mod sentences;

pub(crate) use doc::HashedMap;
pub use doc::{Doc, Word};
use sentences::{Fragment, Pair, Params, Seed};

use crate::span::ByteSpan;

/// How to align.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Words per shingle: the shortest run of words that counts as shared.
    pub shingle: usize,
    /// The fewest words a passage has, in each text.
    pub min_passage_words: usize,
    /// The fewest characters (bytes) a passage has, in each text.
    pub min_passage_bytes: usize,
    /// The lowest score a passage has: 0 keeps paraphrases, 1 only word-for-word
    /// copies.
    pub min_score: f64,
    /// Sentences of difference tolerated between two seeds of one passage, in the
    /// first text and in the second.
    pub gap_sentences: (u32, u32),
    /// The same for summaries (the first text a summary of a long passage of the second).
    pub summary_gap_sentences: (u32, u32),
    /// Thresholds of the sentence seeds.
    pub params: Params,
    /// Cut every passage that is word for word to its exact runs, however short.
    /// PAN's cases are long, and there only copies whose runs are long on average
    /// count as verbatim (short runs in an edited copy would cut it up); a news
    /// reader wants a shared quote marked exactly, not the sentences around it.
    pub exact_edges: bool,
}

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions {
            shingle: 5,
            min_passage_words: 8,
            min_passage_bytes: 0,
            min_score: 0.0,
            gap_sentences: (4, 4),
            summary_gap_sentences: (4, 24),
            params: Params::default(),
            exact_edges: true,
        }
    }
}

impl AlignOptions {
    /// The settings tuned on the PAN 2013 training corpus.
    pub fn pan() -> AlignOptions {
        AlignOptions {
            min_passage_words: 0,
            min_passage_bytes: 150,
            exact_edges: false,
            ..AlignOptions::default()
        }
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
    let summary = pair.extend(
        seeds.clone(),
        options.summary_gap_sentences,
        &options.params,
    );
    let fragments = if is_summary(a, b, &summary) {
        // A summary covering most of its source is a summary of all of it.
        summary
            .into_iter()
            .map(|f| {
                if covers_most(b, &f) {
                    Fragment {
                        b_first: 0,
                        b_last: b.sentences.len() as u32 - 1,
                        ..f
                    }
                } else {
                    f
                }
            })
            .collect()
    } else {
        pair.extend(seeds, options.gap_sentences, &options.params)
            .into_iter()
            .map(|f| pair.grow(pair.prune(f, EDGE_SHARE), GROW_SHARE, 2))
            .collect()
    };
    let fragments = resolve_overlaps(fragments);
    fragments
        .into_iter()
        .flat_map(|f| passages(a, b, &f, options.exact_edges))
        .filter(|p| kept(a, b, p, options))
        .collect()
}

/// True when the widest fragment found with the summary gap is a short passage in
/// `a` drawn from a long one in `b`: a summary, whose seeds lie far apart in `b`.
fn is_summary(a: &Doc, b: &Doc, fragments: &[Fragment]) -> bool {
    let bytes = |d: &Doc, first: u32, last: u32| {
        d.sentences[last as usize].span.end - d.sentences[first as usize].span.start
    };
    fragments
        .iter()
        .max_by_key(|f| bytes(b, f.b_first, f.b_last))
        .is_some_and(|f| {
            let long = bytes(b, f.b_first, f.b_last);
            long >= SUMMARY_MIN_BYTES
                && long >= SUMMARY_RATIO * bytes(a, f.a_first, f.a_last)
                && long as f64 >= SUMMARY_COVER * b.len as f64
        })
}

/// Least length of both sides together, in percent of `min_passage_bytes`.
const MIN_TOTAL: usize = 300;

/// The least share of an edge sentence's content found on the other side.
const EDGE_SHARE: f64 = 0.2;

/// True when the second side of `f` covers most of `b`.
fn covers_most(b: &Doc, f: &Fragment) -> bool {
    let long = b.sentences[f.b_last as usize].span.end - b.sentences[f.b_first as usize].span.start;
    long as f64 >= SUMMARY_COVER * b.len as f64
}

/// The least share of a neighbouring sentence's content found on the other side
/// for a passage to grow over it.
const GROW_SHARE: f64 = 0.45;

/// How many times longer the source side of a summary is.
const SUMMARY_RATIO: usize = 3;

/// The least share of the source text a summary's source side covers: a summary
/// draws on most of its source.
const SUMMARY_COVER: f64 = 0.5;

/// The least length of a summary's source side.
const SUMMARY_MIN_BYTES: usize = 2000;

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

/// The passage(s) of a fragment: one, or for a verbatim copy one per stretch of
/// exact runs.
fn passages(a: &Doc, b: &Doc, f: &Fragment, exact_edges: bool) -> Vec<Passage> {
    let words = |d: &Doc, first: u32, last: u32| {
        (
            d.sentences[first as usize].first,
            d.sentences[last as usize].end,
        )
    };
    let (ra, rb) = (words(a, f.a_first, f.a_last), words(b, f.b_first, f.b_last));
    match verbatim_stretches(a, ra, b, rb, exact_edges) {
        Some(stretches) => stretches
            .into_iter()
            .map(|(wa, wb, matched)| Passage {
                a: a.word_span(wa.0, wa.1 - 1),
                b: b.word_span(wb.0, wb.1 - 1),
                score: matched as f64 / (wa.1 - wa.0).max(wb.1 - wb.0) as f64,
            })
            .collect(),
        None => vec![Passage {
            a: a.word_span(ra.0, ra.1 - 1),
            b: b.word_span(rb.0, rb.1 - 1),
            score: f.sim,
        }],
    }
}

/// A word range in each text, and how many of its words are in exact runs.
type Stretch = ((usize, usize), (usize, usize), usize);

/// For a verbatim copy (most of its words in exact runs), the stretches of its
/// runs: sentence edges often hold a few words, or a whole neighbouring sentence,
/// that belong to neither passage, and a paragraph that only one text has (a
/// notice, a caption) splits it. `None` for an edited copy, whose edges were
/// edited too.
fn verbatim_stretches(
    a: &Doc,
    ra: (usize, usize),
    b: &Doc,
    rb: (usize, usize),
    exact_edges: bool,
) -> Option<Vec<Stretch>> {
    let ha: Vec<u64> = a.words[ra.0..ra.1].iter().map(|w| w.hash).collect();
    let hb: Vec<u64> = b.words[rb.0..rb.1].iter().map(|w| w.hash).collect();
    let mut runs = consistent(matches::exact_runs(&ha, &hb, TRIM_RUN));
    runs.sort_by_key(|r| r.a_start);
    let run_count = runs.len();
    let mut stretches: Vec<Stretch> = Vec::new();
    for r in runs {
        let ea = (ra.0 + r.a_start, ra.0 + r.a_start + r.len);
        let eb = (rb.0 + r.b_start, rb.0 + r.b_start + r.len);
        match stretches.last_mut() {
            Some((sa, sb, matched))
                if ea.0 - sa.1 <= SPLIT_GAP && eb.0 >= sb.1 && eb.0 - sb.1 <= SPLIT_GAP =>
            {
                sa.1 = ea.1;
                sb.1 = eb.1;
                *matched += r.len;
            }
            _ => stretches.push((ea, eb, r.len)),
        }
    }
    let covered: usize = stretches.iter().map(|s| s.2).sum();
    let extent: usize = stretches.iter().map(|s| s.0 .1 - s.0 .0).sum();
    let verbatim = !stretches.is_empty()
        && covered as f64 >= VERBATIM_SHARE * extent as f64
        && (exact_edges
            || (covered as f64 >= MIN_RUN_SHARE * ha.len().min(hb.len()) as f64
                && covered >= MEAN_RUN_WORDS * run_count));
    verbatim.then_some(stretches)
}

/// The least mean length of the runs of a verbatim copy: an edited copy keeps
/// short runs between its edits.
const MEAN_RUN_WORDS: usize = 22;

/// Words in neither run between two runs that split a verbatim copy in two.
const SPLIT_GAP: usize = 12;

/// The longest runs that keep one order in both texts: a phrase repeated elsewhere
/// in the fragment must not stretch it.
fn consistent(mut runs: Vec<matches::Run>) -> Vec<matches::Run> {
    runs.sort_by_key(|r| std::cmp::Reverse(r.len));
    runs.truncate(MAX_TRIM_RUNS);
    let mut kept: Vec<matches::Run> = Vec::new();
    for r in runs {
        let fits = kept.iter().all(|k| {
            (r.a_start + r.len <= k.a_start && r.b_start + r.len <= k.b_start)
                || (k.a_start + k.len <= r.a_start && k.b_start + k.len <= r.b_start)
        });
        if fits {
            kept.push(r);
        }
    }
    kept
}

/// Runs beyond this many (the longest kept) do not change a passage's edges much.
const MAX_TRIM_RUNS: usize = 64;

/// The shortest exact run that marks a verbatim copy's edge.
const TRIM_RUN: usize = 4;

/// The share of words in exact runs, between the first run and the last, for a
/// passage to count as a verbatim copy.
const VERBATIM_SHARE: f64 = 0.95;

/// ... and the least share of either side's words in runs.
const MIN_RUN_SHARE: f64 = 0.4;

/// True when `p` is alike enough and long enough for `options`.
fn kept(a: &Doc, b: &Doc, p: &Passage, options: &AlignOptions) -> bool {
    let words = |d: &Doc, span: ByteSpan| {
        d.words.partition_point(|w| w.span.start < span.end)
            - d.words.partition_point(|w| w.span.start < span.start)
    };
    p.score >= options.min_score
        && p.a.len() >= options.min_passage_bytes
        && p.b.len() >= options.min_passage_bytes
        && p.a.len() + p.b.len() >= MIN_TOTAL * options.min_passage_bytes / 100
        && words(a, p.a) >= options.min_passage_words
        && words(b, p.b) >= options.min_passage_words
}
