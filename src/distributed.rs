//! [`analyze`](crate::analyze) in pieces, for a set held on many machines (the
//! Spark job in `python/parallax/spark.py`): the same documents, pair scores,
//! passages and relations, without any one machine reading every text.
//!
//! `analyze` has steps that read the whole set: boilerplate is decided from each
//! line's repetition across the articles, cosine weighs stems by their document
//! frequency in the set, the candidate index counts shingles across it, and a
//! relation counts the quotes two articles share among the quotes the set matches.
//! Each such step is split in three phases:
//!
//! 1. **Per article, what it adds to the set's aggregates**: its line keys
//!    ([`line_keys`]); then, read without boilerplate ([`Document::new`]), its
//!    content stems ([`Document::stems`]), its candidate shingles
//!    ([`Document::candidate_shingles`]) and its quotes' words
//!    ([`Document::quote_words`]).
//! 2. **The aggregates, merged associatively**: [`LineRepeats`] (each line key's
//!    first occurrences in set order, [`LineRepeats::merge`]); the document
//!    frequency of each stem (a count: a sum); the candidate pairs (shingle →
//!    articles, the pairs of each short list counted, [`candidate_pairs`] says
//!    which); the quotes shared by each pair ([`shared_quotes`]: the one step that
//!    reads every article's quotes at once, because quote matches are grouped
//!    transitively across the set; quotes are a small part of a text).
//! 3. **Per article and per pair, given the aggregates**: [`Document::new`] (its
//!    boilerplate from the repeats of its own keys), [`Document::weigh`] (its
//!    tf-idf vector from the frequencies of its own stems),
//!    [`Document::summary`] (words, language, title, meta), and [`compare`] (one
//!    pair: containment, Jaccard, cosine, passages, and its relation, which reads
//!    only the two articles, their passages and their count of shared quotes).
//!
//! Articles are named by their position in the set (`index`), which orders every
//! pair (`a` before `b`) and every tie as `analyze` does for the same order.
//! `analyze` is made of the same pieces (`news::boilerplate::Repeats`,
//! `scores::weighted`, `candidates::candidates_of`, `quotes::matches_of`,
//! `report::kept_passages`), and `tests/distributed.rs` checks that the phases give
//! what it gives, field for field.
//!
//! What `analyze` says besides (top, distinctive and unique terms, unique
//! sentences, facts, groups, neighbours, shared share) reads every pair of an
//! article at once and is not computed here.

use std::collections::HashMap;

use serde::Serialize;

use crate::align::{self, scores, Doc};
use crate::canon;
use crate::error::{Error, ErrorKind, Result};
use crate::limits::Limit;
use crate::news::{self, Boilerplate, Meta, Quote, QuoteMatch};
use crate::report::{self, Article, MetaReport, Offsets, Options, PairReport, RelationReport};
use crate::text::corpus;

pub use crate::news::boilerplate::{
    Occurrence, Repeats as LineRepeats, EMPTY_KEY as EMPTY_LINE_KEY,
};
pub use crate::news::quotes::QuoteWords;
use crate::sort;

/// The repetition keys of an article's non-empty lines, in order (phase 1 of
/// boilerplate): what [`LineRepeats::add`] takes. A key is never 0 (free to stand
/// for "no line"); a line of no letters or digits has [`EMPTY_LINE_KEY`].
pub fn line_keys(text: &str) -> Vec<u64> {
    news::boilerplate::line_keys(&canon::canonical(text).0)
}

/// One article read as `analyze` reads it, given the set's repeats: its canonical
/// form, boilerplate, the text without it, the overlap engine's reading, quotes
/// and meta.
pub struct Document {
    index: usize,
    article: Article,
    canonical: String,
    offsets: Offsets,
    boilerplate: Vec<Boilerplate>,
    read: String,
    doc: Doc,
    shingles: scores::Shingles,
    counts: crate::align::HashedMap<f64>,
    vector: scores::Vector,
    quotes: Vec<Quote>,
    meta: Meta,
}

/// What the report says of one article that the pieces compute: `DocumentReport`'s
/// id, title, word count, language, encoding and meta.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentSummary {
    /// The article's id.
    pub id: String,
    /// Its title, or its first non-empty line when it has none.
    pub title: String,
    /// Number of words (`DocumentReport::tokens`).
    pub words: usize,
    /// Its language.
    pub language: Option<&'static str>,
    /// The encoding its file was read in, when not UTF-8.
    pub encoding: Option<String>,
    /// Title, byline, dateline and outlet as the text states them.
    pub meta: MetaReport,
}

impl Document {
    /// Article `index` of the set, its boilerplate decided from `repeats` (the
    /// set's, or at least every occurrence kept for this article's line keys).
    /// Refuses an article over the size limit, as `analyze` does.
    pub fn new(
        index: usize,
        article: &Article,
        repeats: &LineRepeats,
        options: &Options,
    ) -> Result<Document> {
        options.check()?;
        crate::limits::check_texts_within(
            std::iter::once((article.id.as_str(), article.text.as_str())),
            Limit::LargeSetArticles,
            Limit::LargeSetTotalBytes,
        )?;
        let (canonical, map) = canon::canonical(&article.text);
        let canonical = canonical.into_owned();
        let offsets = Offsets::new(&article.text, map);
        let mut boilerplate = news::boilerplate::detect_in(index, &canonical, repeats);
        report::settle_boilerplate(article, &canonical, &mut boilerplate, &offsets);
        let read = match options.exclude_boilerplate {
            true => news::without_boilerplate(&canonical, &boilerplate).into_owned(),
            false => canonical.clone(),
        };
        let doc = Doc::new(&read);
        let shingles = scores::shingle_set(&doc, options.shingle);
        let counts = scores::stem_counts(&doc);
        let quotes = news::quotes_of(&canonical);
        let meta = news::meta::read(&canonical, &boilerplate);
        Ok(Document {
            index,
            article: Article {
                text: String::new(),
                boilerplate_overrides: Vec::new(),
                ..article.clone()
            },
            canonical,
            offsets,
            boilerplate,
            read,
            doc,
            shingles,
            counts,
            vector: Vec::new(),
            quotes,
            meta,
        })
    }

    fn side(&self) -> report::PairSide<'_> {
        report::PairSide {
            doc: &self.doc,
            boilerplate: &self.boilerplate,
        }
    }

    /// Its position in the set.
    pub fn index(&self) -> usize {
        self.index
    }

    /// Its id.
    pub fn id(&self) -> &str {
        &self.article.id
    }

    /// Its distinct content stems, sorted: each adds one to its stem's document
    /// frequency.
    pub fn stems(&self) -> Vec<u64> {
        let mut stems: Vec<u64> = self.counts.keys().copied().collect();
        sort::all(&mut stems);
        stems
    }

    /// Its tf-idf vector among `n` articles, `df` the document frequency of each
    /// of its stems (phase 3; until called, its cosine with anything is 0).
    pub fn weigh(&mut self, n: u64, df: impl Fn(u64) -> u64) {
        self.vector = scores::weighted(self.counts.clone(), n, df);
    }

    /// Its kept shingles for the candidate index, sorted (see [`candidate_pairs`]).
    pub fn candidate_shingles(&self, options: &Options) -> Vec<u64> {
        crate::candidates::kept_shingles(&self.doc, &options.candidates())
    }

    /// Its quotes as the matching reads them (see [`shared_quotes`]).
    pub fn quote_words(&self) -> Vec<QuoteWords> {
        news::quotes::quote_words(&self.canonical, &self.quotes)
    }

    /// Its id, title, word count, language, encoding and meta; an article with no
    /// words is refused (`empty-article`), as `analyze` refuses it.
    pub fn summary(&self, options: &Options) -> Result<DocumentSummary> {
        let (language, stats) = corpus::summary_of(&self.read, &options.text()?);
        if stats.words == 0 {
            return Err(Error::new(ErrorKind::EmptyArticle {
                id: self.article.id.clone(),
            }));
        }
        let meta = self.meta.clone();
        Ok(DocumentSummary {
            id: self.article.id.clone(),
            title: report::title_of(&self.article, &self.canonical, meta.title.as_deref()),
            words: stats.words,
            language,
            encoding: report::encoding_note(&self.article),
            meta: MetaReport {
                title: meta.title,
                byline: meta.byline,
                dateline: meta.dateline,
                outlet: meta.outlet,
            },
        })
    }
}

/// How the set's pairs are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CandidateSettings {
    /// Every pair is aligned (the set has at most `all_pairs_up_to` articles).
    pub all_pairs: bool,
    /// Otherwise: a shingle in more articles than this proposes nothing...
    pub max_docs: usize,
    /// ...and a pair is proposed when its articles share at least this many of
    /// the others.
    pub min_shared: u32,
}

/// How the pairs of a set of `n` articles are chosen: every pair, or those the
/// candidate index proposes from the articles' [`Document::candidate_shingles`]:
/// for each shingle held by 2 to `max_docs` articles, each pair of them counts
/// one, and pairs counting `min_shared` are aligned.
pub fn candidate_settings(n: usize, options: &Options) -> CandidateSettings {
    let index = options.candidates();
    CandidateSettings {
        all_pairs: n <= options.all_pairs_up_to,
        max_docs: index.max_docs,
        min_shared: index.min_shared,
    }
}

/// The pairs to align among articles whose candidate shingles are `shingles` (by
/// position): what the Spark job computes with a join, on one machine.
pub fn candidate_pairs(shingles: &[Vec<u64>], options: &Options) -> Vec<(usize, usize)> {
    let n = shingles.len();
    if candidate_settings(n, options).all_pairs {
        return (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
    }
    crate::candidates::candidates_of(shingles, &options.candidates())
        .into_iter()
        .map(|c| (c.a, c.b))
        .collect()
}

/// How many quotes each pair of articles shares, from each article's
/// [`Document::quote_words`] with its position (in set order; articles with no
/// quotes may be left out): `(a, b, count)` with `a < b`, pairs sharing none left out.
pub fn shared_quotes(quotes: &[(usize, Vec<QuoteWords>)]) -> Vec<(usize, usize, usize)> {
    let mut sorted: Vec<&(usize, Vec<QuoteWords>)> = quotes.iter().collect();
    sort::by_key(&mut sorted, |(index, _)| *index);
    let words: Vec<Vec<QuoteWords>> = sorted.iter().map(|(_, q)| q.clone()).collect();
    let mut counts: HashMap<(usize, usize), usize> = HashMap::new();
    for m in news::quotes::matches_of(&words) {
        let mut docs: Vec<usize> = m.members.iter().map(|&(d, _)| sorted[d].0).collect();
        sort::all(&mut docs);
        docs.dedup();
        for (k, &a) in docs.iter().enumerate() {
            for &b in &docs[k + 1..] {
                *counts.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let mut out: Vec<(usize, usize, usize)> =
        counts.into_iter().map(|((a, b), n)| (a, b, n)).collect();
    sort::all(&mut out);
    out
}

/// One pair compared: the report's pair (scores and passages, in UTF-16 code
/// units of each text as given), whether the report lists it, and its relation.
#[derive(Debug, Clone, Serialize)]
pub struct PairResult {
    /// As in `Report::pairs`.
    pub pair: PairReport,
    /// Whether `Report::pairs` lists it in a set of the given size
    /// (`Options::list_pairs`).
    pub listed: bool,
    /// As in `Report::relations`, when the two are related.
    pub relation: Option<RelationReport>,
}

/// Compares `a` and `b` (`a` first in set order) in a set of `n` articles, which
/// share `shared_quotes` quotes ([`shared_quotes`]); both weighed
/// ([`Document::weigh`]) for the cosine.
pub fn compare(
    a: &Document,
    b: &Document,
    n: usize,
    shared_quotes: usize,
    options: &Options,
) -> PairResult {
    let overlap = scores::overlap(&a.shingles, &b.shingles);
    let unfiltered = align::unfiltered_with_overlap(&a.doc, &b.doc, &overlap, &options.align());
    let found = report::kept_passages([a.side(), b.side()], &unfiltered, options);
    let cosine = scores::cosine(&a.vector, &b.vector);
    let pair = report::pair_report_of(
        [a.id(), b.id()],
        [&a.offsets, &b.offsets],
        &found,
        &overlap,
        cosine,
    );
    let listed = options
        .list_pairs
        .lists(n, options.all_pairs_up_to, found.len());
    let ids = [a.id(), b.id()];
    let texts = [a.canonical.as_str(), b.canonical.as_str()];
    let boilerplate = [a.boilerplate.clone(), b.boilerplate.clone()];
    let meta = [a.meta.clone(), b.meta.clone()];
    let quotes = [a.quotes.clone(), b.quotes.clone()];
    // The relation stage counts the matches holding both articles: as many here.
    let matches = vec![
        QuoteMatch {
            members: vec![(0, 0), (1, 0)],
            score: 1.0,
        };
        shared_quotes
    ];
    let aligned = [(0, 1, found)];
    let relation = news::relations::infer(&news::relations::Evidence {
        ids: &ids,
        texts: &texts,
        aligned: &aligned,
        overlaps: &[overlap],
        boilerplate: match options.exclude_boilerplate {
            true => &boilerplate,
            false => &[],
        },
        meta: &meta,
        quotes: &quotes,
        quote_matches: &matches,
    })
    .into_iter()
    .next()
    .map(|r| report::relation_report(r, |d| ids[d]));
    PairResult {
        pair,
        listed,
        relation,
    }
}
