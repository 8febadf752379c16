//! Keyword in context: every occurrence of a term across articles, with the text
//! around it.

use crate::span::ByteSpan;

use super::{Analyzer, AnalyzerOptions};

/// One occurrence of the term, in bytes of its article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'t> {
    /// Index of the article.
    pub article: usize,
    /// Where the occurrence is.
    pub span: ByteSpan,
    /// Up to `context` characters before it (from the start of its line).
    pub left: &'t str,
    /// The occurrence as written.
    pub matched: &'t str,
    /// Up to `context` characters after it (to the end of its line).
    pub right: &'t str,
}

/// Every occurrence of `query` (a word or a phrase, analyzed like the texts, so
/// `Obama’s` finds `obama's` and, with stemming, `talks` finds `talk`) in `texts`,
/// each text analyzed in its own language. Stop words in the query are matched
/// like any word; `context` is in characters. At most `max_lines` lines are
/// returned (the first, in article and text order).
pub fn concordance<'t>(
    texts: &[&'t str],
    query: &str,
    options: &AnalyzerOptions,
    context: usize,
    max_lines: usize,
) -> Vec<Line<'t>> {
    let options = AnalyzerOptions {
        stop_words: false,
        extra_stop_words: Vec::new(),
        ..options.clone()
    };
    let mut out = Vec::new();
    for (article, text) in texts.iter().enumerate() {
        if out.len() >= max_lines {
            break;
        }
        let analyzer = Analyzer::for_terms(&options, text);
        let room = max_lines - out.len();
        out.extend(occurrences(text, article, query, &analyzer, context, room));
    }
    out
}

fn occurrences<'t>(
    text: &'t str,
    article: usize,
    query: &str,
    analyzer: &Analyzer,
    context: usize,
    max_lines: usize,
) -> Vec<Line<'t>> {
    let wanted: Vec<String> = analyzer
        .words(query)
        .map(|w| analyzer.stem(w.term).into_owned())
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let words: Vec<(ByteSpan, String)> = analyzer
        .words(text)
        .map(|w| (w.span, analyzer.stem(w.term).into_owned()))
        .collect();
    words
        .windows(wanted.len())
        .filter(|window| window.iter().zip(&wanted).all(|((_, t), w)| t == w))
        .map(|window| {
            let span = window[0].0.cover(window[window.len() - 1].0);
            line(text, article, span, context)
        })
        .take(max_lines)
        .collect()
}

fn line(text: &str, article: usize, span: ByteSpan, context: usize) -> Line<'_> {
    let before = &text[..span.start];
    let before = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let left_start = before
        .char_indices()
        .rev()
        .nth(context.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let after = &text[span.end..];
    let after = &after[..after.find('\n').unwrap_or(after.len())];
    let right_end = after
        .char_indices()
        .nth(context)
        .map_or(after.len(), |(i, _)| i);
    Line {
        article,
        span,
        left: if context == 0 {
            ""
        } else {
            &before[left_start..]
        },
        matched: span.slice(text),
        right: &after[..right_end],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_and_phrases_with_context() {
        let a = "Obama’s talks began.\nThe talks failed.";
        let b = "Talks with Obama's team";
        let options = AnalyzerOptions::default();
        let got = concordance(&[a, b], "talks", &options, 8, usize::MAX);
        let lines: Vec<(usize, &str, &str, &str)> = got
            .iter()
            .map(|l| (l.article, l.left, l.matched, l.right))
            .collect();
        assert_eq!(
            lines,
            [
                (0, "Obama’s ", "talks", " began."),
                (0, "The ", "talks", " failed."),
                (1, "", "Talks", " with Ob")
            ]
        );
        let got = concordance(&[a, b], "Obama's talks", &options, 3, usize::MAX);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].matched, "Obama’s talks");
        assert!(concordance(&[a], "  ", &options, 3, usize::MAX).is_empty());
        assert_eq!(concordance(&[a], "the", &options, 3, usize::MAX).len(), 1);
    }

    #[cfg(feature = "stem")]
    #[test]
    fn stemming_finds_word_forms() {
        let a = "He negotiated; negotiations go on.";
        let options = AnalyzerOptions {
            stem: true,
            language: Some("en"),
            ..AnalyzerOptions::default()
        };
        assert_eq!(
            concordance(&[a], "negotiate", &options, 5, usize::MAX).len(),
            2
        );
    }
}
