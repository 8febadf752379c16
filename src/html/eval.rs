//! The article-extraction benchmark's measure (see
//! `shared/data/article-extraction/README.md`): 4-word shingles of `\w+` words,
//! counted with repetition, compared per page; precision and recall averaged
//! over pages, F1 their harmonic mean.
//!
//! It follows the benchmark's own evaluation script in two details the README
//! leaves open: a text of one to three words is a single shingle of all its
//! words, and a page whose extraction is empty has no precision (it is left out
//! of the precision mean) and a recall of 0.

use rustc_hash::FxHashMap;

/// Shingle length in words.
const SHINGLE_WORDS: usize = 4;

/// One page's shingle counts, normalised so that `tp + fp + fn_ == 1`
/// (all three 0 when both texts have no words).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// Share of shingles in both texts.
    pub tp: f64,
    /// Share only in the extraction.
    pub fp: f64,
    /// Share only in the gold text.
    pub fn_: f64,
}

impl PageScore {
    /// `tp / (tp + fp)`; 1 when both sides are empty, `None` when nothing was extracted.
    pub fn precision(&self) -> Option<f64> {
        if self.fp == 0.0 && self.fn_ == 0.0 && self.tp == 0.0 {
            return Some(1.0);
        }
        if self.tp + self.fp == 0.0 {
            return None;
        }
        Some(self.tp / (self.tp + self.fp))
    }

    /// `tp / (tp + fn)`; 1 when both sides are empty, 0 when the gold text is.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 && self.tp == 0.0 {
            return 1.0;
        }
        if self.tp + self.fn_ == 0.0 {
            return 0.0;
        }
        self.tp / (self.tp + self.fn_)
    }
}

/// Means over pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Pages scored.
    pub pages: usize,
    /// Mean precision over the pages that have one.
    pub precision: f64,
    /// Mean recall over all pages.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
}

/// Words as Python's `re.findall(r"\w+")` finds them: runs of letters, digits,
/// marks and underscores, case kept.
pub fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphanumeric() || c == '_';
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.extend(text.get(s..i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.extend(text.get(s..));
    }
    out
}

/// Counts of each shingle (a run of [`SHINGLE_WORDS`] words joined by spaces).
fn shingles(text: &str) -> FxHashMap<String, u32> {
    let words = words(text);
    let mut counts = FxHashMap::default();
    if words.is_empty() {
        return counts;
    }
    // The script's `range(max(1, len - n + 1))`: a short text is one shingle.
    let runs = words.len().saturating_sub(SHINGLE_WORDS - 1).max(1);
    for i in 0..runs {
        let end = (i + SHINGLE_WORDS).min(words.len());
        if let Some(run) = words.get(i..end) {
            *counts.entry(run.join(" ")).or_insert(0) += 1;
        }
    }
    counts
}

/// Scores one page's extraction against its gold text.
pub fn score_page(gold: &str, extracted: &str) -> PageScore {
    let gold = shingles(gold);
    let got = shingles(extracted);
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (shingle, &g) in &gold {
        let e = got.get(shingle).copied().unwrap_or(0);
        tp += u64::from(g.min(e));
        fn_ += u64::from(g.saturating_sub(e));
    }
    for (shingle, &e) in &got {
        let g = gold.get(shingle).copied().unwrap_or(0);
        fp += u64::from(e.saturating_sub(g));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return PageScore {
            tp: 0.0,
            fp: 0.0,
            fn_: 0.0,
        };
    }
    PageScore {
        tp: tp as f64 / sum,
        fp: fp as f64 / sum,
        fn_: fn_ as f64 / sum,
    }
}

/// Averages page scores into the benchmark's precision, recall and F1.
pub fn summarize(pages: &[PageScore]) -> Summary {
    let precisions: Vec<f64> = pages.iter().filter_map(PageScore::precision).collect();
    let precision = mean(&precisions);
    let recall = mean(&pages.iter().map(PageScore::recall).collect::<Vec<_>>());
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Summary {
        pages: pages.len(),
        precision,
        recall,
        f1,
    }
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "The two leaders met on Monday and failed to agree on a truce.";

    #[test]
    fn identical_text_scores_one() {
        let s = score_page(GOLD, GOLD);
        assert_eq!(s.precision(), Some(1.0));
        assert_eq!(s.recall(), 1.0);
    }

    #[test]
    fn punctuation_and_spacing_do_not_count() {
        let s = score_page(
            GOLD,
            "The two leaders -- met on\n\nMonday, and failed to agree on a truce",
        );
        assert_eq!(s.precision(), Some(1.0));
    }

    #[test]
    fn doubling_the_text_with_junk_halves_precision() {
        // 13 words: 10 shingles; the junk adds 10 more that share none.
        let junk = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu";
        let s = score_page(GOLD, &format!("{GOLD} {junk}"));
        // The 3 shingles that straddle the seam are extra too.
        assert!((s.precision().unwrap() - 10.0 / 23.0).abs() < 1e-9);
        assert_eq!(s.recall(), 1.0);
    }

    #[test]
    fn empty_extraction_has_no_precision_and_zero_recall() {
        let s = score_page(GOLD, "");
        assert_eq!(s.precision(), None);
        assert_eq!(s.recall(), 0.0);
        let both = score_page("", " ... ");
        assert_eq!((both.precision(), both.recall()), (Some(1.0), 1.0));
    }

    #[test]
    fn short_texts_are_one_shingle_and_repeats_count() {
        assert_eq!(shingles("a b").get("a b"), Some(&1));
        assert_eq!(shingles("x y z w x y z w").get("x y z w"), Some(&2));
        assert_eq!(
            words("l'été_2 über-alles"),
            vec!["l", "été_2", "über", "alles"]
        );
    }

    #[test]
    fn summary_is_the_harmonic_mean_of_page_means() {
        let pages = [score_page(GOLD, GOLD), score_page(GOLD, "")];
        let s = summarize(&pages);
        assert_eq!(s.precision, 1.0);
        assert_eq!(s.recall, 0.5);
        assert!((s.f1 - 2.0 / 3.0).abs() < 1e-12);
    }
}
