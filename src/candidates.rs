//! Candidate pairs: which pairs of a large set of articles are worth aligning.
//!
//! Aligning every pair grows with the square of the article count. An inverted
//! index over shingles proposes only the pairs that share rare text, in time
//! near-linear in the total text size plus the number of candidates:
//!
//! 1. Each doc is cut into shingles of `shingle` consecutive content stems (stop
//!    words skipped, so inserted or dropped function words and inflections do not
//!    break a shingle), hashed.
//! 2. A shingle is kept when its hash is `0 mod sample` (the same shingles are kept
//!    in every doc, so two copies keep the same ones).
//! 3. Postings: shingle → the docs holding it. A shingle in more than `max_docs`
//!    docs is dropped: it says little about which pair copied which, and would cost
//!    `max_docs²` pair counts.
//! 4. Every pair of docs in one posting list counts one shared shingle; pairs with
//!    at least `min_shared` are the candidates.
//!
//! [`minhash_candidates`] is the alternative measured against it (MinHash LSH over
//! the same shingles): it estimates Jaccard, which is tiny when a short passage is
//! reused inside a long document, and loses those pairs.
//!
//! Measured by `make bench-candidates` on all 5,057 PAN 2013 training documents
//! (12,784,096 pairs; share of each truth folder's pairs proposed; 2 loaded cores):
//!
//! | design | s | candidates | none | random | translation | summary |
//! |---|---|---|---|---|---|---|
//! | index, bigrams, max 40 docs, 2 shared | 9.6 | 443,441 | 1.000 | 0.997 | 0.999 | 0.922 |
//! | index, bigrams, max 40 docs, 3 shared | 7.9 | 191,831 | 1.000 | 0.991 | 0.996 | 0.841 |
//! | **index, bigrams, max 10 docs, 2 shared** | 5.8 | 126,604 | 1.000 | 0.995 | 0.995 | 0.819 |
//! | index, bigrams, max 10 docs, 3 shared | 5.3 | 55,190 | 1.000 | 0.986 | 0.988 | 0.697 |
//! | index, bigrams 1 in 2, max 40 docs, 2 shared | 3.9 | 197,115 | 1.000 | 0.982 | 0.981 | 0.763 |
//! | index, trigrams, max 10 docs, 1 shared | 5.9 | 73,506 | 1.000 | 0.976 | 0.982 | 0.712 |
//! | MinHash LSH, trigrams, 32 bands × 2 | 1.7 | 3,248 | 0.062 | 0.003 | 0.005 | 0.006 |
//! | MinHash LSH, bigrams, 64 bands × 1 | 1.5 | 71,775 | 0.787 | 0.477 | 0.485 | 0.358 |
//!
//! With the default (bold), plagdet over PAN's 5,185 given pairs, aligning only
//! those proposed, is 0.9090 as with all of them aligned (translation -0.0004).

use crate::align::{Doc, HashedMap};
use crate::sort;

/// How the index proposes pairs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CandidateOptions {
    /// Content stems per shingle.
    pub shingle: usize,
    /// Keep one shingle in `sample` (by hash); 1 keeps all.
    pub sample: u64,
    /// Drop a shingle found in more docs than this.
    pub max_docs: usize,
    /// The fewest kept shingles a pair shares to be proposed.
    pub min_shared: u32,
}

impl Default for CandidateOptions {
    /// Chosen on the PAN 2013 training corpus (`make bench-candidates`): over all
    /// 5,057 documents it proposes 1.0% of the pairs, among them 100% of the
    /// verbatim and 99.5% of the random-obfuscation pairs of the ground truth.
    fn default() -> CandidateOptions {
        CandidateOptions {
            shingle: 2,
            sample: 1,
            max_docs: 10,
            min_shared: 2,
        }
    }
}

/// A pair worth aligning: docs `a < b` and a cheap score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// The first doc.
    pub a: usize,
    /// The second doc.
    pub b: usize,
    /// Kept shingles the two share.
    pub shared: u32,
    /// `shared` over the kept shingles of the smaller doc (0 to 1): an estimate of
    /// how much of the smaller one is found in the other.
    pub score: f64,
}

/// The candidate pairs of `docs`, ordered by `(a, b)`.
pub fn candidates(docs: &[Doc], options: &CandidateOptions) -> Vec<Candidate> {
    let sets: Vec<Vec<u64>> = docs.iter().map(|d| kept_shingles(d, options)).collect();
    candidates_of(&sets, options)
}

/// [`candidates`] from each doc's [`kept_shingles`].
///
/// Each doc counts its own partners (the docs after it in any posting list it is
/// in), on every core: the counts of one doc fit in cache and are dropped once its
/// candidates are out. One table of every pair's count, as before, grew past
/// memory at 100,000 docs and spent most of its time in cache misses.
pub fn candidates_of(sets: &[Vec<u64>], options: &CandidateOptions) -> Vec<Candidate> {
    let postings = Postings::new(sets, options.max_docs);
    let ids: Vec<usize> = (0..sets.len()).collect();
    let per_doc = crate::parallel::map(&ids, |&a| {
        let mut partners: Vec<u32> = sets
            .get(a)
            .into_iter()
            .flatten()
            .flat_map(|&h| postings.docs_with(h))
            .filter(|&b| b as usize > a)
            .collect();
        sort::all(&mut partners);
        let size = |d: usize| sets.get(d).map_or(0, Vec::len);
        partners
            .chunk_by(|x, y| x == y)
            .filter(|run| run.len() >= options.min_shared as usize)
            .map(|run| {
                let b = run[0] as usize;
                let shared = run.len() as u32;
                Candidate {
                    a,
                    b,
                    shared,
                    score: f64::from(shared) / size(a).min(size(b)).max(1) as f64,
                }
            })
            .collect::<Vec<Candidate>>()
    });
    per_doc.into_iter().flatten().collect()
}

/// Which docs hold each kept shingle, for the shingles held by 2 to `max_docs`
/// docs only (the others propose nothing): one flat list sorted by shingle, and
/// where each shingle's docs start in it.
struct Postings {
    /// `(shingle, doc)`, sorted; each shingle's docs in doc order.
    flat: Vec<(u64, u32)>,
    /// Where each shingle's run starts in `flat`.
    starts: HashedMap<u32>,
}

impl Postings {
    fn new(sets: &[Vec<u64>], max_docs: usize) -> Postings {
        let mut all: Vec<(u64, u32)> = sets
            .iter()
            .enumerate()
            .flat_map(|(d, set)| set.iter().map(move |&h| (h, d as u32)))
            .collect();
        crate::parallel::sort_unstable(&mut all);
        let mut flat: Vec<(u64, u32)> = Vec::new();
        let mut starts: HashedMap<u32> = HashedMap::default();
        for run in all.chunk_by(|x, y| x.0 == y.0) {
            if (2..=max_docs).contains(&run.len()) {
                starts.insert(run[0].0, flat.len() as u32);
                flat.extend_from_slice(run);
            }
        }
        Postings { flat, starts }
    }

    /// The docs holding shingle `h` (none when it is too rare or too common).
    fn docs_with(&self, h: u64) -> impl Iterator<Item = u32> + '_ {
        let start = self.starts.get(&h).map_or(self.flat.len(), |&s| s as usize);
        self.flat
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |&&(g, _)| g == h)
            .map(|&(_, d)| d)
    }
}

/// MinHash LSH over the same kept shingles: `bands` bands of `rows` min-hashes;
/// two docs equal in any band are proposed (a bucket over `max_docs` is skipped).
/// The score is the share of equal min-hashes (a Jaccard estimate).
pub fn minhash_candidates(
    docs: &[Doc],
    options: &CandidateOptions,
    bands: usize,
    rows: usize,
) -> Vec<Candidate> {
    let hashes = bands * rows;
    let signatures: Vec<Vec<u64>> = docs
        .iter()
        .map(|d| signature(&kept_shingles(d, options), hashes))
        .collect();
    let mut pairs: HashedMap<()> = HashedMap::default();
    for band in 0..bands {
        let mut buckets: HashedMap<Vec<u32>> = HashedMap::default();
        for (d, sig) in signatures.iter().enumerate() {
            let Some(rows) = sig.get(band * rows..(band + 1) * rows) else {
                continue;
            };
            if rows.iter().all(|&h| h == u64::MAX) {
                continue; // an empty doc
            }
            let key = rows.iter().fold(band as u64, |h, &r| mix(h ^ r));
            buckets.entry(key).or_default().push(d as u32);
        }
        for list in buckets.values() {
            if list.len() < 2 || list.len() > options.max_docs {
                continue;
            }
            for (k, &a) in list.iter().enumerate() {
                for &b in list.get(k + 1..).unwrap_or_default() {
                    pairs.insert(pair_key(a, b), ());
                }
            }
        }
    }
    let mut found: Vec<Candidate> = pairs
        .into_keys()
        .map(|key| {
            let (a, b) = ((key >> 32) as usize, (key & 0xFFFF_FFFF) as usize);
            let (sa, sb) = (signatures.get(a), signatures.get(b));
            let equal = match (sa, sb) {
                (Some(x), Some(y)) => x.iter().zip(y).filter(|(p, q)| p == q).count(),
                _ => 0,
            };
            Candidate {
                a,
                b,
                shared: equal as u32,
                score: equal as f64 / hashes.max(1) as f64,
            }
        })
        .collect();
    sort::by_key(&mut found, |c| (c.a, c.b));
    found
}

/// The distinct kept shingle hashes of `doc`, sorted: what it adds to the index.
pub fn kept_shingles(doc: &Doc, options: &CandidateOptions) -> Vec<u64> {
    let stems: Vec<u64> = doc
        .words
        .iter()
        .map(|w| w.stem)
        .filter(|&s| s != 0)
        .collect();
    let n = options.shingle.max(1);
    let sample = options.sample.max(1);
    let mut kept: Vec<u64> = stems
        .windows(n)
        .map(|w| mix(w.iter().fold(0u64, |h, &s| h.rotate_left(17) ^ s)))
        .filter(|h| h % sample == 0)
        .collect();
    sort::all(&mut kept);
    kept.dedup();
    kept
}

/// `hashes` min-hashes of `set` (each a different mix of the shingle hash).
fn signature(set: &[u64], hashes: usize) -> Vec<u64> {
    let mut sig = vec![u64::MAX; hashes];
    for &h in set {
        for (i, slot) in sig.iter_mut().enumerate() {
            let v = mix(h ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            if v < *slot {
                *slot = v;
            }
        }
    }
    sig
}

fn pair_key(a: u32, b: u32) -> u64 {
    let (a, b) = (a.min(b), a.max(b));
    (u64::from(a) << 32) | u64::from(b)
}

/// The splitmix64 finalizer: spreads every input bit over the output.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(seed: usize, n: usize) -> String {
        // Distinct made-up words per seed, so unrelated docs share nothing.
        (0..n)
            .map(|i| format!("w{}x{}", seed, (i * 7919 + seed * 31) % 1000))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_copied_passage_is_proposed_and_unrelated_docs_are_not() {
        let shared = words(99, 60);
        let texts = [
            format!("{} {} {}", words(1, 200), shared, words(2, 100)),
            words(3, 300),
            format!("{} {}", shared, words(4, 50)),
            words(5, 300),
        ];
        let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
        let found = candidates(&docs, &CandidateOptions::default());
        let pairs: Vec<(usize, usize)> = found.iter().map(|c| (c.a, c.b)).collect();
        assert_eq!(pairs, vec![(0, 2)]);
        assert!(found[0].score > 0.5, "{found:?}");
        let lsh = minhash_candidates(&docs, &CandidateOptions::default(), 16, 2);
        assert!(lsh.iter().all(|c| (c.a, c.b) == (0, 2)), "{lsh:?}");
    }

    #[test]
    fn a_shingle_in_too_many_docs_is_dropped() {
        let common = words(7, 30);
        let texts: Vec<String> = (0..6)
            .map(|i| format!("{} {}", common, words(10 + i, 100)))
            .collect();
        let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
        let options = CandidateOptions {
            max_docs: 5,
            ..CandidateOptions::default()
        };
        assert!(candidates(&docs, &options).is_empty());
        let options = CandidateOptions {
            max_docs: 6,
            ..CandidateOptions::default()
        };
        assert_eq!(candidates(&docs, &options).len(), 15);
    }

    #[test]
    fn empty_and_tiny_docs_propose_nothing() {
        let docs: Vec<Doc> = ["", "a", "the of and", ""]
            .iter()
            .map(|t| Doc::new(t))
            .collect();
        assert!(candidates(&docs, &CandidateOptions::default()).is_empty());
        assert!(minhash_candidates(&docs, &CandidateOptions::default(), 8, 2).is_empty());
    }
}
