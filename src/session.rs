//! A session: articles kept between analyses, and what was computed from them.
//!
//! A reader who moves a slider, or adds one article to twenty, asks for a report
//! that differs little from the last. [`Session`] keeps the articles and a
//! [`Cache`] of what [`crate::analyze`] computed from them, keyed by the texts
//! themselves, so that only what a change touches is computed again:
//!
//! - each article's canonical form and offset maps (by id and text);
//! - every article's boilerplate lines, by the canonical texts and the reader's
//!   verdicts (boilerplate depends on every text: one article added decides it
//!   again for all);
//! - each text as read for alignment (`align::Doc`, its shingles), by the text the
//!   engines read (boilerplate left out or not);
//! - the term statistics, by the texts read and the text options;
//! - the pairs chosen to align (the candidate index), by the texts read;
//! - each pair's shingle overlap and passages before the thresholds
//!   (`align::unfiltered`), by the two texts read and the shingle size: the minimum
//!   passage length and similarity are filters on them (`align::kept`), so a change
//!   of either aligns nothing.
//!
//! The text-only news answers (quotes, meta, facts) are kept like the term
//! statistics; the news answers that read the passages (unique sentences,
//! relations) and the report are computed every time, since the thresholds change
//! the passages, but what the unique sentences learn from the texts alone (the stem
//! index, and which sentences have a counterpart elsewhere) is kept by the texts
//! read (`UniqueCache`): a slider move asks only about the sentences it uncovered.
//! The report is the one `analyze` gives for the same articles and options, because it
//! is the same pipeline (`report::analyze_with`); `tests/session.rs` holds it to
//! that.

// Keys are whole texts, ids and serials of the reader's own articles: Fx hashes them several
// times faster than SipHash (a profile of the first analysis: 6 % of it hashed texts).
use rustc_hash::{FxHashMap, FxHashSet};

use crate::align::{scores, Doc, Passage};
use crate::candidates::CandidateOptions;
use crate::canon;
use crate::error::Result;
use crate::news::{unique, Boilerplate, TextAnswers};
use crate::parallel;
use crate::report::{self, Article, Offsets, Options, Report};
use crate::sort;
use crate::text::corpus::CorpusTerms;
use crate::AlignedPairs;
use crate::{ConcordanceLine, ConcordanceOptions};

/// Articles kept between analyses, with what was computed from them.
#[derive(Default)]
pub struct Session {
    articles: Vec<Article>,
    cache: Cache,
}

impl Session {
    /// An empty session.
    pub fn new() -> Session {
        Session::default()
    }

    /// The articles, in the order the report lists them.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Adds `article`, or replaces the one with its id (keeping its place).
    pub fn put(&mut self, article: Article) {
        match self.articles.iter_mut().find(|a| a.id == article.id) {
            Some(kept) => *kept = article,
            None => self.articles.push(article),
        }
    }

    /// Removes the article with this id; false when there is none.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.articles.len();
        self.articles.retain(|a| a.id != id);
        self.articles.len() != before
    }

    /// Replaces the articles with `articles` (what is unchanged is not read again).
    pub fn set_articles(&mut self, articles: Vec<Article>) {
        self.articles = articles;
    }

    /// The report on the kept articles: the one [`crate::analyze`] gives for them.
    pub fn analyze(&mut self, options: &Options) -> Result<Report> {
        report::analyze_with(&self.articles, options, &mut self.cache, &mut |_| {})
    }

    /// Computes and keeps what the next [`Session::analyze`] with `options` reads
    /// of the texts alone (term statistics, quotes, meta, facts), so that another
    /// session can align the pairs meanwhile ([`Session::aligned_pairs`]): see
    /// [`Session::accept_pairs`].
    pub fn prepare(&mut self, options: &Options) -> Result<()> {
        report::split::prepare(&self.articles, options, &mut self.cache)
    }

    /// The passages (before the thresholds) of every pair an analysis of the kept
    /// articles with `options` aligns, for a session with the same articles on
    /// another thread ([`Session::accept_pairs`]).
    pub fn aligned_pairs(&mut self, options: &Options) -> Result<AlignedPairs> {
        report::split::aligned_pairs(&self.articles, options, &mut self.cache)
    }

    /// Takes the passages another session aligned ([`Session::aligned_pairs`]) for
    /// the next [`Session::analyze`], which then does not align those pairs (its
    /// report is the same). Returns how many pairs were taken: none when the
    /// other session's texts as read or shingle size differ from these (the
    /// articles changed meanwhile). Passages no session could have made are
    /// refused (`invalid-option`).
    pub fn accept_pairs(&mut self, options: &Options, aligned: &AlignedPairs) -> Result<usize> {
        report::split::accept_pairs(&self.articles, options, &mut self.cache, aligned)
    }

    /// Every occurrence of `term` in the kept articles ([`crate::concordance`]).
    pub fn concordance(
        &self,
        term: &str,
        options: &ConcordanceOptions,
    ) -> Result<Vec<ConcordanceLine<'_>>> {
        crate::concordance(&self.articles, term, options)
    }
}

/// What one analysis leaves for the next (see the module's documentation). An
/// empty cache is what a fresh `analyze` uses; each analysis forgets what it did
/// not use, so memory follows the articles kept.
#[derive(Default)]
pub(crate) struct Cache {
    pub(crate) articles: ArticleCache,
    pub(crate) boilerplate: BoilerplateCache,
    pub(crate) docs: DocCache,
    pub(crate) terms: TermsCache,
    pub(crate) texts: TextsCache,
    pub(crate) candidates: CandidatesCache,
    pub(crate) pairs: PairCache,
    pub(crate) unique: UniqueCache,
}

impl Cache {
    /// The cache of one analysis, dropped after it (`analyze`, `analyze_lines`):
    /// it keeps no copy of the texts as given or read, no term statistics and no
    /// pair's passages, so that a large set costs no more memory for the cache.
    pub(crate) fn transient() -> Cache {
        Cache {
            articles: ArticleCache {
                transient: true,
                ..ArticleCache::default()
            },
            boilerplate: Last {
                transient: true,
                ..Last::default()
            },
            docs: DocCache {
                transient: true,
                ..DocCache::default()
            },
            terms: Last {
                transient: true,
                ..Last::default()
            },
            texts: Last {
                transient: true,
                ..Last::default()
            },
            candidates: Last {
                transient: true,
                ..Last::default()
            },
            pairs: PairCache {
                transient: true,
                ..PairCache::default()
            },
            unique: Last {
                transient: true,
                ..Last::default()
            },
        }
    }
}

/// One article in canonical form, with its offset maps.
pub(crate) struct Prepared {
    /// Names this canonical text among every one the cache has prepared.
    pub(crate) serial: u64,
    /// The text as given (the cache's key, with the id); none in a transient cache.
    text: Option<String>,
    /// The canonical text, when it differs from the text as given.
    canonical: Option<String>,
    pub(crate) offsets: Offsets,
}

impl Prepared {
    fn new(text: &str, keep_text: bool) -> Prepared {
        let (canonical, map) = canon::canonical(text);
        let canonical = match canonical {
            std::borrow::Cow::Borrowed(_) => None,
            std::borrow::Cow::Owned(owned) => Some(owned),
        };
        Prepared {
            serial: 0,
            text: keep_text.then(|| text.to_owned()),
            canonical,
            offsets: Offsets::new(text, map),
        }
    }

    /// The canonical text (`given` is the text as given, when that is it).
    pub(crate) fn canonical<'t>(&'t self, given: &'t str) -> &'t str {
        self.canonical.as_deref().unwrap_or(given)
    }
}

/// Articles in canonical form, by id.
#[derive(Default)]
pub(crate) struct ArticleCache {
    by_id: FxHashMap<String, Prepared>,
    next_serial: u64,
    transient: bool,
}

impl ArticleCache {
    /// Each article prepared (again only when its text changed), in order; the
    /// articles no longer given are forgotten.
    pub(crate) fn prepare(&mut self, articles: &[Article]) -> Vec<&Prepared> {
        let ids: FxHashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        self.by_id.retain(|id, _| ids.contains(id.as_str()));
        let stale: Vec<&Article> = articles
            .iter()
            .filter(|a| {
                let kept = self.by_id.get(&a.id);
                kept.is_none_or(|p| p.text.as_deref() != Some(a.text.as_str()))
            })
            .collect();
        let keep_text = !self.transient;
        let fresh = parallel::map(&stale, |a| Prepared::new(&a.text, keep_text));
        for (a, mut prepared) in stale.into_iter().zip(fresh) {
            prepared.serial = self.next_serial;
            self.next_serial += 1;
            self.by_id.insert(a.id.clone(), prepared);
        }
        articles.iter().map(|a| &self.by_id[&a.id]).collect()
    }
}

/// A text as the overlap engine reads it.
#[derive(Clone)]
pub(crate) struct ReadDoc {
    /// Names this text among every text the cache has read (pairs are keyed by it).
    pub(crate) serial: u64,
    pub(crate) doc: Doc,
    /// Its shingles of `shingle` words.
    pub(crate) shingles: scores::Shingles,
    shingle: usize,
}

/// Texts read for alignment, by the text read.
#[derive(Default)]
pub(crate) struct DocCache {
    by_text: FxHashMap<String, ReadDoc>,
    next_serial: u64,
    transient: bool,
}

impl DocCache {
    /// Each text's serial, in order. A keeping cache reads the texts it does not
    /// hold yet (on every core) and forgets the ones not given; a transient cache
    /// only numbers them, and reads them in [`DocCache::read`]: an analysis asks
    /// the serials first, computes the term statistics, and only then reads the
    /// texts for alignment, so that the memory the statistics drop is reused.
    pub(crate) fn serials(&mut self, texts: &[&str], shingle: usize) -> Vec<u64> {
        if self.transient {
            let first = self.next_serial;
            self.next_serial += texts.len() as u64;
            return (first..self.next_serial).collect();
        }
        self.keep(texts, shingle);
        texts
            .iter()
            .map(|t| self.by_text.get(*t).map_or(0, |d| d.serial))
            .collect()
    }

    /// Each text read, in order, with the `serials` [`DocCache::serials`] gave:
    /// a transient cache reads them now, on every core, and keeps nothing; a
    /// keeping cache hands over a copy of what it holds.
    pub(crate) fn read(&mut self, texts: &[&str], shingle: usize, serials: &[u64]) -> Vec<ReadDoc> {
        if self.transient {
            return parallel::map(texts, |text| read(text, shingle))
                .into_iter()
                .zip(serials)
                .map(|((shingles, doc), &serial)| ReadDoc {
                    serial,
                    doc,
                    shingles,
                    shingle,
                })
                .collect();
        }
        // `serials` kept exactly these texts; read again only what it did not.
        if texts.iter().any(|t| !self.by_text.contains_key(*t)) {
            self.keep(texts, shingle);
        }
        texts.iter().map(|t| self.by_text[*t].clone()).collect()
    }

    /// [`DocCache::read`], as the texts read and their shingles apart (what the
    /// pairs' stages take).
    pub(crate) fn docs_and_shingles(
        &mut self,
        texts: &[&str],
        shingle: usize,
        serials: &[u64],
    ) -> (Vec<Doc>, Vec<scores::Shingles>) {
        self.read(texts, shingle, serials)
            .into_iter()
            .map(|d| (d.doc, d.shingles))
            .unzip()
    }

    /// Keeps exactly `texts`, read with shingles of `shingle` words: the ones held
    /// stay (their shingles again when the size changed), the new ones are read
    /// on every core.
    fn keep(&mut self, texts: &[&str], shingle: usize) {
        let wanted: FxHashSet<&str> = texts.iter().copied().collect();
        self.by_text
            .retain(|text, _| wanted.contains(text.as_str()));
        for kept in self.by_text.values_mut() {
            if kept.shingle != shingle {
                kept.shingles = scores::shingle_set(&kept.doc, shingle);
                kept.shingle = shingle;
            }
        }
        let mut new: Vec<&str> = texts
            .iter()
            .copied()
            .filter(|t| !self.by_text.contains_key(*t))
            .collect();
        sort::all(&mut new);
        new.dedup();
        let fresh = parallel::map(&new, |text| read(text, shingle));
        for (text, (shingles, doc)) in new.into_iter().zip(fresh) {
            let entry = ReadDoc {
                serial: self.next_serial,
                shingles,
                shingle,
                doc,
            };
            self.next_serial += 1;
            self.by_text.insert(text.to_owned(), entry);
        }
    }
}

/// A text read for alignment, with its shingles of `shingle` words.
fn read(text: &str, shingle: usize) -> (scores::Shingles, Doc) {
    let doc = Doc::new(text);
    (scores::shingle_set(&doc, shingle), doc)
}

/// The last value an analysis computed, with what it was computed from: the next
/// analysis asking with the same key takes a copy instead of computing it again
/// (a moved slider changes neither the texts' term statistics nor their quotes).
pub(crate) struct Last<K, V> {
    last: Option<(K, V)>,
    transient: bool,
}

impl<K, V> Default for Last<K, V> {
    fn default() -> Self {
        Last {
            last: None,
            transient: false,
        }
    }
}

impl<K: PartialEq, V: Clone> Last<K, V> {
    /// The value for `key`: the kept one, or `compute`'s.
    pub(crate) fn get(&mut self, key: K, compute: impl FnOnce() -> V) -> V {
        self.get_where(key, |_| true, compute)
    }

    /// [`Last::get`], taking the kept value only when it is `usable` (it holds
    /// what this analysis needs).
    pub(crate) fn get_where(
        &mut self,
        key: K,
        usable: impl FnOnce(&V) -> bool,
        compute: impl FnOnce() -> V,
    ) -> V {
        if let Some((kept, value)) = &self.last {
            if *kept == key && usable(value) {
                return value.clone();
            }
        }
        let value = compute();
        // What the lean engine computed while it met an input it lacks is
        // refused (src/lean.rs), and may be cut short: never kept.
        if !self.transient && !crate::lean::full_engine_noted() {
            self.last = Some((key, value.clone()));
        }
        value
    }
}

impl<K: PartialEq, V: Default> Last<K, V> {
    /// The value kept for `key`, to be added to in place (a fresh one when the key
    /// changed); `None` in a transient cache, which keeps nothing (at 100,000
    /// articles `unique::Known`'s stem index is large).
    pub(crate) fn kept_mut(&mut self, key: K) -> Option<&mut V> {
        if self.transient {
            return None;
        }
        if !matches!(&self.last, Some((kept, _)) if *kept == key) {
            self.last = Some((key, V::default()));
        }
        self.last.as_mut().map(|(_, value)| value)
    }
}

/// Each article's boilerplate lines, of the last analysis.
pub(crate) type BoilerplateCache = Last<BoilerplateKey, Vec<Vec<Boilerplate>>>;

/// What boilerplate is decided from: the canonical texts (by serial in
/// [`ArticleCache`]) and each article's verdicts of the reader.
#[derive(PartialEq)]
pub(crate) struct BoilerplateKey {
    serials: Vec<u64>,
    overrides: Vec<Vec<(usize, usize, bool)>>,
}

impl BoilerplateKey {
    pub(crate) fn new(serials: &[u64], articles: &[Article]) -> BoilerplateKey {
        BoilerplateKey {
            serials: serials.to_vec(),
            overrides: articles
                .iter()
                .map(|a| {
                    let verdicts = a.boilerplate_overrides.iter();
                    verdicts.map(|o| (o.start, o.end, o.boilerplate)).collect()
                })
                .collect(),
        }
    }
}

/// The term statistics of the last analysis.
pub(crate) type TermsCache = Last<TermsKey, CorpusTerms>;

/// The news answers that read only the texts, of the last analysis.
pub(crate) type TextsCache = Last<TextsKey, TextAnswers>;

/// Which sentences have a counterpart in another article ([`unique::Known`]), by
/// the serials of the texts read: a threshold change keeps it.
pub(crate) type UniqueCache = Last<Vec<u64>, unique::Known>;

/// The pairs the last analysis aligned (every pair, or the candidate index's).
pub(crate) type CandidatesCache = Last<CandidatesKey, Vec<(usize, usize)>>;

/// What the pairs to align are chosen from: the texts read (by serial), and the
/// options that choose (every pair up to `all_pairs_up_to`, else the index's).
#[derive(PartialEq)]
pub(crate) struct CandidatesKey {
    pub(crate) serials: Vec<u64>,
    pub(crate) all_pairs_up_to: usize,
    pub(crate) candidates: CandidateOptions,
}

/// What the term statistics are computed from: the texts read (by serial), the
/// text options and the number of top terms.
#[derive(PartialEq)]
pub(crate) struct TermsKey {
    serials: Vec<u64>,
    text_options: String,
    top_terms: usize,
}

impl TermsKey {
    pub(crate) fn new(serials: &[u64], options: &Options) -> TermsKey {
        TermsKey {
            serials: serials.to_vec(),
            // The options' every field, in one comparable value.
            text_options: format!("{:?}", options.text),
            top_terms: options.top_terms,
        }
    }
}

/// What the news stages that read only the texts are computed from: each
/// article's canonical text (by its serial in [`ArticleCache`]), its boilerplate
/// and whether the boilerplate is left out of the texts read.
#[derive(PartialEq)]
pub(crate) struct TextsKey {
    pub(crate) articles: Vec<u64>,
    pub(crate) boilerplate: Vec<Vec<Boilerplate>>,
    pub(crate) exclude_boilerplate: bool,
}

/// A pair's cache key: the two texts' serials and the shingle size (the only
/// alignment option `Options` lets vary besides the thresholds).
pub(crate) type PairKey = (u64, u64, usize);

/// What a pair's alignment computes that no threshold changes: the overlap of the
/// two texts' shingles and the passages before the thresholds.
#[derive(Clone)]
pub(crate) struct PairEntry {
    pub(crate) overlap: scores::Overlap,
    pub(crate) passages: Vec<Passage>,
}

/// Each pair's [`PairEntry`], by [`PairKey`].
#[derive(Default)]
pub(crate) struct PairCache {
    by_pair: FxHashMap<PairKey, PairEntry>,
    /// The keys used by the analysis running, so that the others can be forgotten.
    used: FxHashSet<PairKey>,
    transient: bool,
}

impl PairCache {
    /// The entries of the pairs `keys` names, in order: kept ones, the others
    /// `align(k)`'s for the `k`th key, computed on every core (see
    /// `crate::parallel`) and kept unless the cache is transient.
    pub(crate) fn unfiltered(
        &mut self,
        keys: &[PairKey],
        align: impl Fn(usize) -> PairEntry + Sync + Send,
    ) -> Vec<PairEntry> {
        let missing: Vec<usize> = (0..keys.len())
            .filter(|&k| !self.by_pair.contains_key(&keys[k]))
            .collect();
        let computed = parallel::map(&missing, |&k| align(k));
        let mut computed: FxHashMap<usize, PairEntry> = missing.into_iter().zip(computed).collect();
        let mut out = Vec::with_capacity(keys.len());
        for (k, key) in keys.iter().enumerate() {
            // A transient cache keeps no pair, so it has nothing to forget.
            if !self.transient {
                self.used.insert(*key);
            }
            let entry = match computed.remove(&k) {
                Some(new) => {
                    if !self.transient {
                        self.by_pair.insert(*key, new.clone());
                    }
                    new
                }
                // Not computed, so kept (`missing` is what the map lacked).
                None => self.by_pair[key].clone(),
            };
            out.push(entry);
        }
        out
    }

    /// Keeps `entry` as the pair `key`'s (another session aligned it,
    /// `report::split`); the next analysis uses it as its own.
    pub(crate) fn put(&mut self, key: PairKey, entry: PairEntry) {
        if !self.transient {
            self.by_pair.insert(key, entry);
        }
    }

    /// Forgets the pairs the analysis just finished did not use.
    pub(crate) fn forget_unused(&mut self) {
        let used = std::mem::take(&mut self.used);
        self.by_pair.retain(|key, _| used.contains(key));
    }
}
