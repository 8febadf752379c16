//! The text engine: tokenization with offsets, and term statistics.
//!
//! Tokenization is a pipeline of small stages, one file each, composed as plain
//! iterators:
//!
//! 1. [`segment`]: words by UAX #29, URLs, e-mail addresses and emoji, with byte spans;
//! 2. [`news`]: hyphenated words and abbreviations (`al-Assad`, `U.S.`) joined;
//! 3. [`cjk`]: scripts without spaces as overlapping character bigrams;
//! 4. [`normalize`]: the term each surface counts as (NFKC, case and quote folding);
//! 5. [`stopwords`]: terms without content, per language, dropped on request;
//! 6. [`stem`]: Snowball stems on request.
//!
//! [`Analyzer`] puts the stages together for one language; [`tokenize`] is stages
//! 1-4 (every word, as the overlap engine needs). [`language`] detects the
//! language.
//!
//! Statistics: [`stats`] counts terms and summarizes an article (words, sentences,
//! readability); [`keyness`] ranks distinctive terms (weighted log-odds, informative
//! Dirichlet prior); [`phrases`] finds frequent bigrams and trigrams; [`names`]
//! finds capitalised multi-word names; [`kwic`] is the concordance; [`corpus`]
//! computes all of it across the loaded articles for the report.
//!
//! Offsets here are bytes ([`ByteSpan`]); `report.rs` and `wasm.rs` convert them to
//! UTF-16 with `span::OffsetIndex`, the one conversion point.
//!
//! Invariant: every token's `span.slice(text)` is its surface form in `text`, and
//! no function here panics on any `&str` (fuzzed: `fuzz/`, and proptests in
//! `tests/text_tokens.rs`).

pub mod cjk;
pub mod corpus;
pub mod keyness;
pub mod kwic;
pub mod language;
pub mod names;
pub mod news;
pub mod normalize;
pub mod phrases;
pub mod segment;
pub mod stats;
pub mod stem;
pub mod stopwords;
pub mod tally;
pub mod walk;

use std::borrow::Cow;

use crate::span::ByteSpan;

pub use stopwords::StopWords;

/// One word of a text: where it is, and the term it counts as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'t> {
    /// Where the word is, in bytes; `span.slice(text)` is its surface form.
    pub span: ByteSpan,
    /// The normalized form the word is counted as (borrowed when unchanged).
    pub term: Cow<'t, str>,
}

/// How to tokenize.
#[derive(Debug, Clone, Default)]
pub struct TokenizeOptions {
    /// Fold accents away (`café` counts as `cafe`).
    pub fold_accents: bool,
}

/// The words of `text`, in order, each with its byte span and normalized term
/// (stages 1-4: no word is dropped).
pub fn tokens<'t>(
    text: &'t str,
    options: &TokenizeOptions,
) -> impl Iterator<Item = Token<'t>> + 't {
    tokens_in(text, 0, text.len(), options.fold_accents)
}

/// The tokens of `text[from..to]`, bounds as [`segment::segments_in`] takes them.
fn tokens_in(text: &str, from: usize, to: usize, fold: bool) -> impl Iterator<Item = Token<'_>> {
    let text = &text[..to];
    cjk::bigrams(text, news::join(text, segment::segments_in(text, from, to)))
        .map(move |seg| {
            let surface = seg.span.slice(text);
            let abbreviation = match seg.kind {
                segment::Kind::Word => news::abbreviation_term(surface),
                _ => None,
            };
            Token {
                span: seg.span,
                term: abbreviation
                    .map(Cow::Owned)
                    .unwrap_or_else(|| normalize::term(surface, seg.kind, fold)),
            }
        })
        // A word of invisible characters only (a lone tatweel) counts as nothing.
        .filter(|t| !t.term.is_empty())
}

/// Stages 1-3: the segments of `text` (words, URLs, e-mail addresses, emoji, CJK
/// bigrams), not yet normalized.
pub fn segments(text: &str) -> impl Iterator<Item = segment::Segment> + '_ {
    cjk::bigrams(text, news::join(text, segment::segments(text)))
}

/// The words of `text` as a vector; see [`tokens`].
pub fn tokenize<'t>(text: &'t str, options: &TokenizeOptions) -> Vec<Token<'t>> {
    tokens(text, options).collect()
}

/// The tokens of `text` under `options`, through the stages' iterators: the
/// `tokenize` export's naive twin (it reads them with [`Analyzer::for_each_token`];
/// `tests/text_tokens.rs` holds the two to the same tokens).
pub fn tokenize_with<'t>(text: &'t str, options: &AnalyzerOptions) -> Vec<Token<'t>> {
    Analyzer::for_terms(options, text).tokens(text).collect()
}

/// The content terms of `text` and their counts, most frequent first (the
/// `termFrequencies` export).
pub fn term_frequencies(text: &str, options: &AnalyzerOptions) -> Vec<stats::TermCount> {
    stats::term_frequencies(text, &Analyzer::for_terms(options, text))
}

/// What the analyzer does with terms.
#[derive(Debug, Clone)]
pub struct AnalyzerOptions {
    /// The language, as [`language_code`] gives it (the exports check the code
    /// the user gave: `crate::options`), or `None` to detect it from the text.
    pub language: Option<&'static str>,
    /// Drop the language's stop words.
    pub stop_words: bool,
    /// Words to drop besides the language's list (dropped even when `stop_words` is false).
    pub extra_stop_words: Vec<String>,
    /// Reduce terms to their Snowball stem, where the language has a stemmer.
    pub stem: bool,
    /// Fold accents away.
    pub fold_accents: bool,
}

impl Default for AnalyzerOptions {
    fn default() -> AnalyzerOptions {
        AnalyzerOptions {
            language: None,
            stop_words: true,
            extra_stop_words: Vec::new(),
            stem: false,
            fold_accents: false,
        }
    }
}

/// The whole pipeline for one language: tokens, minus stop words, stemmed on request.
#[derive(Debug)]
pub struct Analyzer {
    language: Option<&'static str>,
    fold_accents: bool,
    stop: StopWords,
    stemmer: Option<stem::Stemmer>,
}

impl Analyzer {
    /// An analyzer for `options`; `sample` is the text the language is detected
    /// from when the options do not name it.
    pub fn new(options: &AnalyzerOptions, sample: &str) -> Analyzer {
        let language = options.language.or_else(|| language::detect(sample));
        Analyzer::with_language(options, language)
    }

    /// An analyzer for the terms alone (`tokenize`, `termFrequencies`, the
    /// concordance): the language is detected only when the terms depend on it,
    /// that is when stop words are dropped or terms stemmed; otherwise
    /// [`Self::language`] is the one the options name, or `None`. Detection was a
    /// fifth of a news-sized article's `tokenize`, which keeps every word.
    pub fn for_terms(options: &AnalyzerOptions, sample: &str) -> Analyzer {
        if options.stop_words || options.stem {
            return Analyzer::new(options, sample);
        }
        Analyzer::with_language(options, options.language)
    }

    fn with_language(options: &AnalyzerOptions, language: Option<&'static str>) -> Analyzer {
        let stop_language = if options.stop_words { language } else { None };
        Analyzer {
            language,
            fold_accents: options.fold_accents,
            stop: StopWords::new(stop_language, &options.extra_stop_words),
            stemmer: if options.stem {
                language.and_then(stem::Stemmer::new)
            } else {
                None
            },
        }
    }

    /// The language analyzed, as an ISO 639-1 code (`None`: undetermined).
    pub fn language(&self) -> Option<&'static str> {
        self.language
    }

    /// The stop words this analyzer drops.
    pub fn stop_words(&self) -> &StopWords {
        &self.stop
    }

    /// True when accents are folded.
    pub fn folds_accents(&self) -> bool {
        self.fold_accents
    }

    /// Every token of `text` with its normalized term (stages 1-4, as configured).
    pub fn all_tokens<'t>(&self, text: &'t str) -> impl Iterator<Item = Token<'t>> + 't {
        tokens(
            text,
            &TokenizeOptions {
                fold_accents: self.fold_accents,
            },
        )
    }

    /// Every token of `text`, its normalized term, and whether it is a stop word
    /// (not stemmed: phrases, names and the concordance read words as written).
    pub fn words<'a, 't: 'a>(&'a self, text: &'t str) -> impl Iterator<Item = Word<'t>> + 'a {
        let options = TokenizeOptions {
            fold_accents: self.fold_accents,
        };
        tokens(text, &options).map(move |t| Word {
            stop: self.stop.contains(&t.term),
            span: t.span,
            term: t.term,
        })
    }

    /// True when terms are reduced to stems.
    pub fn stems(&self) -> bool {
        self.stemmer.is_some()
    }

    /// `term` as counted: its stem when stemming is on.
    pub fn stem<'t>(&self, term: Cow<'t, str>) -> Cow<'t, str> {
        match &self.stemmer {
            Some(s) => s.stem(term),
            None => term,
        }
    }

    /// The content tokens of `text`: no stop words, stemmed on request.
    pub fn tokens<'a, 't: 'a>(&'a self, text: &'t str) -> impl Iterator<Item = Token<'t>> + 'a {
        self.words(text).filter(|w| !w.stop).map(|w| Token {
            span: w.span,
            term: self.stem(w.term),
        })
    }

    /// The content tokens of [`Self::tokens`] handed to `token` in order, read
    /// in one pass by [`walk`] (the `tokenize` export).
    pub fn for_each_token<'t>(
        &self,
        text: &'t str,
        mut token: impl FnMut(ByteSpan, walk::Term<'t, '_>),
    ) {
        if self.stop.is_empty() && self.stemmer.is_none() {
            // Every word, as `tokenize` gives by default.
            return walk::for_each_token(text, self.fold_accents, token);
        }
        walk::for_each_token(text, self.fold_accents, |span, term| {
            if self.stop.contains(term.as_str()) {
                return;
            }
            match &self.stemmer {
                None => token(span, term),
                Some(stemmer) => token(
                    span,
                    walk::Term::Scratch(&stemmer.stem(term.as_str().into())),
                ),
            }
        });
    }
}

/// A token as the analyzer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'t> {
    /// Where the word is, in bytes.
    pub span: ByteSpan,
    /// Its normalized term (not stemmed).
    pub term: Cow<'t, str>,
    /// True when the term is a stop word.
    pub stop: bool,
}

/// The ISO 639-1 code `code` names, if the text engine knows the language (it has
/// a stop-word list, a stemmer or a detector for it).
pub fn language_code(code: &str) -> Option<&'static str> {
    let code = code.trim().to_ascii_lowercase();
    stopwords::languages()
        .chain(language::CODES.iter().copied())
        .find(|c| *c == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str, options: &AnalyzerOptions) -> Vec<String> {
        Analyzer::new(options, text)
            .tokens(text)
            .map(|t| t.term.into_owned())
            .collect()
    }

    #[test]
    fn analyzer_drops_stop_words_and_stems() {
        let text = "The negotiations in Geneva were negotiated again.";
        let plain = AnalyzerOptions::default();
        assert_eq!(
            terms(text, &plain),
            ["negotiations", "geneva", "negotiated"]
        );
        let stem = AnalyzerOptions {
            stem: true,
            extra_stop_words: vec!["Geneva".into()],
            ..plain.clone()
        };
        #[cfg(feature = "stem")]
        assert_eq!(terms(text, &stem), ["negoti", "negoti"]);
        let all = AnalyzerOptions {
            stop_words: false,
            ..plain
        };
        assert_eq!(terms(text, &all).len(), 7);
        let _ = stem;
    }

    #[test]
    fn for_each_token_gives_the_content_tokens() {
        let text = "The U.S.-led negotiations in Geneva were negotiated again, Obama’s 北京会谈.";
        for options in [
            AnalyzerOptions::default(),
            AnalyzerOptions {
                stem: true,
                extra_stop_words: vec!["Geneva".into()],
                ..AnalyzerOptions::default()
            },
            AnalyzerOptions {
                stop_words: false,
                fold_accents: true,
                ..AnalyzerOptions::default()
            },
        ] {
            let analyzer = Analyzer::new(&options, text);
            let mut walked = Vec::new();
            analyzer.for_each_token(text, |span, term| {
                walked.push(Token {
                    span,
                    term: term.into_cow(),
                })
            });
            assert_eq!(walked, analyzer.tokens(text).collect::<Vec<_>>());
        }
    }

    #[test]
    fn every_span_slices_to_its_surface() {
        let text = "Obama’s U.S.-led talks — 290,000 dead; 北京会谈 https://x.org/a 👍🏽 co\u{ad}op";
        for t in tokenize(text, &TokenizeOptions::default()) {
            assert!(!t.span.slice(text).is_empty());
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }
}
