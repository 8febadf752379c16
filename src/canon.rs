//! One canonical form for every article, and the way back to the text as given.
//!
//! Two copies of one story can differ in bytes no reader sees: accents composed or
//! decomposed (NFC, NFD), line ends (CRLF, CR, LF), soft hyphens and zero-width
//! characters inside words. [`canonical`] removes those differences once, before
//! anything reads the text, so that both engines and the news stages compare the
//! same words:
//!
//! - Unicode NFC (canonical composition; compatibility forms such as `ﬁ` are left
//!   to the text engine's own NFKC, which only its terms need);
//! - CRLF and a lone CR become LF;
//! - soft hyphen (U+00AD), zero-width space, non-joiner and joiner (U+200B–U+200D),
//!   word joiner (U+2060) and the byte-order mark (U+FEFF) are removed.
//!
//! The [`OffsetMap`] it returns takes every span of the canonical text back to the
//! text as given (and a span of the given text to the canonical one). It holds only
//! the stretches that changed, so a text that is canonical already (the common
//! case, checked without copying) costs no memory and maps to itself.

use std::borrow::Cow;

use crate::normal;
use crate::span::ByteSpan;

/// Characters removed from the canonical text: they change no word a reader sees,
/// but would split or alter the words the engines compare.
fn is_removed(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// `text` in canonical form, and the map between its offsets and those of `text`.
pub fn canonical(text: &str) -> (Cow<'_, str>, OffsetMap) {
    if is_canonical(text) {
        return (Cow::Borrowed(text), OffsetMap::identity(text.len()));
    }
    let mut builder = Builder::new(text);
    builder.run();
    builder.finish()
}

/// Whether `text` is canonical already: no CR, no removed character, and NFC by the
/// quick check (a `Maybe` takes the slow path, which finds out for sure).
pub fn is_canonical(text: &str) -> bool {
    // ASCII is NFC and has nothing to remove but CR: two vectorized byte scans.
    if text.is_ascii() {
        return !text.as_bytes().contains(&b'\r');
    }
    // Every character that is removed or rewritten starts with one of these bytes:
    // CR, or the lead byte of U+00AD, U+200B–U+200D and U+2060, or U+FEFF.
    let suspect = text
        .bytes()
        .any(|b| matches!(b, b'\r' | 0xC2 | 0xE2 | 0xEF));
    let removes = suspect && text.chars().any(|c| c == '\r' || is_removed(c));
    !removes && normal::is_nfc_quick_yes(text)
}

/// Byte offsets of a canonical text and of the text it was made from, in both
/// directions. Outside the changed stretches the two differ by a constant; a
/// position inside a changed stretch maps to its start (for a span's start) or its
/// end (for a span's end), so a mapped span covers at least what it covered.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// The changed stretches, in text order: a rewritten piece (both sides
    /// non-empty) or removed characters (the canonical side empty).
    pieces: Vec<Piece>,
    original_len: usize,
    canonical_len: usize,
}

/// One changed stretch: `canonical` in the canonical text stands for `original` in
/// the text as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    canonical: ByteSpan,
    original: ByteSpan,
}

/// Which end of a span an offset is: it decides how an offset inside a changed
/// stretch, or at removed characters, is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

impl OffsetMap {
    /// The map of a text that is its own canonical form.
    pub fn identity(len: usize) -> OffsetMap {
        OffsetMap {
            pieces: Vec::new(),
            original_len: len,
            canonical_len: len,
        }
    }

    /// True when every offset maps to itself.
    pub fn is_identity(&self) -> bool {
        self.pieces.is_empty()
    }

    /// `span` of the canonical text as a span of the text as given, on its char
    /// boundaries. Removed characters at either end are left out.
    pub fn to_original(&self, span: ByteSpan) -> ByteSpan {
        let side = |p: &Piece| (p.canonical, p.original);
        let start = self.map(span.start, Edge::Start, side);
        let end = self.map(span.end, Edge::End, side);
        ByteSpan::new(start.min(self.original_len), end.min(self.original_len))
    }

    /// `span` of the text as given as a span of the canonical text (for what the
    /// reader marks on the text as given, such as boilerplate overrides).
    pub fn to_canonical(&self, span: ByteSpan) -> ByteSpan {
        let side = |p: &Piece| (p.original, p.canonical);
        let start = self.map(span.start, Edge::Start, side);
        let end = self.map(span.end, Edge::End, side);
        ByteSpan::new(start.min(self.canonical_len), end.min(self.canonical_len))
    }

    /// Maps `at` from one side of the pieces to the other; `side` gives a piece as
    /// (from, to). Binary search over the pieces: O(log changes).
    fn map(&self, at: usize, edge: Edge, side: impl Fn(&Piece) -> (ByteSpan, ByteSpan)) -> usize {
        // A start at removed characters goes past them, an end stays before them:
        // so a start takes the last piece that starts at or before it, an end the
        // last that starts strictly before it.
        let found = self.pieces.partition_point(|p| match edge {
            Edge::Start => side(p).0.start <= at,
            Edge::End => side(p).0.start < at,
        });
        let Some(piece) = found.checked_sub(1).and_then(|i| self.pieces.get(i)) else {
            return at;
        };
        let (from, to) = side(piece);
        match (at.checked_sub(from.end), edge) {
            (Some(after), _) => to.end + after,
            (None, Edge::Start) => to.start,
            (None, Edge::End) => to.end,
        }
    }
}

/// Builds the canonical text in one pass. NFC is applied to segments that start at
/// a character normalization never changes or joins to what precedes it (a starter
/// whose NFC quick check says yes), so each segment normalizes on its own: this is
/// how the map learns where each rewritten stretch came from.
struct Builder<'t> {
    text: &'t str,
    out: String,
    pieces: Vec<Piece>,
    /// The segment being gathered: its characters (CR already LF) and the bytes of
    /// the given text it spans (removed characters inside it included).
    segment: String,
    segment_span: Option<ByteSpan>,
    /// Removed characters not yet placed in a piece.
    removed: Option<ByteSpan>,
}

impl<'t> Builder<'t> {
    fn new(text: &'t str) -> Builder<'t> {
        Builder {
            text,
            out: String::with_capacity(text.len()),
            pieces: Vec::new(),
            segment: String::new(),
            segment_span: None,
            removed: None,
        }
    }

    fn run(&mut self) {
        let text = self.text;
        let mut at = 0;
        while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
            let span = ByteSpan::new(at, at + c.len_utf8());
            let crlf = c == '\r' && text.as_bytes().get(span.end) == Some(&b'\n');
            if crlf || is_removed(c) {
                self.removed = Some(self.removed.map_or(span, |r| r.cover(span)));
                at = span.end;
            } else if is_segment_start(c) {
                self.flush_segment();
                self.flush_removed();
                at = self.copy_plain_run(at);
            } else {
                // A removed character inside a segment joins it (the segment is
                // rewritten whole), so that `e`, ZWJ, U+0301 still composes.
                if self.segment_span.is_none() {
                    self.flush_removed();
                }
                self.removed = None;
                self.push(c, span);
                at = span.end;
            }
        }
        self.flush_segment();
        self.flush_removed();
    }

    /// Copies the run of plain ASCII (no CR) starting at `at` as it is, but for its
    /// last character, which starts the next segment (a combining mark may follow
    /// it). Returns where the run ends.
    fn copy_plain_run(&mut self, at: usize) -> usize {
        let rest = self.text.as_bytes().get(at..).unwrap_or_default();
        let run = rest
            .iter()
            .take_while(|&&b| b.is_ascii() && b != b'\r')
            .count();
        if run > 1 {
            let copied = ByteSpan::new(at, at + run - 1);
            self.out.push_str(copied.slice(self.text));
        }
        // One character (ASCII or not) opens the new segment.
        let start = if run > 1 { at + run - 1 } else { at };
        let c = self.text.get(start..).and_then(|r| r.chars().next());
        match c {
            Some(c) => {
                let span = ByteSpan::new(start, start + c.len_utf8());
                self.push(if c == '\r' { '\n' } else { c }, span);
                span.end
            }
            None => self.text.len(),
        }
    }

    fn push(&mut self, c: char, span: ByteSpan) {
        self.segment.push(c);
        self.segment_span = Some(self.segment_span.map_or(span, |s| s.cover(span)));
    }

    /// Normalizes the gathered segment into the output, recording a piece when it
    /// differs from the bytes it came from.
    fn flush_segment(&mut self) {
        let Some(original) = self.segment_span.take() else {
            return;
        };
        let start = self.out.len();
        if normal::is_nfc_quick_yes(&self.segment) {
            self.out.push_str(&self.segment);
        } else {
            normal::push_nfc(&mut self.out, &self.segment);
        }
        self.segment.clear();
        let canonical = ByteSpan::new(start, self.out.len());
        if canonical.slice(&self.out) != original.slice(self.text) {
            self.pieces.push(Piece {
                canonical,
                original,
            });
        }
    }

    /// Records the pending removed characters as a piece with nothing canonical.
    fn flush_removed(&mut self) {
        if let Some(original) = self.removed.take() {
            let at = self.out.len();
            self.pieces.push(Piece {
                canonical: ByteSpan::new(at, at),
                original,
            });
        }
    }

    fn finish(self) -> (Cow<'t, str>, OffsetMap) {
        if self.pieces.is_empty() && self.out == self.text {
            return (
                Cow::Borrowed(self.text),
                OffsetMap::identity(self.text.len()),
            );
        }
        let map = OffsetMap {
            pieces: self.pieces,
            original_len: self.text.len(),
            canonical_len: self.out.len(),
        };
        (Cow::Owned(self.out), map)
    }
}

/// Whether NFC leaves a segment boundary before `c`: a starter that never combines
/// with what precedes it and is never rewritten (quick check yes). CR is one (it
/// becomes LF).
fn is_segment_start(c: char) -> bool {
    c.is_ascii() || normal::is_stable_starter(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// The canonical text, checked against the plain definition (remove, then line
    /// ends, then NFC of the whole), and every word of it mapped back.
    fn check(text: &str) -> (String, OffsetMap) {
        let (canon, map) = canonical(text);
        let plain: String = text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|&c| !is_removed(c))
            .nfc()
            .collect();
        assert_eq!(canon, plain, "{text:?}");
        (canon.into_owned(), map)
    }

    fn back<'t>(text: &'t str, map: &OffsetMap, canon: &str, word: &str) -> &'t str {
        let at = canon.find(word).unwrap();
        map.to_original(ByteSpan::new(at, at + word.len()))
            .slice(text)
    }

    #[test]
    fn canonical_text_is_borrowed() {
        for text in ["", "plain", "Zoë Müller, José — “quoted”\n", "中文"] {
            let (canon, map) = canonical(text);
            assert!(matches!(canon, Cow::Borrowed(_)), "{text:?}");
            assert!(map.is_identity());
        }
        for text in ["a\rb", "a\r\nb", "\u{AD}"] {
            assert!(!is_canonical(text), "{text:?}");
        }
    }

    #[test]
    // NFC of every script is the full engine's: the lean one refuses text its small
    // tables lack (src/normal/), such as decomposed accents.
    #[cfg(feature = "normalization")]
    fn nfd_maps_back_to_whole_characters() {
        assert!(!is_canonical("e\u{301}"));
        let text: String = "Zoë met José Müller.".nfd().collect();
        let (canon, map) = check(&text);
        assert_eq!(canon, "Zoë met José Müller.");
        assert_eq!(back(&text, &map, &canon, "José"), "Jose\u{301}");
        assert_eq!(back(&text, &map, &canon, "Müller"), "Mu\u{308}ller");
        assert_eq!(back(&text, &map, &canon, "ë"), "e\u{308}");
    }

    #[test]
    fn line_ends_and_invisible_characters() {
        let text = "\u{FEFF}one\r\ntwo\rthr\u{AD}ee fo\u{200B}ur\u{2060}\r\n";
        let (canon, map) = check(text);
        assert_eq!(canon, "one\ntwo\nthree four\n");
        assert_eq!(back(text, &map, &canon, "one"), "one");
        assert_eq!(back(text, &map, &canon, "three"), "thr\u{AD}ee");
        assert_eq!(back(text, &map, &canon, "four"), "fo\u{200B}ur");
        assert_eq!(back(text, &map, &canon, "two\n"), "two\r");
        assert_eq!(
            back(text, &map, &canon, "four\n"),
            "fo\u{200B}ur\u{2060}\r\n"
        );
    }

    #[test]
    #[cfg(feature = "normalization")] // Decomposed text: see above.
    fn removed_character_between_letter_and_mark_still_composes() {
        let (canon, _) = check("e\u{200D}\u{301}");
        assert_eq!(canon, "é");
    }

    #[test]
    #[cfg(feature = "normalization")] // Decomposed text: see above.
    fn original_spans_map_to_canonical() {
        let text: String = "Le café\r\nouvre".nfd().collect::<String>();
        let (canon, map) = check(&text);
        let line = ByteSpan::new(0, text.find('\r').unwrap());
        assert_eq!(map.to_canonical(line).slice(&canon), "Le café");
        let rest = ByteSpan::new(text.find('o').unwrap(), text.len());
        assert_eq!(map.to_canonical(rest).slice(&canon), "ouvre");
    }

    // proptest needs an OS random source, so property tests run natively only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        #[cfg(feature = "normalization")] // Any script: see above.
        fn maps_any_span_onto_char_boundaries(
            text in "(\\PC|[\r\n\u{AD}\u{200B}-\u{200D}\u{2060}\u{FEFF}\u{300}-\u{36F}eoa])*",
            a in 0usize..200,
            b in 0usize..200,
        ) {
            let (canon, map) = check(&text);
            // Spans lie on the canonical text's char boundaries.
            let bounds: Vec<usize> = canon.char_indices().map(|(i, _)| i).chain([canon.len()]).collect();
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let span = map.to_original(ByteSpan::new(a.min(b), a.max(b)));
            proptest::prop_assert!(span.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(span.start));
            proptest::prop_assert!(text.is_char_boundary(span.end));
            let back = map.to_canonical(span);
            proptest::prop_assert!(canon.is_char_boundary(back.start));
            proptest::prop_assert!(canon.is_char_boundary(back.end));
            // The whole text maps to the whole text.
            let whole = map.to_original(ByteSpan::new(0, canon.len()));
            proptest::prop_assert!(whole.end == text.len() || text[whole.end..].chars().all(|c| is_removed(c) || c == '\r'));
        }
    }
}
