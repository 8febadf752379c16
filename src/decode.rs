//! Reading a file's bytes as text: the one place every door (the CLI, the page,
//! the npm package) turns bytes into an article's text.
//!
//! In order: a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE); bytes with
//! NULs near the start are UTF-16 without a mark when the NULs fall on every
//! other byte, else binary and refused; valid UTF-8 is taken as it is; a web page
//! is read in the charset its `<meta>` declares; anything else in the encoding
//! chardetng (Firefox's detector) guesses, decoded by encoding_rs. Control
//! characters other than tab, line feed, carriage return and form feed are then
//! replaced by a space, and a text still dense with them is refused as binary.
//!
//! The legacy encodings are the feature `encodings` (on by default): chardetng
//! and encoding_rs cost 162 kB of gzipped wasm (555,887 bytes without the feature,
//! 717,559 with it; this module alone adds 3 kB), most of it the CJK decoding
//! tables, which chardetng needs to detect CJK encodings at
//! all (so detecting in wasm and decoding with the browser's `TextDecoder` would
//! save little). Without the feature, byte order marks, UTF-16 and UTF-8 are read
//! as before and anything else as windows-1252, the most common legacy encoding
//! of wire copy and old archives (and Latin-1's superset).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};

/// Git's rule: a NUL in the first 8000 bytes means binary (or UTF-16); a stray NUL
/// deep in a long text (the PAN corpus has one) does not.
const SNIFF_BYTES: usize = 8000;

const UTF_8: &str = "UTF-8";
const UTF_16LE: &str = "UTF-16LE";
const UTF_16BE: &str = "UTF-16BE";

/// What to decode, and how to name it in an error.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DecodeOptions {
    /// The input's name (a file name), said in errors.
    pub name: String,
    /// The bytes are a web page: a charset its `<meta>` declares wins over the
    /// detector's guess.
    pub html: bool,
}

/// Bytes read as text, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decoded {
    /// The text, without its byte order mark.
    pub text: String,
    /// The encoding's WHATWG name (`"UTF-8"`, `"windows-1252"`, `"UTF-16LE"`,
    /// `"Shift_JIS"`…). ISO-8859-1 (Latin-1) is read as windows-1252, its
    /// superset, as browsers do.
    pub encoding: &'static str,
    /// The bytes started with a byte order mark.
    pub bom: bool,
    /// How the encoding was chosen.
    pub source: Source,
    /// Control characters replaced by a space. A space rather than nothing: words
    /// on both sides stay apart, and every character keeps its position (PAN's
    /// offsets count the file's characters).
    pub controls: usize,
}

impl Decoded {
    /// The encoding when it is not UTF-8, to tell the reader (UTF-8 goes unsaid).
    pub fn encoding_if_not_utf8(&self) -> Option<&'static str> {
        (self.encoding != UTF_8).then_some(self.encoding)
    }
}

/// How the encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A byte order mark.
    Bom,
    /// The bytes are valid UTF-8 (or empty).
    Utf8,
    /// The page's `<meta charset>`.
    Declared,
    /// UTF-16 without a mark, told by its NULs on every other byte.
    Nul,
    /// chardetng's guess (without the feature `encodings`: windows-1252, assumed).
    Detected,
}

/// Reads `bytes` as text (see the module's documentation); binary input, and a
/// text over the article limits (size, word length), is refused with an error that
/// names `options.name`.
pub fn decode(bytes: &[u8], options: &DecodeOptions) -> Result<Decoded> {
    let (encoding, text, source) = read(bytes, options)?;
    if looks_binary(&text) {
        return Err(binary(options));
    }
    let (text, controls) = replace_controls(&text);
    // A file over the article limits is refused here, named, rather than added and
    // refused later under an id the reader never typed. A web page is not: the HTML
    // reader cuts it, and its article is checked when it is compared.
    if !options.html {
        crate::limits::check_text(&options.name, &text)?;
    }
    Ok(Decoded {
        text,
        encoding,
        bom: source == Source::Bom,
        source,
        controls,
    })
}

/// The encoding's name, the text, and how the encoding was chosen.
fn read<'b>(
    bytes: &'b [u8],
    options: &DecodeOptions,
) -> Result<(&'static str, Cow<'b, str>, Source)> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok((UTF_8, String::from_utf8_lossy(rest), Source::Bom));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok((UTF_16LE, utf16(rest, false).into(), Source::Bom));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok((UTF_16BE, utf16(rest, true).into(), Source::Bom));
    }
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    if head.contains(&0) {
        return match utf16_by_nuls(head) {
            Some(big_endian) => {
                let name = if big_endian { UTF_16BE } else { UTF_16LE };
                Ok((name, utf16(bytes, big_endian).into(), Source::Nul))
            }
            None => Err(binary(options)),
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((UTF_8, text.into(), Source::Utf8));
    }
    let (name, text, source) = legacy::decode(bytes, options.html);
    Ok((name, text.into(), source))
}

/// UTF-16 code units to text, an unpaired surrogate or odd last byte as U+FFFD
/// (as encoding_rs and browsers do).
fn utf16(bytes: &[u8], big_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|pair| match *pair {
        [a, b] if big_endian => u16::from_be_bytes([a, b]),
        [a, b] => u16::from_le_bytes([a, b]),
        _ => 0xFFFD,
    });
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// UTF-16 without a byte order mark, as Latin-script text shows it: nearly every
/// other byte NUL (the high byte of ASCII letters), the bytes between not. Text in
/// other scripts has no such pattern and is refused as binary rather than guessed.
fn utf16_by_nuls(head: &[u8]) -> Option<bool> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair.first() == Some(&0));
        odd += usize::from(pair.get(1) == Some(&0));
    }
    // At least 70% of one side NUL and at most 5% of the other.
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd) && rarely(even) {
        Some(false)
    } else if mostly(even) && rarely(odd) {
        Some(true)
    } else {
        None
    }
}

/// Bytes that are neither marked, UTF-16 nor UTF-8: chardetng's guess (or the
/// page's declared charset), decoded by encoding_rs.
#[cfg(feature = "encodings")]
mod legacy {
    use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

    use super::Source;

    /// chardetng reads at most this much: the guess is settled long before, and
    /// reading a 30 MB file to the end would cost time for nothing.
    const DETECT_BYTES: usize = 1 << 20;

    pub(super) fn decode(bytes: &[u8], html: bool) -> (&'static str, String, Source) {
        let declared = if html { declared_charset(bytes) } else { None };
        let (encoding, source) = match declared {
            Some(encoding) => (encoding, Source::Declared),
            None => (detect(bytes), Source::Detected),
        };
        let text = encoding.decode_without_bom_handling(bytes).0.into_owned();
        (encoding.name(), text, source)
    }

    /// chardetng's guess over the first megabyte, cut at a line break so that a
    /// multi-byte character is not split (every encoding it guesses keeps ASCII's
    /// line feed).
    fn detect(bytes: &[u8]) -> &'static Encoding {
        let sample = match bytes.get(..DETECT_BYTES) {
            Some(head) => match head.iter().rposition(|&b| b == b'\n') {
                Some(end) => head.get(..=end).unwrap_or(head),
                None => head,
            },
            None => bytes,
        };
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(sample, true);
        // UTF-8 is not allowed: valid UTF-8 never gets here.
        detector.guess(None, false)
    }

    /// The charset named in the first 4 kB of a page (`<meta charset=...>` or
    /// `content="text/html; charset=..."`), when it is one encoding_rs knows and an
    /// ASCII-compatible one: a page whose bytes are not UTF-8 but that declares UTF-8
    /// or UTF-16 (which browsers read as UTF-8) is left to the detector.
    pub(super) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
        let head = String::from_utf8_lossy(bytes.get(..4096).unwrap_or(bytes)).to_ascii_lowercase();
        let at = head.find("charset=")? + "charset=".len();
        let value: String = head
            .get(at..)?
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        Encoding::for_label(value.as_bytes())
            .filter(|&e| e != UTF_8 && e != UTF_16LE && e != UTF_16BE && e.is_ascii_compatible())
    }
}

/// Without the feature `encodings`: windows-1252, what browsers assume for a
/// Western page that does not say, and a superset of Latin-1.
#[cfg(not(feature = "encodings"))]
mod legacy {
    use super::Source;

    pub(super) fn decode(bytes: &[u8], _html: bool) -> (&'static str, String, Source) {
        // The lean engine's full engine has the encodings: it reads this instead.
        crate::lean::need_full_engine();
        ("windows-1252", super::windows_1252(bytes), Source::Detected)
    }
}

/// What windows-1252 puts at 0x80–0x9F; the five bytes it leaves undefined are
/// the C1 controls of the same value, as in the WHATWG index.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// windows-1252 by its table: every byte is one character.
#[cfg_attr(feature = "encodings", allow(dead_code))]
fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH
                .get(usize::from(b - 0x80))
                .copied()
                .unwrap_or(char::REPLACEMENT_CHARACTER),
            _ => char::from(b),
        })
        .collect()
}

/// A character that is not text: C0 controls other than tab, line feed, form feed
/// and carriage return, DEL, and the C1 controls (what windows-1252's five
/// undefined bytes decode to).
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')
}

/// The text with each stray control character replaced by a space, and how many.
fn replace_controls(text: &str) -> (String, usize) {
    let count = text.chars().filter(|&c| is_stray_control(c)).count();
    if count == 0 {
        return (text.to_owned(), 0);
    }
    let clean = text
        .chars()
        .map(|c| if is_stray_control(c) { ' ' } else { c })
        .collect();
    (clean, count)
}

/// Binary read as text: more than one in ten of the first characters are stray
/// control characters or bytes that could not be decoded (U+FFFD). Text has
/// next to none; random bytes read as windows-1252 have about one in eight.
fn looks_binary(text: &str) -> bool {
    let mut chars = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(SNIFF_BYTES) {
        chars += 1;
        bad += usize::from(is_stray_control(c) || c == char::REPLACEMENT_CHARACTER);
    }
    chars >= 16 && bad * 10 > chars
}

fn binary(options: &DecodeOptions) -> Error {
    let name = if options.name.is_empty() {
        "the input"
    } else {
        options.name.as_str()
    };
    Error::new(ErrorKind::Binary {
        name: name.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_pattern_tells_utf16_from_binary() {
        let le: Vec<u8> = "Hello, world"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Hello, world"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf16_by_nuls(&le), Some(false));
        assert_eq!(utf16_by_nuls(&be), Some(true));
        assert_eq!(utf16_by_nuls(&[0, 0, 0, 0, 1, 2, 3, 4]), None);
        assert_eq!(utf16_by_nuls(&[0]), None);
    }

    #[test]
    fn controls_become_spaces() {
        let (text, n) = replace_controls("a\u{0}b\u{1b}c\td\u{85}e\u{c}");
        assert_eq!(text, "a b c\td e\u{c}");
        assert_eq!(n, 3);
    }

    #[cfg(feature = "encodings")]
    #[test]
    fn declared_charset_needs_a_known_ascii_compatible_label() {
        use super::legacy::declared_charset;
        assert_eq!(
            declared_charset(b"<meta charset=\"iso-8859-2\">"),
            Some(encoding_rs::ISO_8859_2)
        );
        assert_eq!(declared_charset(b"<meta charset=utf-16>"), None);
        assert_eq!(declared_charset(b"<meta charset=nonsense>"), None);
    }

    /// The hand-written windows-1252 table (the fallback without the feature
    /// `encodings`) against encoding_rs's, byte by byte.
    #[test]
    fn windows_1252_table_is_encoding_rs_s() {
        let all: Vec<u8> = (0..=255).collect();
        let expected = encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(&all)
            .0;
        assert_eq!(windows_1252(&all), expected);
    }

    #[test]
    fn utf16_decodes_as_encoding_rs_does() {
        let bytes = [
            0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x3D, 0xD8, 0x00, 0xDE, 0x43,
        ];
        for (big_endian, encoding) in [
            (false, encoding_rs::UTF_16LE),
            (true, encoding_rs::UTF_16BE),
        ] {
            let expected = encoding.decode_without_bom_handling(&bytes).0;
            assert_eq!(utf16(&bytes, big_endian), expected);
        }
    }
}
