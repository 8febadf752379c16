//! The engines. The crate reads them as `crate::align`, `crate::text` and so on;
//! outside it they are not the public API (that is what `lib.rs` re-exports) but
//! `parallax::internals::…`, only with the feature `internals`: for the crate's
//! benches, fuzz targets and engine tests (the self dev-dependency in `Cargo.toml`
//! turns it on for them) and the CLI's `pan`, `pan-eval` and `extract-eval` (the
//! feature `cli` turns it on). The wasm build never has it. Nothing here is stable.

#[path = "align/mod.rs"]
pub mod align;
#[path = "candidates.rs"]
pub mod candidates;
#[path = "canon.rs"]
pub mod canon;
#[path = "html/mod.rs"]
pub mod html;
#[path = "news/mod.rs"]
pub mod news;
#[path = "pan/mod.rs"]
pub mod pan;
#[path = "span.rs"]
pub mod span;
#[path = "text/mod.rs"]
pub mod text;

/// The text engine's options as the exports make them from `options` (the
/// language checked; `stop_words` the default for stop words).
pub fn analyzer_options(
    options: &crate::TextOptions,
    stop_words: bool,
) -> crate::Result<text::AnalyzerOptions> {
    options.analyzer(stop_words)
}
