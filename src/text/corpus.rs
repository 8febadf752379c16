//! Term statistics across the loaded articles: what `analyze` reports per article
//! (language, summary, top, distinctive and unique terms, phrases, names) and the
//! terms every article shares.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use super::keyness::{self, Keyness};
use super::names::{self, Name};
use super::phrases;
use super::stats::{self, is_number, round4, Counts, Summary, TermCount};
use super::{Analyzer, AnalyzerOptions, Word};
use crate::sort;

/// A frequent term of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct TermScore {
    /// The term (with stemming on: its most frequent word form in the articles).
    pub term: String,
    /// Occurrences in the article.
    pub count: usize,
    /// `count` over the article's words.
    pub frequency: f64,
    /// `frequency` times the smoothed inverse document frequency across the
    /// loaded articles, `ln((1 + n) / (1 + df)) + 1`.
    pub tfidf: f64,
}

/// What the text engine says about one article.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentTerms {
    /// Its language (ISO 639-1), detected unless given.
    pub language: Option<&'static str>,
    /// Words, sentences, density, readability.
    pub stats: Summary,
    /// Its most frequent content terms.
    pub top_terms: Vec<TermScore>,
    /// Terms it uses more than the others, by weighted log-odds z-score.
    pub distinctive_terms: Vec<Keyness>,
    /// Terms no other article uses, most frequent first.
    pub unique_terms: Vec<TermCount>,
    /// Frequent bigrams and trigrams.
    pub phrases: Vec<TermCount>,
    /// Capitalised multi-word names, variants grouped.
    pub names: Vec<Name>,
}

/// What the text engine says about the articles together.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusTerms {
    /// One entry per article, in order.
    pub documents: Vec<DocumentTerms>,
    /// Terms every article uses, most frequent (over all articles) first.
    pub shared_terms: Vec<TermCount>,
}

impl CorpusTerms {
    /// No statistics for `n` articles: no language, nothing counted, no lists (a
    /// report of the comparison only).
    pub fn empty(n: usize) -> CorpusTerms {
        let none = DocumentTerms {
            language: None,
            stats: Summary::empty(),
            top_terms: Vec::new(),
            distinctive_terms: Vec::new(),
            unique_terms: Vec::new(),
            phrases: Vec::new(),
            names: Vec::new(),
        };
        CorpusTerms {
            documents: vec![none; n],
            shared_terms: Vec::new(),
        }
    }
}

/// One article's language and summary, as [`analyze`] gives them among any set.
pub fn summary_of(text: &str, options: &AnalyzerOptions) -> (Option<&'static str>, Summary) {
    let analyzer = Analyzer::new(options, text);
    let words: Vec<Word<'_>> = analyzer.words(text).collect();
    let language = analyzer.language();
    (language, stats::summary(text, &words, language))
}

/// Term statistics for `texts`, lists cut at `top` entries.
pub fn analyze(texts: &[&str], options: &AnalyzerOptions, top: usize) -> CorpusTerms {
    let mut forms = Forms::default();
    let mut vocabulary = Vocabulary::default();
    let mut reads: Vec<Read> = Vec::with_capacity(texts.len());
    // Each article's words are read, used and dropped a chunk at a time, on every
    // core: all the words of 100,000 articles at once were gigabytes.
    for chunk in texts.chunks(READ_CHUNK) {
        let chunk_reads = crate::parallel::map(chunk, |text| {
            // The lean engine's answer is refused once it met an input it lacks
            // (src/lean.rs): the articles after that one are not read.
            (!crate::lean::full_engine_noted()).then(|| read(text, options, top))
        });
        for (read, local) in chunk_reads.into_iter().flatten() {
            forms.merge(local);
            reads.push(read.keep(&mut vocabulary));
        }
    }
    if reads.len() < texts.len() {
        return CorpusTerms {
            documents: Vec::new(),
            shared_terms: Vec::new(),
        };
    }
    let set = Set::new(&reads, vocabulary);
    let n = texts.len();
    let indices: Vec<usize> = (0..n).collect();
    // Each article's lists read only shared counts: on every core (`parallel`).
    let documents = crate::parallel::map(&indices, |&i| {
        let read = &reads[i];
        let idf = |id: u32| ((1.0 + n as f64) / (1.0 + set.df[id as usize] as f64)).ln() + 1.0;
        let sorted = set.sorted(&read.counts);
        let top_terms = sorted
            .iter()
            .take(top)
            .map(|&(id, count)| {
                let frequency = count as f64 / read.stats.words.max(1) as f64;
                TermScore {
                    tfidf: round4(frequency * idf(id)),
                    frequency: round4(frequency),
                    term: forms.display(set.term(id)),
                    count,
                }
            })
            .collect();
        let terms = read.counts.iter().map(|&(id, count)| keyness::Term {
            term: set.term(id),
            count: count as usize,
            pooled: set.pooled[id as usize],
            name: read.proper.binary_search(&id).is_ok(),
        });
        let distinctive_terms = keyness::rank(terms, read.total as f64, set.total, top)
            .into_iter()
            .map(|k| Keyness {
                term: forms.display(&k.term),
                ..k
            })
            .collect();
        let unique_terms = sorted
            .iter()
            .filter(|&&(id, _)| n > 1 && set.df[id as usize] == 1)
            .take(top)
            .map(|&(id, count)| TermCount {
                term: forms.display(set.term(id)),
                count,
            })
            .collect();
        DocumentTerms {
            language: read.language,
            phrases: read.phrases.clone(),
            names: read.names.clone(),
            stats: read.stats.clone(),
            top_terms,
            distinctive_terms,
            unique_terms,
        }
    });
    CorpusTerms {
        documents,
        shared_terms: set
            .shared(n, top)
            .into_iter()
            .map(|(id, count)| TermCount {
                term: forms.display(set.term(id)),
                count,
            })
            .collect(),
    }
}

/// Articles whose words are held at once by [`analyze`].
const READ_CHUNK: usize = 1024;

/// One article as [`read`] leaves it, its terms still strings.
struct Reading<'t> {
    language: Option<&'static str>,
    stats: Summary,
    counts: Counts<'t>,
    /// Terms the article writes as names (see [`proper_terms`]).
    proper: FxHashSet<Cow<'t, str>>,
    phrases: Vec<TermCount>,
    names: Vec<Name>,
}

impl Reading<'_> {
    /// What [`analyze`] keeps of the article, its terms named by their number
    /// in `vocabulary`.
    fn keep(self, vocabulary: &mut Vocabulary) -> Read {
        let mut counts: Vec<(u32, u32)> = self
            .counts
            .iter()
            .map(|(term, &n)| (vocabulary.id(term), u32::try_from(n).unwrap_or(u32::MAX)))
            .collect();
        sort::all(&mut counts);
        let mut proper: Vec<u32> = self.proper.iter().map(|t| vocabulary.id(t)).collect();
        sort::all(&mut proper);
        Read {
            language: self.language,
            total: self.counts.values().sum(),
            stats: self.stats,
            counts,
            proper,
            phrases: self.phrases,
            names: self.names,
        }
    }
}

/// What [`analyze`] keeps of one article once its words are dropped. Its terms
/// are numbers (a [`Vocabulary`]'s), 8 bytes a term: as hash maps of strings,
/// the counts of 100,000 articles held 6 GB.
struct Read {
    language: Option<&'static str>,
    stats: Summary,
    /// (term, count), by term.
    counts: Vec<(u32, u32)>,
    /// The sum of the counts.
    total: usize,
    /// Terms the article writes as names, sorted.
    proper: Vec<u32>,
    phrases: Vec<TermCount>,
    names: Vec<Name>,
}

/// Every distinct term of the set, numbered in the order first met.
#[derive(Default)]
struct Vocabulary {
    ids: FxHashMap<String, u32>,
}

impl Vocabulary {
    fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        // A set's text is bounded (`limits`) far below 2^32 distinct terms; past
        // that, the last number would be shared rather than the analysis stopped.
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(term.to_string(), id);
        id
    }
}

/// The set's statistics of each term, by its number: how many articles use it,
/// and its count in all of them.
struct Set {
    terms: Vec<String>,
    df: Vec<u32>,
    pooled: Vec<usize>,
    /// The count of all terms in all articles.
    total: f64,
}

impl Set {
    fn new(reads: &[Read], vocabulary: Vocabulary) -> Set {
        let size = vocabulary.ids.len();
        let mut terms = vec![String::new(); size];
        for (term, id) in vocabulary.ids {
            terms[id as usize] = term;
        }
        let (mut df, mut pooled, mut total) = (vec![0u32; size], vec![0usize; size], 0.0);
        for read in reads {
            for &(id, count) in &read.counts {
                df[id as usize] += 1;
                pooled[id as usize] += count as usize;
            }
            total += read.total as f64;
        }
        Set {
            terms,
            df,
            pooled,
            total,
        }
    }

    fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// `counts` most frequent first, ties in the terms' order.
    fn sorted(&self, counts: &[(u32, u32)]) -> Vec<(u32, usize)> {
        self.by_count(counts.iter().map(|&(id, n)| (id, n as usize)).collect())
    }

    /// The terms all `n` articles use, with their count in all, sorted as
    /// [`Set::sorted`], cut at `top`.
    fn shared(&self, n: usize, top: usize) -> Vec<(u32, usize)> {
        if n < 2 {
            return Vec::new();
        }
        let mut out = self.by_count(
            (0..self.terms.len())
                .filter(|&id| self.df[id] as usize == n)
                .map(|id| (id as u32, self.pooled[id]))
                .collect(),
        );
        out.truncate(top);
        out
    }

    fn by_count(&self, mut list: Vec<(u32, usize)>) -> Vec<(u32, usize)> {
        sort::by(&mut list, |a, b| {
            b.1.cmp(&a.1)
                .then_with(|| self.term(a.0).cmp(self.term(b.0)))
        });
        list
    }
}

/// One article read: what the set's statistics need of it, and the word forms
/// behind its stems.
fn read<'t>(text: &'t str, options: &AnalyzerOptions, top: usize) -> (Reading<'t>, Forms) {
    let analyzer = Analyzer::new(options, text);
    let words: Vec<Word<'t>> = analyzer.words(text).collect();
    let language = analyzer.language();
    let mut forms = Forms::default();
    let read = Reading {
        language,
        stats: stats::summary(text, &words, language),
        counts: content_counts(&words, &analyzer, &mut forms),
        proper: proper_terms(text, &words, &analyzer),
        phrases: phrases::phrases(text, &words, top),
        names: names::names(text, &words, top),
    };
    (read, forms)
}

/// Counts of the content terms of `words` (no stop words, no numbers), stemmed
/// when the analyzer stems; the word forms behind each stem go into `forms`.
fn content_counts<'t>(words: &[Word<'t>], analyzer: &Analyzer, forms: &mut Forms) -> Counts<'t> {
    let mut counts = Counts::default();
    for w in words.iter().filter(|w| !w.stop && !is_number(&w.term)) {
        let stem = analyzer.stem(w.term.clone());
        if analyzer.stems() {
            forms.add(&stem, &w.term);
        }
        *counts.entry(stem).or_default() += 1;
    }
    counts
}

/// The terms `text` writes only capitalised, and somewhere not at a sentence's
/// start: names and places (`Erdogan`, `Hangzhou`), as counted (stemmed on request).
fn proper_terms<'t>(
    text: &str,
    words: &[Word<'t>],
    analyzer: &Analyzer,
) -> FxHashSet<Cow<'t, str>> {
    let capital = |w: &Word<'_>| {
        w.span
            .slice(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let lower: FxHashSet<&str> = words
        .iter()
        .filter(|w| !capital(w))
        .map(|w| w.term.as_ref())
        .collect();
    words
        .iter()
        .filter(|w| !w.stop && w.term.chars().count() > 1 && capital(w))
        .filter(|w| !lower.contains(w.term.as_ref()))
        .filter(|w| !names::sentence_start(text, w))
        .map(|w| analyzer.stem(w.term.clone()))
        .collect()
}

/// The word forms behind each stem, so that a stem is shown as the form readers
/// saw most (`negotiations`, not `negoti`).
#[derive(Debug, Default)]
struct Forms {
    by_stem: FxHashMap<String, FxHashMap<String, usize>>,
}

impl Forms {
    /// Called for every content word: the strings are made only for a new stem or form.
    fn add(&mut self, stem: &str, form: &str) {
        let forms = match self.by_stem.get_mut(stem) {
            Some(forms) => forms,
            None => self.by_stem.entry(stem.to_string()).or_default(),
        };
        match forms.get_mut(form) {
            Some(n) => *n += 1,
            None => {
                forms.insert(form.to_string(), 1);
            }
        }
    }

    /// Adds the forms another article saw (the display is the same in any order:
    /// the commonest form, ties to the first in sort order).
    fn merge(&mut self, other: Forms) {
        for (stem, forms) in other.by_stem {
            let mine = self.by_stem.entry(stem).or_default();
            for (form, n) in forms {
                *mine.entry(form).or_default() += n;
            }
        }
    }

    fn display(&self, stem: &str) -> String {
        self.by_stem
            .get(stem)
            .and_then(|forms| {
                forms
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            })
            .map_or_else(|| stem.to_string(), |(f, _)| f.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_unique_and_distinctive() {
        let texts = [
            "Talks in Geneva on Syria. Geneva talks resumed. Geneva again.",
            "Talks on Syria in Moscow. Rebels in Aleppo.",
            "Syria talks. Rebels advanced on Aleppo. Rebels held.",
        ];
        let got = analyze(&texts, &AnalyzerOptions::default(), 10);
        let shared: Vec<&str> = got.shared_terms.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(shared, ["talks", "syria"]);
        let unique: Vec<&str> = got.documents[0]
            .unique_terms
            .iter()
            .map(|t| t.term.as_str())
            .collect();
        assert_eq!(unique, ["geneva", "resumed"]);
        assert_eq!(got.documents[0].distinctive_terms[0].term, "geneva");
        let d2: Vec<&str> = got.documents[2]
            .distinctive_terms
            .iter()
            .map(|k| k.term.as_str())
            .collect();
        assert!(
            d2.contains(&"rebels") && d2[0] != "syria" && d2[0] != "talks",
            "{d2:?}"
        );
        assert_eq!(got.documents[0].language, Some("en"));
        let top = &got.documents[0].top_terms[0];
        assert_eq!((top.term.as_str(), top.count), ("geneva", 3));
        assert_eq!(top.frequency, 0.3);
    }

    #[cfg(feature = "stem")]
    #[test]
    fn stems_are_shown_as_their_commonest_form() {
        let texts = [
            "Negotiations and negotiations, negotiations negotiated.",
            "Nothing negotiated here.",
        ];
        let options = AnalyzerOptions {
            stem: true,
            language: Some("en"),
            ..AnalyzerOptions::default()
        };
        let got = analyze(&texts, &options, 5);
        assert_eq!(got.documents[0].top_terms[0].term, "negotiations");
        assert_eq!(got.documents[0].top_terms[0].count, 4);
        assert_eq!(got.shared_terms[0].term, "negotiations");
    }
}
