//! Sentence-level alignment after Sanchez-Perez, Sidorov and Gelbukh (PAN 2014):
//! seeds are sentence pairs alike by tf-isf cosine and by Dice; seeds close to each
//! other in both texts are clustered into fragments, with a smaller gap when a
//! cluster is not alike as a whole.

use super::doc::{Doc, HashedMap};
use super::options::Params;
use crate::sort;

/// A pair of alike sentences: one in each text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seed {
    /// Sentence in the first text.
    pub a: u32,
    /// Sentence in the second text.
    pub b: u32,
}

/// Sentences `a_first..=a_last` of the first text match `b_first..=b_last` of the second.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    /// First sentence in the first text.
    pub a_first: u32,
    /// Last sentence in the first text.
    pub a_last: u32,
    /// First sentence in the second text.
    pub b_first: u32,
    /// Last sentence in the second text.
    pub b_last: u32,
    /// Cosine of the two sides' tf-isf vectors.
    pub sim: f64,
}

/// Sentences of `b` beyond which a stem is not followed when seeding.
const MAX_POSTINGS: usize = 100;

/// `ln((|S| + 1) / df)`, the inverse sentence frequency of a stem held by `df` of
/// the pair's `|S|` sentences. The `+ 1` keeps a word that is in every sentence
/// from weighing nothing: two one-sentence texts that are the same sentence would
/// otherwise share nothing.
fn isf_of(sentences: f64, df: u32) -> f64 {
    if df == 0 {
        0.0
    } else {
        ((sentences + 1.0) / f64::from(df)).ln()
    }
}

/// Sentence frequencies whose inverse is computed once per pair.
const KEPT_ISF: usize = 64;

/// No stem: in [`Pair`]'s `in_a`, a stem of `b` that `a` lacks.
const NONE: u32 = u32::MAX;

/// The two texts of a pair, with inverse sentence frequencies over both.
pub struct Pair<'d> {
    pub(super) a: &'d Doc,
    pub(super) b: &'d Doc,
    /// The isf of each of `a.stems`, and of each of `b.stems`.
    isf_a: Vec<f64>,
    isf_b: Vec<f64>,
    /// For each of `b.stems`, its place in `a.stems` (or [`NONE`]).
    in_a: Vec<u32>,
}

impl<'d> Pair<'d> {
    /// A pair of texts: their sorted stems are joined in one merge, so that the
    /// seeds and fragments read each stem's weight by its place, with no lookup.
    pub fn new(a: &'d Doc, b: &'d Doc) -> Pair<'d> {
        let sentences = (a.sentences.len() + b.sentences.len()) as f64;
        // A logarithm is a software routine in wasm, and a pair has few distinct
        // frequencies: each is computed once.
        let mut kept = [f64::NAN; KEPT_ISF];
        let mut isf = |df: u32| match kept.get_mut(df as usize) {
            Some(k) if !k.is_nan() => *k,
            k => {
                let isf = isf_of(sentences, df);
                if let Some(k) = k {
                    *k = isf;
                }
                isf
            }
        };
        let mut pair = Pair {
            a,
            b,
            isf_a: vec![0.0; a.stems.len()],
            isf_b: vec![0.0; b.stems.len()],
            in_a: vec![NONE; b.stems.len()],
        };
        let (mut i, mut j) = (0, 0);
        loop {
            match (a.stems.get(i), b.stems.get(j)) {
                (Some(&(x, fx)), Some(&(y, fy))) if x == y => {
                    let w = isf(fx + fy);
                    pair.isf_a[i] = w;
                    pair.isf_b[j] = w;
                    pair.in_a[j] = i as u32;
                    i += 1;
                    j += 1;
                }
                (Some(&(x, fx)), Some(&(y, _))) if x < y => {
                    pair.isf_a[i] = isf(fx);
                    i += 1;
                }
                (Some(&(_, fx)), None) => {
                    pair.isf_a[i] = isf(fx);
                    i += 1;
                }
                (_, Some(&(_, fy))) => {
                    pair.isf_b[j] = isf(fy);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        pair
    }

    /// The isf of each stem of `doc` (one of the pair's two texts), by its place.
    fn isf_in(&self, doc: &Doc) -> &[f64] {
        // A text paired with itself has the same weights on both sides.
        if std::ptr::eq(doc, self.a) {
            &self.isf_a
        } else {
            &self.isf_b
        }
    }

    /// The `(stem, count, isf)` of each stem of sentence `s` of `doc`.
    fn weighted<'p>(
        &'p self,
        doc: &'p Doc,
        s: usize,
    ) -> impl Iterator<Item = (u64, u32, f64)> + 'p {
        let isf = self.isf_in(doc);
        doc.terms(s)
            .iter()
            .zip(doc.term_stems(s))
            .map(move |(&(stem, count), &k)| {
                (stem, count, isf.get(k as usize).copied().unwrap_or(0.0))
            })
    }

    fn norm(&self, doc: &Doc, s: usize) -> f64 {
        self.weighted(doc, s)
            .map(|(_, count, isf)| (f64::from(count) * isf).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    /// The sentence pairs whose cosine and Dice both pass `params`.
    pub fn seeds(&self, params: &Params) -> Vec<Seed> {
        let (a, b) = (self.a, self.b);
        // For each stem of `a`, the sentences of `b` holding it with its weight
        // there, by the stem's place in `a.stems`: `postings[starts[k]..starts[k + 1]]`.
        let mut starts = vec![0u32; a.stems.len() + 1];
        for j in 0..b.sentences.len() {
            for &k in b.term_stems(j) {
                if let Some(&ka) = self.in_a.get(k as usize).filter(|&&ka| ka != NONE) {
                    starts[ka as usize + 1] += 1;
                }
            }
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut postings = vec![(0u32, 0f32); starts.last().map_or(0, |&n| n as usize)];
        let mut b_norms = Vec::with_capacity(b.sentences.len());
        for j in 0..b.sentences.len() {
            let mut norm = 0.0;
            for ((_, count, isf), &k) in self.weighted(b, j).zip(b.term_stems(j)) {
                let w = f64::from(count) * isf;
                norm += w * w;
                if let Some(&ka) = self.in_a.get(k as usize).filter(|&&ka| ka != NONE) {
                    let at = &mut next[ka as usize];
                    postings[*at as usize] = (j as u32, w as f32);
                    *at += 1;
                }
            }
            b_norms.push(norm.sqrt());
        }
        let mut dot = vec![0f64; b.sentences.len()];
        let mut shared = vec![0u32; b.sentences.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut seeds = Vec::new();
        for i in 0..a.sentences.len() {
            let terms = a.terms(i);
            for ((_, count, isf), &k) in self.weighted(a, i).zip(a.term_stems(i)) {
                let list = &postings[starts[k as usize] as usize..starts[k as usize + 1] as usize];
                if list.len() > MAX_POSTINGS {
                    // So common in `b` that it tells its sentences apart little, and
                    // following it from every sentence of `a` would be quadratic.
                    continue;
                }
                let w = f64::from(count) * isf;
                for &(j, wj) in list {
                    if shared[j as usize] == 0 {
                        touched.push(j);
                    }
                    shared[j as usize] += 1;
                    dot[j as usize] += w * f64::from(wj);
                }
            }
            // Over every stem of the sentence: those missing from `b` count too.
            let norm = if touched.is_empty() {
                0.0
            } else {
                self.norm(a, i)
            };
            for &j in &touched {
                let j = j as usize;
                let den = norm * b_norms[j];
                let cosine = if den > 0.0 { dot[j] / den } else { 0.0 };
                let dice = 2.0 * f64::from(shared[j]) / (terms.len() + b.terms(j).len()) as f64;
                if cosine > params.cosine && dice > params.dice {
                    seeds.push(Seed {
                        a: i as u32,
                        b: j as u32,
                    });
                }
                dot[j] = 0.0;
                shared[j] = 0;
            }
            touched.clear();
        }
        seeds
    }

    /// Cosine of the summed tf-isf vectors of two sentence ranges.
    pub fn similarity(&self, a: (u32, u32), b: (u32, u32)) -> f64 {
        let va = self.vector(self.a, a);
        let vb = self.vector(self.b, b);
        let dot: f64 = va
            .iter()
            .filter_map(|(t, x)| vb.get(t).map(|y| x * y))
            .sum();
        let norm = |v: &HashedMap<f64>| v.values().map(|x| x * x).sum::<f64>().sqrt();
        let den = norm(&va) * norm(&vb);
        if den > 0.0 {
            (dot / den).min(1.0)
        } else {
            0.0
        }
    }

    fn vector(&self, doc: &Doc, (first, last): (u32, u32)) -> HashedMap<f64> {
        let mut v = HashedMap::default();
        for s in first..=last {
            for (stem, count, isf) in self.weighted(doc, s as usize) {
                *v.entry(stem).or_insert(0.0) += f64::from(count) * isf;
            }
        }
        v
    }

    /// Drops edge sentences of `f` whose content is mostly missing from the other
    /// side: clustering with a gap pulls in neighbours that merely share the topic.
    /// The first side is pruned against the whole second side, then the second
    /// against what is left of the first.
    pub fn prune(&self, f: Fragment, least: f64) -> Fragment {
        let vb = self.vector(self.b, f.b_range());
        let a = self.prune_side(self.a, f.a_range(), &vb, least);
        let va = self.vector(self.a, a);
        let b = self.prune_side(self.b, f.b_range(), &va, least);
        Fragment::spanning(a, b, f.sim)
    }

    /// Sentences `first..=last` of `doc` without the edge sentences less than
    /// `least` of whose content is in `other`; at least one sentence stays.
    fn prune_side(
        &self,
        doc: &Doc,
        (mut first, mut last): (u32, u32),
        other: &HashedMap<f64>,
        least: f64,
    ) -> (u32, u32) {
        while first < last && self.contained(doc, first, other) < least {
            first += 1;
        }
        while first < last && self.contained(doc, last, other) < least {
            last -= 1;
        }
        (first, last)
    }

    /// Adds up to `steps` neighbouring sentences at each edge of `f` whose content
    /// is mostly found on the other side (widened by one sentence): edits at a
    /// passage's edges can leave its first or last sentence without a seed. The
    /// first side grows against the second, then the second against the grown first.
    pub fn grow(&self, f: Fragment, least: f64, steps: u32) -> Fragment {
        let vb = self.vector(self.b, widen(f.b_range(), self.b));
        let a = self.grow_side(self.a, f.a_range(), &vb, least, steps);
        let va = self.vector(self.a, widen(a, self.a));
        let b = self.grow_side(self.b, f.b_range(), &va, least, steps);
        Fragment::spanning(a, b, f.sim)
    }

    /// Sentences `first..=last` of `doc` with up to `steps` neighbours on each side
    /// at least `least` of whose content is in `other`.
    fn grow_side(
        &self,
        doc: &Doc,
        (mut first, mut last): (u32, u32),
        other: &HashedMap<f64>,
        least: f64,
        steps: u32,
    ) -> (u32, u32) {
        for _ in 0..steps {
            if first > 0 && self.contained(doc, first - 1, other) >= least {
                first -= 1;
            }
            if (last as usize) + 1 < doc.sentences.len()
                && self.contained(doc, last + 1, other) >= least
            {
                last += 1;
            }
        }
        (first, last)
    }

    /// The isf-weighted share of sentence `s`'s stems found in `other`.
    fn contained(&self, doc: &Doc, s: u32, other: &HashedMap<f64>) -> f64 {
        let (mut found, mut all) = (0.0, 0.0);
        for (stem, _, w) in self.weighted(doc, s as usize) {
            all += w;
            if other.contains_key(&stem) {
                found += w;
            }
        }
        if all > 0.0 {
            found / all
        } else {
            1.0
        }
    }

    /// Clusters `seeds` with at most `gap.0` sentences between neighbours in the
    /// first text and `gap.1` in the second; a cluster not alike as a whole is
    /// clustered again with smaller gaps.
    pub fn extend(&self, seeds: Vec<Seed>, gap: (u32, u32), params: &Params) -> Vec<Fragment> {
        let mut fragments = Vec::new();
        for cluster in cluster(seeds, gap) {
            let fragment = fragment_of(&cluster);
            let sim = self.similarity(fragment.a_range(), fragment.b_range());
            if sim > params.validate {
                fragments.push(Fragment { sim, ..fragment });
            } else if gap.0 > 0 || gap.1 > 0 {
                let smaller = (gap.0.saturating_sub(1), gap.1.saturating_sub(1));
                fragments.extend(self.extend(cluster, smaller, params));
            }
        }
        fragments
    }
}

impl Fragment {
    /// The fragment of sentences `a` of the first text and `b` of the second.
    fn spanning(a: (u32, u32), b: (u32, u32), sim: f64) -> Fragment {
        Fragment {
            a_first: a.0,
            a_last: a.1,
            b_first: b.0,
            b_last: b.1,
            sim,
        }
    }

    /// Its first and last sentence in the first text.
    pub fn a_range(&self) -> (u32, u32) {
        (self.a_first, self.a_last)
    }

    /// Its first and last sentence in the second text.
    pub fn b_range(&self) -> (u32, u32) {
        (self.b_first, self.b_last)
    }
}

/// `first..=last` and one sentence more on each side, inside `doc`.
fn widen((first, last): (u32, u32), doc: &Doc) -> (u32, u32) {
    let end = (doc.sentences.len() as u32).saturating_sub(1);
    (first.saturating_sub(1), (last + 1).min(end))
}

fn fragment_of(cluster: &[Seed]) -> Fragment {
    let (mut a_first, mut a_last, mut b_first, mut b_last) = (u32::MAX, 0, u32::MAX, 0);
    for s in cluster {
        a_first = a_first.min(s.a);
        a_last = a_last.max(s.a);
        b_first = b_first.min(s.b);
        b_last = b_last.max(s.b);
    }
    Fragment {
        a_first,
        a_last,
        b_first,
        b_last,
        sim: 0.0,
    }
}

/// Splits `seeds` where neighbours in the first text are more than `gap.0` sentences
/// apart (`gap.1` in the second), then each part by the other text, and so on until
/// no part splits.
pub fn cluster(seeds: Vec<Seed>, gap: (u32, u32)) -> Vec<Vec<Seed>> {
    let mut done = Vec::new();
    // (seeds, side to split by, whether the other side has been split already)
    let mut work = vec![(seeds, false, false)];
    while let Some((mut part, by_b, once)) = work.pop() {
        if part.is_empty() {
            continue;
        }
        let key = |s: &Seed| if by_b { s.b } else { s.a };
        let gap = if by_b { gap.1 } else { gap.0 };
        sort::by_key(&mut part, |s| (key(s), if by_b { s.a } else { s.b }));
        let mut pieces: Vec<Vec<Seed>> = Vec::new();
        let mut last = key(&part[0]);
        for s in part {
            if pieces.is_empty() || key(&s) > last + gap + 1 {
                pieces.push(Vec::new());
            }
            last = key(&s);
            if let Some(piece) = pieces.last_mut() {
                piece.push(s);
            }
        }
        if pieces.len() == 1 && once {
            done.extend(pieces);
        } else {
            work.extend(pieces.into_iter().map(|p| (p, !by_b, true)));
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(a: u32, b: u32) -> Seed {
        Seed { a, b }
    }

    #[test]
    fn clusters_split_in_either_text() {
        // Two runs close in `a` but far apart in `b`.
        let seeds = vec![seed(0, 0), seed(1, 1), seed(2, 50), seed(3, 51)];
        let mut clusters = cluster(seeds, (2, 2));
        sort::by(&mut clusters, Ord::cmp);
        assert_eq!(
            clusters,
            vec![vec![seed(0, 0), seed(1, 1)], vec![seed(2, 50), seed(3, 51)]]
        );
    }

    #[test]
    fn alike_sentences_are_seeds() {
        let a = Doc::new(
            "The minister resigned after the scandal over party funding. \
             Markets in Asia closed higher on Friday afternoon. Nothing else matters here at all.",
        );
        let b = Doc::new(
            "Rain is expected across the north tomorrow evening. \
             After the scandal over party funding, the minister resigned.",
        );
        let pair = Pair::new(&a, &b);
        assert_eq!(pair.seeds(&Params::default()), vec![seed(0, 1)]);
    }
}
