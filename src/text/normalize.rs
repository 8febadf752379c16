//! Stage 2: from a word's surface form to the term it counts as.
//!
//! NFKC, lower case, one form for typographic and straight apostrophes, and
//! optionally no accents. ASCII words that are already lower case are borrowed.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use super::TokenizeOptions;

/// The term `surface` counts as.
pub fn term<'t>(surface: &'t str, options: &TokenizeOptions) -> Cow<'t, str> {
    if surface
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return Cow::Borrowed(surface);
    }
    let mut out = String::with_capacity(surface.len());
    for c in surface.nfkc() {
        out.extend(fold_punctuation(c).to_lowercase());
    }
    if options.fold_accents {
        // Decompose so that accents become separate marks, then drop the marks.
        out = out.nfd().filter(|c| !is_combining_mark(*c)).collect();
    }
    Cow::Owned(out)
}

/// Typographic apostrophes and quotes count as the straight ones.
fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => '-',
        c => c,
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_apostrophes() {
        let o = TokenizeOptions::default();
        assert_eq!(term("Obama’s", &o), "obama's");
        assert_eq!(term("obama's", &o), "obama's");
    }

    #[test]
    fn folds_accents_on_request() {
        let o = TokenizeOptions { fold_accents: true };
        assert_eq!(term("Café", &o), "cafe");
        assert_eq!(term("Café", &TokenizeOptions::default()), "café");
    }
}
