//! Stage 5: terms that carry no content, per language, plus the user's own.
//!
//! The lists are data files (`stopwords/<iso-639-1>.txt`, one normalized term per
//! line, sources in `stopwords/SOURCES.md`), compiled in with `include_str!`. Only
//! English is built without the feature `languages`.

use std::sync::OnceLock;

use super::normalize;
use super::segment::Kind;
use super::tally::Tally;
use crate::sort;

/// The stop-word list of `language` (ISO 639-1), one term per line, if there is one.
pub fn list(language: &str) -> Option<&'static str> {
    list_index(language).map(|i| LISTS[i].1)
}

/// Where `language`'s list is in [`LISTS`]; a list only the full engine has is
/// noted for it (src/lean.rs).
fn list_index(language: &str) -> Option<usize> {
    let found = LISTS.iter().position(|(code, _)| *code == language);
    if found.is_none() && crate::lean::LISTED.contains(&language) {
        crate::lean::need_full_engine();
    }
    found
}

/// The stop words of `language` as terms (normalized, sorted, no repeats); empty
/// when the language has no list.
pub fn terms(language: &str) -> Vec<String> {
    let mut terms: Vec<String> = list(language)
        .map(|l| {
            l.lines()
                .map(normalized)
                .filter(|w| !w.is_empty())
                .collect()
        })
        .unwrap_or_default();
    sort::by(&mut terms, Ord::cmp);
    terms.dedup();
    terms
}

/// The languages that have a stop-word list.
#[cfg(not(feature = "lean"))]
pub fn languages() -> impl Iterator<Item = &'static str> {
    LISTS.iter().map(|(code, _)| *code)
}

/// The languages that have a stop-word list in the full engine: the lean one
/// offers the same choices (and hands a list it lacks to the full engine).
#[cfg(feature = "lean")]
pub fn languages() -> impl Iterator<Item = &'static str> {
    crate::lean::LISTED.iter().copied()
}

#[cfg(feature = "languages")]
const LISTS: &[(&str, &str)] = &[
    ("ar", include_str!("stopwords/ar.txt")),
    ("bg", include_str!("stopwords/bg.txt")),
    ("cs", include_str!("stopwords/cs.txt")),
    ("da", include_str!("stopwords/da.txt")),
    ("de", include_str!("stopwords/de.txt")),
    ("el", include_str!("stopwords/el.txt")),
    ("en", include_str!("stopwords/en.txt")),
    ("es", include_str!("stopwords/es.txt")),
    ("fa", include_str!("stopwords/fa.txt")),
    ("fi", include_str!("stopwords/fi.txt")),
    ("fr", include_str!("stopwords/fr.txt")),
    ("he", include_str!("stopwords/he.txt")),
    ("hi", include_str!("stopwords/hi.txt")),
    ("hu", include_str!("stopwords/hu.txt")),
    ("id", include_str!("stopwords/id.txt")),
    ("it", include_str!("stopwords/it.txt")),
    ("ja", include_str!("stopwords/ja.txt")),
    ("ko", include_str!("stopwords/ko.txt")),
    ("nl", include_str!("stopwords/nl.txt")),
    ("no", include_str!("stopwords/no.txt")),
    ("pl", include_str!("stopwords/pl.txt")),
    ("pt", include_str!("stopwords/pt.txt")),
    ("ro", include_str!("stopwords/ro.txt")),
    ("ru", include_str!("stopwords/ru.txt")),
    ("sk", include_str!("stopwords/sk.txt")),
    ("sv", include_str!("stopwords/sv.txt")),
    ("th", include_str!("stopwords/th.txt")),
    ("tr", include_str!("stopwords/tr.txt")),
    ("uk", include_str!("stopwords/uk.txt")),
    ("vi", include_str!("stopwords/vi.txt")),
    ("zh", include_str!("stopwords/zh.txt")),
];

#[cfg(not(feature = "languages"))]
const LISTS: &[(&str, &str)] = &[("en", include_str!("stopwords/en.txt"))];

/// Stop words as the term count's table holds them, so that a count can start
/// from them ([`StopWords::tally`]).
type Set = Tally<'static>;

/// A set of stop words: a language's list and the user's additions.
#[derive(Debug, Clone, Default)]
pub struct StopWords {
    /// The language's list, normalized once per process (`list_set`).
    list: Option<&'static Set>,
    /// The user's additions, normalized.
    extra: Set,
}

impl StopWords {
    /// The list of `language` (empty when there is none) plus `extra` words, which
    /// are normalized as terms are (`Don’t` adds `don't`).
    pub fn new(language: Option<&str>, extra: &[String]) -> StopWords {
        StopWords {
            list: language.and_then(list_set),
            extra: set_of(extra.iter().map(|w| normalized(w))),
        }
    }

    /// An empty count of `text`'s terms (room for about `terms`) whose first
    /// entries, counted 0, are these stop words: what the count's caller skips.
    pub fn tally<'t>(&self, text: &'t str, terms: usize) -> Tally<'t> {
        Tally::with_known(text, terms, self.list.into_iter().chain([&self.extra]))
    }

    /// True when `term` (already normalized) is a stop word.
    pub fn contains(&self, term: &str) -> bool {
        self.list.is_some_and(|l| l.contains(term)) || self.extra.contains(term)
    }

    /// True when the set has no words.
    pub fn is_empty(&self) -> bool {
        self.list.is_none_or(|l| l.is_empty()) && self.extra.is_empty()
    }
}

/// The list of `language` as a set of normalized terms, built on first use and
/// kept: `termFrequencies` called once per article built it on every call
/// (some 180 strings normalized, allocated and hashed for English), 3 % of the
/// call on a news-sized article in wasm (a CPU profile under Node).
fn list_set(language: &str) -> Option<&'static Set> {
    static SETS: [OnceLock<Set>; LISTS.len()] = [const { OnceLock::new() }; LISTS.len()];
    let i = list_index(language)?;
    Some(SETS[i].get_or_init(|| set_of(LISTS[i].1.lines().map(normalized))))
}

/// The words, those not empty, as a set.
fn set_of(words: impl Iterator<Item = String>) -> Set {
    let mut set = Tally::new("", 0);
    for word in words.filter(|w| !w.is_empty()) {
        set.add(&word);
    }
    set
}

/// `word` as the tokenizer normalizes terms, so that lists and user additions
/// match whatever quote or case form the text uses.
fn normalized(word: &str) -> String {
    normalize::term(word.trim(), Kind::Word, false).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_one_word_a_line() {
        for (code, list) in LISTS {
            let words: Vec<&str> = list.lines().collect();
            assert!(words.len() >= 20, "{code}");
            assert!(
                words.iter().all(|w| !w.is_empty() && !w.contains(' ')),
                "{code}"
            );
        }
    }

    /// The lean engine's list of languages is this module's.
    #[cfg(feature = "languages")]
    #[test]
    fn lean_knows_every_list() {
        let codes: Vec<&str> = LISTS.iter().map(|(code, _)| *code).collect();
        assert_eq!(codes, crate::lean::LISTED);
    }

    #[cfg(feature = "languages")]
    #[test]
    fn at_least_twenty_languages() {
        assert!(languages().count() >= 20);
    }

    #[test]
    fn finds_stop_words_and_additions() {
        let s = StopWords::new(Some("en"), &["Reuters".into(), " Don’t ".into()]);
        assert!(s.contains("the") && !s.contains("syria"));
        assert!(s.contains("reuters") && s.contains("don't") && s.contains("said"));
        assert!(StopWords::new(None, &[]).is_empty());
        let en = terms("en");
        assert!(en.contains(&"the".to_string()) && en.windows(2).all(|w| w[0] < w[1]));
        assert!(terms("xx").is_empty());
    }
}
