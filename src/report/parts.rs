//! The engines' answers as the report gives them: plain values that serialize to
//! the JSON every door returns (camelCase here, and nowhere in the engines), each
//! with its conversion from the engine's own type. A field renamed or added in an
//! engine changes nothing a user sees until it is written here.

use serde::Serialize;

use crate::span::UnitSpan;
use crate::text::{corpus, keyness, names, stats};

/// A half-open range in UTF-16 code units (PAN's: code points) of a text as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First unit of the range.
    pub start: usize,
    /// One past the last unit of the range.
    pub end: usize,
}

impl From<UnitSpan> for Span {
    fn from(span: UnitSpan) -> Span {
        Span {
            start: span.start,
            end: span.end,
        }
    }
}

/// A term and how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermCount {
    /// The normalized term.
    pub term: String,
    /// Its number of occurrences.
    pub count: usize,
}

impl From<stats::TermCount> for TermCount {
    fn from(t: stats::TermCount) -> TermCount {
        TermCount {
            term: t.term,
            count: t.count,
        }
    }
}

/// A frequent term of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermScore {
    /// The term (with stemming on: its most frequent word form in the articles).
    pub term: String,
    /// Occurrences in the article.
    pub count: usize,
    /// `count` over the article's words.
    pub frequency: f64,
    /// `frequency` times the smoothed inverse document frequency across the
    /// loaded articles, `ln((1 + n) / (1 + df)) + 1`.
    pub tfidf: f64,
}

impl From<corpus::TermScore> for TermScore {
    fn from(t: corpus::TermScore) -> TermScore {
        TermScore {
            term: t.term,
            count: t.count,
            frequency: t.frequency,
            tfidf: t.tfidf,
        }
    }
}

/// A distinctive term of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyness {
    /// The term.
    pub term: String,
    /// Its count in the article.
    pub count: usize,
    /// Its z-score (weighted log-odds): how much more the article uses it than
    /// the others do.
    pub score: f64,
}

impl From<keyness::Keyness> for Keyness {
    fn from(k: keyness::Keyness) -> Keyness {
        Keyness {
            term: k.term,
            count: k.count,
            score: k.score,
        }
    }
}

/// A name and its written variants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Name {
    /// The most frequent variant.
    pub term: String,
    /// Occurrences of all variants.
    pub count: usize,
    /// Every variant, most frequent first.
    pub variants: Vec<String>,
}

impl From<names::Name> for Name {
    fn from(n: names::Name) -> Name {
        Name {
            term: n.term,
            count: n.count,
            variants: n.variants,
        }
    }
}

/// What a reader sees at a glance of one article, as Voyant's summary shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Words (tokens with a letter or digit; a CJK bigram counts as one).
    pub words: usize,
    /// Distinct terms among them.
    pub unique_words: usize,
    /// Sentences with at least one word (UAX #29 sentence boundaries).
    pub sentences: usize,
    /// Unique words over words.
    pub vocabulary_density: f64,
    /// Words per sentence.
    pub mean_sentence_length: f64,
    /// The readability score, when the measure applies to the language.
    pub readability: Option<f64>,
    /// Which measure `readability` is: `"flesch-reading-ease"` (English; higher
    /// is easier), `"lix"` (other alphabetic languages; higher is harder) or
    /// `"none"` (scripts without spaces, where word length means nothing).
    pub readability_measure: &'static str,
}

impl From<stats::Summary> for Summary {
    fn from(s: stats::Summary) -> Summary {
        Summary {
            words: s.words,
            unique_words: s.unique_words,
            sentences: s.sentences,
            vocabulary_density: s.vocabulary_density,
            mean_sentence_length: s.mean_sentence_length,
            readability: s.readability,
            readability_measure: s.readability_measure,
        }
    }
}

/// What the text engine says about one article (its keys sit in the article's
/// own object in the report).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentTerms {
    /// Its language (ISO 639-1), detected unless given.
    pub language: Option<&'static str>,
    /// Words, sentences, density, readability.
    pub stats: Summary,
    /// Its most frequent content terms.
    pub top_terms: Vec<TermScore>,
    /// Terms it uses more than the others, by weighted log-odds z-score.
    pub distinctive_terms: Vec<Keyness>,
    /// Terms no other article uses, most frequent first.
    pub unique_terms: Vec<TermCount>,
    /// Frequent bigrams and trigrams.
    pub phrases: Vec<TermCount>,
    /// Capitalised multi-word names, variants grouped.
    pub names: Vec<Name>,
}

impl From<corpus::DocumentTerms> for DocumentTerms {
    fn from(d: corpus::DocumentTerms) -> DocumentTerms {
        DocumentTerms {
            language: d.language,
            stats: d.stats.into(),
            top_terms: all(d.top_terms),
            distinctive_terms: all(d.distinctive_terms),
            unique_terms: all(d.unique_terms),
            phrases: all(d.phrases),
            names: all(d.names),
        }
    }
}

/// Every engine value of `values` as the report writes it.
pub(crate) fn all<E, R: From<E>>(values: Vec<E>) -> Vec<R> {
    values.into_iter().map(R::from).collect()
}
