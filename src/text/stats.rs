//! Term statistics over tokens.

use std::collections::HashMap;

use super::stopwords::is_stop_word;
use super::Token;

/// A term and how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermCount {
    /// The normalized term.
    pub term: String,
    /// Its number of occurrences.
    pub count: usize,
}

/// Counts of every term in `tokens`, most frequent first (ties alphabetical).
pub fn term_counts(tokens: &[Token<'_>]) -> Vec<TermCount> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for token in tokens {
        *counts.entry(token.term.as_ref()).or_default() += 1;
    }
    let mut out: Vec<TermCount> = counts
        .into_iter()
        .map(|(term, count)| TermCount {
            term: term.to_string(),
            count,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    out
}

/// The `n` most frequent content terms (no stop words, no bare numbers).
pub fn top_terms(tokens: &[Token<'_>], n: usize) -> Vec<TermCount> {
    term_counts(tokens)
        .into_iter()
        .filter(|t| !is_stop_word(&t.term) && !t.term.chars().all(|c| c.is_numeric()))
        .take(n)
        .collect()
}
