//! Stage 2: news text as it is written. Joins what UAX #29 splits but a reader
//! sees as one word: hyphenated words (`al-Assad`, `U.S.-led`, `mother-in-law`) and
//! abbreviations with their final period (`U.S.`, `C.I.A.`), and gives a
//! two-letter capitalised abbreviation its dotted term (`US` counts as `u.s.`).

use std::iter::Peekable;

use super::segment::{Kind, Segment};
use crate::span::ByteSpan;

/// Joins hyphenated words and completes abbreviations in `segments` of `text`.
pub fn join<'t, I: Iterator<Item = Segment>>(text: &'t str, segments: I) -> Joined<'t, I> {
    Joined {
        text,
        inner: segments.peekable(),
    }
}

/// Iterator returned by [`join`].
#[derive(Debug, Clone)]
pub struct Joined<'t, I: Iterator<Item = Segment>> {
    text: &'t str,
    inner: Peekable<I>,
}

impl<I: Iterator<Item = Segment>> Iterator for Joined<'_, I> {
    type Item = Segment;

    fn next(&mut self) -> Option<Segment> {
        let mut seg = self.inner.next()?;
        if seg.kind != Kind::Word {
            return Some(seg);
        }
        seg.span = complete_abbreviation(self.text, seg.span);
        // Most words are followed by neither `-` nor `‐`/`‑` (which start with 0xE2).
        while matches!(self.text.as_bytes().get(seg.span.end), Some(b'-' | 0xE2)) {
            let Some(next) = self.inner.peek().copied() else {
                break;
            };
            let Some(gap) = self.text.get(seg.span.end..next.span.start) else {
                break;
            };
            if next.kind != Kind::Word
                || !is_hyphen(gap)
                || !ends_alphanumeric(seg.span.slice(self.text))
            {
                break;
            }
            self.inner.next();
            seg.span = seg.span.cover(complete_abbreviation(self.text, next.span));
        }
        Some(seg)
    }
}

fn is_hyphen(gap: &str) -> bool {
    matches!(gap, "-" | "\u{2010}" | "\u{2011}")
}

fn ends_alphanumeric(word: &str) -> bool {
    word.chars().next_back().is_some_and(char::is_alphanumeric) || word.ends_with('.')
}

/// `U.S` (as UAX #29 cuts it) becomes `U.S.`: single letters joined by periods
/// take the period that follows them.
fn complete_abbreviation(text: &str, span: ByteSpan) -> ByteSpan {
    if text.as_bytes().get(span.end) != Some(&b'.') {
        return span;
    }
    let word = span.slice(text);
    let mut parts = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => parts += 1,
            _ => return span,
        }
    }
    if parts >= 2 {
        ByteSpan::new(span.start, span.end + 1)
    } else {
        span
    }
}

/// The term of a two-letter abbreviation written in capitals: `US` is `u.s.`, the
/// term `U.S.`, `U.S` and `u.s.` already count as, so that the country is one
/// term however an outlet writes it. The case decides: the pronoun `us` is lower
/// case and stays `us`. (Longer ones, `CNN`, `NATO`, are rarely dotted.)
pub fn abbreviation_term(surface: &str) -> Option<String> {
    match surface.as_bytes() {
        [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some(format!(
            "{}.{}.",
            char::from(a.to_ascii_lowercase()),
            char::from(b.to_ascii_lowercase())
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::segment::segments;
    use super::*;

    fn surfaces(text: &str) -> Vec<&str> {
        join(text, segments(text))
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn joins_hyphens_and_abbreviations() {
        assert_eq!(
            surfaces("Bashar al-Assad, the U.S.-led C.I.A. team, mother-in-law - no; e.g. U.K."),
            [
                "Bashar",
                "al-Assad",
                "the",
                "U.S.-led",
                "C.I.A.",
                "team",
                "mother-in-law",
                "no",
                "e.g.",
                "U.K."
            ]
        );
    }

    #[test]
    fn us_in_capitals_is_the_dotted_abbreviation() {
        assert_eq!(abbreviation_term("US").as_deref(), Some("u.s."));
        assert_eq!(abbreviation_term("us"), None);
        assert_eq!(abbreviation_term("Us"), None);
        assert_eq!(abbreviation_term("USA"), None);
    }

    #[test]
    fn leaves_dash_ranges_and_spaced_hyphens() {
        assert_eq!(
            surfaces("1990–2000 well -known"),
            ["1990", "2000", "well", "known"]
        );
    }
}
