//! Stages 1-4 in one pass, for the callers that read every token of a text once
//! (the term count, the `tokenize` export): the tokens of [`super::tokens`], its
//! naive twin (the property tests below hold them equal), handed to a closure
//! rather than through four layered iterators, a per-token cost that was most of
//! a news-sized article's `tokenize` and `termFrequencies` (CPU profiles, wasm
//! under Node, and natively under perf).
//!
//! The text is read in runs between ASCII whitespace, which no stage joins
//! across: UAX #29 breaks at ASCII whitespace, a hyphenated word needs the hyphen
//! alone between its parts, a bigram run its characters adjacent. A run of plain
//! ASCII words (no URL or address, no hyphen, no period inside a word: most runs
//! of English prose) is read by one byte loop, where each word's term is the word
//! lower-cased (a two-letter capitalised word its dotted abbreviation, as
//! `news::abbreviation_term` says). Any other run goes through the stages'
//! iterators, together with the runs like it next to it (text in another script
//! is one stretch, not a call per word).

use std::borrow::Cow;

use super::news;
use super::segment::{self, Run, ALNUM, HYPHEN, LINK, OTHER, PERIOD, UPPER, WIDE};
use crate::span::ByteSpan;

/// A token's term as the walk hands it over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term<'t, 's> {
    /// Borrowed from the text (the surface is its own term).
    Text(&'t str),
    /// In the walk's buffer: valid during the call only.
    Scratch(&'s str),
    /// Made by the stages' iterators for a run off the fast path.
    Owned(String),
}

impl<'t> Term<'t, '_> {
    /// The term.
    pub fn as_str(&self) -> &str {
        match self {
            Term::Text(s) | Term::Scratch(s) => s,
            Term::Owned(s) => s,
        }
    }

    /// The term, borrowed from the text when it can be.
    pub fn into_cow(self) -> Cow<'t, str> {
        match self {
            Term::Text(s) => Cow::Borrowed(s),
            Term::Scratch(s) => Cow::Owned(s.to_string()),
            Term::Owned(s) => Cow::Owned(s),
        }
    }
}

/// Hands every token of `text` (stages 1-4, as [`super::tokens`] gives them) to
/// `token`, in order, with its byte span.
pub fn for_each_token<'t>(
    text: &'t str,
    fold_accents: bool,
    mut token: impl FnMut(ByteSpan, Term<'t, '_>),
) {
    let bytes = text.as_bytes();
    let mut scratch = String::new();
    // Where the runs off the fast path not yet read began (with the whitespace
    // before them, which the stages' iterators read: rule WB4): consecutive ones
    // go through the iterators together, as text in another script is all such runs.
    let mut pending: Option<usize> = None;
    let mut pos = 0;
    while let Some(run) = segment::next_run(bytes, pos) {
        pos = run.end;
        if !plain(bytes, run) {
            pending.get_or_insert(run.whitespace);
            continue;
        }
        if let Some(from) = pending.take() {
            stages(text, from, run.whitespace, fold_accents, &mut token);
        }
        if run.flags & OTHER != 0 {
            plain_words(text, run.start, run.end, &mut scratch, &mut token);
        } else if run.flags & ALNUM != 0 {
            // Letters, digits and `_` alone (most runs of prose): one word, the
            // run itself, known without reading it again.
            let span = ByteSpan::new(run.start, run.end);
            plain_word(text, span, run.flags & UPPER != 0, &mut scratch, &mut token);
        }
    }
    if let Some(from) = pending {
        stages(text, from, text.len(), fold_accents, &mut token);
    }
}

/// The tokens of `text[from..to]` through the stages' iterators.
fn stages<'t>(
    text: &'t str,
    from: usize,
    to: usize,
    fold_accents: bool,
    token: &mut impl FnMut(ByteSpan, Term<'t, '_>),
) {
    for t in super::tokens_in(text, from, to, fold_accents) {
        match t.term {
            Cow::Borrowed(s) => token(t.span, Term::Text(s)),
            Cow::Owned(s) => token(t.span, Term::Owned(s)),
        }
    }
}

/// True when `run` is plain ASCII words: no character outside ASCII, nothing of
/// a link, no hyphen to join at, and no period followed by a letter or digit
/// (inside a word: `U.S`, `2.5`, `www.x`).
fn plain(bytes: &[u8], run: Run) -> bool {
    if run.flags & (WIDE | LINK | HYPHEN) != 0 {
        return false;
    }
    run.flags & PERIOD == 0
        || !bytes[run.start..run.end]
            .windows(2)
            .any(|w| w[0] == b'.' && w[1].is_ascii_alphanumeric())
}

/// The words of a plain run, each with its term.
fn plain_words<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    scratch: &mut String,
    token: &mut impl FnMut(ByteSpan, Term<'t, '_>),
) {
    segment::ascii_word_spans(text.as_bytes(), start, end, |span, capital| {
        plain_word(text, span, capital, scratch, token)
    });
}

/// One word of a plain run, with its term: the word itself, or lower-cased
/// (into `scratch`) when it has a `capital`.
///
/// Inlined in the full engine, where the call per word was 5 % of a news-sized
/// article's `tokenize` in instructions (627 -> 598 M a round); the lean engine,
/// held to its size, keeps the call (inlined it grew 260 B gzipped).
#[cfg_attr(not(feature = "lean"), inline(always))]
fn plain_word<'t>(
    text: &'t str,
    span: ByteSpan,
    capital: bool,
    scratch: &mut String,
    token: &mut impl FnMut(ByteSpan, Term<'t, '_>),
) {
    if !capital {
        token(span, Term::Text(span.slice(text)));
        return;
    }
    scratch.clear();
    match news::abbreviation_term(span.slice(text)) {
        Some(term) => scratch.push_str(&term),
        None => {
            scratch.push_str(span.slice(text));
            scratch.make_ascii_lowercase();
        }
    }
    token(span, Term::Scratch(scratch));
}

#[cfg(test)]
mod tests {
    use super::super::{tokens, TokenizeOptions};
    use super::*;

    fn walked(text: &str, fold: bool) -> Vec<(ByteSpan, String)> {
        let mut out = Vec::new();
        for_each_token(text, fold, |span, term| {
            out.push((span, term.as_str().to_string()))
        });
        out
    }

    fn naive(text: &str, fold: bool) -> Vec<(ByteSpan, String)> {
        let options = TokenizeOptions { fold_accents: fold };
        tokens(text, &options)
            .map(|t| (t.span, t.term.into_owned()))
            .collect()
    }

    #[test]
    fn plain_runs_and_the_rest() {
        let text = "The U.S.-led talks: US and us, don't 2.5 1,000 x_1 __ \
                    a@b.org www.x.org Obama’s 北京会谈 end.) co-op F. Kennedy";
        assert_eq!(walked(text, false), naive(text, false));
        let terms: Vec<String> = walked(text, false).into_iter().map(|(_, t)| t).collect();
        assert!(terms.contains(&"u.s.-led".to_string()), "{terms:?}");
        assert!(terms.contains(&"u.s.".to_string()), "{terms:?}");
        assert!(terms.contains(&"obama's".to_string()), "{terms:?}");
    }

    #[test]
    fn the_seeds_and_token_fixtures_walk_as_the_stages_read() {
        for text in crate::seed_texts() {
            assert_eq!(walked(&text, false), naive(&text, false));
            assert_eq!(walked(&text, true), naive(&text, true));
        }
    }

    // proptest needs an OS random source: property tests run natively only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn ascii_walks_as_the_stages_read(text in "[a-zA-Z0-9 .,;:'_@/\\-\n\t()\"]{0,40}") {
            proptest::prop_assert_eq!(walked(&text, false), naive(&text, false));
        }

        #[test]
        fn any_text_walks_as_the_stages_read(
            text in "[a-zA-Zé中 .'\u{301}\u{200d}\u{2019}\u{2010}\u{ad}\u{5d0}0-9\\-:@]{0,30}",
            fold in proptest::bool::ANY,
        ) {
            proptest::prop_assert_eq!(walked(&text, fold), naive(&text, fold));
        }
    }
}
