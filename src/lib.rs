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
//! error) and the [`limits`] before any engine reads the input, and gives offsets
//! in UTF-16 code units (PAN's in code points).
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

pub mod align;
mod api;
pub mod candidates;
pub mod canon;
pub mod decode;
mod error;
pub mod html;
pub mod limits;
pub mod news;
mod options;
pub mod pan;
mod parallel;
mod report;
mod script;
pub mod span;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use api::{
    concordance, extract, pan_align, stop_word_list, term_frequencies, tokenize, ConcordanceLine,
    PanPassage, WordReport,
};
pub use decode::{decode, DecodeOptions, Decoded};
pub use error::{Error, ErrorKind, Result};
pub use limits::{
    Limit, MAX_ARTICLES, MAX_ARTICLE_BYTES, MAX_CONCORDANCE_LINES, MAX_HTML_BYTES,
    MAX_LARGE_SET_ARTICLES, MAX_LARGE_SET_TOTAL_BYTES, MAX_TOKEN_BYTES, MAX_TOTAL_BYTES,
};
pub use options::{ConcordanceOptions, TextOptions};
pub use report::{
    align_texts, analyze, analyze_lines, analyze_observed, Article, Containment, DocumentReport,
    GroupMember, GroupReport, Neighbour, Options, PairList, PairReport, PassageReport, Progress,
    Report, ReportLine, Summary,
};
