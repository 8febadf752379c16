//! Stage 1: the segments of a text that can be terms, with their byte spans.
//!
//! Words follow Unicode UAX #29 (`crate::breaks`). Three things UAX #29
//! splits are kept whole: URLs, e-mail addresses and emoji sequences (a ZWJ family,
//! a flag). Every span slices back to the segment's surface form.
//!
//! Fast path: the text is read in runs separated by ASCII whitespace. UAX #29 never
//! joins across ASCII whitespace, so a run that is all ASCII is segmented by a
//! byte loop implementing the rules restricted to ASCII (no allocation, no tables),
//! and only runs with other characters go through `crate::breaks`. The
//! property test in this file holds the fast path to plain UAX #29.

use crate::span::ByteSpan;

/// What a segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A word or number by UAX #29 (or a unit of a script written without spaces).
    Word,
    /// A URL (`https://…`, `www.…`).
    Url,
    /// An e-mail address.
    Email,
    /// An emoji, with its modifiers and ZWJ joins.
    Emoji,
}

/// One segment: where it is and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Its bytes in the text.
    pub span: ByteSpan,
    /// What it is.
    pub kind: Kind,
}

/// The segments of `text`, in order.
pub fn segments(text: &str) -> Segments<'_> {
    segments_in(text, 0, text.len())
}

/// The segments of `text[from..to]`, where `from` and `to` lie in or at the edge
/// of ASCII whitespace (as they would be found in the whole text: no segment
/// crosses ASCII whitespace). `from` may be the start of the whitespace before a
/// run, which rule WB4 reads.
pub fn segments_in(text: &str, from: usize, to: usize) -> Segments<'_> {
    Segments {
        text: &text[..to],
        pos: from,
        buf: Vec::new(),
        next: 0,
    }
}

/// The byte spans of the words of `text` (segments with at least one letter or digit).
pub fn words(text: &str) -> impl Iterator<Item = ByteSpan> + '_ {
    segments(text).map(|s| s.span)
}

/// A run of a text between ASCII whitespace: the unit both the segmenter and
/// the walk (`super::walk`) read, since no stage joins across ASCII whitespace.
#[derive(Debug, Clone, Copy)]
pub(super) struct Run {
    /// Where the whitespace before the run starts (rule WB4 reads it).
    pub whitespace: usize,
    pub start: usize,
    pub end: usize,
    /// The [`FLAGS`] of its bytes, or-ed.
    pub flags: u8,
}

/// The run of `bytes` after `pos` (skipping whitespace), or `None` when only
/// whitespace is left.
#[inline]
pub(super) fn next_run(bytes: &[u8], pos: usize) -> Option<Run> {
    let whitespace = pos;
    let mut pos = pos;
    while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
        pos += 1;
    }
    let start = pos;
    let mut flags = 0u8;
    while pos < bytes.len() {
        let f = FLAGS[usize::from(bytes[pos])];
        if f & SPACE != 0 {
            break;
        }
        flags |= f;
        pos += 1;
    }
    (start < pos).then_some(Run {
        whitespace,
        start,
        end: pos,
        flags,
    })
}

/// ASCII whitespace (`u8::is_ascii_whitespace`), which ends a run.
const SPACE: u8 = 1;
/// A byte of a character outside ASCII.
pub(super) const WIDE: u8 = 2;
/// `@` and `:`, which every e-mail address and URL has.
pub(super) const LINK: u8 = 4;
pub(super) const HYPHEN: u8 = 8;
pub(super) const PERIOD: u8 = 16;
/// Any byte but ASCII whitespace, a letter, a digit or `_`: a run without one
/// is a single word, which the walk takes whole. (The word scan inside a run,
/// [`ascii_word_spans`], has its own bits, [`CLASSES`]: these are the run's.)
pub(super) const OTHER: u8 = 32;
/// An ASCII letter or digit.
pub(super) const ALNUM: u8 = 64;
/// An ASCII capital letter.
pub(super) const UPPER: u8 = 128;

/// What each byte says about its run, looked up rather than matched.
static FLAGS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\x0C' | b'\r' => SPACE,
            b'@' | b':' => LINK | OTHER,
            b'-' => HYPHEN | OTHER,
            b'.' => PERIOD | OTHER,
            0x80..=0xFF => WIDE | OTHER,
            b'a'..=b'z' | b'0'..=b'9' => ALNUM,
            b'A'..=b'Z' => ALNUM | UPPER,
            b'_' => 0,
            _ => OTHER,
        };
        b += 1;
    }
    table
};

/// Iterator over the segments of a text; see [`segments`].
#[derive(Debug, Clone)]
pub struct Segments<'t> {
    text: &'t str,
    pos: usize,
    /// Segments of the current run not yet returned (reused across runs).
    buf: Vec<Segment>,
    next: usize,
}

impl Iterator for Segments<'_> {
    type Item = Segment;

    fn next(&mut self) -> Option<Segment> {
        loop {
            if let Some(s) = self.buf.get(self.next) {
                self.next += 1;
                return Some(*s);
            }
            self.buf.clear();
            self.next = 0;
            let bytes = self.text.as_bytes();
            let Some(run) = next_run(bytes, self.pos) else {
                self.pos = bytes.len();
                return None;
            };
            self.pos = run.end;
            let (start, end) = (run.start, run.end);
            // `@` and `:` (or a leading `www.`) are what every e-mail address and URL
            // has; runs without them skip the URL check.
            let link = run.flags & LINK != 0 || has_www(&bytes[start..end]);
            if let Some(s) = link.then(|| url_or_email(self.text, start, end)).flatten() {
                self.buf.push(s);
            } else if run.flags & WIDE == 0 {
                ascii_words(bytes, start, end, &mut self.buf);
            } else {
                // From the start of the whitespace before the run: a combining mark
                // right after a space belongs to the space in UAX #29 (rule WB4).
                unicode_words(self.text, run.whitespace, end, &mut self.buf);
            }
        }
    }
}

/// What each ASCII byte is to a word, as bits, looked up rather than matched:
/// the hot loop's one branch is on [`WORD`], and or-ing a word's bits says
/// whether it has a letter or digit and a capital without reading it again.
const WORD: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 4;
const CAPITAL: u8 = 8;

static CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'a'..=b'z' => WORD | LETTER,
            b'A'..=b'Z' => WORD | LETTER | CAPITAL,
            b'0'..=b'9' => WORD | DIGIT,
            b'_' => WORD,
            _ => 0,
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> u8 {
    CLASSES[usize::from(b)]
}

/// True when the run starts with `www.`, after any opening punctuation.
fn has_www(run: &[u8]) -> bool {
    let at = run
        .iter()
        .take_while(|b| matches!(b, b'(' | b'[' | b'<' | b'"' | b'\''))
        .count();
    run.get(at..at + 4)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"www."))
}

/// UAX #29 word boundaries restricted to ASCII: letters, digits and `_` join
/// (WB5, WB8-10, WB13a-b); `:` `.` `'` join two letters (WB6-7); `,` `;` `.` `'`
/// join two digits (WB11-12). Segments without a letter or digit are dropped.
fn ascii_words(bytes: &[u8], start: usize, end: usize, out: &mut Vec<Segment>) {
    ascii_word_spans(bytes, start, end, |span, _| {
        out.push(Segment {
            span,
            kind: Kind::Word,
        })
    });
}

/// The spans of [`ascii_words`], each handed to `word` (`text::walk` reads them
/// without a buffer) with whether it has a capital letter.
pub(crate) fn ascii_word_spans(
    bytes: &[u8],
    start: usize,
    end: usize,
    mut word: impl FnMut(ByteSpan, bool),
) {
    let mut i = start;
    while i < end {
        if class(bytes[i]) & WORD == 0 {
            i += 1;
            continue;
        }
        let word_start = i;
        let mut seen = 0;
        loop {
            while i < end && class(bytes[i]) & WORD != 0 {
                seen |= class(bytes[i]);
                i += 1;
            }
            if i + 1 < end && joins(bytes[i - 1], bytes[i], bytes[i + 1]) {
                i += 1;
                continue;
            }
            break;
        }
        if seen & (LETTER | DIGIT) != 0 {
            word(ByteSpan::new(word_start, i), seen & CAPITAL != 0);
        }
    }
}

/// Whether `mid` joins `before` and `after` into one word.
fn joins(before: u8, mid: u8, after: u8) -> bool {
    let both = class(before) & class(after);
    if both & LETTER != 0 {
        matches!(mid, b':' | b'.' | b'\'')
    } else if both & DIGIT != 0 {
        matches!(mid, b',' | b';' | b'.' | b'\'')
    } else {
        false
    }
}

fn unicode_words(text: &str, start: usize, end: usize, out: &mut Vec<Segment>) {
    let run = &text[start..end];
    for (offset, piece) in crate::breaks::word_bound_indices(run) {
        // Leading whitespace only reaches a segment through rule WB4; it is not part of a word.
        let trimmed = piece.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let Some(first) = trimmed.chars().next() else {
            continue;
        };
        let kind = if is_emoji(first) {
            Kind::Emoji
        } else if trimmed.chars().any(char::is_alphanumeric) {
            Kind::Word
        } else {
            continue;
        };
        let s = start + offset + piece.len() - trimmed.len();
        out.push(Segment {
            span: ByteSpan::new(s, s + trimmed.len()),
            kind,
        });
    }
}

/// Pictographs, symbols and regional indicators (1F1E6-1F1FF) that start an emoji sequence.
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF)
}

/// Punctuation that wraps a URL or address in prose and is not part of it.
fn is_wrapper(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '<'
            | '>'
            | '{'
            | '}'
            | '"'
            | '\''
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '…'
    )
}

/// The run `start..end` as one URL or e-mail segment, if it is one (wrapping
/// punctuation trimmed).
fn url_or_email(text: &str, start: usize, end: usize) -> Option<Segment> {
    let run = &text[start..end];
    let trimmed_start = run.trim_start_matches(is_wrapper);
    let piece = trimmed_start.trim_end_matches(is_wrapper);
    let s = start + run.len() - trimmed_start.len();
    let span = ByteSpan::new(s, s + piece.len());
    let kind = if is_url(piece) {
        Kind::Url
    } else if is_email(piece) {
        Kind::Email
    } else {
        return None;
    };
    Some(Segment { span, kind })
}

fn is_url(piece: &str) -> bool {
    let lower = |p: &str| {
        piece
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    let rest = if lower("https://") {
        &piece[8..]
    } else if lower("http://") {
        &piece[7..]
    } else if lower("www.") {
        &piece[4..]
    } else {
        return false;
    };
    rest.chars().next().is_some_and(char::is_alphanumeric)
}

fn is_email(piece: &str) -> bool {
    let Some((local, domain)) = piece.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b));
    let domain_ok = domain.contains('.')
        && domain
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    local_ok && domain_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surfaces(text: &str) -> Vec<&str> {
        segments(text).map(|s| s.span.slice(text)).collect()
    }

    /// Plain UAX #29 over the whole text, with the same filter: the naive twin of
    /// the fast path.
    #[cfg(not(target_arch = "wasm32"))]
    fn naive(text: &str) -> Vec<ByteSpan> {
        let mut out = Vec::new();
        unicode_words(text, 0, text.len(), &mut out);
        out.into_iter().map(|s| s.span).collect()
    }

    #[test]
    fn keeps_offsets() {
        let text = "Obama’s talks, 290,000 dead.";
        assert_eq!(surfaces(text), ["Obama’s", "talks", "290,000", "dead"]);
    }

    #[test]
    fn ascii_rules() {
        let text = "don't a:b 2.5 1,000;2 U.S. x_1 __ a.1 end.";
        assert_eq!(
            surfaces(text),
            ["don't", "a:b", "2.5", "1,000;2", "U.S", "x_1", "a", "1", "end"]
        );
    }

    #[test]
    fn urls_and_emails_whole() {
        let text = "See (https://example.com/a?b=1), www.bbc.co.uk/news. Mail jo.doe+x@mail.example.org! a@b";
        assert_eq!(
            surfaces(text),
            [
                "See",
                "https://example.com/a?b=1",
                "www.bbc.co.uk/news",
                "Mail",
                "jo.doe+x@mail.example.org",
                "a",
                "b"
            ]
        );
    }

    #[test]
    fn emoji_sequences_whole() {
        let text = "Go 👨‍👩‍👧 now 🇺🇦!";
        assert_eq!(surfaces(text), ["Go", "👨‍👩‍👧", "now", "🇺🇦"]);
    }

    // proptest needs an OS random source: property tests run natively only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn fast_path_matches_uax29(text in "[a-zA-Z0-9 .,;:'_\\-\n\t]{0,40}") {
            let fast: Vec<ByteSpan> = words(&text).collect();
            proptest::prop_assert_eq!(fast, naive(&text));
        }

        #[test]
        fn mixed_text_matches_uax29(text in "[a-zé中 .,'\u{301}\u{345}\u{200d}\u{2019}\u{ad}\u{5d0}\u{5f3}\u{627}0-9]{0,30}") {
            let fast: Vec<ByteSpan> = words(&text).collect();
            proptest::prop_assert_eq!(fast, naive(&text));
        }
    }
}
