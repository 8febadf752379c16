//! Sentences of one article with no counterpart in any other: neither inside an
//! aligned passage nor similar to a sentence elsewhere.
//!
//! Two tests, because alignment alone misses a sentence that another article
//! rewrote and moved: a sentence is covered when half of its words lie inside the
//! article's aligned passages (with any other article), and it has a counterpart
//! when some sentence of another article shares enough of its content stems
//! (Dice over the `(stem, count)` bags of `align::Doc`). Candidates come from an
//! inverted index of stems, through each sentence's rarer stems only, so the
//! work stays near-linear however many articles are loaded.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use crate::align::groups::PairPassages;
use crate::align::{Doc, HashedMap};
use crate::sort;
use crate::span::ByteSpan;

/// Weighted Dice over stem bags at or above which two sentences say the same
/// thing. Measured on the five seeds (every sentence against its best match in
/// the other articles): rewritten counterparts score 0.44-0.50 (`Secretary of
/// State John Kerry and his Russian counterpart Sergei Lavrov are expected to
/// continue the talks` against `talks between ... Kerry and ... Sergey Lavrov
/// failed`), copies 0.8-1, and sentences that only share the story's common
/// words (`Obama`, `said`, `Syria`, `deal`) 0.35 at most. Unweighted Dice mixed
/// the two (0.40-0.55 on both sides), hence the weights.
const SIMILAR: f64 = 0.4;

/// Share of a sentence's words inside aligned passages that makes it shared.
const COVERED: f64 = 0.5;

/// A stem in more sentences than this is too common to find candidates through
/// (its postings would make the search quadratic); rarer stems still find them.
const COMMON_POSTINGS: usize = 64;

/// The most sentences of other articles one sentence is compared with: enough for
/// any story, and a bound on the work when an article repeats itself.
const MAX_CANDIDATES: usize = 256;

/// For each article, its sentences no other article has.
pub fn sentences(docs: &[Doc], aligned: &[PairPassages]) -> Vec<Vec<ByteSpan>> {
    sentences_known(docs, aligned, &mut Known::default())
}

/// What [`sentences`] learns from the texts alone, which a session keeps while
/// the texts stay the same: the stem index, and whether each sentence asked about
/// has a counterpart. Only the passages depend on the thresholds, so a threshold
/// change asks again only about the sentences it uncovered (on 100 articles the
/// counterpart search was most of what a slider move recomputed).
#[derive(Default)]
pub struct Known {
    index: Option<StemIndex>,
    /// Per article, per sentence: `None` until asked.
    counterpart: Vec<Vec<Option<bool>>>,
}

impl Known {
    /// Made for `docs` when it was not (a `Known` is kept for one set of texts).
    fn fit(&mut self, docs: &[Doc]) {
        let fits = self.counterpart.len() == docs.len()
            && self
                .counterpart
                .iter()
                .zip(docs)
                .all(|(known, doc)| known.len() == doc.sentences.len());
        if !fits {
            self.index = None;
            self.counterpart = docs.iter().map(|d| vec![None; d.sentences.len()]).collect();
        }
    }
}

/// One article's unique sentences, and the counterpart answers found for it:
/// (sentence, whether it has one).
type Answered = (Vec<ByteSpan>, Vec<(usize, bool)>);

/// [`sentences`], with what an earlier call on the same texts learnt (`known`).
/// The caller keeps one `Known` per set of texts (the session keys it by their
/// serials): given other texts of the same shape, it would answer for the old ones.
pub fn sentences_known(
    docs: &[Doc],
    aligned: &[PairPassages],
    known: &mut Known,
) -> Vec<Vec<ByteSpan>> {
    known.fit(docs);
    let index = &*known.index.get_or_insert_with(|| StemIndex::new(docs));
    let counterpart = &known.counterpart;
    let passages = passages_of_each(docs.len(), aligned);
    let ids: Vec<usize> = (0..docs.len()).collect();
    // Each article's sentences against the index, on every core: with content,
    // mostly outside the article's passages, and without a counterpart (asked
    // only when not known yet; the new answers come back to be kept).
    let each: Vec<Answered> = crate::parallel::map(&ids, |&i| {
        let (doc, passages) = (&docs[i], &passages[i]);
        let (mut unique, mut found) = (Vec::new(), Vec::new());
        // One entry per sentence (`Known::fit`).
        for (s, known) in counterpart[i].iter().enumerate() {
            if doc.terms(s).is_empty() || covered_share(doc, s, passages) >= COVERED {
                continue;
            }
            let has = known.unwrap_or_else(|| {
                let has = index.has_counterpart(docs, i, s);
                found.push((s, has));
                has
            });
            if !has {
                unique.push(doc.sentences[s].span);
            }
        }
        (unique, found)
    });
    let mut out = Vec::with_capacity(each.len());
    for (i, (unique, found)) in each.into_iter().enumerate() {
        for (s, has) in found {
            known.counterpart[i][s] = Some(has);
        }
        out.push(unique);
    }
    out
}

/// The spans of each of `n` articles inside any passage it shares, sorted and
/// merged: one pass over the pairs for all (a pass per article was quadratic).
fn passages_of_each(n: usize, aligned: &[PairPassages]) -> Vec<Vec<ByteSpan>> {
    let mut spans: Vec<Vec<ByteSpan>> = vec![Vec::new(); n];
    for (a, b, found) in aligned {
        for p in found {
            if let Some(list) = spans.get_mut(*a) {
                list.push(p.a);
            }
            if let Some(list) = spans.get_mut(*b) {
                list.push(p.b);
            }
        }
    }
    spans.into_iter().map(merged).collect()
}

/// `spans` sorted, overlapping ones joined.
fn merged(mut spans: Vec<ByteSpan>) -> Vec<ByteSpan> {
    sort::all(&mut spans);
    let mut merged: Vec<ByteSpan> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

/// Share of sentence `s`'s words that lie inside `passages` (sorted, disjoint).
fn covered_share(doc: &Doc, s: usize, passages: &[ByteSpan]) -> f64 {
    let Some(sentence) = doc.sentences.get(s) else {
        return 0.0;
    };
    let words = doc.words.get(sentence.first..sentence.end).unwrap_or(&[]);
    if words.is_empty() || passages.is_empty() {
        return 0.0;
    }
    let inside = words
        .iter()
        .filter(|w| {
            // The last passage starting at or before the word.
            let k = passages.partition_point(|p| p.start <= w.span().start);
            k > 0 && passages.get(k - 1).is_some_and(|p| w.span().end <= p.end)
        })
        .count();
    inside as f64 / words.len() as f64
}

/// A sentence holding a stem: (article, sentence, how many times).
type Posting = (u32, u32, u32);

/// Which sentences (article, sentence) hold each stem.
struct StemIndex {
    /// Each stem's place in `starts`, keyed by stem hashes (which need no hashing
    /// again).
    slots: HashedMap<u32>,
    /// Where each stem's postings start in `postings`, and one past the last.
    starts: Vec<u32>,
    /// Every stem's postings, one stem after another, each in (article,
    /// sentence) order: one array, without a list's spare room per stem (at
    /// 100,000 articles the lists were gigabytes).
    postings: Vec<Posting>,
    /// Number of sentences of all articles.
    sentences: f64,
    /// Every sentence's weighted size (the denominator's half of Dice), per article:
    /// computed once rather than for every comparison.
    sizes: Vec<Vec<f64>>,
    /// The weight of each of an article's distinct stems (`Doc::stems`' order),
    /// per article: a comparison reads them rather than looking each stem up again.
    weights: Vec<Vec<f64>>,
}

impl StemIndex {
    fn new(docs: &[Doc]) -> StemIndex {
        // Two passes over the bags: each stem's count, then its postings in place.
        let mut slots: HashedMap<u32> = HashedMap::default();
        let mut counts: Vec<u32> = Vec::new();
        for doc in docs {
            for s in 0..doc.sentences.len() {
                for &(stem, _) in doc.terms(s) {
                    let slot = *slots.entry(stem).or_insert_with(|| {
                        counts.push(0);
                        (counts.len() - 1) as u32
                    });
                    counts[slot as usize] += 1;
                }
            }
        }
        let mut starts: Vec<u32> = Vec::with_capacity(counts.len() + 1);
        let mut end = 0u32;
        for &count in &counts {
            starts.push(end);
            end += count;
        }
        starts.push(end);
        let mut next: Vec<u32> = starts.clone();
        let mut postings: Vec<Posting> = vec![(0, 0, 0); end as usize];
        for (d, doc) in docs.iter().enumerate() {
            for s in 0..doc.sentences.len() {
                for &(stem, n) in doc.terms(s) {
                    let slot = slots.get(&stem).map_or(0, |&slot| slot as usize);
                    postings[next[slot] as usize] = (d as u32, s as u32, n);
                    next[slot] += 1;
                }
            }
        }
        let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
        let mut index = StemIndex {
            slots,
            starts,
            postings,
            sentences: sentences as f64,
            sizes: Vec::new(),
            weights: Vec::new(),
        };
        index.weights = docs
            .iter()
            .map(|doc| {
                doc.stems
                    .iter()
                    .map(|&(stem, _)| index.weight(stem))
                    .collect()
            })
            .collect();
        // From the weights just computed (the same sums, each weight's logarithm
        // taken once).
        index.sizes = docs
            .iter()
            .zip(&index.weights)
            .map(|(doc, weights)| {
                (0..doc.sentences.len())
                    .map(|s| {
                        doc.terms(s)
                            .iter()
                            .zip(doc.term_stems(s))
                            .map(|(&(_, n), &place)| f64::from(n) * weights[place as usize])
                            .sum()
                    })
                    .collect()
            })
            .collect();
        index
    }

    /// The sentences holding `stem`.
    fn postings(&self, stem: u64) -> &[Posting] {
        self.slots
            .get(&stem)
            .and_then(|&slot| {
                let (start, end) = (self.starts[slot as usize], self.starts[slot as usize + 1]);
                self.postings.get(start as usize..end as usize)
            })
            .unwrap_or(&[])
    }

    /// The weighted size of sentence `s` of article `d`.
    fn size_of(&self, d: usize, s: usize) -> f64 {
        self.sizes
            .get(d)
            .and_then(|sizes| sizes.get(s))
            .copied()
            .unwrap_or(0.0)
    }

    /// A stem's weight: its inverse sentence frequency, `ln(1 + N / sf)`.
    fn weight(&self, stem: u64) -> f64 {
        let sf = self.postings(stem).len().max(1);
        (1.0 + self.sentences / sf as f64).ln()
    }

    /// True when a sentence of another article is similar to sentence `s` of `d`.
    fn has_counterpart(&self, docs: &[Doc], d: usize, s: usize) -> bool {
        let Some(doc) = docs.get(d) else {
            return false;
        };
        let bag = doc.terms(s);
        let places = doc.term_stems(s);
        let weights = self.weights.get(d).map_or(&[][..], Vec::as_slice);
        let weight = |k: usize, stem: u64| {
            places
                .get(k)
                .and_then(|&place| weights.get(place as usize))
                .copied()
                .unwrap_or_else(|| self.weight(stem))
        };
        let postings = |stem: &u64| self.postings(*stem);
        // Through the rare stems only (with their place in the bag); a sentence of
        // common stems alone uses its rarest one, so that it still meets its
        // counterparts.
        let mut via: Vec<(usize, &[Posting])> = bag
            .iter()
            .enumerate()
            .map(|(k, (stem, _))| (k, postings(stem)))
            .filter(|(_, p)| p.len() <= COMMON_POSTINGS)
            .collect();
        if via.is_empty() {
            via.extend(
                bag.iter()
                    .enumerate()
                    .map(|(k, (stem, _))| (k, postings(stem)))
                    .min_by_key(|(_, p)| p.len()),
            );
        }
        // What the stems not searched through could add to any candidate's shared
        // weight: all of their own.
        let mut searched = vec![false; bag.len()];
        for &(k, _) in &via {
            if let Some(flag) = searched.get_mut(k) {
                *flag = true;
            }
        }
        let unsearched: f64 = bag
            .iter()
            .enumerate()
            .filter(|(k, _)| !searched.get(*k).copied().unwrap_or(false))
            .map(|(k, &(stem, n))| f64::from(n) * weight(k, stem))
            .sum();
        // Postings are in (article, sentence) order: the article's own entries are
        // one stretch, skipped without reading them. Each hit carries what its stem
        // shares with the candidate.
        let mut complete = true;
        let mut shared = Candidates::default();
        for (k, p) in via {
            let (from, to) = (
                p.partition_point(|&(o, _, _)| (o as usize) < d),
                p.partition_point(|&(o, _, _)| (o as usize) <= d),
            );
            let (before, after) = (p.get(..from).unwrap_or(&[]), p.get(to..).unwrap_or(&[]));
            complete &= before.len() + after.len() <= MAX_CANDIDATES;
            let (stem, n) = bag.get(k).copied().unwrap_or((0, 0));
            let w = weight(k, stem);
            for &(o, t, m) in before.iter().chain(after).take(MAX_CANDIDATES) {
                shared.add((o, t), f64::from(n.min(m)) * w);
            }
        }
        // The candidates sharing the most rare stems, a bounded number of them,
        // each with the weight of the rare stems it shares.
        let mut shared = shared.found;
        // Only a surplus needs the ranking: the answer is whether any candidate
        // passes, whatever the order they are tried in.
        if shared.len() > MAX_CANDIDATES {
            sort::by_key(&mut shared, |&(n, c, _)| (std::cmp::Reverse(n), c));
            shared.truncate(MAX_CANDIDATES);
        }
        let size = self.size_of(d, s);
        shared.into_iter().any(|(_, (other, t), rare)| {
            let (other, t) = (other as usize, t as usize);
            let total = size + self.size_of(other, t);
            // The most the two can share is what the searched stems do plus all the
            // rest: when even that is short of `SIMILAR`, the merge is skipped (with
            // a margin for rounding, so that no pair the merge would pass is).
            if complete && 2.0 * (rare + unsearched) < SIMILAR * total * (1.0 - 1e-9) {
                return false;
            }
            docs.get(other)
                .filter(|o| t < o.sentences.len())
                .is_some_and(|o| {
                    let shared = shared_weight(bag, o.terms(t), weight);
                    total > 0.0 && 2.0 * shared / total >= SIMILAR
                })
        })
    }
}

/// The candidates of one sentence as its rare stems find them: how many stems
/// each shares, and their summed weight. Gathered in a map rather than by sorting
/// every hit; each candidate's weights are still summed in the order of the
/// stems, as the sort (a stable one) left them, so the sums are the same.
#[derive(Default)]
struct Candidates {
    /// Each candidate's place in `found`, keyed by (article, sentence).
    places: FxHashMap<(u32, u32), u32>,
    /// (stems shared, candidate, their weight), in the order first found.
    found: Vec<(u32, (u32, u32), f64)>,
}

impl Candidates {
    /// One more stem shared with candidate `c`, of weight `w`.
    fn add(&mut self, c: (u32, u32), w: f64) {
        match self.places.entry(c) {
            Entry::Occupied(place) => {
                if let Some((n, _, sum)) = self.found.get_mut(*place.get() as usize) {
                    *n += 1;
                    *sum += w;
                }
            }
            Entry::Vacant(place) => {
                place.insert(self.found.len() as u32);
                self.found.push((1, c, w));
            }
        }
    }
}

/// The weight two `(stem, count)` bags sorted by stem share: for every stem in
/// both, the smaller count times its weight (the numerator's half of Dice).
/// `weight(i, stem)` is the weight of `a`'s `i`th stem.
fn shared_weight(a: &[(u64, u32)], b: &[(u64, u32)], weight: impl Fn(usize, u64) -> f64) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while let (Some(&(x, nx)), Some(&(y, ny))) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += f64::from(nx.min(ny)) * weight(i, x);
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{align, AlignOptions};

    fn unique_of(texts: &[&str]) -> Vec<Vec<String>> {
        let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
        let mut aligned = Vec::new();
        for i in 0..docs.len() {
            for j in i + 1..docs.len() {
                aligned.push((i, j, align(&docs[i], &docs[j], &AlignOptions::default())));
            }
        }
        sentences(&docs, &aligned)
            .iter()
            .zip(texts)
            .map(|(spans, t)| spans.iter().map(|s| s.slice(t).to_string()).collect())
            .collect()
    }

    #[test]
    fn what_is_known_of_the_texts_gives_the_answers_of_a_fresh_search() {
        let texts = [
            "The two leaders met in Hangzhou for ninety minutes on Monday. \
             They discussed the ceasefire in Syria at length. \
             Aides said the talks would resume in Geneva next week.",
            "The two leaders met in Hangzhou for 90 minutes on Monday. \
             Turkey's president asked for a no-fly zone over northern Syria. \
             Aides said talks would resume next week in Geneva.",
        ];
        let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
        let passages = vec![(0, 1, align(&docs[0], &docs[1], &AlignOptions::default()))];
        // As a threshold change does: the passages come and go, the texts stay.
        let mut known = Known::default();
        for aligned in [&passages, &Vec::new(), &passages, &Vec::new()] {
            let fresh = sentences(&docs, aligned);
            assert_eq!(sentences_known(&docs, aligned, &mut known), fresh);
        }
        // Other texts: what was known of the first ones is not used.
        let others: Vec<Doc> = [texts[1], texts[0], texts[1]]
            .iter()
            .map(|t| Doc::new(t))
            .collect();
        assert_eq!(
            sentences_known(&others, &[], &mut known),
            sentences(&others, &[])
        );
    }

    #[test]
    fn an_added_sentence_is_unique_and_a_reworded_one_is_not() {
        let a = "The two leaders met in Hangzhou for ninety minutes on Monday. \
                 They discussed the ceasefire in Syria at length. \
                 Aides said the talks would resume in Geneva next week.";
        let b = "The two leaders met in Hangzhou for 90 minutes on Monday. \
                 Turkey's president asked for a no-fly zone over northern Syria. \
                 Aides said talks would resume next week in Geneva.";
        let got = unique_of(&[a, b]);
        assert_eq!(got[0], ["They discussed the ceasefire in Syria at length"]);
        assert_eq!(
            got[1],
            ["Turkey's president asked for a no-fly zone over northern Syria"]
        );
    }

    #[test]
    fn a_repetitive_article_stays_linear() {
        // 20,000 identical sentences: every stem is common, so each sentence is
        // compared with a bounded number of others (quadratic would be 4e8 pairs).
        let a = "The delegates argued late into the night over the wording. ".repeat(20_000);
        let b = "The delegates argued late into the night over the wording. ".repeat(3);
        let docs = [Doc::new(&a), Doc::new(&b)];
        let started = std::time::Instant::now();
        let got = sentences(&docs, &[]);
        assert!(got.iter().all(Vec::is_empty));
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }

    #[test]
    fn shared_weight_counts_stems_in_both() {
        let one = |_, _| 1.0;
        assert_eq!(
            shared_weight(&[(1, 1), (2, 1)], &[(2, 1), (3, 1)], one),
            1.0
        );
        assert_eq!(shared_weight(&[(2, 3)], &[(2, 2)], one), 2.0);
        assert_eq!(shared_weight(&[], &[], one), 0.0);
        // A common stem shared weighs what its weight says.
        let rare = |_, stem| if stem == 2 { 0.1 } else { 1.0 };
        assert_eq!(
            shared_weight(&[(1, 1), (2, 1)], &[(2, 1), (3, 1)], rare),
            0.1
        );
    }

    #[test]
    fn one_article_is_all_unique_and_empty_input_is_nothing() {
        assert!(unique_of(&[]).is_empty());
        let got = unique_of(&["A single article with one long sentence here.", ""]);
        assert_eq!(got[0].len(), 1);
        assert!(got[1].is_empty());
    }
}
