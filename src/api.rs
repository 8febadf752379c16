//! The library's doors besides `analyze`: the same checks on the way in (options
//! through `check`, sizes through `limits`) and the same conversion on the way out
//! (byte offsets to UTF-16 code units), so the wasm bindings and the CLI only
//! translate values.

use std::borrow::Cow;

use serde::Serialize;

use crate::error::Result;
use crate::limits;
use crate::options::{checked_language, ConcordanceOptions, TextOptions};
use crate::report::{parts, TermCount};
use crate::span::{OffsetIndex, UnitSpan};
use crate::text;
use crate::text::kwic;
use crate::text::walk::Term;
use crate::Article;

/// One word of a text, in UTF-16 code units (what `String.prototype.slice` takes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordReport<'t> {
    /// The normalized term the word counts as.
    pub term: Cow<'t, str>,
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// The words of `text` under `options`, every word kept unless stop words are
/// asked to be dropped (the `tokenize` export).
pub fn tokenize<'t>(text: &'t str, options: &TextOptions) -> Result<Vec<WordReport<'t>>> {
    let mut words = Vec::new();
    tokenize_with(text, options, |term, span| {
        words.push(WordReport {
            term: term.into_cow(),
            start: span.start,
            end: span.end,
        })
    })?;
    Ok(words)
}

/// [`tokenize`] handed to `word` one word at a time, its span in UTF-16 code
/// units: the wasm export packs the words for JavaScript as they come.
pub(crate) fn tokenize_with<'t>(
    text: &'t str,
    options: &TextOptions,
    mut word: impl FnMut(Term<'t, '_>, UnitSpan),
) -> Result<()> {
    let analyzer_options = options.analyzer(false)?;
    limits::check_text("text", text)?;
    let index = OffsetIndex::new(text);
    let mut offsets = index.utf16_cursor();
    text::Analyzer::for_terms(&analyzer_options, text)
        .for_each_token(text, |span, term| word(term, offsets.utf16_span(span)));
    Ok(())
}

/// The content terms of `text` and their counts, most frequent first, stop words
/// dropped unless asked to keep them (the `termFrequencies` export).
pub fn term_frequencies(text: &str, options: &TextOptions) -> Result<Vec<TermCount>> {
    term_frequencies_with(text, options, |terms| parts::all(text::stats::owned(terms)))
}

/// [`term_frequencies`] handed to `out` as terms borrowed from the count, most
/// frequent first: the wasm export copies them into one string for JavaScript
/// without a `String` per term first.
pub(crate) fn term_frequencies_with<R>(
    text: &str,
    options: &TextOptions,
    out: impl FnOnce(&[(&str, usize)]) -> R,
) -> Result<R> {
    let analyzer_options = options.analyzer(true)?;
    limits::check_text("text", text)?;
    let analyzer = text::Analyzer::for_terms(&analyzer_options, text);
    Ok(text::stats::term_frequencies_with(text, &analyzer, out))
}

/// One occurrence found by [`concordance`], in UTF-16 code units of its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConcordanceLine<'a> {
    /// The article's id.
    pub id: &'a str,
    /// First code unit of the occurrence.
    pub start: usize,
    /// One past its last code unit.
    pub end: usize,
    /// Context before it (from the start of its line).
    pub left: &'a str,
    /// The occurrence as written.
    #[serde(rename = "match")]
    pub matched: &'a str,
    /// Context after it (to the end of its line).
    pub right: &'a str,
}

/// Every occurrence of `term` (a word or phrase) in `articles`, with its context:
/// at most [`crate::MAX_CONCORDANCE_LINES`] lines, or an error that says so.
pub fn concordance<'a>(
    articles: &'a [Article],
    term: &str,
    options: &ConcordanceOptions,
) -> Result<Vec<ConcordanceLine<'a>>> {
    let analyzer = options.analyzer()?;
    limits::check_texts(articles.iter().map(|a| (a.id.as_str(), a.text.as_str())))?;
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    // One line past the limit is enough to know it is over.
    let max = limits::MAX_CONCORDANCE_LINES + 1;
    let lines = kwic::concordance(&texts, term, &analyzer, options.context(), max);
    limits::check_lines(term, lines.len())?;
    let indexes: Vec<OffsetIndex> = texts.iter().map(|t| OffsetIndex::new(t)).collect();
    Ok(lines
        .iter()
        .filter_map(|l| {
            let (article, index) = (articles.get(l.article)?, indexes.get(l.article)?);
            let u = index.utf16_span(l.span);
            Some(ConcordanceLine {
                id: &article.id,
                start: u.start,
                end: u.end,
                left: l.left,
                matched: l.matched,
                right: l.right,
            })
        })
        .collect())
}

/// What the HTML reader takes from a page (the `extract` export): `null` where
/// the page says nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageReport {
    /// The article's headline.
    pub title: Option<String>,
    /// Who wrote it, as the page says.
    pub byline: Option<String>,
    /// The article's text: paragraphs separated by blank lines.
    pub text: String,
}

/// Reads the article out of a web page (at most [`crate::MAX_HTML_BYTES`] of
/// it). Never fails: any input gives some result.
pub fn extract(html: &str) -> PageReport {
    let page = crate::html::extract(html);
    PageReport {
        title: page.title,
        byline: page.byline,
        text: page.text,
    }
}

/// A passage found by [`pan_align`], in code points (PAN's unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PanPassage {
    /// Where it starts in the suspicious text.
    pub this_offset: usize,
    /// Its length there.
    pub this_length: usize,
    /// Where it starts in the source.
    pub source_offset: usize,
    /// Its length there.
    pub source_length: usize,
}

/// PAN text alignment of one pair: the passages of `source` reused in `susp`,
/// with the settings tuned on the PAN 2013 training corpus.
pub fn pan_align(susp: &str, source: &str) -> Result<Vec<PanPassage>> {
    limits::check_texts([("susp", susp), ("source", source)].into_iter())?;
    Ok(crate::pan::detect_texts(susp, source)
        .into_iter()
        .map(|d| PanPassage {
            this_offset: d.this_offset,
            this_length: d.this_length,
            source_offset: d.source_offset,
            source_length: d.source_length,
        })
        .collect())
}

/// The built-in stop words of `language` (ISO 639-1), normalized as terms are;
/// empty for a language the engine knows but has no list for, an error for a
/// code it does not know.
pub fn stop_word_list(language: &str) -> Result<Vec<String>> {
    // A code the engine knows without a list of its own has no stop words; "auto"
    // names no language, so none either.
    Ok(checked_language(Some(language))?
        .map(text::stopwords::terms)
        .unwrap_or_default())
}
