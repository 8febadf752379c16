//! One analysis split between two sessions, so that two threads share it (the
//! page's two workers; a wasm call runs on one thread and cannot be handed work
//! midway). One session aligns the set's pairs ([`aligned_pairs`]) while the
//! other computes what reads the texts alone ([`prepare`]: the term statistics,
//! quotes, meta and facts, about half of a large set's time); the second then
//! takes the first's passages ([`accept_pairs`]), and its `analyze` aligns
//! nothing it was given.
//!
//! The report is the one `analyze` gives: what is handed over is each pair's
//! shingle overlap and passages before the thresholds, which are what the second
//! session's pair cache would hold had it aligned them itself, and they are taken only when both
//! sessions read the same texts (a fingerprint of each text read) with the same
//! shingle size. What is not taken is aligned by `analyze` as usual.

use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

use super::{pairs_to_align, text_stages, unfiltered_pairs, Article, Options, SetTexts};
use crate::align::scores::Overlap;
use crate::align::Passage;
use crate::error::{Error, ErrorKind, Result};
use crate::limits::Limit;
use crate::session::{Cache, PairEntry};
use crate::span::ByteSpan;

/// The passages of a set's pairs before the thresholds, as one session hands them
/// to another ([`crate::Session::aligned_pairs`]). Flat arrays, so that they
/// cross between threads (and into JavaScript) as a few typed arrays.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AlignedPairs {
    /// A fingerprint of each article's text as the engines read it, in set order:
    /// the passages are taken only by a session whose texts have the same.
    pub texts: Vec<u64>,
    /// The shingle size the pairs were aligned with (`Options::shingle`).
    pub shingle: u32,
    /// Per pair, three numbers: the two articles' places in the set (the first
    /// before the second) and how many passages follow in `spans` and `scores`.
    pub pairs: Vec<u32>,
    /// Per pair, the overlap of the two texts' shingles: containment of the first
    /// in the second, of the second in the first, and their Jaccard index.
    pub overlaps: Vec<f64>,
    /// Per passage, four numbers: its start and end in the first text read, then
    /// in the second (bytes).
    pub spans: Vec<u32>,
    /// Per passage, its score.
    pub scores: Vec<f64>,
}

/// Computes and keeps in `cache` what an analysis of `articles` with `options`
/// reads of the texts alone (each text read, the term statistics, the news
/// answers that need no pair), so that the next `analyze` of the same set takes it.
pub(crate) fn prepare(articles: &[Article], options: &Options, cache: &mut Cache) -> Result<()> {
    super::check(articles, Limit::Articles, Limit::TotalBytes)?;
    options.check()?;
    let set = SetTexts::new(
        articles,
        options,
        (&mut cache.articles, &mut cache.boilerplate),
    );
    let serials = cache.docs.serials(&set.read(), options.shingle);
    let stages = (&mut cache.terms, &mut cache.texts);
    text_stages(articles, &set, &serials, options, stages, &mut |_| {})?;
    Ok(())
}

/// The passages before the thresholds of every pair an analysis of `articles`
/// with `options` aligns (kept in `cache` too).
pub(crate) fn aligned_pairs(
    articles: &[Article],
    options: &Options,
    cache: &mut Cache,
) -> Result<AlignedPairs> {
    super::check(articles, Limit::Articles, Limit::TotalBytes)?;
    options.check()?;
    let set = SetTexts::new(
        articles,
        options,
        (&mut cache.articles, &mut cache.boilerplate),
    );
    let read = set.read();
    let serials = cache.docs.serials(&read, options.shingle);
    let (docs, shingles) = cache
        .docs
        .docs_and_shingles(&read, options.shingle, &serials);
    let pairs = pairs_to_align(&docs, &serials, options, &mut cache.candidates);
    let (overlaps, unfiltered) = unfiltered_pairs(
        &pairs,
        &docs,
        &shingles,
        &serials,
        options,
        &mut cache.pairs,
    );
    cache.pairs.forget_unused();
    let mut out = AlignedPairs {
        texts: read.iter().map(|t| fingerprint(t)).collect(),
        shingle: options.shingle as u32,
        ..AlignedPairs::default()
    };
    for (((i, j), passages), overlap) in pairs.into_iter().zip(unfiltered).zip(overlaps) {
        out.pairs
            .extend([i as u32, j as u32, passages.len() as u32]);
        out.overlaps
            .extend([overlap.a_in_b, overlap.b_in_a, overlap.jaccard]);
        for p in passages {
            out.spans
                .extend([p.a.start, p.a.end, p.b.start, p.b.end].map(|x| x as u32));
            out.scores.push(p.score);
        }
    }
    Ok(out)
}

/// Puts the passages of `aligned` in `cache`, for the pairs of `articles` read
/// with `options`; how many pairs were taken: none when the texts read or the
/// shingle size differ from the ones they were aligned from. An `aligned` that no
/// session could have made (a place outside the set, a span outside its text) is
/// refused whole.
pub(crate) fn accept_pairs(
    articles: &[Article],
    options: &Options,
    cache: &mut Cache,
    aligned: &AlignedPairs,
) -> Result<usize> {
    super::check(articles, Limit::Articles, Limit::TotalBytes)?;
    options.check()?;
    let set = SetTexts::new(
        articles,
        options,
        (&mut cache.articles, &mut cache.boilerplate),
    );
    let read = set.read();
    let same_texts = aligned.texts.len() == read.len()
        && aligned
            .texts
            .iter()
            .zip(&read)
            .all(|(&f, t)| f == fingerprint(t));
    if !same_texts || aligned.shingle as usize != options.shingle {
        return Ok(0);
    }
    let pairs = checked(aligned, &read)?;
    let serials = cache.docs.serials(&read, options.shingle);
    let count = pairs.len();
    for ((i, j), entry) in pairs {
        cache
            .pairs
            .put((serials[i], serials[j], options.shingle), entry);
    }
    Ok(count)
}

/// A pair (its articles' places) with its overlap and passages before the thresholds.
type PairPassages = ((usize, usize), PairEntry);

/// Names a text read: equal texts have equal fingerprints (and different ones
/// almost never do).
fn fingerprint(text: &str) -> u64 {
    FxBuildHasher.hash_one(text)
}

/// The pairs of `aligned` with their passages, each checked against the texts it
/// names (`read`): an error names the first that is not one of theirs.
fn checked(aligned: &AlignedPairs, read: &[&str]) -> Result<Vec<PairPassages>> {
    let refuse = |reason: String| {
        Error::new(ErrorKind::InvalidOption {
            name: "aligned pairs".into(),
            reason,
        })
    };
    if aligned.pairs.len() % 3 != 0
        || aligned.overlaps.len() != aligned.pairs.len()
        || aligned.spans.len() != 4 * aligned.scores.len()
    {
        return Err(refuse("the arrays' lengths do not match".into()));
    }
    let share = |x: f64| (0.0..=1.0).contains(&x);
    let mut out = Vec::with_capacity(aligned.pairs.len() / 3);
    let mut next = 0;
    let overlaps = aligned.overlaps.chunks_exact(3);
    for (pair, overlap) in aligned.pairs.chunks_exact(3).zip(overlaps) {
        let [i, j, count] = [pair[0], pair[1], pair[2]].map(|x| x as usize);
        let [a_in_b, b_in_a, jaccard] = [overlap[0], overlap[1], overlap[2]];
        if !(share(a_in_b) && share(b_in_a) && share(jaccard)) {
            return Err(refuse(format!(
                "the overlap of the pair ({i}, {j}) is not one"
            )));
        }
        let overlap = Overlap {
            a_in_b,
            b_in_a,
            jaccard,
        };
        if i >= j || j >= read.len() {
            return Err(refuse(format!(
                "the pair ({i}, {j}) is not one of {} articles",
                read.len()
            )));
        }
        if aligned.scores.len() - next < count {
            return Err(refuse(
                "a pair has more passages than the arrays hold".into(),
            ));
        }
        let mut passages = Vec::with_capacity(count);
        for k in next..next + count {
            let span = |at: usize, text: &str| {
                let (start, end) = (
                    aligned.spans[4 * k + at] as usize,
                    aligned.spans[4 * k + at + 1] as usize,
                );
                let fits =
                    start <= end && text.is_char_boundary(start) && text.is_char_boundary(end);
                fits.then_some(ByteSpan { start, end })
            };
            let score = aligned.scores[k];
            match (span(0, read[i]), span(2, read[j])) {
                (Some(a), Some(b)) if share(score) => passages.push(Passage { a, b, score }),
                _ => {
                    return Err(refuse(format!(
                        "a passage of the pair ({i}, {j}) is outside its texts"
                    )))
                }
            }
        }
        next += count;
        out.push(((i, j), PairEntry { overlap, passages }));
    }
    if next != aligned.scores.len() {
        return Err(refuse("the arrays hold passages of no pair".into()));
    }
    Ok(out)
}
