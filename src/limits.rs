//! The limits every export applies on the way in, in one place.
//!
//! The wasm bindings, the CLI and the library's own entry points (`analyze`,
//! `align_texts`, `tokenize`, `term_frequencies`, `concordance`) call these
//! checks before any engine reads the input, so a too-large input is refused the
//! same way, with the same message, whichever door it came through. The README's
//! table of limits lists the same names and values.

use crate::error::{Error, ErrorKind, Result};

/// Bytes in a mebibyte: the one unit sizes are stated in.
const MIB: usize = 1024 * 1024;

/// The largest article accepted, in bytes of UTF-8 (32 MiB).
pub const MAX_ARTICLE_BYTES: usize = 32 * MIB;
/// The most articles compared at once. Above `allPairsUpTo` articles only the
/// candidate index's pairs are aligned, so time no longer grows with the square of
/// the count; what remains per article (its report entry, its row of pair scores)
/// is what this bounds, with the total size limit bounding memory.
pub const MAX_ARTICLES: usize = 10_000;
/// The most bytes of UTF-8 over all articles of one call (64 MiB).
pub const MAX_TOTAL_BYTES: usize = 64 * MIB;
/// The most articles of one large-set call (the CLI's `compare --jsonl`, through
/// `report::analyze_lines`, native only): its report is written a line at a time,
/// so what is held is each article's compact form (see README, "Large sets").
pub const MAX_LARGE_SET_ARTICLES: usize = 250_000;
/// The most bytes of UTF-8 over all articles of one large-set call (1 GiB).
pub const MAX_LARGE_SET_TOTAL_BYTES: usize = 1024 * MIB;
/// The longest word accepted, in bytes of UTF-8 (64 KiB): a longer run without a
/// break is an encoded blob (base64, a data URL), not prose, and every stage that
/// copies a term would copy it whole.
pub const MAX_TOKEN_BYTES: usize = 64 * 1024;
/// The most lines one concordance returns (each carries its context strings).
pub const MAX_CONCORDANCE_LINES: usize = 10_000;

/// The most bytes of a web page the HTML reader reads (16 MiB). Unlike the
/// others this one refuses nothing: the rest of a longer page is not read (its
/// article text is near the start, and reading time stays bounded).
pub const MAX_HTML_BYTES: usize = 16 * MIB;

/// One of the limits, for errors to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// [`MAX_ARTICLE_BYTES`].
    ArticleBytes,
    /// [`MAX_ARTICLES`].
    Articles,
    /// [`MAX_TOTAL_BYTES`].
    TotalBytes,
    /// [`MAX_TOKEN_BYTES`].
    TokenBytes,
    /// [`MAX_CONCORDANCE_LINES`].
    ConcordanceLines,
    /// [`MAX_LARGE_SET_ARTICLES`].
    LargeSetArticles,
    /// [`MAX_LARGE_SET_TOTAL_BYTES`].
    LargeSetTotalBytes,
}

impl Limit {
    /// Every limit, in the README's order.
    pub const ALL: [Limit; 7] = [
        Limit::ArticleBytes,
        Limit::Articles,
        Limit::TotalBytes,
        Limit::TokenBytes,
        Limit::ConcordanceLines,
        Limit::LargeSetArticles,
        Limit::LargeSetTotalBytes,
    ];

    /// The largest value accepted.
    pub fn max(self) -> usize {
        match self {
            Limit::ArticleBytes => MAX_ARTICLE_BYTES,
            Limit::Articles => MAX_ARTICLES,
            Limit::TotalBytes => MAX_TOTAL_BYTES,
            Limit::TokenBytes => MAX_TOKEN_BYTES,
            Limit::ConcordanceLines => MAX_CONCORDANCE_LINES,
            Limit::LargeSetArticles => MAX_LARGE_SET_ARTICLES,
            Limit::LargeSetTotalBytes => MAX_LARGE_SET_TOTAL_BYTES,
        }
    }

    /// Its name, as the README's table and the error messages give it.
    pub fn name(self) -> &'static str {
        match self {
            Limit::ArticleBytes => "article size",
            Limit::Articles => "article count",
            Limit::TotalBytes => "total size",
            Limit::TokenBytes => "word length",
            Limit::ConcordanceLines => "concordance lines",
            Limit::LargeSetArticles => "article count (large set)",
            Limit::LargeSetTotalBytes => "total size (large set)",
        }
    }

    /// `value` in this limit's one unit: MiB for sizes of whole texts, bytes for a
    /// word, a count for the rest.
    pub fn format(self, value: usize) -> String {
        match self {
            Limit::ArticleBytes | Limit::TotalBytes | Limit::LargeSetTotalBytes
                if value % MIB == 0 =>
            {
                format!("{} MiB", value / MIB)
            }
            // The bytes too, so that one byte over does not read as the limit itself.
            Limit::ArticleBytes | Limit::TotalBytes | Limit::LargeSetTotalBytes => {
                format!("{:.2} MiB ({value} bytes)", value as f64 / MIB as f64)
            }
            Limit::TokenBytes => format!("{value} bytes"),
            Limit::Articles | Limit::LargeSetArticles => format!("{value} articles"),
            Limit::ConcordanceLines => format!("{value} lines"),
        }
    }
}

/// The error for `size` over `limit`, for the input `id` when one is named.
pub(crate) fn too_large(limit: Limit, id: Option<&str>, size: usize) -> Error {
    Error::new(ErrorKind::TooLarge {
        limit,
        id: id.map(String::from),
        size,
    })
}

/// Refuses `size` when it is over `limit`.
fn at_most(limit: Limit, id: Option<&str>, size: usize) -> Result<()> {
    match size > limit.max() {
        true => Err(too_large(limit, id, size)),
        false => Ok(()),
    }
}

/// Checks a set of texts (an `analyze` call, a concordance) before any engine
/// reads them: their count, each one's size and longest word, and their total.
/// Sizes are checked first, so the word scan never runs on an oversized text.
pub(crate) fn check_texts<'a>(
    texts: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> Result<()> {
    check_texts_within(texts, Limit::Articles, Limit::TotalBytes)
}

/// [`check_texts`] with the given limits on the count and the total size (a
/// large set's, or one call's).
pub(crate) fn check_texts_within<'a>(
    texts: impl Iterator<Item = (&'a str, &'a str)> + Clone,
    count: Limit,
    total: Limit,
) -> Result<()> {
    at_most(count, None, texts.clone().count())?;
    for (id, text) in texts.clone() {
        at_most(Limit::ArticleBytes, Some(id), text.len())?;
    }
    at_most(total, None, texts.clone().map(|(_, t)| t.len()).sum())?;
    // A word is never longer than its text: only texts longer than the limit are
    // read for their longest word (a news article never is, and the pass was 4 %
    // of `termFrequencies` on one in wasm).
    for (id, text) in texts.filter(|(_, t)| t.len() > MAX_TOKEN_BYTES) {
        if let Some(size) = word_over_limit(text) {
            return Err(too_large(Limit::TokenBytes, Some(id), size));
        }
    }
    Ok(())
}

/// Checks one text given on its own (`tokenize`, `termFrequencies`, each side of
/// `alignTexts`), named `id` in the message.
pub(crate) fn check_text(id: &str, text: &str) -> Result<()> {
    check_texts(std::iter::once((id, text)))
}

/// Refuses a concordance of more than [`MAX_CONCORDANCE_LINES`] lines for `term`.
pub(crate) fn check_lines(term: &str, lines: usize) -> Result<()> {
    at_most(Limit::ConcordanceLines, Some(term), lines)
}

/// The length in bytes of the longest word of `text` when it is over
/// [`MAX_TOKEN_BYTES`]. A word never spans whitespace, so only a run between
/// ASCII whitespace longer than the limit is read further: split at whitespace
/// of any kind, and a run of a script written without spaces measured by its
/// real words. The runs are found by a byte scan: splitting the whole text at
/// `char::is_whitespace` decoded every character, 9 % of `tokenize` on a 5 MB
/// text in wasm.
fn word_over_limit(text: &str) -> Option<usize> {
    let mut start = 0;
    for run in text.as_bytes().split(u8::is_ascii_whitespace) {
        let end = start + run.len();
        if run.len() > MAX_TOKEN_BYTES {
            // ASCII whitespace is a whole character: the run is a slice of the text.
            let longest = longest_word(&text[start..end]);
            if longest > MAX_TOKEN_BYTES {
                return Some(longest);
            }
        }
        start = end + 1;
    }
    None
}

/// The length in bytes of the longest word of `text`.
fn longest_word(text: &str) -> usize {
    text.split(char::is_whitespace)
        .map(|run| match run.len() > MAX_TOKEN_BYTES {
            true => crate::text::segments(run)
                .map(|s| s.span.len())
                .max()
                .unwrap_or(0),
            false => run.len(),
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_limit_formats_in_one_unit() {
        assert_eq!(Limit::ArticleBytes.format(MAX_ARTICLE_BYTES), "32 MiB");
        assert_eq!(
            Limit::TotalBytes.format(MIB + MIB / 2),
            "1.50 MiB (1572864 bytes)"
        );
        assert_eq!(Limit::TokenBytes.format(7), "7 bytes");
    }

    #[test]
    fn longest_word_splits_at_whitespace_of_any_kind() {
        assert_eq!(longest_word("ab\u{3000}abcd\nabc"), 4);
        assert_eq!(longest_word(""), 0);
    }

    #[test]
    fn a_long_run_of_chinese_is_measured_by_its_words() {
        let run = "北京会谈".repeat(MAX_TOKEN_BYTES / 6);
        assert!(run.len() > MAX_TOKEN_BYTES);
        assert!(longest_word(&run) < 16, "{}", longest_word(&run));
        let blob = "QUJD".repeat(MAX_TOKEN_BYTES / 4 + 1);
        assert_eq!(longest_word(&format!("x {blob} y")), blob.len());
    }

    #[test]
    fn only_a_word_over_the_limit_is_reported() {
        let blob = "QUJD".repeat(MAX_TOKEN_BYTES / 4 + 1);
        assert_eq!(word_over_limit(&format!("x\n{blob} y")), Some(blob.len()));
        assert_eq!(
            word_over_limit(&format!("é {blob}\u{3000}y")),
            Some(blob.len())
        );
        // Over the limit between ASCII whitespace, not between whitespace of any kind.
        let words = format!("{}\u{3000}{}", &blob[4..], &blob[4..]);
        assert_eq!(word_over_limit(&words), None);
        let chinese = "北京会谈".repeat(MAX_TOKEN_BYTES / 6);
        assert_eq!(word_over_limit(&chinese), None);
        assert_eq!(word_over_limit(""), None);
    }
}
