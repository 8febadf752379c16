//! The overlap engine: which passages two texts share, and how much.
//!
//! [`Fingerprint`] reads a text once (its words and their hashes); [`align`] finds
//! the passages two fingerprints share; [`scores`] turns them into pair scores.

mod matches;
pub mod scores;

use crate::span::ByteSpan;
use crate::text::{self, Token, TokenizeOptions};

/// How to align.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Words per shingle: the shortest run of words that counts as shared.
    pub shingle: usize,
    /// The fewest words a passage has, in each text.
    pub min_passage_words: usize,
    /// Words of difference tolerated between two matches that join into one passage.
    pub max_gap_words: usize,
}

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions {
            shingle: 5,
            min_passage_words: 8,
            max_gap_words: 12,
        }
    }
}

/// A text read for alignment: its words, and one hash per word.
#[derive(Debug, Clone)]
pub struct Fingerprint<'t> {
    /// The words of the text.
    pub tokens: Vec<Token<'t>>,
    /// One hash per word, of its normalized term.
    pub hashes: Vec<u64>,
}

impl<'t> Fingerprint<'t> {
    /// Reads `text`.
    pub fn new(text: &'t str) -> Fingerprint<'t> {
        Fingerprint::from_tokens(text::tokenize(text, &TokenizeOptions::default()))
    }

    /// Builds a fingerprint over tokens already made.
    pub fn from_tokens(tokens: Vec<Token<'t>>) -> Fingerprint<'t> {
        let hashes = tokens.iter().map(|t| hash_term(&t.term)).collect();
        Fingerprint { tokens, hashes }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when the text has no words.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The byte span from the start of word `first` to the end of word `last`.
    fn span(&self, first: usize, last: usize) -> ByteSpan {
        self.tokens[first].span.cover(self.tokens[last].span)
    }
}

/// A passage two texts share.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Where it is in the first text.
    pub a: ByteSpan,
    /// Where it is in the second text.
    pub b: ByteSpan,
    /// How alike the two sides are, from 0 to 1 (1: word for word).
    pub score: f64,
}

/// The passages `a` and `b` share, in order of their position in `a`.
pub fn align(a: &Fingerprint<'_>, b: &Fingerprint<'_>, options: &AlignOptions) -> Vec<Passage> {
    let runs = matches::exact_runs(&a.hashes, &b.hashes, options.shingle.max(1));
    matches::chain(runs, options.max_gap_words)
        .into_iter()
        .filter(|c| {
            c.a_len() >= options.min_passage_words && c.b_len() >= options.min_passage_words
        })
        .map(|c| Passage {
            a: a.span(c.a_start, c.a_end - 1),
            b: b.span(c.b_start, c.b_end - 1),
            score: c.matched as f64 / c.a_len().max(c.b_len()) as f64,
        })
        .collect()
}

/// FNV-1a: a fast, stable hash of a term (stable across native and wasm builds).
pub(crate) fn hash_term(term: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in term.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
