//! Stage 3: scripts written without spaces (Chinese, Japanese kana and kanji,
//! Thai, Lao, Khmer, Myanmar) become overlapping character bigrams.
//!
//! UAX #29 gives one segment per ideograph (or per Thai letter), which makes
//! single characters the terms: too ambiguous to count. A dictionary segmenter
//! gives real words, but its dictionary is megabytes (jieba's is ~5 MB, IPADIC for
//! Japanese ~15 MB, ICU's CJ dictionary ~2 MB) against a whole wasm of a few hundred
//! kilobytes. Overlapping bigrams (as Lucene's CJK analyzer does) need no data: most
//! Chinese and Japanese words are two characters long, so every such word is a
//! term, and longer words show up as their overlapping pairs. A run of one
//! character stays one term. Katakana words, which UAX #29 keeps whole, stay whole.

use std::iter::Peekable;

use super::segment::{Kind, Segment};
use crate::span::ByteSpan;

/// Splits runs of no-space scripts in `segments` of `text` into bigrams.
pub fn bigrams<'t, I: Iterator<Item = Segment>>(text: &'t str, segments: I) -> Bigrams<'t, I> {
    Bigrams {
        text,
        inner: segments.peekable(),
        units: Vec::new(),
        next: 0,
    }
}

/// Iterator returned by [`bigrams`].
#[derive(Debug, Clone)]
pub struct Bigrams<'t, I: Iterator<Item = Segment>> {
    text: &'t str,
    inner: Peekable<I>,
    /// Grapheme spans of the current run (reused across runs).
    units: Vec<ByteSpan>,
    /// Index of the next bigram of the current run to return.
    next: usize,
}

impl<I: Iterator<Item = Segment>> Iterator for Bigrams<'_, I> {
    type Item = Segment;

    fn next(&mut self) -> Option<Segment> {
        if let Some(span) = self.pending() {
            return Some(word(span));
        }
        let seg = self.inner.next()?;
        // Every no-space script lies above U+0E00, whose UTF-8 starts at 0xE0: one
        // byte compare lets the Latin, Cyrillic, Greek, Arabic and Hebrew words by.
        let first = self
            .text
            .as_bytes()
            .get(seg.span.start)
            .copied()
            .unwrap_or(0);
        if seg.kind != Kind::Word || first < 0xE0 || !is_no_space(seg.span.slice(self.text)) {
            return Some(seg);
        }
        self.units.clear();
        self.next = 0;
        self.push_units(seg.span);
        let mut end = seg.span.end;
        while let Some(n) = self.inner.peek().copied() {
            if n.span.start != end || n.kind != Kind::Word || !is_no_space(n.span.slice(self.text))
            {
                break;
            }
            self.inner.next();
            self.push_units(n.span);
            end = n.span.end;
        }
        self.pending().map(word)
    }
}

impl<I: Iterator<Item = Segment>> Bigrams<'_, I> {
    /// The next bigram (or the lone unigram) of the current run.
    fn pending(&mut self) -> Option<ByteSpan> {
        let span = match self.units.len() {
            1 if self.next == 0 => self.units[0],
            n if self.next + 1 < n => self.units[self.next].cover(self.units[self.next + 1]),
            _ => return None,
        };
        self.next += 1;
        Some(span)
    }

    fn push_units(&mut self, span: ByteSpan) {
        let s = span.slice(self.text);
        for (offset, g) in crate::breaks::grapheme_indices(s) {
            let start = span.start + offset;
            self.units.push(ByteSpan::new(start, start + g.len()));
        }
    }
}

fn word(span: ByteSpan) -> Segment {
    Segment {
        span,
        kind: Kind::Word,
    }
}

/// True when `word` is written in a script without spaces between words
/// (Katakana excepted: UAX #29 already keeps Katakana words whole).
fn is_no_space(word: &str) -> bool {
    word.chars().next().is_some_and(crate::script::is_unspaced)
}

#[cfg(test)]
mod tests {
    use super::super::segment::segments;
    use super::*;

    fn surfaces(text: &str) -> Vec<&str> {
        bigrams(text, segments(text))
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn chinese_bigrams() {
        assert_eq!(surfaces("习近平说。好"), ["习近", "近平", "平说", "好"]);
    }

    #[cfg(feature = "segmentation")] // Katakana words: the full engine's (src/breaks/).
    #[test]
    fn japanese_keeps_katakana_words() {
        assert_eq!(
            surfaces("東京タワーに行きました"),
            ["東京", "タワー", "に行", "行き", "きま", "まし", "した"]
        );
    }

    #[test]
    fn thai_graphemes() {
        assert_eq!(surfaces("ไทย"), ["ไท", "ทย"]);
    }

    #[test]
    fn latin_untouched() {
        assert_eq!(surfaces("Beijing 北京 talks"), ["Beijing", "北京", "talks"]);
    }
}
