//! The report: everything Parallax says about a set of articles, in one value.
//!
//! Every text is put in canonical form first (`crate::canon`: NFC, LF line ends,
//! no soft hyphens or zero-width characters), and everything reads that. This is
//! where its byte offsets go back to the text as given and become UTF-16 code units
//! ([`Offsets`]), so that JavaScript's `text.slice(start, end)` returns each passage.
//! Both doors (the wasm `analyze` and the CLI's `compare --json`) serialize this
//! same value.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::sort;
use serde::{Deserialize, Serialize};

pub(crate) mod parts;
pub(crate) mod split;

pub use parts::{DocumentTerms, Keyness, Name, Span, Summary, TermCount, TermScore};

use crate::align::{self, groups, scores, AlignOptions, Doc, Word};
use crate::candidates::{self, CandidateOptions};
use crate::canon::{self, OffsetMap};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::Limit;
use crate::news::{self, Boilerplate};
use crate::options::TextOptions;
use crate::parallel;
use crate::session::{
    ArticleCache, BoilerplateCache, BoilerplateKey, Cache, CandidatesCache, CandidatesKey,
    PairCache, PairEntry, PairKey, TermsCache, TermsKey, TextsCache, TextsKey,
};
use crate::span::{ByteSpan, OffsetIndex, UnitSpan};
use crate::text::corpus;
use crate::text::AnalyzerOptions;

/// One article to compare.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// A unique id (the CLI uses the file name without extension).
    pub id: String,
    /// Its headline, when known; otherwise the report uses the first line.
    #[serde(default)]
    pub title: Option<String>,
    /// The article's text.
    pub text: String,
    /// The encoding its file was read in (WHATWG name, from [`crate::decode()`]);
    /// reported when it is not UTF-8.
    #[serde(default)]
    pub encoding: Option<String>,
    /// The reader's own verdicts on lines, overriding boilerplate detection either
    /// way (UTF-16 code units of `text`).
    #[serde(default, rename = "boilerplateOverrides")]
    pub boilerplate_overrides: Vec<BoilerplateOverride>,
}

impl Article {
    /// An article with an id and a text, and nothing else said about it.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }
}

/// A reader's verdict on a stretch of an article: boilerplate or story.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoilerplateOverride {
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
    /// `true`: treat it as boilerplate; `false`: treat it as story.
    pub boilerplate: bool,
}

/// How to analyze.
///
/// (No `deny_unknown_fields`: serde cannot combine it with `flatten`. Unknown keys
/// are refused all the same: by `TextOptions`, which receives every key not named
/// here, and by the bindings, which compare them with the serialized default.)
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    /// How many top terms to list per article.
    pub top_terms: usize,
    /// Words per shingle for containment and Jaccard, and the shortest exact match.
    pub shingle: usize,
    /// The fewest words a shared passage has.
    pub min_passage_words: usize,
    /// The lowest similarity a shared passage has, from 0 (paraphrases too) to 1
    /// (word-for-word copies only).
    pub min_passage_score: f64,
    /// Leave boilerplate lines (site furniture) out of the overlap scores, the
    /// passages and the term statistics.
    pub exclude_boilerplate: bool,
    /// Up to this many articles every pair is aligned; above, only the pairs the
    /// candidate index proposes (those sharing rare word pairs), since aligning all
    /// of them grows with the square of the article count.
    pub all_pairs_up_to: usize,
    /// Which aligned pairs `pairs` lists: `auto` (every pair up to `all_pairs_up_to`
    /// articles, above it only related pairs), `all` or `related` (see [`PairList`]).
    pub list_pairs: PairList,
    /// Compute the comparison only: the pairs (scores, passages), groups,
    /// neighbours, each article's shared share, title, meta data and boilerplate.
    /// What reads each article in depth is left empty (the report's
    /// `comparison_only` says so): the term statistics (language, word counts,
    /// terms, phrases, names, shared terms) and the news answers (quotes, quote
    /// matches, facts, unique sentences, relations). Half the work at 1,000
    /// articles: a page shows the comparison first and asks again for the rest,
    /// which a session then computes alone. An article without words is not
    /// refused here (the term statistics count the words).
    pub comparison_only: bool,
    /// Language, stop words, stemming and accents for the term statistics.
    #[serde(flatten)]
    pub text: TextOptions,
}

impl Default for Options {
    fn default() -> Options {
        let align = AlignOptions::default();
        Options {
            top_terms: 20,
            shingle: align.shingle,
            min_passage_words: align.min_passage_words,
            min_passage_score: align.min_score,
            exclude_boilerplate: true,
            all_pairs_up_to: 50,
            list_pairs: PairList::Auto,
            comparison_only: false,
            text: TextOptions::default(),
        }
    }
}

impl Options {
    /// Refuses values the library cannot use, with the option's name: every
    /// export runs it (the CLI too, before it reads any file).
    pub fn check(&self) -> Result<()> {
        let invalid = |name: &str, reason: &str| {
            Err(Error::new(ErrorKind::InvalidOption {
                name: name.into(),
                reason: reason.into(),
            }))
        };
        if !(1..=32).contains(&self.shingle) {
            return invalid("shingle", "must be between 1 and 32 words");
        }
        if self.min_passage_words > 10_000 {
            return invalid("minPassageWords", "must be at most 10000 words");
        }
        if !(0.0..=1.0).contains(&self.min_passage_score) {
            return invalid("minPassageScore", "must be between 0 and 1");
        }
        if self.top_terms > 10_000 {
            return invalid("topTerms", "must be at most 10000 terms");
        }
        crate::options::check_text_options(&self.text)?;
        Ok(())
    }

    /// The term statistics leave stop words out unless told otherwise.
    pub(crate) fn text(&self) -> Result<AnalyzerOptions> {
        self.text.analyzer(true)
    }

    /// The candidate index's settings above `all_pairs_up_to` articles.
    pub(crate) fn candidates(&self) -> CandidateOptions {
        // A passage republished by many outlets is what a reader most wants found: a
        // word pair is followed while it is in at most `all_pairs_up_to` articles
        // (counting its pairs costs no more than aligning them all would at that size).
        let default = CandidateOptions::default();
        CandidateOptions {
            max_docs: default.max_docs.max(self.all_pairs_up_to),
            ..default
        }
    }

    pub(crate) fn align(&self) -> AlignOptions {
        AlignOptions {
            shingle: self.shingle,
            min_passage_words: self.min_passage_words.max(self.shingle),
            min_score: self.min_passage_score,
            ..AlignOptions::default()
        }
    }
}

/// Everything Parallax says about a set of articles.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// One entry per article, in the order given.
    pub documents: Vec<DocumentReport>,
    /// One entry per unordered pair of articles (`a` before `b` in input order);
    /// above `all_pairs_up_to` articles, per pair the candidate index proposes.
    pub pairs: Vec<PairReport>,
    /// Terms every article uses, most frequent (over all articles) first.
    pub shared_terms: Vec<TermCount>,
    /// Passages shared by three or more articles (overlap engine).
    pub groups: Vec<GroupReport>,
    /// Whether boilerplate was left out of the pair scores, passages and term
    /// statistics (the `excludeBoilerplate` option).
    pub boilerplate_excluded: bool,
    /// Quotes said in more than one article.
    pub quote_matches: Vec<QuoteMatchReport>,
    /// The likely relation of each related pair (independent pairs have none).
    pub relations: Vec<RelationReport>,
    /// Whether only the comparison was computed (the option `comparison_only`):
    /// then each article's term statistics (`language` null, `tokens` and
    /// `stats` zero, empty lists), `quotes`, `facts` and `unique`, and
    /// `shared_terms`, `quote_matches` and `relations`, are empty because they
    /// were not asked for.
    pub comparison_only: bool,
}

/// What an article's text states about itself (`null` where it says nothing).
#[derive(Debug, Clone, Serialize)]
pub struct MetaReport {
    /// Its headline.
    pub title: Option<String>,
    /// Who wrote it.
    pub byline: Option<String>,
    /// Where it was filed.
    pub dateline: Option<String>,
    /// The outlet, where named.
    pub outlet: Option<String>,
}

/// A direct quotation, in UTF-16 code units.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteReport {
    /// From the opening to the closing mark (an interrupting attribution included).
    pub start: usize,
    /// One past the closing mark.
    pub end: usize,
    /// The quoted words only, one span per piece.
    pub parts: Vec<Span>,
    /// Who said it, where the text says so.
    pub speaker: Option<SpeakerReport>,
}

/// Who said a quote.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerReport {
    /// The person the attribution resolves to.
    pub name: String,
    /// Start of the words the attribution rests on (the `he` in `he said`).
    pub start: usize,
    /// One past their end.
    pub end: usize,
}

/// A boilerplate line, in UTF-16 code units.
#[derive(Debug, Clone, Serialize)]
pub struct BoilerplateReport {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// `notice`, `navigation`, `header`, `byline` or `caption`.
    pub kind: &'static str,
}

/// A fact only this article states, or that others state differently.
#[derive(Debug, Clone, Serialize)]
pub struct FactReport {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// `number`, `name`, `place` or `date`.
    pub kind: &'static str,
    /// The normalized value.
    pub value: String,
    /// `only` (no other article states it) or `differs`.
    pub status: &'static str,
    /// For `differs`: what the others state instead.
    pub others: Vec<FactOther>,
}

/// What another article states instead.
#[derive(Debug, Clone, Serialize)]
pub struct FactOther {
    /// The other article's id.
    pub id: String,
    /// Its value.
    pub value: String,
}

/// One quote said in several articles.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteMatchReport {
    /// Where each article has it.
    pub members: Vec<QuoteMember>,
    /// How alike the wordings are, from 0 to 1 (1: verbatim).
    pub score: f64,
}

/// One article's wording of a matched quote.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteMember {
    /// The article's id.
    pub id: String,
    /// Index into that article's `quotes`.
    pub quote: usize,
}

/// The likely relation between two articles.
#[derive(Debug, Clone, Serialize)]
pub struct RelationReport {
    /// The source's id (for `common-source`, the first article).
    pub from: String,
    /// The derived article's id (for `common-source`, the second).
    pub to: String,
    /// `copy`, `partial` or `common-source`.
    pub kind: &'static str,
    /// For `common-source`: the source, where the text names it.
    pub source: Option<String>,
    /// Share of the derived article drawn from the source.
    pub share: f64,
    /// Why, each item a sentence a reader can check.
    pub evidence: Vec<String>,
}

/// A passage shared by three or more articles: where each one holds it.
#[derive(Debug, Clone, Serialize)]
pub struct GroupReport {
    /// One member per article, in input order.
    pub members: Vec<GroupMember>,
}

/// Where one article holds a group's passage, in UTF-16 code units.
#[derive(Debug, Clone, Serialize)]
pub struct GroupMember {
    /// The article's id.
    pub id: String,
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// What Parallax says about one article.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentReport {
    /// The article's id.
    pub id: String,
    /// Its title, or its first non-empty line when it has none.
    pub title: String,
    /// Number of words.
    pub tokens: usize,
    /// The encoding its file was read in, when not UTF-8 (`null` otherwise).
    pub encoding: Option<String>,
    /// What the text engine says about it: language, statistics, top,
    /// distinctive and unique terms, phrases, names.
    #[serde(flatten)]
    pub terms: DocumentTerms,
    /// Share of its characters inside a passage shared with any other article
    /// (overlap engine).
    pub shared_share: f64,
    /// Title, byline, dateline and outlet as the text states them.
    pub meta: MetaReport,
    /// Its direct quotations, in text order.
    pub quotes: Vec<QuoteReport>,
    /// Its boilerplate lines.
    pub boilerplate: Vec<BoilerplateReport>,
    /// Its sentences no other article has.
    pub unique: Vec<Span>,
    /// Facts only it states, or that others state differently.
    pub facts: Vec<FactReport>,
    /// The articles it shares most with, nearest first (see [`Neighbour`]).
    pub neighbours: Vec<Neighbour>,
}

/// An article's encoding, unless it is UTF-8 (which goes unsaid).
pub(crate) fn encoding_note(article: &Article) -> Option<String> {
    let name = article.encoding.as_deref()?.trim();
    (!name.is_empty() && !name.eq_ignore_ascii_case("utf-8")).then(|| name.to_owned())
}

/// What Parallax says about two articles.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PairReport {
    /// Id of the first article.
    pub a: String,
    /// Id of the second article.
    pub b: String,
    /// Share of each article's word shingles found in the other.
    pub containment: Containment,
    /// Shared shingles over all distinct shingles of both.
    pub jaccard: f64,
    /// Cosine of the two articles' TF-IDF vectors.
    pub cosine: f64,
    /// The passages the two share, in order of their position in `a`.
    pub passages: Vec<PassageReport>,
}

/// Containment in both directions.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Containment {
    /// Share of `a`'s shingles found in `b`.
    pub a_in_b: f64,
    /// Share of `b`'s shingles found in `a`.
    pub b_in_a: f64,
}

/// A shared passage, in UTF-16 code units of each article's text.
#[derive(Debug, Clone, Serialize)]
pub struct PassageReport {
    /// Where it is in `a`.
    pub a: Span,
    /// Where it is in `b`.
    pub b: Span,
    /// How alike the two sides are, from 0 to 1.
    pub score: f64,
}

/// Analyzes `articles`: per-article terms, news answers (quotes, boilerplate, meta,
/// unique sentences, facts) and, for every pair (above `all_pairs_up_to` articles,
/// every pair the candidate index proposes), overlap scores, shared passages and
/// the likely relation. Which pairs the report lists is `Options::list_pairs`.
pub fn analyze(articles: &[Article], options: &Options) -> Result<Report> {
    analyze_observed(articles, options, &mut |_| {})
}

/// [`analyze`], telling `progress` each stage's counts (the CLI's progress bar).
pub fn analyze_observed(
    articles: &[Article],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Report> {
    analyze_with(articles, options, &mut Cache::transient(), progress)
}

/// [`analyze_observed`], taking from `cache` what an earlier call computed for the
/// same texts (each article's canonical form, each text read for alignment, the
/// term statistics, each pair's passages before the thresholds) and leaving in it
/// what this call computed: the door of [`analyze`] and of [`crate::Session`].
pub(crate) fn analyze_with(
    articles: &[Article],
    options: &Options,
    cache: &mut Cache,
    progress: &mut dyn FnMut(Progress),
) -> Result<Report> {
    check(articles, Limit::Articles, Limit::TotalBytes)?;
    let mut report = Report::empty();
    run(articles, options, cache, progress, &mut |line| {
        report.add(line)
    })?;
    Ok(report)
}

/// [`analyze`] for sets too large to hold as one value (the CLI's `compare
/// --jsonl`): the same report, handed to `emit` a line at a time as it is
/// computed (pairs as they are aligned, then documents, groups, quote matches,
/// relations and last a [`SetSummary`]), so that no line is kept once emitted. Its
/// limits are the large-set ones ([`crate::limits::MAX_LARGE_SET_ARTICLES`]);
/// `progress` hears each stage's counts.
pub fn analyze_lines(
    articles: &[Article],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
    emit: &mut dyn FnMut(ReportLine),
) -> Result<()> {
    check(articles, Limit::LargeSetArticles, Limit::LargeSetTotalBytes)?;
    run(articles, options, &mut Cache::transient(), progress, emit)
}

/// How far a long analysis is: `done` of `total` in `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// `reading`, `terms`, `quotes and facts`, `aligning`, `news` or `documents`.
    pub stage: &'static str,
    /// Items done.
    pub done: usize,
    /// Items in this stage.
    pub total: usize,
}

/// One line of a report written as JSON Lines: `{"pair": {...}}`, `{"document":
/// {...}}` and so on, each the same value as in [`Report`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ReportLine {
    /// A listed pair.
    Pair(PairReport),
    /// An article (boxed: much the largest line).
    Document(Box<DocumentReport>),
    /// A passage shared by three or more articles.
    Group(GroupReport),
    /// A quote said in several articles.
    QuoteMatch(QuoteMatchReport),
    /// The likely relation of a related pair.
    Relation(RelationReport),
    /// What is said of the whole set; the last line.
    Summary(SetSummary),
}

/// The last line of a JSON Lines report: the set as a whole.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SetSummary {
    /// Articles compared.
    pub articles: usize,
    /// Pairs aligned (every pair, or those the candidate index proposed).
    pub pairs_aligned: usize,
    /// Pairs listed (see `Options::list_pairs`).
    pub pairs_listed: usize,
    /// Terms every article uses, as `Report::shared_terms`.
    pub shared_terms: Vec<TermCount>,
    /// As `Report::boilerplate_excluded`.
    pub boilerplate_excluded: bool,
    /// As `Report::comparison_only`.
    pub comparison_only: bool,
}

/// Which aligned pairs a report lists (the option `listPairs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PairList {
    /// Every pair up to `all_pairs_up_to` articles (as always: a small set's
    /// table is complete); above it, only related pairs, so that the report
    /// grows with what is related rather than with the square of the count.
    #[default]
    Auto,
    /// Every aligned pair (above `all_pairs_up_to` articles, every candidate).
    All,
    /// Only related pairs: those with at least one shared passage.
    Related,
}

impl PairList {
    /// Whether a pair with `passages` shared passages is listed in a set of `n`.
    pub(crate) fn lists(self, n: usize, all_pairs_up_to: usize, passages: usize) -> bool {
        match self {
            PairList::All => true,
            PairList::Related => passages > 0,
            PairList::Auto => n <= all_pairs_up_to || passages > 0,
        }
    }
}

/// An article another one shares much with.
#[derive(Debug, Clone, Serialize)]
pub struct Neighbour {
    /// The other article's id.
    pub id: String,
    /// Share of this article's shingles found in the other.
    pub containment: f64,
    /// Passages the two share.
    pub passages: usize,
}

/// How many neighbours each article lists.
const NEIGHBOURS: usize = 5;

impl Report {
    fn empty() -> Report {
        Report {
            documents: Vec::new(),
            pairs: Vec::new(),
            shared_terms: Vec::new(),
            groups: Vec::new(),
            boilerplate_excluded: false,
            quote_matches: Vec::new(),
            relations: Vec::new(),
            comparison_only: false,
        }
    }

    /// Puts one line where the report keeps it.
    fn add(&mut self, line: ReportLine) {
        match line {
            ReportLine::Pair(p) => self.pairs.push(p),
            ReportLine::Document(d) => self.documents.push(*d),
            ReportLine::Group(g) => self.groups.push(g),
            ReportLine::QuoteMatch(m) => self.quote_matches.push(m),
            ReportLine::Relation(r) => self.relations.push(r),
            ReportLine::Summary(s) => {
                self.shared_terms = s.shared_terms;
                self.boilerplate_excluded = s.boilerplate_excluded;
                self.comparison_only = s.comparison_only;
            }
        }
    }
}

/// Everything each article needs before the pairs: read once, kept in the
/// compact forms the engines take (no per-pair copies).
struct Inputs<'a> {
    texts: Vec<&'a str>,
    offsets: Vec<&'a Offsets>,
    boilerplate: Vec<Vec<Boilerplate>>,
    /// Each text read's name in the cache (pairs are cached by them).
    serials: Vec<u64>,
    docs: Vec<Doc>,
    shingles: Vec<scores::Shingles>,
    vectors: Vec<scores::Vector>,
}

/// What aligning the pairs leaves for the news engine and the documents.
struct Aligned {
    aligned: Vec<groups::PairPassages>,
    overlaps: Vec<scores::Overlap>,
    listed: usize,
}

/// The analysis behind every door (limits already checked): what `cache` holds
/// is taken from it, what this call computes is left in it.
fn run(
    articles: &[Article],
    options: &Options,
    cache: &mut Cache,
    progress: &mut dyn FnMut(Progress),
    emit: &mut dyn FnMut(ReportLine),
) -> Result<()> {
    options.check()?;
    let n = articles.len();
    progress(Progress {
        stage: "reading",
        done: 0,
        total: n,
    });
    let set = SetTexts::new(
        articles,
        options,
        (&mut cache.articles, &mut cache.boilerplate),
    );
    let read = set.read();
    progress(Progress {
        stage: "terms",
        done: 0,
        total: n,
    });
    let serials = cache.docs.serials(&read, options.shingle);
    let stages = (&mut cache.terms, &mut cache.texts);
    let Some((terms, from_texts)) =
        text_stages(articles, &set, &serials, options, stages, progress)?
    else {
        return Ok(());
    };
    let SetTexts {
        texts,
        offsets,
        boilerplate,
        read,
        ..
    } = set;
    let read: Vec<&str> = read.iter().map(|t| t.as_ref()).collect();
    // Each article is read once for alignment, after the stages that read only
    // the texts, so that what they free is reused by the readings (at 100,000
    // articles, gigabytes); the pair scores use the same reading.
    let (docs, shingles) = cache
        .docs
        .docs_and_shingles(&read, options.shingle, &serials);
    let vectors = scores::tfidf_vectors(&docs);
    let inputs = Inputs {
        texts,
        offsets,
        boilerplate,
        serials,
        docs,
        shingles,
        vectors,
    };
    let to_align = pairs_to_align(
        &inputs.docs,
        &inputs.serials,
        options,
        &mut cache.candidates,
    );
    let aligned = align_pairs(
        articles,
        options,
        &inputs,
        &to_align,
        &mut cache.pairs,
        progress,
        emit,
    );
    // Not needed by the news stages: its room (160 MB at 100,000 articles) goes back.
    drop(to_align);
    let known = cache.unique.kept_mut(inputs.serials.clone());
    finish(
        articles, options, &inputs, &read, terms, from_texts, aligned, known, progress, emit,
    );
    Ok(())
}

/// A set's texts as every stage reads them: in canonical form with their offset
/// maps, their boilerplate (decided first, so that the engines can read the text
/// without it) and the texts the engines read.
struct SetTexts<'a> {
    texts: Vec<&'a str>,
    offsets: Vec<&'a Offsets>,
    /// Each canonical text's name in the cache.
    serials: Vec<u64>,
    boilerplate: Vec<Vec<Boilerplate>>,
    read: Vec<Cow<'a, str>>,
}

impl<'a> SetTexts<'a> {
    fn new(
        articles: &'a [Article],
        options: &Options,
        (cache, kept): (&'a mut ArticleCache, &mut BoilerplateCache),
    ) -> SetTexts<'a> {
        let prepared = cache.prepare(articles);
        let texts: Vec<&str> = articles
            .iter()
            .zip(&prepared)
            .map(|(a, p)| p.canonical(&a.text))
            .collect();
        let offsets: Vec<&Offsets> = prepared.iter().map(|p| &p.offsets).collect();
        let serials: Vec<u64> = prepared.iter().map(|p| p.serial).collect();
        // Decided again only when a text or a reader's verdict changed.
        let boilerplate = kept.get(BoilerplateKey::new(&serials, articles), || {
            boilerplate_of(articles, &texts, &offsets)
        });
        let read = texts
            .iter()
            .zip(&boilerplate)
            .map(|(text, lines)| match options.exclude_boilerplate {
                true => news::without_boilerplate(text, lines),
                false => Cow::Borrowed(*text),
            })
            .collect();
        SetTexts {
            texts,
            offsets,
            serials,
            boilerplate,
            read,
        }
    }

    /// The texts the engines read.
    fn read(&self) -> Vec<&str> {
        self.read.iter().map(|t| t.as_ref()).collect()
    }
}

/// The stages that read only the texts (term statistics, then quotes, meta and
/// facts), taken from `cache` when it holds them for these texts and options;
/// `None` when the lean engine met a language it lacks (see below).
fn text_stages(
    articles: &[Article],
    set: &SetTexts,
    serials: &[u64],
    options: &Options,
    (terms, texts): (&mut TermsCache, &mut TextsCache),
    progress: &mut dyn FnMut(Progress),
) -> Result<Option<(corpus::CorpusTerms, news::TextAnswers)>> {
    let read = set.read();
    let text_options = options.text()?;
    let terms = match options.comparison_only {
        true => corpus::CorpusTerms::empty(read.len()),
        false => terms.get(TermsKey::new(serials, options), || {
            corpus::analyze(&read, &text_options, options.top_terms)
        }),
    };
    if crate::lean::full_engine_noted() {
        // The lean engine met a language it lacks: the bindings refuse its answer
        // (`needs-full-engine`) and the page asks the full engine, so the pairs
        // and the news stages would be computed twice. Stop here instead.
        return Ok(None);
    }
    // Without the term statistics the words are not counted (see `comparison_only`).
    let counted = !options.comparison_only;
    if let Some((article, _)) = articles
        .iter()
        .zip(&terms.documents)
        .find(|(_, t)| counted && t.stats.words == 0)
    {
        return Err(Error::new(ErrorKind::EmptyArticle {
            id: article.id.clone(),
        }));
    }
    progress(Progress {
        stage: "quotes and facts",
        done: 0,
        total: articles.len(),
    });
    let texts_key = TextsKey {
        articles: set.serials.clone(),
        boilerplate: set.boilerplate.clone(),
        exclude_boilerplate: options.exclude_boilerplate,
    };
    // Answers with the news are good for an analysis without them too.
    let news = !options.comparison_only;
    let usable = |kept: &news::TextAnswers| kept.news || !news;
    let mut from_texts = texts.get_where(texts_key, usable, || {
        news::text_answers(&set.texts, &read, &set.boilerplate, news, |_| {})
    });
    if !news {
        from_texts.leave_news_out();
    }
    Ok(Some((terms, from_texts)))
}

/// Aligns the pairs to align, in parallel chunks, and emits the listed ones in
/// input order as each chunk ends (the same pairs, in the same order, on any
/// number of threads).
fn align_pairs(
    articles: &[Article],
    options: &Options,
    at: &Inputs,
    to_align: &[(usize, usize)],
    cache: &mut PairCache,
    progress: &mut dyn FnMut(Progress),
    emit: &mut dyn FnMut(ReportLine),
) -> Aligned {
    let mut out = Aligned {
        aligned: Vec::with_capacity(to_align.len()),
        overlaps: Vec::with_capacity(to_align.len()),
        listed: 0,
    };
    const CHUNK: usize = 2048;
    for (k, chunk) in to_align.chunks(CHUNK).enumerate() {
        progress(Progress {
            stage: "aligning",
            done: k * CHUNK,
            total: to_align.len(),
        });
        let (overlaps, unfiltered) =
            unfiltered_pairs(chunk, &at.docs, &at.shingles, &at.serials, options, cache);
        let pairs: Vec<((usize, usize), Vec<align::Passage>)> =
            chunk.iter().copied().zip(unfiltered).collect();
        let found = parallel::map(&pairs, |((i, j), unfiltered)| {
            let side = |d: usize| PairSide {
                doc: &at.docs[d],
                boilerplate: &at.boilerplate[d],
            };
            kept_passages([side(*i), side(*j)], unfiltered, options)
        });
        for ((&(i, j), found), overlap) in chunk.iter().zip(found).zip(overlaps) {
            if options
                .list_pairs
                .lists(articles.len(), options.all_pairs_up_to, found.len())
            {
                // Only a listed pair's cosine is read: not computed for the others.
                let cosine = scores::cosine(&at.vectors[i], &at.vectors[j]);
                emit(ReportLine::Pair(pair_report(
                    articles,
                    at,
                    (i, j),
                    &found,
                    &overlap,
                    cosine,
                )));
                out.listed += 1;
            }
            out.aligned.push((i, j, found));
            out.overlaps.push(overlap);
        }
    }
    cache.forget_unused();
    out
}

/// The shingle overlaps of `pairs` (of `docs`, named in the cache by `serials`),
/// and their passages before the thresholds: the ones `cache` keeps, the others
/// computed on every core.
fn unfiltered_pairs(
    pairs: &[(usize, usize)],
    docs: &[Doc],
    shingles: &[scores::Shingles],
    serials: &[u64],
    options: &Options,
    cache: &mut PairCache,
) -> (Vec<scores::Overlap>, Vec<Vec<align::Passage>>) {
    let align_options = options.align();
    let keys: Vec<PairKey> = pairs
        .iter()
        .map(|&(i, j)| (serials[i], serials[j], options.shingle))
        .collect();
    cache
        .unfiltered(&keys, |k| {
            let (i, j) = pairs[k];
            // The overlap first: its merge also tells the aligner whether exact runs can exist.
            let overlap = scores::overlap(&shingles[i], &shingles[j]);
            let passages =
                align::unfiltered_with_overlap(&docs[i], &docs[j], &overlap, &align_options);
            PairEntry { overlap, passages }
        })
        .into_iter()
        .map(|e| (e.overlap, e.passages))
        .unzip()
}

/// What a pair's passages read of one article.
pub(crate) struct PairSide<'a> {
    pub(crate) doc: &'a Doc,
    pub(crate) boilerplate: &'a [Boilerplate],
}

/// One pair's passages: those before the thresholds, filtered by them and cut at
/// boilerplate (the same for `analyze` and `crate::distributed`).
pub(crate) fn kept_passages(
    [a, b]: [PairSide; 2],
    unfiltered: &[align::Passage],
    options: &Options,
) -> Vec<align::Passage> {
    let align_options = options.align();
    // The thresholds only filter (`align::kept`): the passages before them are cached.
    let found: Vec<align::Passage> = unfiltered
        .iter()
        .filter(|p| align::kept(a.doc, b.doc, p, &align_options))
        .cloned()
        .collect();
    if !options.exclude_boilerplate {
        return found;
    }
    cut_at_boilerplate(
        found,
        [a.doc, b.doc],
        [a.boilerplate, b.boilerplate],
        align_options.min_passage_words,
    )
}

/// One pair as the report gives it.
pub(crate) fn pair_report_of(
    ids: [&str; 2],
    offsets: [&Offsets; 2],
    found: &[align::Passage],
    overlap: &scores::Overlap,
    cosine: f64,
) -> PairReport {
    PairReport {
        a: ids[0].to_owned(),
        b: ids[1].to_owned(),
        containment: Containment {
            a_in_b: overlap.a_in_b,
            b_in_a: overlap.b_in_a,
        },
        jaccard: overlap.jaccard,
        cosine,
        passages: found
            .iter()
            .map(|p| PassageReport {
                a: offsets[0].utf16_span(p.a),
                b: offsets[1].utf16_span(p.b),
                score: p.score,
            })
            .collect(),
    }
}

fn pair_report(
    articles: &[Article],
    at: &Inputs,
    (i, j): (usize, usize),
    found: &[align::Passage],
    overlap: &scores::Overlap,
    cosine: f64,
) -> PairReport {
    pair_report_of(
        [&articles[i].id, &articles[j].id],
        [at.offsets[i], at.offsets[j]],
        found,
        overlap,
        cosine,
    )
}

/// The news engine over what the engines computed, then every article, group,
/// quote match and relation, and the summary, each emitted as it is made.
#[allow(clippy::too_many_arguments)]
fn finish(
    articles: &[Article],
    options: &Options,
    at: &Inputs,
    read: &[&str],
    terms: corpus::CorpusTerms,
    from_texts: news::TextAnswers,
    aligned: Aligned,
    known: Option<&mut news::unique::Known>,
    progress: &mut dyn FnMut(Progress),
    emit: &mut dyn FnMut(ReportLine),
) {
    let n = articles.len();
    progress(Progress {
        stage: "news",
        done: 0,
        total: n,
    });
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    let news::Answers {
        quotes,
        quote_matches,
        meta,
        unique,
        facts,
        relations,
    } = news::pair_answers(
        &news::Input {
            ids: &ids,
            texts: &at.texts,
            read,
            docs: &at.docs,
            aligned: &aligned.aligned,
            overlaps: &aligned.overlaps,
            boilerplate: &at.boilerplate,
            boilerplate_excluded: options.exclude_boilerplate,
        },
        from_texts,
        known,
        |_| {},
    );
    progress(Progress {
        stage: "documents",
        done: 0,
        total: n,
    });
    // Each article's passages and neighbours, gathered in one pass over the pairs.
    let mut spans: Vec<Vec<ByteSpan>> = vec![Vec::new(); n];
    for (a, b, found) in &aligned.aligned {
        for p in found {
            spans[*a].push(p.a);
            spans[*b].push(p.b);
        }
    }
    let mut neighbours = neighbours_of(articles, &aligned);
    let per_article = terms
        .documents
        .into_iter()
        .zip(meta)
        .zip(quotes)
        .zip(&at.boilerplate)
        .zip(unique)
        .zip(facts);
    for (i, (((((terms, meta), quotes), lines), unique), facts)) in per_article.enumerate() {
        let offsets = &at.offsets[i];
        emit(ReportLine::Document(Box::new(DocumentReport {
            id: articles[i].id.clone(),
            title: title_of(&articles[i], at.texts[i], meta.title.as_deref()),
            tokens: terms.stats.words,
            encoding: encoding_note(&articles[i]),
            terms: terms.into(),
            shared_share: offsets.covered_share(&articles[i].text, &spans[i]),
            meta: MetaReport {
                title: meta.title,
                byline: meta.byline,
                dateline: meta.dateline,
                outlet: meta.outlet,
            },
            quotes: quotes.iter().map(|q| quote_report(q, offsets)).collect(),
            boilerplate: lines
                .iter()
                .map(|b| {
                    let span = offsets.utf16_span(b.span);
                    BoilerplateReport {
                        start: span.start,
                        end: span.end,
                        kind: b.kind.as_str(),
                    }
                })
                .collect(),
            unique: unique.iter().map(|s| offsets.utf16_span(*s)).collect(),
            facts: facts
                .iter()
                .map(|f| fact_report(f, offsets, articles))
                .collect(),
            neighbours: std::mem::take(&mut neighbours[i]),
        })));
        spans[i] = Vec::new();
    }
    for g in groups::groups(&aligned.aligned, 3) {
        emit(ReportLine::Group(GroupReport {
            members: g
                .members
                .iter()
                .map(|m| {
                    let span = at.offsets[m.doc].utf16_span(m.span);
                    GroupMember {
                        id: articles[m.doc].id.clone(),
                        start: span.start,
                        end: span.end,
                    }
                })
                .collect(),
        }));
    }
    for m in &quote_matches {
        emit(ReportLine::QuoteMatch(QuoteMatchReport {
            members: m
                .members
                .iter()
                .map(|&(doc, quote)| QuoteMember {
                    id: articles[doc].id.clone(),
                    quote,
                })
                .collect(),
            score: m.score,
        }));
    }
    for r in relations {
        emit(ReportLine::Relation(relation_report(r, |d| {
            &articles[d].id
        })));
    }
    emit(ReportLine::Summary(SetSummary {
        articles: n,
        pairs_aligned: aligned.aligned.len(),
        pairs_listed: aligned.listed,
        shared_terms: parts::all(terms.shared_terms),
        boilerplate_excluded: options.exclude_boilerplate,
        comparison_only: options.comparison_only,
    }));
}

/// A relation as the report gives it, `id` naming its articles.
pub(crate) fn relation_report<'a>(
    r: news::Relation,
    id: impl Fn(usize) -> &'a str,
) -> RelationReport {
    RelationReport {
        from: id(r.from).to_owned(),
        to: id(r.to).to_owned(),
        kind: r.kind.as_str(),
        source: match r.kind {
            news::RelationKind::CommonSource(name) => name,
            _ => None,
        },
        share: r.share,
        evidence: r.evidence,
    }
}

/// Each article's nearest neighbours among the aligned pairs: the articles that
/// hold the largest share of its shingles (at least one), at most [`NEIGHBOURS`],
/// nearest first, ties in input order.
fn neighbours_of(articles: &[Article], aligned: &Aligned) -> Vec<Vec<Neighbour>> {
    let mut near: Vec<Vec<(f64, usize, usize)>> = vec![Vec::new(); articles.len()];
    for ((a, b, found), overlap) in aligned.aligned.iter().zip(&aligned.overlaps) {
        if overlap.a_in_b > 0.0 {
            near[*a].push((overlap.a_in_b, *b, found.len()));
        }
        if overlap.b_in_a > 0.0 {
            near[*b].push((overlap.b_in_a, *a, found.len()));
        }
    }
    near.into_iter()
        .map(|mut list| {
            sort::by(&mut list, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            list.into_iter()
                .take(NEIGHBOURS)
                .map(|(containment, other, passages)| Neighbour {
                    id: articles[other].id.clone(),
                    containment,
                    passages,
                })
                .collect()
        })
        .collect()
}

/// The pairs to align: every pair up to `all_pairs_up_to` articles, and above that
/// only the pairs the candidate index proposes, in the same order.
/// The pairs to align: every pair up to `all_pairs_up_to` articles, else the ones
/// the candidate index proposes (kept in `cache` for the same texts read).
fn pairs_to_align(
    docs: &[Doc],
    serials: &[u64],
    options: &Options,
    cache: &mut CandidatesCache,
) -> Vec<(usize, usize)> {
    let key = CandidatesKey {
        serials: serials.to_vec(),
        all_pairs_up_to: options.all_pairs_up_to,
        candidates: options.candidates(),
    };
    cache.get(key, || choose_pairs(docs, options))
}

fn choose_pairs(docs: &[Doc], options: &Options) -> Vec<(usize, usize)> {
    let n = docs.len();
    if n <= options.all_pairs_up_to {
        return (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
    }
    candidates::candidates(docs, &options.candidates())
        .into_iter()
        .map(|c| (c.a, c.b))
        .collect()
}

/// Each article's boilerplate: what the news engine detects, then the reader's
/// overrides (a line marked as story is kept; a stretch marked as boilerplate is added).
fn boilerplate_of(
    articles: &[Article],
    texts: &[&str],
    offsets: &[&Offsets],
) -> Vec<Vec<Boilerplate>> {
    let mut found = news::boilerplate::detect(texts);
    let per_article = articles.iter().zip(texts).zip(&mut found).zip(offsets);
    for (((article, text), lines), at) in per_article {
        settle_boilerplate(article, text, lines, at);
    }
    found
}

/// One article's detected boilerplate `lines` with the reader's overrides applied,
/// sorted, and none when the text is all furniture.
pub(crate) fn settle_boilerplate(
    article: &Article,
    text: &str,
    lines: &mut Vec<Boilerplate>,
    at: &Offsets,
) {
    {
        for o in &article.boilerplate_overrides {
            let span = at.byte_span(UnitSpan {
                start: o.start,
                end: o.end,
            });
            lines.retain(|b| b.span.end <= span.start || b.span.start >= span.end);
            if o.boilerplate && !span.is_empty() {
                lines.push(Boilerplate {
                    span,
                    kind: news::BoilerplateKind::Notice,
                });
            }
        }
        sort::by_key(lines, |b| b.span);
        // A text that is all furniture by these rules is read whole: an answer from
        // noisy text beats refusing the article as empty.
        if !has_words_outside(text, lines) {
            lines.clear();
        }
    }
}

/// Passages cut where a boilerplate line lies inside either side. The engines read
/// the text without its furniture, so a shared headline and the story after an
/// archive notice would otherwise join into one passage that covers the notice.
/// Each cut on one side is carried to the other by word count (exact for a
/// word-for-word copy); pieces shorter than `min_words` are dropped.
fn cut_at_boilerplate(
    found: Vec<align::Passage>,
    docs: [&Doc; 2],
    boilerplate: [&[Boilerplate]; 2],
    min_words: usize,
) -> Vec<align::Passage> {
    let mut out = Vec::with_capacity(found.len());
    for p in found {
        let ranges = [words_in(docs[0], p.a), words_in(docs[1], p.b)];
        let [na, nb] = [ranges[0].len(), ranges[1].len()];
        if na == 0 || nb == 0 {
            continue;
        }
        // Cut points as word counts from the passage start on both sides, in order.
        let mut cuts: Vec<(usize, usize)> = cuts_in(docs[0], ranges[0].clone(), boilerplate[0])
            .map(|k| (k, k * nb / na))
            .chain(cuts_in(docs[1], ranges[1].clone(), boilerplate[1]).map(|m| (m * na / nb, m)))
            .collect();
        if cuts.is_empty() {
            out.push(p);
            continue;
        }
        sort::all(&mut cuts);
        cuts.push((na, nb));
        let mut from = (0, 0);
        for to in cuts {
            let a = words_between(docs[0], &ranges[0], from.0, to.0);
            let b = words_between(docs[1], &ranges[1], from.1, to.1);
            if let Some((a, b)) = shared_ends(a, b) {
                if a.len() >= min_words && b.len() >= min_words {
                    out.push(align::Passage {
                        a: cover(a),
                        b: cover(b),
                        score: p.score,
                    });
                }
            }
            from = (to.0.max(from.0), to.1.max(from.1));
        }
    }
    out
}

/// How far a piece's ends may move to meet a word both sides have: the distance at
/// which the aligner splits a verbatim passage anyway.
const END_WINDOW: usize = 12;

/// The two sides of a cut piece, each moved in at both ends to the nearest pair of
/// equal words (cuts are carried across by word count, which is exact only where
/// the text between them is word for word; a dateline on one side shifts it).
fn shared_ends<'w>(a: &'w [Word], b: &'w [Word]) -> Option<(&'w [Word], &'w [Word])> {
    let first = nearest_equal(a.iter(), b.iter())?;
    let last = nearest_equal(a.iter().rev(), b.iter().rev())?;
    let a = a.get(first.0..a.len().checked_sub(last.0)?)?;
    let b = b.get(first.1..b.len().checked_sub(last.1)?)?;
    (!a.is_empty() && !b.is_empty()).then_some((a, b))
}

/// The first `(i, j)`, nearest the start of both, with `a[i]` and `b[j]` equal words.
fn nearest_equal<'w>(
    a: impl Iterator<Item = &'w Word> + Clone,
    b: impl Iterator<Item = &'w Word> + Clone,
) -> Option<(usize, usize)> {
    let a: Vec<u64> = a.take(END_WINDOW).map(|w| w.hash).collect();
    let b: Vec<u64> = b.take(END_WINDOW).map(|w| w.hash).collect();
    (0..a.len() + b.len()).find_map(|d| {
        (0..=d).find_map(|i| {
            let j = d - i;
            (a.get(i).is_some() && a.get(i) == b.get(j)).then_some((i, j))
        })
    })
}

/// Words `lo..hi` of `range` (counted from its start).
fn words_between<'d>(
    doc: &'d Doc,
    range: &std::ops::Range<usize>,
    lo: usize,
    hi: usize,
) -> &'d [Word] {
    doc.words
        .get(range.start + lo..range.start + hi.max(lo))
        .unwrap_or(&[])
}

fn cover(words: &[Word]) -> ByteSpan {
    match (words.first(), words.last()) {
        (Some(first), Some(last)) => first.span().cover(last.span()),
        _ => ByteSpan::default(),
    }
}

/// The indices of the words of `doc` inside `span`.
fn words_in(doc: &Doc, span: ByteSpan) -> std::ops::Range<usize> {
    let start = doc.words.partition_point(|w| w.span().start < span.start);
    let end = doc.words.partition_point(|w| w.span().end <= span.end);
    start..end.max(start)
}

/// Counts `k` (from the start of `range`) where a boilerplate line lies between the
/// range's word `k - 1` and word `k`. `boilerplate` is sorted by position.
fn cuts_in<'a>(
    doc: &'a Doc,
    range: std::ops::Range<usize>,
    boilerplate: &'a [Boilerplate],
) -> impl Iterator<Item = usize> + 'a {
    let words = doc.words.get(range).unwrap_or(&[]);
    words.windows(2).enumerate().filter_map(move |(k, pair)| {
        let [before, after] = pair else { return None };
        let (gap_start, gap_end) = (before.span().end, after.span().start);
        // The first line that ends after the gap starts is the one that may lie in it.
        let at = boilerplate.partition_point(|b| b.span.end <= gap_start);
        let inside = boilerplate
            .get(at)
            .is_some_and(|b| b.span.start >= gap_start && b.span.end <= gap_end);
        inside.then_some(k + 1)
    })
}

/// Whether `text` has a letter or digit outside the `lines` (sorted by start).
fn has_words_outside(text: &str, lines: &[Boilerplate]) -> bool {
    let wordy = |gap: ByteSpan| gap.slice(text).chars().any(char::is_alphanumeric);
    let mut from = 0;
    for line in lines {
        if wordy(ByteSpan::new(from, line.span.start)) {
            return true;
        }
        from = from.max(line.span.end);
    }
    wordy(ByteSpan::new(from, text.len()))
}

fn quote_report(quote: &news::Quote, at: &Offsets) -> QuoteReport {
    let span = at.utf16_span(quote.span);
    QuoteReport {
        start: span.start,
        end: span.end,
        parts: quote.parts.iter().map(|p| at.utf16_span(*p)).collect(),
        speaker: quote.speaker.as_ref().map(|s| {
            let span = at.utf16_span(s.span);
            SpeakerReport {
                name: s.name.clone(),
                start: span.start,
                end: span.end,
            }
        }),
    }
}

fn fact_report(fact: &news::Fact, at: &Offsets, articles: &[Article]) -> FactReport {
    let span = at.utf16_span(fact.span);
    let (status, others) = match &fact.status {
        news::FactStatus::Only => ("only", Vec::new()),
        news::FactStatus::Differs(others) => (
            "differs",
            others
                .iter()
                .map(|(doc, value)| FactOther {
                    id: articles[*doc].id.clone(),
                    value: value.clone(),
                })
                .collect(),
        ),
    };
    FactReport {
        start: span.start,
        end: span.end,
        kind: fact.kind.as_str(),
        value: fact.value.clone(),
        status,
        others,
    }
}

/// The passages two texts share, in UTF-16 code units (the wasm `alignTexts`).
pub fn align_texts(a: &str, b: &str, options: &Options) -> Result<Vec<PassageReport>> {
    options.check()?;
    crate::limits::check_texts([("a", a), ("b", b)].into_iter())?;
    let ((ca, ma), (cb, mb)) = (canon::canonical(a), canon::canonical(b));
    let (oa, ob) = (Offsets::new(a, ma), Offsets::new(b, mb));
    Ok(
        align::align(&Doc::new(&ca), &Doc::new(&cb), &options.align())
            .into_iter()
            .map(|p| PassageReport {
                a: oa.utf16_span(p.a),
                b: ob.utf16_span(p.b),
                score: p.score,
            })
            .collect(),
    )
}

/// Where the spans of one article's canonical text lie in the text as given: the one
/// way from the library's byte offsets to the report's UTF-16 code units, and back.
pub(crate) struct Offsets {
    /// Canonical bytes to bytes of the text as given.
    map: OffsetMap,
    /// Bytes of the text as given to UTF-16 code units.
    index: OffsetIndex,
}

impl Offsets {
    pub(crate) fn new(original: &str, map: OffsetMap) -> Offsets {
        Offsets {
            map,
            index: OffsetIndex::new(original),
        }
    }

    /// A span of the canonical text in UTF-16 code units of the text as given.
    pub(crate) fn utf16_span(&self, span: ByteSpan) -> Span {
        self.index.utf16_span(self.map.to_original(span)).into()
    }

    /// A span in UTF-16 code units of the text as given (the reader's own marks) as
    /// bytes of the canonical text.
    fn byte_span(&self, span: UnitSpan) -> ByteSpan {
        self.map.to_canonical(self.index.byte_span(span))
    }

    /// Share of the characters of the text as given inside `spans` (canonical).
    fn covered_share(&self, original: &str, spans: &[ByteSpan]) -> f64 {
        let spans: Vec<ByteSpan> = spans.iter().map(|s| self.map.to_original(*s)).collect();
        groups::covered_share(original, &self.index, &spans)
    }
}

/// Refuses an empty set, a repeated id, and a set over the limits on article count
/// and total size given (those of one value, or the large-set ones).
pub(crate) fn check(articles: &[Article], count: Limit, total: Limit) -> Result<()> {
    // One article is described without pairs; comparing needs a second.
    if articles.is_empty() {
        return Err(Error::new(ErrorKind::TooFewArticles {
            given: articles.len(),
        }));
    }
    let mut ids = HashSet::new();
    for article in articles {
        if !ids.insert(article.id.as_str()) {
            return Err(Error::new(ErrorKind::DuplicateId {
                id: article.id.clone(),
            }));
        }
    }
    let texts = articles.iter().map(|a| (a.id.as_str(), a.text.as_str()));
    crate::limits::check_texts_within(texts, count, total)
}

/// The article's title as given, else the headline its text states, else its first
/// non-empty line (of the canonical `text`, whose lines end in LF whatever the
/// given ones did), shortened to 120 characters.
pub(crate) fn title_of(article: &Article, text: &str, stated: Option<&str>) -> String {
    let given = article
        .title
        .as_deref()
        .or(stated)
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let line = given.unwrap_or_else(|| {
        text.lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
    });
    match line.char_indices().nth(120) {
        Some((cut, _)) => format!("{}…", line[..cut].trim_end()),
        None => line.to_string(),
    }
}
