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

use std::borrow::Cow;

use crate::align::groups::PairPassages;
use crate::align::scores::Overlap;
use crate::align::Doc;
use crate::span::ByteSpan;

/// What the news engine reads: each article in canonical form (`crate::canon`) and
/// as the two engines read it (boilerplate masked, same byte offsets), and what the
/// overlap engine found.
pub struct Input<'a> {
    /// The articles' ids.
    pub ids: &'a [&'a str],
    /// The articles' texts in canonical form (NFC, LF line ends, no invisible
    /// characters): every span the stages return is into these.
    pub texts: &'a [&'a str],
    /// The texts as the engines read them: boilerplate turned into spaces when it
    /// is left out, else the texts as given.
    pub read: &'a [&'a str],
    /// Each article read for alignment (from `read`).
    pub docs: &'a [Doc],
    /// The passages of every aligned pair.
    pub aligned: &'a [PairPassages],
    /// Shingle containment of every aligned pair, in the order of `aligned`.
    pub overlaps: &'a [Overlap],
    /// Each article's boilerplate lines (decided before the engines ran).
    pub boilerplate: &'a [Vec<Boilerplate>],
    /// Whether the engines left the boilerplate out (`read` is without it).
    pub boilerplate_excluded: bool,
}

/// The news engine's answers, per article in input order where per article.
pub struct Answers {
    /// Each article's quotes, with speakers.
    pub quotes: Vec<Vec<Quote>>,
    /// Quotes said in several articles.
    pub quote_matches: Vec<QuoteMatch>,
    /// Each article's meta data.
    pub meta: Vec<Meta>,
    /// Each article's sentences no other has.
    pub unique: Vec<Vec<ByteSpan>>,
    /// Each article's facts only it states or others state differently.
    pub facts: Vec<Vec<Fact>>,
    /// The likely relation of each related pair.
    pub relations: Vec<Relation>,
}

/// `text` with its boilerplate's characters turned into spaces (line ends kept), so
/// that the engines skip it while every byte offset stays valid in the original.
pub fn without_boilerplate<'t>(text: &'t str, lines: &[Boilerplate]) -> Cow<'t, str> {
    if lines.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for line in lines {
        let span = line.span.start.min(text.len())..line.span.end.min(text.len());
        for b in bytes.get_mut(span).unwrap_or_default() {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Spans lie on char boundaries, and whole chars became ASCII spaces.
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
}

/// One article's direct quotations, with speakers.
pub fn quotes_of(text: &str) -> Vec<Quote> {
    let mut quotes = quotes::extract(text);
    speakers::attribute(text, &mut quotes);
    quotes
}

/// Runs every stage after boilerplate, in the order they depend on each other.
pub fn answers(input: &Input) -> Answers {
    answers_observed(input, |_| {})
}

/// [`answers`], calling `done(stage)` as each stage ends (the benchmark times them).
pub fn answers_observed(input: &Input, mut done: impl FnMut(&'static str)) -> Answers {
    let from_texts = text_answers(input.texts, input.read, input.boilerplate, true, &mut done);
    pair_answers(input, from_texts, None, done)
}

/// What the news engine reads in the texts alone, before any pair is aligned.
#[derive(Clone)]
pub struct TextAnswers {
    /// Each article's quotes, with speakers.
    pub quotes: Vec<Vec<Quote>>,
    /// Quotes said in several articles.
    pub quote_matches: Vec<QuoteMatch>,
    /// Each article's meta data.
    pub meta: Vec<Meta>,
    /// Each article's facts only it states or others state differently.
    pub facts: Vec<Vec<Fact>>,
    /// Whether the news answers were computed: false, only `meta` was (the
    /// report's option `comparison_only`), and the other lists are empty.
    pub news: bool,
}

impl TextAnswers {
    /// Only the meta data kept (an analysis without the news, given answers
    /// computed with them): one empty list per article for the others.
    pub fn leave_news_out(&mut self) {
        let n = self.meta.len();
        self.quotes = vec![Vec::new(); n];
        self.quote_matches = Vec::new();
        self.facts = vec![Vec::new(); n];
        self.news = false;
    }
}

/// The stages that read only the texts (`read`: without their boilerplate, same
/// byte offsets), calling `done(stage)` as each ends. An analysis runs them before
/// it reads the texts for alignment: what they hold for a while (every article's
/// stated facts and capitalised words) is then free again for the readings.
pub fn text_answers(
    texts: &[&str],
    read: &[&str],
    boilerplate: &[Vec<Boilerplate>],
    news: bool,
    mut done: impl FnMut(&'static str),
) -> TextAnswers {
    // Per-article stages run on every core (`crate::parallel`); the rest read
    // across articles.
    let ids: Vec<usize> = (0..texts.len()).collect();
    // The meta data names each article (its title): needed with or without the news.
    let meta: Vec<Meta> = crate::parallel::map(&ids, |&i| {
        meta::read(texts[i], boilerplate.get(i).map_or(&[], Vec::as_slice))
    });
    done("meta");
    if !news {
        let mut answers = TextAnswers {
            quotes: Vec::new(),
            quote_matches: Vec::new(),
            meta,
            facts: Vec::new(),
            news,
        };
        answers.leave_news_out();
        return answers;
    }
    let quotes: Vec<Vec<Quote>> = crate::parallel::map(texts, |text| quotes_of(text));
    done("quotes and speakers");
    let quote_matches = quotes::matches(texts, &quotes);
    done("quote matches");
    let facts = facts::compare(read);
    done("facts");
    TextAnswers {
        quotes,
        quote_matches,
        meta,
        facts,
        news,
    }
}

/// The stages that read the aligned pairs, after [`text_answers`], and every answer.
/// `known`: what a session keeps of the same texts between calls (see [`unique::Known`]).
pub fn pair_answers(
    input: &Input,
    from_texts: TextAnswers,
    known: Option<&mut unique::Known>,
    mut done: impl FnMut(&'static str),
) -> Answers {
    let TextAnswers {
        quotes,
        quote_matches,
        meta,
        facts,
        news,
    } = from_texts;
    if !news {
        return Answers {
            quotes,
            quote_matches,
            meta,
            unique: vec![Vec::new(); input.docs.len()],
            facts,
            relations: Vec::new(),
        };
    }
    let unique = match known {
        Some(known) => unique::sentences_known(input.docs, input.aligned, known),
        None => unique::sentences(input.docs, input.aligned),
    };
    done("unique");
    let relations = relations::infer(&relations::Evidence {
        ids: input.ids,
        texts: input.texts,
        aligned: input.aligned,
        overlaps: input.overlaps,
        // Kept boilerplate is story to the relation too, as it is to the engines.
        boilerplate: match input.boilerplate_excluded {
            true => input.boilerplate,
            false => &[],
        },
        meta: &meta,
        quotes: &quotes,
        quote_matches: &quote_matches,
    });
    done("relations");
    Answers {
        quotes,
        quote_matches,
        meta,
        unique,
        facts,
        relations,
    }
}

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

/// The longest word [`with_lower`] lowers on the stack.
const SHORT_WORD: usize = 32;

/// Calls `f` with `word` in lower case (as `str::to_lowercase` writes it). The
/// stages ask this of nearly every word of a text; a short ASCII word is lowered
/// on the stack rather than copied to the heap.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() && word.len() <= SHORT_WORD {
        let mut buf = [0u8; SHORT_WORD];
        if let Some(out) = buf.get_mut(..word.len()) {
            out.copy_from_slice(word.as_bytes());
            out.make_ascii_lowercase();
            if let Ok(lower) = std::str::from_utf8(out) {
                return f(lower);
            }
        }
    }
    f(&word.to_lowercase())
}
