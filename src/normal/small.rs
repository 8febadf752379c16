//! The lean engine's normalization: the tables of `tables.rs`, and every other
//! character noted as needing the full engine (see the module above).
//!
//! Why a lookup per character is exact on covered text: each covered character is a
//! starter (combining class 0) whose NFC quick check says yes, so a covered text is
//! NFC already and nothing joins across two of its characters; NFKC of such a text
//! is then each character's NFKC in turn, and NFD each character's NFD.

use super::tables::{COVERED, NFD, NFKC};

/// True when the tables cover `c`.
pub(crate) fn covered(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    let at = COVERED.partition_point(|&(_, last)| last < c);
    COVERED.get(at).is_some_and(|&(first, _)| first <= c)
}

/// `c`, noting that the answer needs the full engine when the tables lack it.
fn checked(c: char) -> char {
    if !covered(c) {
        crate::lean::need_full_engine();
    }
    c
}

/// What `table` maps `c` to, or `c` itself.
fn mapped(table: &'static [(char, &'static str)], c: char) -> Mapped {
    match table.binary_search_by_key(&c, |&(from, _)| from) {
        Ok(at) => Mapped::Many(table[at].1.chars()),
        Err(_) => Mapped::One(Some(c)),
    }
}

/// One character's normal form: itself, or the characters of a table's string.
enum Mapped {
    One(Option<char>),
    Many(std::str::Chars<'static>),
}

impl Iterator for Mapped {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            Mapped::One(c) => c.take(),
            Mapped::Many(chars) => chars.next(),
        }
    }
}

/// The characters of `s` in NFKC.
pub fn nfkc(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(|c| mapped(NFKC, checked(c)))
}

/// True when `s` is NFC by the quick check: always, on covered text.
pub fn is_nfc_quick_yes(s: &str) -> bool {
    s.chars().for_each(|c| {
        checked(c);
    });
    true
}

/// `s` in NFC, appended to `out`: `s` itself, on covered text.
pub fn push_nfc(out: &mut String, s: &str) {
    s.chars().for_each(|c| out.push(checked(c)));
}

/// True when NFC never rewrites `c` nor joins it to what precedes it: every
/// covered character.
pub fn is_stable_starter(c: char) -> bool {
    checked(c);
    true
}

/// `s` decomposed (NFD), without the characters `is_mark` says, recomposed (NFC).
/// What is kept must be covered, so that it is NFC as it is: a mark that stays
/// (which `is_mark` keeps) is not, and needs the full engine.
pub fn without_marks(s: &str, is_mark: impl Fn(char) -> bool) -> String {
    s.chars()
        .flat_map(|c| mapped(NFD, checked(c)))
        .filter(|&c| !is_mark(c))
        .map(checked)
        .collect()
}

#[cfg(test)]
mod tests {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

    use super::*;

    /// The ranges the tables cover, less what NFC rewrites or joins: Latin, IPA and
    /// spacing modifiers, Greek, Cyrillic, Latin and Greek extended, punctuation,
    /// super- and subscripts, currency, letterlike and number forms, arrows, maths,
    /// technical, enclosed, box and block, shapes, symbols and dingbats, variation
    /// selectors, specials, emoji and their tags.
    const CANDIDATES: &[(char, char)] = &[
        ('\u{80}', '\u{4FF}'),
        ('\u{1E00}', '\u{1FFF}'),
        ('\u{2000}', '\u{2BFF}'),
        ('\u{FE00}', '\u{FE0F}'),
        ('\u{FEFF}', '\u{FEFF}'),
        ('\u{FFF9}', '\u{FFFD}'),
        ('\u{1F000}', '\u{1FAFF}'),
        ('\u{E0000}', '\u{E007F}'),
    ];

    /// Characters and what a normal form makes of them.
    type Mappings = Vec<(char, String)>;

    /// What unicode-normalization says: `c` is a starter NFC never rewrites nor
    /// joins to what precedes it.
    fn stable(c: char) -> bool {
        canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
    }

    /// What the tables must be: every candidate that is a starter NFC keeps as it
    /// is; NFKC and NFD where they change it.
    fn expected() -> (Vec<(char, char)>, Mappings, Mappings) {
        let chars: Vec<char> = CANDIDATES
            .iter()
            .flat_map(|&(first, last)| first..=last)
            .filter(|&c| stable(c))
            .collect();
        let mut ranges: Vec<(char, char)> = Vec::new();
        for &c in &chars {
            match ranges.last_mut() {
                Some((_, last)) if char::from_u32(*last as u32 + 1) == Some(c) => *last = c,
                _ => ranges.push((c, c)),
            }
        }
        let changed = |f: &dyn Fn(char) -> String| {
            chars
                .iter()
                .map(|&c| (c, f(c)))
                .filter(|(c, s)| *s != c.to_string())
                .collect::<Vec<_>>()
        };
        let nfkc = changed(&|c| std::iter::once(c).nfkc().collect());
        let nfd = changed(&|c| std::iter::once(c).nfd().collect());
        (ranges, nfkc, nfd)
    }

    /// tables.rs as it must be.
    fn source() -> String {
        let (ranges, nfkc, nfd) = expected();
        let pairs = |table: &[(char, String)]| {
            table
                .iter()
                .map(|(c, s)| format!("    ({c:?}, {s:?}),\n"))
                .collect::<String>()
        };
        let ranges: String = ranges
            .iter()
            .map(|(a, b)| format!("    ({a:?}, {b:?}),\n"))
            .collect();
        format!(
            "//! Generated from unicode-normalization by the test\n\
             //! `tables_are_unicode_normalizations` in small.rs: do not edit.\n\n\
             /// The covered characters (ASCII aside), as inclusive ranges in order.\n\
             pub static COVERED: &[(char, char)] = &[\n{ranges}];\n\n\
             /// NFKC of each covered character it changes, in order.\n\
             pub static NFKC: &[(char, &str)] = &[\n{}];\n\n\
             /// NFD of each covered character it changes, in order.\n\
             pub static NFD: &[(char, &str)] = &[\n{}];\n",
            pairs(&nfkc),
            pairs(&nfd)
        )
    }

    /// Each mapping starts with a starter that NFC never joins to what precedes it,
    /// so no character's normal form reorders or joins with the one before it: the
    /// normal form of a covered text is its characters' normal forms in turn.
    #[test]
    fn mappings_start_with_a_stable_starter() {
        for (c, s) in NFKC.iter().chain(NFD) {
            let first = s.chars().next().unwrap();
            assert!(stable(first), "{c:?} -> {s:?}");
        }
    }

    /// Every covered character alone answers as unicode-normalization does.
    #[test]
    fn every_covered_character_normalizes_as_unicode_normalization() {
        let is_mark = |c: char| ('\u{300}'..='\u{36F}').contains(&c);
        for c in COVERED.iter().flat_map(|&(first, last)| first..=last) {
            let text = c.to_string();
            assert!(stable(c) && is_stable_starter(c) && is_nfc_quick_yes(&text));
            let mut nfc = String::new();
            push_nfc(&mut nfc, &text);
            assert_eq!(nfc, text.nfc().collect::<String>(), "{c:?}");
            assert_eq!(
                nfkc(&text).collect::<String>(),
                text.nfkc().collect::<String>(),
                "{c:?}"
            );
            let unmarked: String = text.nfd().filter(|&c| !is_mark(c)).nfc().collect();
            assert_eq!(without_marks(&text, is_mark), unmarked, "{c:?}");
        }
    }

    /// Characters to make texts of: every mapped one, ASCII, and a sample of each
    /// covered range.
    #[cfg(not(target_arch = "wasm32"))]
    fn pool() -> Vec<char> {
        let sampled = COVERED
            .iter()
            .flat_map(|&(first, last)| (first..=last).step_by(17).chain([first, last]));
        NFKC.iter()
            .chain(NFD)
            .map(|&(c, _)| c)
            .chain(sampled)
            .chain("aZ09 .,'-".chars())
            .collect()
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// On covered text, every function answers as unicode-normalization does.
        #[test]
        fn covered_text_normalizes_as_unicode_normalization(
            chars in proptest::collection::vec(proptest::sample::select(pool()), 0..12)
        ) {
            let text: String = chars.into_iter().collect();
            let is_mark = |c: char| ('\u{300}'..='\u{36F}').contains(&c);
            proptest::prop_assert_eq!(nfkc(&text).collect::<String>(), text.nfkc().collect::<String>());
            proptest::prop_assert_eq!(
                without_marks(&text, is_mark),
                text.nfd().filter(|&c| !is_mark(c)).nfc().collect::<String>()
            );
            proptest::prop_assert!(is_nfc_quick(text.chars()) == IsNormalized::Yes);
            let mut nfc = String::new();
            push_nfc(&mut nfc, &text);
            proptest::prop_assert_eq!(nfc, text.nfc().collect::<String>());
        }
    }

    /// The lean engine notes what its tables lack, and only that.
    #[cfg(feature = "lean")]
    #[test]
    fn notes_what_the_tables_lack() {
        crate::lean::full_engine_needed();
        let covered = "Zoë’s café — “naïve” résumé, Ελλάδα, Москва, 3½ km², ™ 👍🏽";
        assert_eq!(nfkc(covered).count(), covered.nfkc().count());
        assert!(!crate::lean::full_engine_needed());
        for other in ["東京", "e\u{301}", "서울", "ﬁ"] {
            let _ = nfkc(other).count();
            assert!(crate::lean::full_engine_needed(), "{other}");
        }
        let _ = without_marks("façade", |c| c == '\u{301}');
        assert!(
            crate::lean::full_engine_needed(),
            "a cedilla kept needs composing"
        );
    }

    /// The committed tables are what unicode-normalization says (and are written
    /// anew with `PARALLAX_WRITE_TABLES=1`).
    #[test]
    fn tables_are_unicode_normalizations() {
        crate::generated::assert_committed(
            "src/normal/tables.rs",
            &source(),
            "unicode-normalization",
        );
    }
}
