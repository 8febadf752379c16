//! The news engine: what a journalist asks of articles about one story, answered
//! from the text alone.
//!
//! One stage per file, each reading what the text and overlap engines already
//! computed (the article's `align::Doc`, the aligned passages) rather than
//! tokenizing again:
//!
//! - `boilerplate`: site furniture (notices, navigation, credits, captions). Runs
//!   first, so that the pair scores and term statistics can leave it out.
//! - `quotes`: direct quotations, including interrupted and multi-paragraph ones,
//!   and their matches across articles.
//! - `speakers`: who said each quote (names, pronouns and descriptions resolved).
//! - `meta`: title, byline, dateline and outlet as the text states them.
//! - `unique`: sentences with no counterpart in any other article.
//! - `facts`: numbers, names, places and dates, and where sources differ.
//! - `relations`: who copied whom, with the evidence.
//!
//! Every offset here is bytes (`ByteSpan`); `report.rs` converts to UTF-16.

pub mod boilerplate;
pub mod facts;
pub mod meta;
pub mod quotes;
pub mod relations;
pub mod speakers;
pub mod unique;

use crate::span::ByteSpan;

/// A direct quotation in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// From the opening mark to the closing mark, attribution included when it
    /// interrupts the quote (`"We will try," he said, "but not..."`).
    pub span: ByteSpan,
    /// The quoted words only, one span per piece, without marks or attribution.
    pub parts: Vec<ByteSpan>,
    /// Who said it, when the text says so.
    pub speaker: Option<Speaker>,
}

/// Who said a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// The person the attribution resolves to (`Barack Obama` for `he said`).
    pub name: String,
    /// The words the attribution rests on (the `he` in `he said`).
    pub span: ByteSpan,
}

/// A line of site furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Boilerplate {
    /// The whole line.
    pub span: ByteSpan,
    /// What kind of furniture it is.
    pub kind: BoilerplateKind,
}

/// Kinds of boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoilerplateKind {
    /// Archive notices, browser warnings, cookie and subscription prompts.
    Notice,
    /// Navigation leftovers, share buttons, section labels.
    Navigation,
    /// Database export headers and separators (`ABSTRACT.`, `FULL TEXT.`).
    Header,
    /// Bylines and credits.
    Byline,
    /// A photo caption (with its credit).
    Caption,
}

impl BoilerplateKind {
    /// The name used in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            BoilerplateKind::Notice => "notice",
            BoilerplateKind::Navigation => "navigation",
            BoilerplateKind::Header => "header",
            BoilerplateKind::Byline => "byline",
            BoilerplateKind::Caption => "caption",
        }
    }
}

/// What an article's text states about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// Its headline.
    pub title: Option<String>,
    /// Who wrote it.
    pub byline: Option<String>,
    /// Where (and when) it was filed, as the dateline says (`HANGZHOU, China`).
    pub dateline: Option<String>,
    /// The outlet, where the text names it (`CNN`, `AP`).
    pub outlet: Option<String>,
}

/// A fact one article states: a number, a name, a place or a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// Where it is stated.
    pub span: ByteSpan,
    /// What kind of fact.
    pub kind: FactKind,
    /// Its normalized value (`90 minutes` for `ninety minutes`).
    pub value: String,
    /// How the other articles stand to it.
    pub status: FactStatus,
}

/// Kinds of fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    /// A quantity (`290,000 killed`, `ninety minutes`).
    Number,
    /// A person or organisation.
    Name,
    /// A place.
    Place,
    /// A date or a day.
    Date,
}

impl FactKind {
    /// The name used in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Number => "number",
            FactKind::Name => "name",
            FactKind::Place => "place",
            FactKind::Date => "date",
        }
    }
}

/// How the other articles stand to a fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactStatus {
    /// No other article states it.
    Only,
    /// Other articles state the same thing differently: (article index, their value).
    Differs(Vec<(usize, String)>),
}

/// A quote said in several articles: each member is (article index, quote index).
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMatch {
    /// (article index, index into that article's quotes), in article order.
    pub members: Vec<(usize, usize)>,
    /// How alike the wordings are, from 0 to 1 (1: verbatim).
    pub score: f64,
}

/// The likely relation between two articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// The source (article index); for `CommonSource`, the first of the two.
    pub from: usize,
    /// The derived article; for `CommonSource`, the second of the two.
    pub to: usize,
    /// What the relation is.
    pub kind: RelationKind,
    /// Share of the derived article drawn from the source (0 to 1).
    pub share: f64,
    /// The evidence, each item a sentence a reader can check.
    pub evidence: Vec<String>,
}

/// Kinds of relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelationKind {
    /// The derived article is wholly drawn from the source.
    Copy,
    /// The derived article draws part of its text from the source.
    Partial,
    /// Both draw on a common source, named where the text names it.
    CommonSource(Option<String>),
}

impl RelationKind {
    /// The name used in the report.
    pub fn as_str(&self) -> &'static str {
        match self {
            RelationKind::Copy => "copy",
            RelationKind::Partial => "partial",
            RelationKind::CommonSource(_) => "common-source",
        }
    }
}
