//! Parallax compares news articles about one story: which passages they share,
//! how much of each is found in the others, and which words each one leans on.
//!
//! The library is plain Rust. The WebAssembly bindings live in one module
//! (`wasm`, compiled only for `wasm32`), and the `parallax` binary (feature
//! `cli`) is glue over the same functions.
//!
//! The exports are the functions re-exported here: [`analyze`], [`align_texts`],
//! [`tokenize`], [`term_frequencies`], [`concordance`], [`extract`], [`pan_align`]
//! and [`stop_word_list`]. Each checks its options (an unknown language is an
//! error) and the limits ([`MAX_ARTICLE_BYTES`] and the others, each named in its
//! error) before any engine reads the input, and gives offsets in UTF-16 code
//! units (PAN's in code points). The types they return are the report's: plain
//! values that serialize to the JSON every door gives (camelCase).
//!
//! ```
//! use parallax::{analyze, Article, Options};
//!
//! let story = "The two leaders met on Monday and failed to agree on a truce in Syria.";
//! let articles = vec![
//!     Article::new("wire", story),
//!     Article::new("copy", format!("Breaking. {story}")),
//! ];
//! let report = analyze(&articles, &Options::default()).unwrap();
//! assert_eq!(report.pairs.len(), 1);
//! assert_eq!(report.pairs[0].containment.a_in_b, 1.0);
//! ```
#![deny(missing_docs)]

mod api;
mod breaks;
mod decode;
pub mod distributed;
mod error;
#[cfg(test)]
mod generated;

/// The five seed articles whole (the page's copy, `www/seeds/`), for the
/// crate's own tests: long runs of real prose the short cases do not make.
#[cfg(test)]
fn seed_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/seeds");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("the seed articles")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    texts.sort();
    assert_eq!(texts.len(), 5, "the five seeds in {dir}");
    texts
}
// The lean engine's notes and lists: only the wasm bindings read the notes, and
// each list only a build without its feature, so every build leaves some unread.
#[allow(dead_code)]
mod lean;
mod limits;
mod normal;
mod options;
mod parallel;
mod report;
mod script;

// The engines are the crate's own (`crate::align` and the others): the public API
// is what is re-exported below, and the report's types (serde, camelCase) are the
// one boundary. Benches, fuzz targets, engine tests and the CLI's PAN and
// reader-benchmark commands reach them through `internals`, public only with the
// feature `internals` (never in the wasm build). What only those callers use is
// dead code without it, and allowed to be.
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod internals;
#[cfg(not(feature = "internals"))]
#[allow(dead_code, unused_imports)]
mod internals;
use internals::{align, candidates, canon, html, news, pan, span, text};
mod session;
mod sort;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use api::{
    concordance, extract, pan_align, stop_word_list, term_frequencies, tokenize, ConcordanceLine,
    PageReport, PanPassage, WordReport,
};
pub use decode::{decode, DecodeOptions, Decoded, Source as EncodingSource};
pub use error::{Error, ErrorKind, Result};
pub use limits::{
    Limit, MAX_ARTICLES, MAX_ARTICLE_BYTES, MAX_CONCORDANCE_LINES, MAX_HTML_BYTES,
    MAX_LARGE_SET_ARTICLES, MAX_LARGE_SET_TOTAL_BYTES, MAX_TOKEN_BYTES, MAX_TOTAL_BYTES,
};
pub use options::{ConcordanceOptions, TextOptions};
pub use report::split::AlignedPairs;
pub use report::{
    align_texts, analyze, analyze_lines, analyze_observed, Article, BoilerplateOverride,
    BoilerplateReport, Containment, DocumentReport, DocumentTerms, FactOther, FactReport,
    GroupMember, GroupReport, Keyness, MetaReport, Name, Neighbour, Options, PairList, PairReport,
    PassageReport, Progress, QuoteMatchReport, QuoteMember, QuoteReport, RelationReport, Report,
    ReportLine, Span, SpeakerReport, Summary, TermCount, TermScore,
};
pub use session::Session;
