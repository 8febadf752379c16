//! Unicode text boundaries (UAX #29), in one place: word boundaries for the text
//! engine's segments (src/text/segment.rs), sentences for readability
//! (src/text/stats.rs) and grapheme clusters for the scripts written without
//! spaces (src/text/cjk.rs).
//!
//! With the feature `segmentation` (every build but the lean engine) it is the
//! crate unicode-segmentation, for every script. The lean engine (src/lean.rs, the
//! page's first load) leaves out that crate's tables and code, 33 kB of its gzipped
//! wasm (a build without them, `tools/size.mjs`): like src/normal/, it has instead
//! small tables of the word and sentence break properties of the characters the
//! normalization tables cover (Latin, Greek and Cyrillic letters, punctuation,
//! symbols, emoji) and the rules of UAX #29 over them. Any other character is noted
//! as needing the full engine, so the lean engine never answers otherwise than the
//! full one. Grapheme clusters are only asked of scripts without spaces (Thai,
//! Chinese, Japanese…), none of them covered: the lean engine notes them all.
//!
//! The tables are generated from unicode-segmentation's own (private) tables by the
//! test `tables_are_unicode_segmentations` (`PARALLAX_WRITE_TABLES=1 cargo test
//! --lib tables_are` writes them), and the rules are held to the crate's answers
//! on every covered character and on random covered texts.

#[cfg(any(not(feature = "segmentation"), test))]
mod small;
#[cfg(any(not(feature = "segmentation"), test))]
mod tables;

#[cfg(not(any(feature = "segmentation", feature = "lean")))]
compile_error!("a build without the feature `segmentation` must be the lean engine (feature `lean`): only it refuses what its small tables lack");

#[cfg(feature = "segmentation")]
pub use full::*;
#[cfg(not(feature = "segmentation"))]
pub use small::*;

#[cfg(feature = "segmentation")]
mod full {
    use unicode_segmentation::UnicodeSegmentation;

    /// The pieces of `s` between word boundaries, with their byte offsets.
    pub fn word_bound_indices(s: &str) -> impl Iterator<Item = (usize, &str)> {
        s.split_word_bound_indices()
    }

    /// The sentences of `s`.
    pub fn sentences(s: &str) -> impl Iterator<Item = &str> {
        s.split_sentence_bounds()
    }

    /// The extended grapheme clusters of `s`, with their byte offsets.
    pub fn grapheme_indices(s: &str) -> impl Iterator<Item = (usize, &str)> {
        s.grapheme_indices(true)
    }
}
