//! Pair scores: containment, Jaccard and cosine.

use std::collections::{HashMap, HashSet};

use super::Doc;

/// The distinct word `n`-grams of a text (its lower-cased words), hashed.
pub fn shingle_set(doc: &Doc, n: usize) -> HashSet<u64> {
    let hashes: Vec<u64> = doc.words.iter().map(|w| w.hash).collect();
    if hashes.len() < n || n == 0 {
        return HashSet::new();
    }
    hashes
        .windows(n)
        .map(|w| {
            w.iter().fold(0u64, |h, x| {
                h.rotate_left(7) ^ x.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            })
        })
        .collect()
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

/// Containment both ways and Jaccard of two shingle sets.
pub fn overlap(a: &HashSet<u64>, b: &HashSet<u64>) -> Overlap {
    let shared = a.iter().filter(|h| b.contains(h)).count() as f64;
    let ratio = |num: f64, den: usize| if den == 0 { 0.0 } else { num / den as f64 };
    Overlap {
        a_in_b: ratio(shared, a.len()),
        b_in_a: ratio(shared, b.len()),
        jaccard: ratio(shared, a.len() + b.len() - shared as usize),
    }
}

/// TF-IDF vectors over content stems (the doc's stems, stop words left out): raw
/// counts times the smoothed inverse document frequency over the set,
/// `ln((1 + n) / (1 + df)) + 1`.
pub fn tfidf_vectors(docs: &[Doc]) -> Vec<HashMap<u64, f64>> {
    let counts: Vec<HashMap<u64, f64>> = docs
        .iter()
        .map(|d| {
            let mut m = HashMap::new();
            for w in d.words.iter().filter(|w| w.stem != 0) {
                *m.entry(w.stem).or_insert(0.0) += 1.0;
            }
            m
        })
        .collect();
    let mut df: HashMap<u64, f64> = HashMap::new();
    for m in &counts {
        for stem in m.keys() {
            *df.entry(*stem).or_insert(0.0) += 1.0;
        }
    }
    let n = docs.len() as f64;
    counts
        .into_iter()
        .map(|mut m| {
            for (stem, x) in m.iter_mut() {
                *x *= ((1.0 + n) / (1.0 + df[stem])).ln() + 1.0;
            }
            m
        })
        .collect()
}

/// Cosine of two sparse vectors.
pub fn cosine(a: &HashMap<u64, f64>, b: &HashMap<u64, f64>) -> f64 {
    let dot: f64 = a.iter().filter_map(|(t, x)| b.get(t).map(|y| x * y)).sum();
    let norm = |v: &HashMap<u64, f64>| v.values().map(|x| x * x).sum::<f64>().sqrt();
    let den = norm(a) * norm(b);
    if den == 0.0 {
        0.0
    } else {
        (dot / den).clamp(0.0, 1.0)
    }
}
