//! Direct quotations, and the same quotation found in several articles.

use super::{Quote, QuoteMatch};

/// Every direct quotation in `text`, in text order, with no speaker yet.
pub fn extract(_text: &str) -> Vec<Quote> {
    Vec::new()
}

/// Quotes said in more than one article: verbatim, trimmed or reworded.
pub fn matches(_texts: &[&str], _quotes: &[Vec<Quote>]) -> Vec<QuoteMatch> {
    Vec::new()
}
