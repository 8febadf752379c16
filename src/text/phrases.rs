//! Frequent phrases: bigrams and trigrams of words that neither start nor end with
//! a stop word (`prime minister`, `secretary of state`) and do not cross a sentence
//! or clause boundary.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

use super::stats::{is_number, TermCount};
use super::Word;
use crate::sort;

/// The `n` most frequent phrases of `words` (the analyzed words of `text`) that
/// occur at least twice. A bigram that only occurs inside one trigram is left out
/// in favour of the trigram.
pub fn phrases(text: &str, words: &[Word<'_>], n: usize) -> Vec<TermCount> {
    let mut counts: HashMap<String, usize, FxBuildHasher> = HashMap::default();
    for start in 0..words.len() {
        for len in 2..=3 {
            let Some(gram) = words.get(start..start + len) else {
                break;
            };
            if !joined(text, gram) {
                break;
            }
            let (first, last) = (&gram[0], &gram[len - 1]);
            if first.stop || last.stop || is_number(&first.term) || is_number(&last.term) {
                continue;
            }
            let phrase: Vec<&str> = gram.iter().map(|w| w.term.as_ref()).collect();
            *counts.entry(phrase.join(" ")).or_default() += 1;
        }
    }
    // A bigram as frequent as a trigram that contains it says nothing more.
    let subsumed: Vec<String> = counts
        .iter()
        .filter(|(p, _)| p.matches(' ').count() == 2)
        .flat_map(|(p, &c)| {
            let (head, _) = p.rsplit_once(' ').unwrap_or((p, ""));
            let (_, tail) = p.split_once(' ').unwrap_or(("", p));
            [head, tail]
                .into_iter()
                .filter(|b| counts.get(*b) == Some(&c))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    for b in subsumed {
        counts.remove(&b);
    }
    let mut out: Vec<TermCount> = counts
        .into_iter()
        .filter(|(_, c)| *c >= 2)
        .map(|(term, count)| TermCount { term, count })
        .collect();
    sort::by(&mut out, |a, b| {
        b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term))
    });
    out.truncate(n);
    out
}

/// True when the words follow each other with only spaces, quotes or a hyphen
/// between them: no sentence or clause punctuation, no line break. (Overlapping
/// CJK bigrams have no gap and make no phrases.)
fn joined(text: &str, gram: &[Word<'_>]) -> bool {
    gram.windows(2).all(|w| {
        text.get(w[0].span.end..w[1].span.start).is_some_and(|gap| {
            gap.chars().all(|c| {
                (c.is_whitespace() && c != '\n')
                    || matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '-')
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Analyzer, AnalyzerOptions};

    fn run(text: &str) -> Vec<(String, usize)> {
        let analyzer = Analyzer::new(&AnalyzerOptions::default(), text);
        let words: Vec<Word<'_>> = analyzer.words(text).collect();
        phrases(text, &words, 10)
            .into_iter()
            .map(|t| (t.term, t.count))
            .collect()
    }

    #[test]
    fn finds_phrases_with_stop_word_aware_boundaries() {
        let text = "The Secretary of State met the prime minister. The prime minister told \
                    the Secretary of State. Of the talks, prime. Minister of";
        assert_eq!(
            run(text),
            [
                ("prime minister".to_string(), 2),
                ("secretary of state".to_string(), 2)
            ]
        );
    }

    #[test]
    fn single_occurrences_are_not_phrases() {
        assert!(run("Rebel forces advanced on Aleppo.").is_empty());
    }
}
