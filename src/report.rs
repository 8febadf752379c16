//! The report: everything Parallax says about a set of articles, in one value.
//!
//! This is where byte offsets become UTF-16 code units, so that JavaScript's
//! `text.slice(start, end)` returns each passage. Both doors (the wasm `analyze` and
//! the CLI's `compare --json`) serialize this same value.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::align::{self, groups, scores, AlignOptions, Doc};
use crate::error::{Error, ErrorKind, Result};
use crate::span::{OffsetIndex, UnitSpan};
use crate::text::corpus::{self, DocumentTerms};
use crate::text::stats::TermCount;
use crate::text::{AnalyzerOptions, TextOptions};

/// The largest article accepted, in bytes of UTF-8.
pub const MAX_ARTICLE_BYTES: usize = 32 * 1024 * 1024;

/// One article to compare.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// A unique id (the CLI uses the file name without extension).
    pub id: String,
    /// Its headline, when known; otherwise the report uses the first line.
    #[serde(default)]
    pub title: Option<String>,
    /// The article's text.
    pub text: String,
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
            text: TextOptions::default(),
        }
    }
}

impl Options {
    fn check(&self) -> Result<()> {
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
        let language = self.text.language.as_deref().unwrap_or("auto").trim();
        if language != "auto"
            && !language.is_empty()
            && crate::text::language_code(language).is_none()
        {
            return invalid(
                "language",
                "must be \"auto\" or an ISO 639-1 code the text engine knows (en, de, zh, ...)",
            );
        }
        Ok(())
    }

    /// The term statistics leave stop words out unless told otherwise.
    fn text(&self) -> AnalyzerOptions {
        self.text.analyzer(true)
    }

    fn align(&self) -> AlignOptions {
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
    /// One entry per unordered pair of articles (`a` before `b` in input order).
    pub pairs: Vec<PairReport>,
    /// Terms every article uses, most frequent (over all articles) first.
    pub shared_terms: Vec<TermCount>,
    /// Passages shared by three or more articles (overlap engine).
    pub groups: Vec<GroupReport>,
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
    /// What the text engine says about it: language, statistics, top,
    /// distinctive and unique terms, phrases, names.
    #[serde(flatten)]
    pub terms: DocumentTerms,
    /// Share of its characters inside a passage shared with any other article
    /// (overlap engine).
    pub shared_share: f64,
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
    pub a: UnitSpan,
    /// Where it is in `b`.
    pub b: UnitSpan,
    /// How alike the two sides are, from 0 to 1.
    pub score: f64,
}

/// Analyzes `articles`: per-article terms and, for every pair, overlap scores and
/// shared passages.
pub fn analyze(articles: &[Article], options: &Options) -> Result<Report> {
    check(articles)?;
    options.check()?;
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let terms = corpus::analyze(&texts, &options.text(), options.top_terms);
    if let Some((article, _)) = articles
        .iter()
        .zip(&terms.documents)
        .find(|(_, t)| t.stats.words == 0)
    {
        return Err(Error::new(ErrorKind::EmptyArticle {
            id: article.id.clone(),
        }));
    }
    let offsets: Vec<OffsetIndex> = articles.iter().map(|a| OffsetIndex::new(&a.text)).collect();
    // Each article is read once for alignment; the pair scores use the same reading.
    let docs: Vec<Doc> = articles.iter().map(|a| Doc::new(&a.text)).collect();
    let shingles: Vec<HashSet<u64>> = docs
        .iter()
        .map(|d| scores::shingle_set(d, options.shingle))
        .collect();
    let vectors = scores::tfidf_vectors(&docs);

    let mut documents = articles
        .iter()
        .zip(terms.documents)
        .map(|(article, terms)| DocumentReport {
            id: article.id.clone(),
            title: title_of(article),
            tokens: terms.stats.words,
            terms,
            shared_share: 0.0,
        })
        .collect::<Vec<_>>();

    let align_options = options.align();
    let mut pairs = Vec::new();
    let mut aligned: Vec<groups::PairPassages> = Vec::new();
    for i in 0..articles.len() {
        for j in i + 1..articles.len() {
            let overlap = scores::overlap(&shingles[i], &shingles[j]);
            let found = align::align(&docs[i], &docs[j], &align_options);
            let passages = found
                .iter()
                .map(|p| PassageReport {
                    a: offsets[i].utf16_span(p.a),
                    b: offsets[j].utf16_span(p.b),
                    score: p.score,
                })
                .collect();
            pairs.push(PairReport {
                a: articles[i].id.clone(),
                b: articles[j].id.clone(),
                containment: Containment {
                    a_in_b: overlap.a_in_b,
                    b_in_a: overlap.b_in_a,
                },
                jaccard: overlap.jaccard,
                cosine: scores::cosine(&vectors[i], &vectors[j]),
                passages,
            });
            aligned.push((i, j, found));
        }
    }
    for (i, document) in documents.iter_mut().enumerate() {
        let spans: Vec<_> = aligned
            .iter()
            .flat_map(|(a, b, found)| {
                found
                    .iter()
                    .filter_map(move |p| (*a == i).then_some(p.a).or((*b == i).then_some(p.b)))
            })
            .collect();
        document.shared_share = groups::covered_share(&articles[i].text, &offsets[i], &spans);
    }
    let groups = groups::groups(&aligned, 3)
        .into_iter()
        .map(|g| GroupReport {
            members: g
                .members
                .iter()
                .map(|m| {
                    let span = offsets[m.doc].utf16_span(m.span);
                    GroupMember {
                        id: articles[m.doc].id.clone(),
                        start: span.start,
                        end: span.end,
                    }
                })
                .collect(),
        })
        .collect();
    Ok(Report {
        documents,
        pairs,
        groups,
        shared_terms: terms.shared_terms,
    })
}

/// The passages two texts share, in UTF-16 code units (the wasm `alignTexts`).
pub fn align_texts(a: &str, b: &str, options: &Options) -> Result<Vec<PassageReport>> {
    options.check()?;
    let (oa, ob) = (OffsetIndex::new(a), OffsetIndex::new(b));
    Ok(align::align(&Doc::new(a), &Doc::new(b), &options.align())
        .into_iter()
        .map(|p| PassageReport {
            a: oa.utf16_span(p.a),
            b: ob.utf16_span(p.b),
            score: p.score,
        })
        .collect())
}

fn check(articles: &[Article]) -> Result<()> {
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
        if article.text.len() > MAX_ARTICLE_BYTES {
            return Err(Error::new(ErrorKind::TooLarge {
                id: article.id.clone(),
                bytes: article.text.len(),
                limit: MAX_ARTICLE_BYTES,
            }));
        }
    }
    Ok(())
}

/// The article's title, or its first non-empty line, shortened to 120 characters.
fn title_of(article: &Article) -> String {
    let given = article
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let line = given.unwrap_or_else(|| {
        article
            .text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
    });
    match line.char_indices().nth(120) {
        Some((cut, _)) => format!("{}…", line[..cut].trim_end()),
        None => line.to_string(),
    }
}
