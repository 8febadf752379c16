//! Unicode normalization, in one place: NFC for the canonical form (src/canon.rs),
//! NFKC and NFD for the text engine's terms (src/text/normalize.rs).
//!
//! With the feature `normalization` (every build but the lean engine) it is the
//! crate unicode-normalization, for every script. The lean engine (src/lean.rs, the
//! page's first load) leaves out that crate's tables, 56 kB of its gzipped wasm
//! (the linker's map, `-C link-arg=-Map`): it has instead the small tables of the
//! characters that news in Latin, Greek and Cyrillic script use (letters,
//! punctuation, symbols, emoji; [`tables::COVERED`]). On those, NFC changes nothing
//! (each is a starter that NFC never rewrites nor joins to what precedes it), and
//! NFKC and NFD are one lookup per character. A character outside them is noted as
//! needing the full engine, so the lean engine never answers otherwise than the
//! full one: it refuses, and the page asks the full engine.
//!
//! The tables are generated from unicode-normalization by the test
//! `tables_are_unicode_normalizations` (`PARALLAX_WRITE_TABLES=1 cargo test --lib
//! tables_are` writes them), which also holds them to it character by character.

#[cfg(any(not(feature = "normalization"), test))]
mod small;
#[cfg(any(not(feature = "normalization"), test))]
mod tables;

#[cfg(not(any(feature = "normalization", feature = "lean")))]
compile_error!("a build without the feature `normalization` must be the lean engine (feature `lean`): only it refuses what its small tables lack");

#[cfg(feature = "normalization")]
pub use full::*;
/// (For the tests of src/breaks/, whose tables cover the same characters.)
#[cfg(test)]
pub(crate) use small::covered;
#[cfg(not(feature = "normalization"))]
pub use small::*;

#[cfg(feature = "normalization")]
mod full {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

    /// The characters of `s` in NFKC.
    pub fn nfkc(s: &str) -> impl Iterator<Item = char> + '_ {
        s.nfkc()
    }

    /// True when `s` is NFC by the quick check (false: it may not be).
    pub fn is_nfc_quick_yes(s: &str) -> bool {
        is_nfc_quick(s.chars()) == IsNormalized::Yes
    }

    /// `s` in NFC, appended to `out`.
    pub fn push_nfc(out: &mut String, s: &str) {
        out.extend(s.chars().nfc());
    }

    /// True when NFC never rewrites `c` nor joins it to what precedes it.
    pub fn is_stable_starter(c: char) -> bool {
        canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
    }

    /// `s` decomposed (NFD), without the characters `is_mark` says, recomposed (NFC).
    pub fn without_marks(s: &str, is_mark: impl Fn(char) -> bool) -> String {
        s.nfd().filter(|&c| !is_mark(c)).nfc().collect()
    }
}
