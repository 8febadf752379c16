//! Names: capitalised multi-word sequences counted as one term (`Bashar al-Assad`,
//! `Nusra Front`), with the variants that share a surname and a first initial
//! grouped (`Sergey V. Lavrov` / `Sergei Lavrov`).
//!
//! A heuristic for scripts with case: a run of capitalised words on one line, with
//! only spaces between them, may contain lower-case particles (`al`, `bin`, `de`,
//! `van`, `of`); leading titles (`President`, `Foreign Minister`) and stop words
//! are cut, and at least two words must remain.

use rustc_hash::{FxHashMap, FxHashSet};

use super::Word;
use crate::sort;

/// A name and its written variants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The most frequent variant.
    pub term: String,
    /// Occurrences of all variants.
    pub count: usize,
    /// Every variant, most frequent first.
    pub variants: Vec<String>,
}

const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "de", "del", "della", "der", "den", "di", "da", "das",
    "dos", "du", "la", "le", "van", "von", "ter", "y", "of",
];

const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "defense",
    "defence",
    "secretary",
    "state",
    "general",
    "gen",
    "mr",
    "mrs",
    "ms",
    "dr",
    "king",
    "queen",
    "prince",
    "pope",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "chancellor",
    "sheikh",
    "chairman",
    "judge",
    "mayor",
    "ambassador",
    "colonel",
    "col",
    "lt",
    "sgt",
    "capt",
    "captain",
    "spokesman",
    "spokeswoman",
    "commander",
    "envoy",
    "leader",
    "premier",
    "emir",
    "sir",
    "lord",
    "adviser",
    "advisor",
    "deputy",
    "director",
    "chief",
    "secretary-general",
    "spokesperson",
    "ayatollah",
    "rev",
];

/// True when `lower` (a lower-cased word) is a title or rank that may stand before
/// a name (`President`, `Adviser`, `Gen`): everything up to the last one is cut
/// from a name.
pub(crate) fn is_title(lower: &str) -> bool {
    // A set built once: the news stages ask this of most capitalised words, and a
    // scan of the list cost more than everything else they do with a word.
    static SET: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| TITLES.iter().copied().collect())
        .contains(lower)
}

/// The `n` most frequent names in `words` (the analyzed words of `text`).
pub fn names(text: &str, words: &[Word<'_>], n: usize) -> Vec<Name> {
    // Terms the text also writes in lower case: capitalised at a sentence's start
    // (`Following Obama`), they are ordinary words, not part of a name.
    let lower: FxHashSet<&str> = words
        .iter()
        .filter(|w| {
            w.span
                .slice(text)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        })
        .map(|w| w.term.as_ref())
        .collect();
    let mut variants: FxHashMap<String, usize> = FxHashMap::default();
    let mut run: Vec<usize> = Vec::new();
    for i in 0..=words.len() {
        let continues = i < words.len()
            && (is_capitalised(words[i].span.slice(text)) || is_particle(&words[i]))
            && run
                .last()
                .is_none_or(|&prev| spaces_only(text, &words[prev], &words[i]));
        if continues {
            run.push(i);
            continue;
        }
        if run.first().is_some_and(|&f| {
            sentence_start(text, &words[f])
                && (lower.contains(words[f].term.as_ref()) || is_opener(&words[f].term))
        }) {
            run.remove(0);
        }
        if let Some(name) = name_of(text, words, &run) {
            *variants.entry(name).or_default() += 1;
        }
        run.clear();
        if i < words.len() && is_capitalised(words[i].span.slice(text)) {
            run.push(i);
        }
    }
    group(variants, n)
}

/// True when `word` starts a sentence or a line.
pub(crate) fn sentence_start(text: &str, word: &Word<'_>) -> bool {
    let before = text
        .get(..word.span.start)
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    // An initial's period (`George W. Bush`) ends no sentence; `U.S.` may.
    let mut tail = before.chars().rev();
    let initial = tail.next() == Some('.')
        && tail.next().is_some_and(char::is_uppercase)
        && tail.next().is_none_or(|c| !c.is_alphanumeric() && c != '.');
    before.is_empty() || !initial && before.ends_with(['.', '!', '?', '\n', '"', '“', ':'])
}

/// True for a word that opens sentences but names no one: verb and adverb forms
/// (`Following`, `Citing`, `Asked`, `Reportedly`) and a few prepositions and
/// adverbs that English stop-word lists leave out (`Beyond`, `Despite`).
fn is_opener(term: &str) -> bool {
    let inflected = term.chars().count() > 5
        && (term.ends_with("ing") || term.ends_with("ed") || term.ends_with("ly"));
    inflected
        || matches!(
            term,
            "beyond"
                | "despite"
                | "meanwhile"
                | "amid"
                | "among"
                | "within"
                | "without"
                | "although"
                | "though"
                | "however"
                | "still"
                | "instead"
                | "unlike"
                | "besides"
                | "toward"
                | "towards"
                | "across"
                | "behind"
                | "inside"
                | "outside"
                | "earlier"
                | "later"
        )
}

/// Capitalised as a name word is: its last hyphenated part too (`al-Assad`, not
/// `Washington-based`).
fn is_capitalised(surface: &str) -> bool {
    !surface.contains('.')
        && surface
            .rsplit(['-', '‐'])
            .next()
            .is_some_and(|part| part.chars().next().is_some_and(char::is_uppercase))
}

/// All capitals (`FULL TEXT`, `BREAKING NEWS`): a heading when every word of a run is.
fn is_shouted(surface: &str) -> bool {
    surface.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !surface.chars().any(char::is_lowercase)
}

fn is_particle(word: &Word<'_>) -> bool {
    PARTICLES.contains(&word.term.as_ref())
}

fn spaces_only(text: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    text.get(a.span.end..b.span.start)
        .is_some_and(|gap| !gap.is_empty() && gap.chars().all(|c| c.is_whitespace() && c != '\n'))
        // An initial: `V.` in `Sergey V. Lavrov`.
        || text.get(a.span.end..b.span.start).is_some_and(|gap| {
            gap.starts_with('.')
                && a.span.slice(text).chars().count() == 1
                && gap[1..].chars().all(|c| c == ' ')
                && gap.len() > 1
        })
}

/// The run of words as a name: titles, particles and stop words cut from its ends.
fn name_of(text: &str, words: &[Word<'_>], run: &[usize]) -> Option<String> {
    let mut run = run;
    if let Some(last_title) = run.iter().rposition(|&i| is_title(words[i].term.as_ref())) {
        run = &run[last_title + 1..];
    }
    let keep = |i: &usize| !words[*i].stop && !is_particle(&words[*i]);
    let first = run.iter().position(keep)?;
    let last = run.iter().rposition(keep)?;
    let run = &run[first..=last];
    let capitalised = run
        .iter()
        .filter(|&&i| is_capitalised(words[i].span.slice(text)))
        .count();
    if capitalised < 2 || run.iter().all(|&i| is_shouted(words[i].span.slice(text))) {
        return None;
    }
    let parts: Vec<String> = run
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let surface = words[i].span.slice(text);
            let surface = if k + 1 == run.len() {
                strip_possessive(surface)
            } else {
                surface
            };
            // An initial keeps its period, unless the name ends there (`Plan B.`).
            let initial = surface.chars().count() == 1
                && k + 1 < run.len()
                && text.as_bytes().get(words[i].span.end) == Some(&b'.');
            if initial {
                format!("{surface}.")
            } else {
                surface.to_string()
            }
        })
        .collect();
    Some(parts.join(" "))
}

fn strip_possessive(surface: &str) -> &str {
    surface
        .strip_suffix("'s")
        .or_else(|| surface.strip_suffix("’s"))
        .unwrap_or(surface)
}

/// Groups variants by surname and first initial.
fn group(variants: FxHashMap<String, usize>, n: usize) -> Vec<Name> {
    let mut groups: FxHashMap<(String, String), Vec<(String, usize)>> = FxHashMap::default();
    for (variant, count) in variants {
        let lower = variant.to_lowercase();
        let surname = lower.rsplit(' ').next().unwrap_or("").to_string();
        let initial = lower.chars().next().map(String::from).unwrap_or_default();
        groups
            .entry((surname, initial))
            .or_default()
            .push((variant, count));
    }
    let mut out: Vec<Name> = groups
        .into_values()
        .map(|mut vs| {
            sort::by(&mut vs, |a, b| {
                b.1.cmp(&a.1)
                    .then_with(|| b.0.len().cmp(&a.0.len()))
                    .then_with(|| a.0.cmp(&b.0))
            });
            Name {
                term: vs[0].0.clone(),
                count: vs.iter().map(|v| v.1).sum(),
                variants: vs.into_iter().map(|v| v.0).collect(),
            }
        })
        .collect();
    sort::by(&mut out, |a, b| {
        b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term))
    });
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Analyzer, AnalyzerOptions};

    fn run(text: &str) -> Vec<Name> {
        let analyzer = Analyzer::new(&AnalyzerOptions::default(), text);
        let words: Vec<Word<'_>> = analyzer.words(text).collect();
        names(text, &words, 10)
    }

    #[test]
    fn finds_and_groups_names() {
        let text =
            "Following Bashar al-Assad's speech, following orders, Syrian President Bashar al-Assad met Russian Foreign Minister Sergey V. Lavrov. \
                    The Nusra Front attacked. Sergei Lavrov said Assad's army and the Nusra Front \
                    fought.\nLavrov left. Bashar al-Assad's office declined.";
        let got = run(text);
        let find = |t: &str| {
            got.iter()
                .find(|n| n.term == t)
                .unwrap_or_else(|| panic!("{t}: {got:?}"))
        };
        assert_eq!(find("Bashar al-Assad").count, 3, "{got:?}");
        assert_eq!(find("Nusra Front").count, 2);
        let lavrov = find("Sergey V. Lavrov");
        assert_eq!(lavrov.count, 2);
        assert_eq!(lavrov.variants, ["Sergey V. Lavrov", "Sergei Lavrov"]);
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn different_first_names_stay_apart() {
        let got = run("George Bush met Laura Bush. George W. Bush spoke.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].variants, ["George W. Bush", "George Bush"]);
    }

    #[test]
    fn titles_and_stray_openers_are_cut() {
        let got = run("Photos show US National Security Adviser Susan Rice seated. \
             Following Obama's meeting, officials left. Beyond Aleppo the siege held. \
             Deputy Foreign Minister Sergei Ryabkov spoke at the Washington-based Atlantic Council. \
             There is no Plan B.");
        let terms: Vec<&str> = got.iter().map(|n| n.term.as_str()).collect();
        let mut sorted = terms.clone();
        sort::all(&mut sorted);
        assert_eq!(
            sorted,
            ["Atlantic Council", "Plan B", "Sergei Ryabkov", "Susan Rice"],
            "{got:?}"
        );
    }

    #[test]
    fn no_names_in_lower_case_or_across_lines() {
        assert!(run("the talks in geneva failed").is_empty());
        assert!(run("Geneva\nTalks").is_empty());
        assert!(run("FULL TEXT. The talks.").is_empty());
        assert_eq!(
            run("NATO Secretary General Jens Stoltenberg")[0].term,
            "Jens Stoltenberg"
        );
    }
}
