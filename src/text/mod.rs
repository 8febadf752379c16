//! The text engine: tokenization with offsets, and term statistics.
//!
//! Tokenization is a pipeline of small stages, one file each:
//! [`segment`] splits the text into words by UAX #29 and keeps their byte spans,
//! [`normalize`] turns each surface form into the term it counts as, and
//! [`stopwords`] says which terms carry no content. [`stats`] counts terms.

pub mod normalize;
pub mod segment;
pub mod stats;
pub mod stopwords;

use std::borrow::Cow;

use crate::span::ByteSpan;

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

/// The words of `text`, in order, each with its byte span and normalized term.
pub fn tokenize<'t>(text: &'t str, options: &TokenizeOptions) -> Vec<Token<'t>> {
    segment::words(text)
        .map(|span| Token {
            span,
            term: normalize::term(span.slice(text), options),
        })
        .collect()
}
