//! Offsets and their units.
//!
//! Inside the library every offset is a byte offset into a `&str` and lives in a
//! [`ByteSpan`]. Two other units exist at the edges: JavaScript indexes strings in
//! UTF-16 code units (the report), PAN counts Unicode code points (the PAN runner).
//! [`OffsetIndex`] converts byte offsets into either, and is the only place that does.

/// A half-open range `start..end` of byte offsets into one text, both on `char`
/// boundaries of that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ByteSpan {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl ByteSpan {
    /// A span from `start` to `end`; an inverted range is clamped to be empty.
    pub fn new(start: usize, end: usize) -> ByteSpan {
        ByteSpan {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: ByteSpan) -> ByteSpan {
        ByteSpan::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers, or `""` when it does not fit `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A half-open range in some unit other than bytes, as written into a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitSpan {
    /// First unit of the range.
    pub start: usize,
    /// One past the last unit of the range.
    pub end: usize,
}

/// Converts byte offsets of one text into UTF-16 code units or code points.
///
/// Built once per text in O(n); each lookup is a binary search over the positions
/// of non-ASCII characters, so an all-ASCII text costs no memory beyond the struct.
#[derive(Debug, Clone)]
pub struct OffsetIndex {
    /// For every non-ASCII char: its byte offset, and the UTF-16 units and code
    /// points that precede it.
    wide: Vec<WideChar>,
    len_bytes: usize,
}

#[derive(Debug, Clone, Copy)]
struct WideChar {
    byte: usize,
    utf16_before: usize,
    chars_before: usize,
    utf8_len: usize,
    utf16_len: usize,
}

impl OffsetIndex {
    /// Indexes `text`: a scan that stops only at non-ASCII characters (decoding
    /// every char was 4 % of a news-sized article's `tokenize` in wasm), eight
    /// bytes at a time.
    pub fn new(text: &str) -> OffsetIndex {
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        // Bytes of the wide chars so far beyond their UTF-16 units and their count.
        let (mut extra_units, mut extra_chars) = (0usize, 0usize);
        let mut at = 0;
        while let Some(byte) = next_wide(bytes, at) {
            // `text` is a `str`: `byte` starts a char, its first byte gives its length.
            let utf8_len = match bytes[byte] {
                0..0xE0 => 2,
                0xE0..0xF0 => 3,
                _ => 4,
            };
            let utf16_len = if utf8_len == 4 { 2 } else { 1 };
            wide.push(WideChar {
                byte,
                utf16_before: byte - extra_units,
                chars_before: byte - extra_chars,
                utf8_len,
                utf16_len,
            });
            extra_units += utf8_len - utf16_len;
            extra_chars += utf8_len - 1;
            at = byte + utf8_len;
        }
        OffsetIndex {
            wide,
            len_bytes: text.len(),
        }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text's length).
    pub fn utf16(&self, byte: usize) -> usize {
        self.convert(byte, |w| (w.utf16_before, w.utf16_len))
    }

    /// The code-point offset of byte offset `byte` (clamped to the text's length).
    pub fn chars(&self, byte: usize) -> usize {
        self.convert(byte, |w| (w.chars_before, 1))
    }

    /// `span` in UTF-16 code units.
    pub fn utf16_span(&self, span: ByteSpan) -> UnitSpan {
        UnitSpan {
            start: self.utf16(span.start),
            end: self.utf16(span.end),
        }
    }

    /// `span` in code points.
    pub fn char_span(&self, span: ByteSpan) -> UnitSpan {
        UnitSpan {
            start: self.chars(span.start),
            end: self.chars(span.end),
        }
    }

    /// The byte offset of UTF-16 offset `unit`, clamped to the text and moved back
    /// to the start of the char it falls inside (the inverse of [`Self::utf16`]).
    pub fn byte_of_utf16(&self, unit: usize) -> usize {
        // The last wide char that starts at or before `unit`: after it, ASCII only.
        let i = self.wide.partition_point(|w| w.utf16_before <= unit);
        let byte = match i.checked_sub(1).map(|i| &self.wide[i]) {
            None => unit,
            Some(w) if unit < w.utf16_before + w.utf16_len => w.byte,
            Some(w) => w.byte + w.utf8_len + (unit - w.utf16_before - w.utf16_len),
        };
        byte.min(self.len_bytes)
    }

    /// A span in UTF-16 code units as bytes (the inverse of [`Self::utf16_span`]).
    pub fn byte_span(&self, span: UnitSpan) -> ByteSpan {
        ByteSpan::new(self.byte_of_utf16(span.start), self.byte_of_utf16(span.end))
    }

    /// Length of the text in UTF-16 code units.
    pub fn len_utf16(&self) -> usize {
        self.utf16(self.len_bytes)
    }

    /// A converter for offsets that come mostly in increasing order (a text's
    /// tokens): each lookup starts where the last one ended instead of a binary
    /// search over the whole text.
    pub fn utf16_cursor(&self) -> Utf16Cursor<'_> {
        Utf16Cursor {
            index: self,
            wide_before: 0,
            stretch: (1, 0),
            shift: 0,
        }
    }

    fn convert(&self, byte: usize, unit: impl Fn(&WideChar) -> (usize, usize)) -> usize {
        let byte = byte.min(self.len_bytes);
        self.convert_after(self.wide.partition_point(|w| w.byte < byte), byte, unit)
    }

    /// `byte` (within the text) converted, `i` the number of wide chars that
    /// start before it.
    fn convert_after(
        &self,
        i: usize,
        byte: usize,
        unit: impl Fn(&WideChar) -> (usize, usize),
    ) -> usize {
        // The last wide char that starts before `byte`: everything after it is ASCII,
        // one byte per unit.
        match i.checked_sub(1).map(|i| &self.wide[i]) {
            None => byte,
            Some(w) => {
                let (before, len) = unit(w);
                let after = w.byte + w.utf8_len;
                if byte >= after {
                    before + len + (byte - after)
                } else {
                    // Inside a char: round down to its start.
                    before
                }
            }
        }
    }
}

/// Where the first byte at or after `from` outside ASCII is.
fn next_wide(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(eight) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let high = u64::from_le_bytes(*eight) & 0x8080_8080_8080_8080;
        if high != 0 {
            return Some(at + high.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let tail = bytes.get(at..).unwrap_or_default();
    tail.iter().position(|b| !b.is_ascii()).map(|k| at + k)
}

/// [`OffsetIndex::utf16_span`] for spans in (mostly) increasing order; see
/// [`OffsetIndex::utf16_cursor`].
#[derive(Debug, Clone)]
pub struct Utf16Cursor<'a> {
    index: &'a OffsetIndex,
    /// The number of wide chars that start before the last offset converted.
    wide_before: usize,
    /// The run of ASCII the last offset converted fell in, its first and last
    /// byte offsets: each offset in it is `shift` more than its UTF-16 offset.
    /// A text's tokens come in runs between its wide chars, so most lookups end
    /// at one comparison.
    stretch: (usize, usize),
    shift: usize,
}

impl Utf16Cursor<'_> {
    /// `span` in UTF-16 code units, as [`OffsetIndex::utf16_span`] gives it.
    #[inline]
    pub fn utf16_span(&mut self, span: ByteSpan) -> UnitSpan {
        UnitSpan {
            start: self.utf16(span.start),
            end: self.utf16(span.end),
        }
    }

    #[inline]
    fn utf16(&mut self, byte: usize) -> usize {
        let (first, last) = self.stretch;
        if (first..=last).contains(&byte) {
            return byte - self.shift;
        }
        self.utf16_moved(byte)
    }

    /// [`Self::utf16`] outside the last stretch: the wide chars walked to
    /// `byte`, and the stretch it falls in kept.
    #[inline(never)]
    fn utf16_moved(&mut self, byte: usize) -> usize {
        let wide = &self.index.wide;
        let byte = byte.min(self.index.len_bytes);
        while self.wide_before < wide.len() && wide[self.wide_before].byte < byte {
            self.wide_before += 1;
        }
        while self.wide_before > 0 && wide[self.wide_before - 1].byte >= byte {
            self.wide_before -= 1;
        }
        let units = self
            .index
            .convert_after(self.wide_before, byte, |w| (w.utf16_before, w.utf16_len));
        // From the end of the wide char before `byte` to the start of the one
        // at or after it (whose UTF-16 offset counts the same units before it).
        let first = match self.wide_before.checked_sub(1) {
            None => 0,
            Some(i) => wide[i].byte + wide[i].utf8_len,
        };
        if byte >= first {
            let last = wide
                .get(self.wide_before)
                .map_or(self.index.len_bytes, |w| w.byte);
            self.stretch = (first, last);
            self.shift = byte - units;
        }
        units
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_utf16(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn converts_mixed_scripts() {
        let text = "a€b😀c中";
        let idx = OffsetIndex::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.utf16(byte), naive_utf16(text, byte), "byte {byte}");
            assert_eq!(idx.chars(byte), text[..byte].chars().count(), "byte {byte}");
        }
        assert_eq!(idx.len_utf16(), 7);
    }

    #[test]
    fn ascii_is_identity() {
        let idx = OffsetIndex::new("hello");
        assert_eq!(idx.utf16(3), 3);
        assert_eq!(idx.chars(99), 5);
    }

    #[test]
    fn inverted_span_is_empty() {
        assert!(ByteSpan::new(5, 2).is_empty());
    }

    // proptest needs an OS random source, so property tests run natively only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn matches_naive(text in "\\PC{0,40}") {
            let idx = OffsetIndex::new(&text);
            for (byte, _) in text.char_indices() {
                proptest::prop_assert_eq!(idx.utf16(byte), naive_utf16(&text, byte));
                proptest::prop_assert_eq!(idx.byte_of_utf16(idx.utf16(byte)), byte);
            }
        }

        #[test]
        fn the_cursor_converts_as_the_index(
            text in "\\PC{0,40}",
            spans in proptest::collection::vec((0usize..200, 0usize..200), 0..20),
        ) {
            let idx = OffsetIndex::new(&text);
            let mut cursor = idx.utf16_cursor();
            // In any order, inside chars and past the end too.
            for (start, end) in spans {
                let span = ByteSpan::new(start, end);
                proptest::prop_assert_eq!(cursor.utf16_span(span), idx.utf16_span(span));
            }
        }
    }
}
