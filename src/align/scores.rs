//! Pair scores: containment, Jaccard and cosine.

use super::doc::HashedMap;
use super::Doc;
use crate::sort;

/// A text's distinct shingles, sorted: a third of a hash set's memory, which
/// counts at 100,000 articles, and two of them meet in one merge.
pub type Shingles = Vec<u64>;

/// A sparse vector: `(stem, weight)` sorted by stem, so that a dot product is a
/// merge and sums in the same order on every run.
pub type Vector = Vec<(u64, f64)>;

/// The distinct word `n`-grams of a text (its lower-cased words), hashed.
pub fn shingle_set(doc: &Doc, n: usize) -> Shingles {
    let hashes: Vec<u64> = doc.words.iter().map(|w| w.hash).collect();
    if hashes.len() < n || n == 0 {
        return Vec::new();
    }
    let mut set: Vec<u64> = hashes
        .windows(n)
        .map(|w| {
            w.iter().fold(0u64, |h, x| {
                h.rotate_left(7) ^ x.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            })
        })
        .collect();
    sort::all(&mut set);
    set.dedup();
    set.shrink_to_fit();
    set
}

/// Set overlap between two texts' shingles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    /// Share of the first text's shingles found in the second.
    pub a_in_b: f64,
    /// Share of the second text's shingles found in the first.
    pub b_in_a: f64,
    /// Shared shingles over all distinct shingles of both.
    pub jaccard: f64,
}

impl Overlap {
    /// True when the two sets share a shingle.
    pub fn shares_any(&self) -> bool {
        self.a_in_b > 0.0
    }
}

/// Containment both ways and Jaccard of two shingle sets.
pub fn overlap(a: &[u64], b: &[u64]) -> Overlap {
    let shared = shared_count(a, b) as f64;
    let ratio = |num: f64, den: usize| if den == 0 { 0.0 } else { num / den as f64 };
    Overlap {
        a_in_b: ratio(shared, a.len()),
        b_in_a: ratio(shared, b.len()),
        jaccard: ratio(shared, a.len() + b.len() - shared as usize),
    }
}

/// How many values both sorted, distinct `a` and `b` hold (one merge).
///
/// Written without branches on the comparison: which side advances is as good as
/// random between two texts' shingle hashes, so a branch would be mispredicted
/// about every other step (this merge runs once per candidate pair: 10 million
/// times at 100,000 articles).
pub(crate) fn shared_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (&a[i], &b[j]);
        shared += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    shared
}

/// TF-IDF vectors over content stems (the doc's stems, stop words left out): raw
/// counts times the smoothed inverse document frequency over the set,
/// `ln((1 + n) / (1 + df)) + 1`.
pub fn tfidf_vectors(docs: &[Doc]) -> Vec<Vector> {
    let counts: Vec<HashedMap<f64>> = docs.iter().map(stem_counts).collect();
    let mut df: HashedMap<u64> = HashedMap::default();
    for m in &counts {
        for stem in m.keys() {
            *df.entry(*stem).or_insert(0) += 1;
        }
    }
    let n = docs.len() as u64;
    counts
        .into_iter()
        .map(|m| weighted(m, n, |stem| df.get(&stem).copied().unwrap_or(0)))
        .collect()
}

/// A doc's content stems and their counts: its keys are what it adds to the
/// document frequencies.
pub(crate) fn stem_counts(doc: &Doc) -> HashedMap<f64> {
    let mut m = HashedMap::default();
    for w in doc.words.iter().filter(|w| w.stem != 0) {
        *m.entry(w.stem).or_insert(0.0) += 1.0;
    }
    m
}

/// `counts` weighted by the smoothed inverse document frequency among `n` docs
/// (`df` of each of its stems).
pub(crate) fn weighted(counts: HashedMap<f64>, n: u64, df: impl Fn(u64) -> u64) -> Vector {
    let n = n as f64;
    let mut vector: Vector = counts
        .into_iter()
        .map(|(stem, x)| (stem, x * (((1.0 + n) / (1.0 + df(stem) as f64)).ln() + 1.0)))
        .collect();
    sort::by_key(&mut vector, |&(stem, _)| stem);
    vector
}

/// Cosine of two sparse vectors, summed in the order of their keys (a hash
/// map's order would change from run to run, and with it the last digits of a
/// float sum).
pub fn cosine(a: &[(u64, f64)], b: &[(u64, f64)]) -> f64 {
    // One merge of the two sorted vectors: articles' vectors are of a size, so a
    // binary search per term of `a` cost more. The products add in `a`'s order.
    let (mut dot, mut j) = (0.0, 0);
    for &(t, x) in a {
        while b.get(j).is_some_and(|&(u, _)| u < t) {
            j += 1;
        }
        if let Some(&(u, y)) = b.get(j) {
            if u == t {
                dot += x * y;
            }
        }
    }
    let norm = |v: &[(u64, f64)]| v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    let den = norm(a) * norm(b);
    if den == 0.0 {
        0.0
    } else {
        (dot / den).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_sparse_vectors() {
        let v = |pairs: &[(u64, f64)]| pairs.to_vec();
        let a = v(&[(1, 1.0), (2, 2.0), (5, 2.0)]);
        let b = v(&[(2, 1.0), (3, 4.0), (5, 2.0)]);
        let expected = 6.0 / (3.0 * 21f64.sqrt());
        assert!((cosine(&a, &b) - expected).abs() < 1e-12);
        assert_eq!(cosine(&a, &v(&[(9, 1.0)])), 0.0);
        assert_eq!(cosine(&a, &[]), 0.0);
    }

    #[test]
    fn shared_count_is_the_size_of_the_intersection() {
        // Sorted distinct sets from a simple generator: every shape of interleaving,
        // empty sides, one side inside the other, equal sets.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 33
        };
        for round in 0..200 {
            let modulus = 1 + round % 50;
            let mut a: Vec<u64> = (0..round % 40).map(|_| next() % modulus).collect();
            let mut b: Vec<u64> = (0..round % 23).map(|_| next() % modulus).collect();
            for v in [&mut a, &mut b] {
                sort::all(v);
                v.dedup();
            }
            let expected = a.iter().filter(|x| b.contains(x)).count();
            assert_eq!(shared_count(&a, &b), expected, "{a:?} {b:?}");
            assert_eq!(shared_count(&b, &a), expected);
            assert_eq!(shared_count(&a, &a), a.len());
        }
        assert_eq!(shared_count::<u64>(&[], &[1, 2]), 0);
    }
}
