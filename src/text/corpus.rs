//! Term statistics across the loaded articles: what `analyze` reports per article
//! (language, summary, top, distinctive and unique terms, phrases, names) and the
//! terms every article shares.

use std::borrow::Cow;
use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

use super::keyness::{self, Keyness};
use super::names::{self, Name};
use super::phrases;
use super::stats::{self, is_number, round4, Counts, Summary, TermCount};
use super::{Analyzer, AnalyzerOptions, Word};

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
    let mut reads: Vec<Read<'_>> = Vec::with_capacity(texts.len());
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
            reads.push(read);
        }
    }
    if reads.len() < texts.len() {
        return CorpusTerms {
            documents: Vec::new(),
            shared_terms: Vec::new(),
        };
    }
    let counts: Vec<&Counts<'_>> = reads.iter().map(|r| &r.counts).collect();
    let df = document_frequencies(&counts);
    let pooled = keyness::Pooled::new(reads.iter().map(|r| &r.counts));
    let n = texts.len();
    let indices: Vec<usize> = (0..n).collect();
    // Each article's lists read only shared counts: on every core (`parallel`).
    let documents = crate::parallel::map(&indices, |&i| {
        let read = &reads[i];
        let idf = |term: &str| {
            ((1.0 + n as f64) / (1.0 + df.get(term).copied().unwrap_or(0) as f64)).ln() + 1.0
        };
        let top_terms = stats::sorted(&read.counts)
            .into_iter()
            .take(top)
            .map(|TermCount { term, count }| {
                let frequency = count as f64 / read.stats.words.max(1) as f64;
                TermScore {
                    tfidf: round4(frequency * idf(&term)),
                    frequency: round4(frequency),
                    term: forms.display(term),
                    count,
                }
            })
            .collect();
        let is_name = |term: &str| read.proper.contains(term);
        let distinctive_terms = keyness::distinctive_against(&read.counts, &pooled, top, is_name)
            .into_iter()
            .map(|k| Keyness {
                term: forms.display(k.term),
                ..k
            })
            .collect();
        let unique_terms = stats::sorted(&read.counts)
            .into_iter()
            .filter(|t| n > 1 && df.get(t.term.as_str()) == Some(&1))
            .take(top)
            .map(|t| forms.display_count(t))
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
        shared_terms: shared_terms(&counts, &df, top)
            .into_iter()
            .map(|t| forms.display_count(t))
            .collect(),
    }
}

/// Articles whose words are held at once by [`analyze`].
const READ_CHUNK: usize = 1024;

/// What [`analyze`] keeps of one article once its words are dropped.
struct Read<'t> {
    language: Option<&'static str>,
    stats: Summary,
    counts: Counts<'t>,
    /// Terms the article writes as names (see [`proper_terms`]).
    proper: std::collections::HashSet<Cow<'t, str>>,
    phrases: Vec<TermCount>,
    names: Vec<Name>,
}

/// One article read: what the set's statistics need of it, and the word forms
/// behind its stems.
fn read<'t>(text: &'t str, options: &AnalyzerOptions, top: usize) -> (Read<'t>, Forms) {
    let analyzer = Analyzer::new(options, text);
    let words: Vec<Word<'t>> = analyzer.words(text).collect();
    let language = analyzer.language();
    let mut forms = Forms::default();
    let read = Read {
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
) -> std::collections::HashSet<Cow<'t, str>> {
    let capital = |w: &Word<'_>| {
        w.span
            .slice(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let lower: std::collections::HashSet<&str> = words
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

fn document_frequencies<'a>(counts: &[&'a Counts<'_>]) -> HashMap<&'a str, usize, FxBuildHasher> {
    let mut df: HashMap<&str, usize, FxBuildHasher> = HashMap::default();
    for c in counts {
        for term in c.keys() {
            *df.entry(term.as_ref()).or_default() += 1;
        }
    }
    df
}

fn shared_terms(
    counts: &[&Counts<'_>],
    df: &HashMap<&str, usize, FxBuildHasher>,
    top: usize,
) -> Vec<TermCount> {
    if counts.len() < 2 {
        return Vec::new();
    }
    let mut total = Counts::default();
    for (term, _) in df.iter().filter(|(_, &d)| d == counts.len()) {
        let sum = counts.iter().filter_map(|c| c.get(*term)).sum();
        total.insert(Cow::Borrowed(*term), sum);
    }
    let mut out = stats::sorted(&total);
    out.truncate(top);
    out
}

/// The word forms behind each stem, so that a stem is shown as the form readers
/// saw most (`negotiations`, not `negoti`).
#[derive(Debug, Default)]
struct Forms {
    by_stem: HashMap<String, HashMap<String, usize>>,
}

impl Forms {
    fn add(&mut self, stem: &str, form: &str) {
        let forms = self.by_stem.entry(stem.to_string()).or_default();
        *forms.entry(form.to_string()).or_default() += 1;
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

    fn display(&self, stem: String) -> String {
        match self.by_stem.get(&stem) {
            None => stem,
            Some(forms) => forms
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(f, _)| f.clone())
                .unwrap_or(stem),
        }
    }

    fn display_count(&self, t: TermCount) -> TermCount {
        TermCount {
            term: self.display(t.term),
            count: t.count,
        }
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
