//! Stage 4: from a segment's surface form to the term it counts as.
//!
//! NFKC, case folding (lower case, `ß`→`ss`, Greek final sigma by position), one form for
//! typographic and straight quotes, apostrophes and dashes (`Obama’s` = `Obama's`),
//! invisible characters removed (soft hyphen, zero-width space, word joiner, BOM,
//! Arabic tatweel, emoji variation selectors), and on request no accents.
//!
//! Fast path: an ASCII word without capitals is its own term and is borrowed; an
//! ASCII word with capitals is lower-cased without going through NFKC.

use std::borrow::Cow;

use crate::normal;

use super::segment::Kind;

/// The term `surface` (a segment of `kind`) counts as.
pub fn term(surface: &str, kind: Kind, fold_accents: bool) -> Cow<'_, str> {
    if surface.is_ascii() {
        return if surface.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(surface.to_ascii_lowercase())
        } else {
            Cow::Borrowed(surface)
        };
    }
    let mut out = String::with_capacity(surface.len());
    for c in normal::nfkc(surface) {
        match fold_char(c, kind) {
            Fold::Drop => {}
            Fold::To(c) => out.push(c),
            Fold::Lower(c) => out.extend(c.to_lowercase()),
            Fold::Str(s) => out.push_str(s),
        }
    }
    if out.contains(['σ', 'ς']) {
        out = final_sigma(&out);
    }
    if fold_accents {
        // Decompose so that accents become separate marks, drop the marks, recompose.
        out = normal::without_marks(&out, is_accent);
    }
    Cow::Owned(out)
}

/// Greek sigma as written: `ς` at the end of a word, `σ` elsewhere, whichever the
/// text had (and whatever case it was in), so `ΟΔΟΣ` and `οδος` are one term.
fn final_sigma(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    let mut chars = term.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'σ' || c == 'ς' {
            let at_end = !chars.peek().is_some_and(|n| n.is_alphabetic());
            out.push(if at_end && !out.is_empty() {
                'ς'
            } else {
                'σ'
            });
        } else {
            out.push(c);
        }
    }
    out
}

enum Fold {
    Drop,
    To(char),
    Lower(char),
    Str(&'static str),
}

fn fold_char(c: char, kind: Kind) -> Fold {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{FF07}' => {
            Fold::To('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => Fold::To('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Fold::To('-'),
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{0640}' => Fold::Drop,
        // Inside an emoji sequence the joiner and the variation selector make the
        // picture; in a word they are invisible.
        '\u{200D}' if kind != Kind::Emoji => Fold::Drop,
        '\u{FE0E}' | '\u{FE0F}' => Fold::Drop,
        'ß' | 'ẞ' => Fold::Str("ss"),
        c => Fold::Lower(c),
    }
}

/// Diacritics of Latin, Greek and Cyrillic, and Arabic and Hebrew vowel points:
/// marks whose removal keeps the word readable. Vowel signs of Indic scripts are
/// letters of their own and stay.
fn is_accent(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x0591..=0x05C7 | 0x064B..=0x065F | 0x0670)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cow<'_, str> {
        term(s, Kind::Word, false)
    }

    #[test]
    fn folds_case_and_apostrophes() {
        assert_eq!(t("Obama’s"), "obama's");
        assert_eq!(t("obama's"), "obama's");
        assert_eq!(t("STRASSE"), t("Straße"));
        assert_eq!(t("ΟΔΟΣ"), "οδος");
        assert_eq!(t("Σοφία"), "σοφία");
    }

    #[test]
    fn ascii_lowercase_is_borrowed() {
        assert!(matches!(t("dont't"), Cow::Borrowed(_)));
        assert!(matches!(t("290,000"), Cow::Borrowed(_)));
        assert!(matches!(t("Syria"), Cow::Owned(_)));
    }

    #[test]
    // The ligature and Arabic are the full engine's (src/normal/).
    #[cfg(feature = "normalization")]
    fn drops_invisibles_and_folds_dashes() {
        assert_eq!(t("co\u{ad}operate"), "cooperate");
        assert_eq!(t("al‐Assad"), "al-assad");
        assert_eq!(t("ﬁnal"), "final");
        assert_eq!(t("كتـــاب"), "كتاب");
    }

    #[test]
    fn folds_accents_on_request() {
        assert_eq!(term("Café", Kind::Word, true), "cafe");
        assert_eq!(t("Café"), "café");
        assert_eq!(term("नमस्ते", Kind::Word, true), "नमस्ते");
    }

    #[test]
    fn emoji_keep_their_joiners() {
        assert_eq!(term("❤️", Kind::Emoji, false), "❤");
        assert_eq!(term("👨‍👩‍👧", Kind::Emoji, false), "👨‍👩‍👧");
    }
}
