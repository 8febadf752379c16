//! Distinctive terms: the weighted log-odds ratio with an informative Dirichlet
//! prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", §3.5), one article
//! against all the others pooled.
//!
//! For term `w`, article counts `y_i` (total `n_i`), the others' counts `y_j`
//! (total `n_j`), and prior counts `α_w` (total `α_0`):
//!
//! ```text
//! δ_w   = ln((y_iw + α_w) / (n_i + α_0 − y_iw − α_w)) − ln((y_jw + α_w) / (n_j + α_0 − y_jw − α_w))
//! σ²_w ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w)
//! z_w   = δ_w / σ_w
//! ```
//!
//! The prior is the pooled counts of all loaded articles (`α_w` = the term's count
//! in all of them, as when the corpus is its own background): it shrinks the odds
//! of rare terms toward their corpus rate, so that a term used once is not
//! "distinctive" by chance, and the z-score accounts for how much evidence each
//! term has (|z| > 1.96: unlikely to be chance at the 5% level).
//!
//! Terms of equal score (in a short article, every word used once and by no one
//! else) are ranked by what distinguishes an article: names and places first (a
//! name only one source mentions before `announced`), then longer words before
//! shorter ones (word length is the plainest proxy of a word's rarity in the
//! language, by Zipf's law of abbreviation), and only then alphabetically.

use rustc_hash::FxHashMap;

use super::stats::{round4, Counts};
use crate::sort;

/// A distinctive term of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyness {
    /// The term.
    pub term: String,
    /// Its count in the article.
    pub count: usize,
    /// Its z-score: how much more the article uses it than the others do.
    pub score: f64,
}

/// The `n` most distinctive terms of article `i` of `docs` (its counts against the
/// sum of the others'), highest z-score first; only terms with a positive score.
pub fn distinctive(docs: &[Counts<'_>], i: usize, n: usize) -> Vec<Keyness> {
    distinctive_names_first(docs, i, n, |_| false)
}

/// [`distinctive`], with the terms `is_name` says are names or places of article
/// `i` ranked first among terms of equal score.
pub fn distinctive_names_first(
    docs: &[Counts<'_>],
    i: usize,
    n: usize,
    is_name: impl Fn(&str) -> bool,
) -> Vec<Keyness> {
    let Some(doc) = docs.get(i) else {
        return Vec::new();
    };
    let pooled = Pooled::new(docs);
    let terms = doc.iter().map(|(term, &count)| Term {
        term: term.as_ref(),
        count,
        pooled: pooled.counts.get(term.as_ref()).copied().unwrap_or(0),
        name: is_name(term.as_ref()),
    });
    rank(terms, doc.values().sum::<usize>() as f64, pooled.total, n)
}

/// The counts of all articles pooled: each term's total, and the total of all.
/// Made once per set, so that each article's terms cost one look-up each rather
/// than one per article (which made the lists quadratic in the article count).
struct Pooled<'a> {
    counts: FxHashMap<&'a str, usize>,
    total: f64,
}

impl<'a> Pooled<'a> {
    fn new<'t: 'a>(docs: &'a [Counts<'t>]) -> Pooled<'a> {
        let mut counts: FxHashMap<&'a str, usize> = FxHashMap::default();
        let mut total = 0.0;
        for doc in docs {
            for (term, &count) in doc {
                *counts.entry(term.as_ref()).or_default() += count;
            }
            total += doc.values().sum::<usize>() as f64;
        }
        Pooled { counts, total }
    }
}

/// One term of an article, as [`rank`] weighs it.
pub(crate) struct Term<'a> {
    pub(crate) term: &'a str,
    /// Its count in the article.
    pub(crate) count: usize,
    /// Its count in all articles, this one included.
    pub(crate) pooled: usize,
    /// The article writes it as a name or place.
    pub(crate) name: bool,
}

/// The `n` most distinctive of an article's `terms`, highest z-score first; only
/// terms with a positive score. `n_i` is the article's count of all terms,
/// `n_all` all articles' (pooled the same way as each term's `pooled`).
pub(crate) fn rank<'a>(
    terms: impl Iterator<Item = Term<'a>>,
    n_i: f64,
    n_all: f64,
    n: usize,
) -> Vec<Keyness> {
    if n_all == 0.0 {
        return Vec::new();
    }
    let n_j = n_all - n_i;
    let alpha0 = n_all;
    let mut out: Vec<(Keyness, bool)> = terms
        .filter_map(|t| {
            let y_i = t.count as f64;
            let y_j = t.pooled as f64 - y_i;
            let alpha = t.pooled as f64;
            let odds = |y: f64, n: f64| ((y + alpha) / (n + alpha0 - y - alpha)).ln();
            let delta = odds(y_i, n_i) - odds(y_j, n_j);
            let variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha);
            let z = delta / variance.sqrt();
            (z.is_finite() && z > 0.0).then(|| {
                let keyness = Keyness {
                    term: t.term.to_string(),
                    count: t.count,
                    score: round4(z),
                };
                (keyness, t.name)
            })
        })
        .collect();
    sort::by_cached_key(&mut out, |(k, name)| {
        (
            std::cmp::Reverse(TotalOrder(k.score)),
            !name,
            std::cmp::Reverse(k.count),
            std::cmp::Reverse(k.term.chars().count()),
            k.term.clone(),
        )
    });
    out.truncate(n);
    let mut ranked: Vec<Keyness> = out.into_iter().map(|(k, _)| k).collect();
    // Collected in place, the list would keep the room of every term scored (a
    // hundred thousand articles' lists held 1.4 GB of it).
    ranked.shrink_to_fit();
    ranked
}

/// An `f64` ordered by `total_cmp`, for sort keys.
#[derive(Debug, Clone, Copy, PartialEq)]
struct TotalOrder(f64);

impl Eq for TotalOrder {}

impl PartialOrd for TotalOrder {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TotalOrder {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn counts(pairs: &[(&'static str, usize)]) -> Counts<'static> {
        pairs.iter().map(|(t, n)| (Cow::Borrowed(*t), *n)).collect()
    }

    #[test]
    fn a_term_only_one_article_leans_on_ranks_first() {
        let docs = [
            counts(&[("talks", 40), ("geneva", 30), ("truce", 12)]),
            counts(&[("talks", 40), ("geneva", 2), ("rebels", 20)]),
            counts(&[("talks", 38), ("geneva", 1), ("rebels", 22)]),
        ];
        let got = distinctive(&docs, 0, 10);
        let terms: Vec<&str> = got.iter().map(|k| k.term.as_str()).collect();
        assert_eq!(terms, ["geneva", "truce"]);
        assert!(got[0].score > 1.96, "{got:?}");
        // "talks" is used at the same rate everywhere: not distinctive.
        assert!(!terms.contains(&"talks"));
    }

    #[test]
    fn matches_the_formula_by_hand() {
        let docs = [counts(&[("a", 3), ("b", 1)]), counts(&[("a", 1), ("b", 3)])];
        let got = distinctive(&docs, 0, 10);
        // n_i = n_j = 4, alpha_0 = n = 8, alpha_a = 4.
        let (a, a0): (f64, f64) = (4.0, 8.0);
        let delta: f64 =
            ((3.0 + a) / (4.0 + a0 - 3.0 - a)).ln() - ((1.0 + a) / (4.0 + a0 - 1.0 - a)).ln();
        let z = delta / (1.0 / (3.0 + a) + 1.0 / (1.0 + a)).sqrt();
        assert_eq!(got.len(), 1);
        assert!((got[0].score - z).abs() < 1e-3, "{} vs {z}", got[0].score);
    }

    #[test]
    fn among_one_off_words_names_and_rarer_words_come_first() {
        let docs = [
            counts(&[
                ("talks", 3),
                ("announced", 1),
                ("assembly", 1),
                ("erdogan", 1),
                ("backtracked", 1),
            ]),
            counts(&[("talks", 3), ("summit", 2)]),
        ];
        let got = distinctive_names_first(&docs, 0, 10, |t| t == "erdogan");
        let terms: Vec<&str> = got.iter().map(|k| k.term.as_str()).collect();
        assert_eq!(terms, ["erdogan", "backtracked", "announced", "assembly"]);
        assert!(got.windows(2).all(|w| w[0].score == w[1].score));
        // Without names, alphabetical order comes last, after length.
        let plain: Vec<String> = distinctive(&docs, 0, 10)
            .into_iter()
            .map(|k| k.term)
            .collect();
        assert_eq!(plain, ["backtracked", "announced", "assembly", "erdogan"]);
    }

    #[test]
    fn empty_input_gives_nothing() {
        assert!(distinctive(&[], 0, 5).is_empty());
        assert!(distinctive(&[Counts::default()], 0, 5).is_empty());
    }
}
