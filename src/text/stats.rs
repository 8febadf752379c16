//! Term counts and the per-article summary (words, sentences, readability).

use std::borrow::Cow;
use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

use super::tally::Tally;
use super::walk::Term;
use super::{Analyzer, Token, Word};
use crate::sort;

/// A term and how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermCount {
    /// The normalized term.
    pub term: String,
    /// Its number of occurrences.
    pub count: usize,
}

/// Term counts keyed by the term, borrowed from the text where it can be.
pub type Counts<'t> = HashMap<Cow<'t, str>, usize, FxBuildHasher>;

/// Counts of the terms of `tokens`.
pub fn count<'t>(tokens: impl Iterator<Item = Token<'t>>) -> Counts<'t> {
    let mut counts = Counts::default();
    for token in tokens {
        // Look up by `&str` first so that a repeated owned term is not moved in again.
        match counts.get_mut(token.term.as_ref()) {
            Some(n) => *n += 1,
            None => {
                counts.insert(token.term, 1);
            }
        }
    }
    counts
}

/// Counts of the terms of every token of `text`: the same as
/// `count(tokens(text, ..))` (its naive twin, see the tests), read by
/// [`super::walk`] without a `Token` per word, into a [`Tally`] (a term hashed
/// once, no `String` per term).
pub fn count_text(text: &str, fold_accents: bool) -> Tally<'_> {
    count_into(Tally::new(text, expected_terms(text)), fold_accents)
}

/// Every token of `tally`'s text counted into it.
fn count_into(mut tally: Tally<'_>, fold_accents: bool) -> Tally<'_> {
    super::walk::for_each_token(tally.text(), fold_accents, |span, term| match term {
        Term::Text(_) => tally.add_slice(span.start, span.end),
        Term::Scratch(term) => tally.add(term),
        Term::Owned(term) => tally.add(&term),
    });
    tally
}

/// About how many distinct terms `text` has, to size its count for: they grow
/// about as the square root of its length (Heaps' law: a news article of 8.5 KB
/// has some 700, 5 MB of PAN prose 47,000). An article's table is then not
/// rehashed as it fills, and a long text's is not allocated whole up front (a
/// table for 47,000 terms on every call made the wasm build 40% slower).
fn expected_terms(text: &str) -> usize {
    // A float's square root is one wasm instruction; `usize::isqrt` is a loop of
    // some 400 bytes.
    8 * (text.len() as f64).sqrt() as usize
}

/// `counts` as a list, most frequent first (ties alphabetical): [`sorted_terms`],
/// each term copied.
pub fn sorted(counts: &Counts<'_>) -> Vec<TermCount> {
    owned(&sorted_terms(
        counts.iter().map(|(t, &n)| (t.as_ref(), n)).collect(),
    ))
}

/// `terms` (distinct) most frequent first (ties alphabetical).
///
/// Sorted before any term is copied, as integers that settle most comparisons
/// without reading the strings ([`KeyLayout`]: the count, then the term's first
/// bytes, then its place); only terms that share a count and those bytes are
/// compared as strings afterwards. Sorting the owned terms was 8 % of a
/// news-sized article's `termFrequencies` in wasm (a CPU profile under Node);
/// sorting `(count, bytes, &str)` tuples still 13 % once the terms crossed to
/// JavaScript in bulk.
pub fn sorted_terms(terms: Vec<(&str, usize)>) -> Vec<(&str, usize)> {
    let layout = KeyLayout::for_terms(&terms);
    let mut keys: Vec<u64> = terms
        .iter()
        .enumerate()
        .map(|(place, &(term, count))| layout.key(count, term, place))
        .collect();
    sort::all(&mut keys);
    let term = |key: &u64| terms[layout.place(*key)].0;
    for tied in keys.chunk_by_mut(|a, b| layout.settled(*a) == layout.settled(*b)) {
        if tied.len() > 1 {
            sort::by(tied, |a, b| term(a).cmp(term(b)));
        }
    }
    keys.iter().map(|key| terms[layout.place(*key)]).collect()
}

/// How [`sorted_terms`] packs a term into one `u64` sort key: in the high bits
/// its count, as how many fewer than the most frequent term's (so that more
/// sorts first); in the low bits its place in the list; between them as many of
/// its first bytes as fit, as a big-endian number (zero-padded, so that a
/// shorter term sorts first, as `str` does). The count and the place take only
/// the bits their largest values need: a news article's terms keep six bytes,
/// the 47,000 of 5 MB of PAN prose four and a half. A `u64` rather than a
/// `u128`: in wasm each comparison of two `u128`s is several instructions, and
/// the sort was 13 % of a news-sized article's `termFrequencies` (instructions
/// under valgrind, with and without it).
struct KeyLayout {
    most: u32,
    count_bits: u32,
    place_bits: u32,
}

impl KeyLayout {
    fn for_terms(terms: &[(&str, usize)]) -> KeyLayout {
        let most = terms.iter().map(|&(_, n)| clamp(n)).max().unwrap_or(0);
        KeyLayout {
            most,
            count_bits: bits(most),
            place_bits: bits(clamp(terms.len().saturating_sub(1))),
        }
    }

    /// The key of the term at `place`. The count and the place fit in 32 bits
    /// each (a text within the size limits has fewer words), so the two fields
    /// never overlap; the prefix gets what is left, possibly nothing.
    fn key(&self, count: usize, term: &str, place: usize) -> u64 {
        let fewer = u64::from(self.most - clamp(count).min(self.most));
        let prefix = shr(prefix_key(term), self.count_bits + self.place_bits);
        shl(fewer, 64 - self.count_bits) | shl(prefix, self.place_bits) | u64::from(clamp(place))
    }

    /// The key without the place: terms equal here are ordered by their strings.
    fn settled(&self, key: u64) -> u64 {
        shr(key, self.place_bits)
    }

    fn place(&self, key: u64) -> usize {
        (key & !shl(u64::MAX, self.place_bits)) as usize
    }
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The bits `n` needs.
fn bits(n: u32) -> u32 {
    u32::BITS - n.leading_zeros()
}

/// `x << n`, zero when `n` is 64 or more.
fn shl(x: u64, n: u32) -> u64 {
    x.checked_shl(n).unwrap_or(0)
}

/// `x >> n`, zero when `n` is 64 or more.
fn shr(x: u64, n: u32) -> u64 {
    x.checked_shr(n).unwrap_or(0)
}

/// Borrowed terms and their counts as owned [`TermCount`]s.
pub fn owned(terms: &[(&str, usize)]) -> Vec<TermCount> {
    terms
        .iter()
        .map(|&(term, count)| TermCount {
            term: term.to_string(),
            count,
        })
        .collect()
}

/// The first eight bytes of `term`, zero-padded, as a big-endian number: it
/// orders terms as `str` does wherever two keys differ. The count's head of the
/// term (little-endian), its bytes turned round.
fn prefix_key(term: &str) -> u64 {
    super::tally::head(term.as_bytes()).swap_bytes()
}

/// The content terms of `text` under `analyzer`, most frequent first.
///
/// Every term is counted first and stop words and stems are applied to the
/// distinct terms afterwards: a text of a million words has some fifty thousand
/// distinct ones, so the stop-word lookup and the stemmer run twenty times less.
/// `sorted(&count(analyzer.tokens(text)))` is the naive twin (see the tests).
pub fn term_frequencies(text: &str, analyzer: &Analyzer) -> Vec<TermCount> {
    term_frequencies_with(text, analyzer, owned)
}

/// [`term_frequencies`] handed to `out` as borrowed terms: for a caller that
/// copies them elsewhere anyway (the wasm export packs them into one string),
/// without a `String` per term (a tenth of a news-sized article's
/// `termFrequencies` in wasm went to sorting and copying the terms).
pub fn term_frequencies_with<R>(
    text: &str,
    analyzer: &Analyzer,
    out: impl FnOnce(&[(&str, usize)]) -> R,
) -> R {
    // The stop words are the count's first entries: skipped, not looked up again.
    let stop = analyzer.stop_words().tally(text, expected_terms(text));
    let stop_words = stop.len();
    let all = count_into(stop, analyzer.folds_accents());
    let content = all.iter_from(stop_words);
    if !analyzer.stems() {
        return out(&sorted_terms(content.collect()));
    }
    let mut stems = Counts::default();
    for (term, n) in content {
        *stems.entry(analyzer.stem(Cow::Borrowed(term))).or_default() += n;
    }
    out(&sorted_terms(
        stems.iter().map(|(t, &n)| (t.as_ref(), n)).collect(),
    ))
}

/// Counts of every term in `tokens`, most frequent first (ties alphabetical).
pub fn term_counts(tokens: &[Token<'_>]) -> Vec<TermCount> {
    sorted(&count(tokens.iter().cloned()))
}

/// True when `term` is a number (`290,000`, `2.5`): not a content word.
pub fn is_number(term: &str) -> bool {
    term.chars().any(|c| c.is_numeric())
        && term
            .chars()
            .all(|c| c.is_numeric() || matches!(c, '.' | ',' | '\'' | '%'))
}

/// What a reader sees at a glance of one article, as Voyant's summary shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Words (tokens with a letter or digit; a CJK bigram counts as one).
    pub words: usize,
    /// Distinct terms among them.
    pub unique_words: usize,
    /// Sentences with at least one word (UAX #29 sentence boundaries).
    pub sentences: usize,
    /// Unique words over words.
    pub vocabulary_density: f64,
    /// Words per sentence.
    pub mean_sentence_length: f64,
    /// The readability score, when the measure applies to the language.
    pub readability: Option<f64>,
    /// Which measure `readability` is: `"flesch-reading-ease"` (English; higher
    /// is easier), `"lix"` (other alphabetic languages; higher is harder) or
    /// `"none"` (scripts without spaces, where word length means nothing).
    pub readability_measure: &'static str,
}

impl Summary {
    /// Nothing counted.
    pub fn empty() -> Summary {
        Summary {
            words: 0,
            unique_words: 0,
            sentences: 0,
            vocabulary_density: 0.0,
            mean_sentence_length: 0.0,
            readability: None,
            readability_measure: "none",
        }
    }
}

/// The summary of `text`, whose analyzed words are `words`.
pub fn summary(text: &str, words: &[Word<'_>], language: Option<&str>) -> Summary {
    let counted: Vec<&Word<'_>> = words
        .iter()
        .filter(|w| w.term.chars().any(char::is_alphanumeric))
        .collect();
    let n = counted.len();
    let unique: std::collections::HashSet<&str, FxBuildHasher> =
        counted.iter().map(|w| w.term.as_ref()).collect();
    let sentences = sentences(text);
    let per_sentence = ratio(n, sentences);
    let (readability, measure) = match language {
        Some("zh" | "ja" | "th" | "lo" | "km" | "my") | None => (None, "none"),
        _ if n == 0 => (None, "none"),
        Some("en") => {
            let syllables: usize = counted.iter().map(|w| syllables(&w.term)).sum();
            let score = 206.835 - 1.015 * per_sentence - 84.6 * ratio(syllables, n);
            (Some(round2(score)), "flesch-reading-ease")
        }
        Some(_) => {
            let long = counted
                .iter()
                .filter(|w| w.term.chars().count() > 6)
                .count();
            (Some(round2(per_sentence + 100.0 * ratio(long, n))), "lix")
        }
    };
    Summary {
        words: n,
        unique_words: unique.len(),
        sentences,
        vocabulary_density: round4(ratio(unique.len(), n)),
        mean_sentence_length: round2(per_sentence),
        readability,
        readability_measure: measure,
    }
}

/// Sentences with a letter or digit, by UAX #29. A plain loop: the iterator's
/// `size_hint` underflows on empty text in unicode-segmentation 1.13.3 (found by
/// the fuzzer), and adapters such as `filter().count()` call it.
fn sentences(text: &str) -> usize {
    let mut n = 0;
    if text.is_empty() {
        return n;
    }
    for s in crate::breaks::sentences(text) {
        n += usize::from(s.chars().any(char::is_alphanumeric));
    }
    n
}

/// Syllables of an English word: groups of vowels, less a silent final `e`.
fn syllables(word: &str) -> usize {
    let mut groups = 0;
    let mut in_vowel = false;
    for c in word.chars() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if vowel && !in_vowel {
            groups += 1;
        }
        in_vowel = vowel;
    }
    if word.ends_with('e') && !word.ends_with("le") && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::AnalyzerOptions;

    #[test]
    fn counts_content_terms_most_frequent_first() {
        let text = "Talks in Geneva. The talks failed; talks resume in Geneva 2.5 times.";
        let analyzer = Analyzer::new(&AnalyzerOptions::default(), text);
        let got = term_frequencies(text, &analyzer);
        assert_eq!(
            got[0],
            TermCount {
                term: "talks".into(),
                count: 3
            }
        );
        assert_eq!(
            got[1],
            TermCount {
                term: "geneva".into(),
                count: 2
            }
        );
        assert!(got.iter().all(|t| t.term != "the" && t.term != "in"));
    }

    // proptest needs an OS random source: property tests run natively only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn term_frequencies_match_the_naive_count(
            text in "[a-zA-Z’' .,\n-]{0,80}|(the|The|talks|Talks|negotiated|running|U\\.S\\.| |, )*",
            stem: bool,
        ) {
            let options = AnalyzerOptions {
                stem,
                language: Some("en"),
                ..AnalyzerOptions::default()
            };
            let analyzer = Analyzer::new(&options, &text);
            proptest::prop_assert_eq!(
                term_frequencies(&text, &analyzer),
                sorted(&count(analyzer.tokens(&text)))
            );
        }

        #[test]
        fn count_text_matches_counting_tokens(
            text in "[a-zA-Zé中’' .,\n-]{0,60}|(The|the|THE|Talks|talks|U\\.S\\.|Café|café|\u{640}| |, )*",
            fold: bool,
        ) {
            let options = crate::text::TokenizeOptions { fold_accents: fold };
            proptest::prop_assert_eq!(
                tallied(&count_text(&text, fold)),
                sorted(&count(crate::text::tokens(&text, &options)))
            );
        }
        #[test]
        fn sorted_orders_as_count_then_str(
            terms in proptest::collection::hash_map("[ab\u{0}é中]{0,10}", 1usize..4, 0..40),
        ) {
            proptest::prop_assert_eq!(sorted(&borrowed(&terms)), naive_sorted(&terms));
        }

        /// Counts and lists large enough to take many bits of the key, and
        /// terms that share their first bytes (which the key then cannot hold).
        #[test]
        fn sorted_orders_as_count_then_str_with_large_counts(
            terms in proptest::collection::hash_map("(govern|intern)[a-c]{0,8}", 1usize..200_000, 0..300),
        ) {
            proptest::prop_assert_eq!(sorted(&borrowed(&terms)), naive_sorted(&terms));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn tallied(tally: &Tally<'_>) -> Vec<TermCount> {
        owned(&sorted_terms(tally.iter().collect()))
    }

    // For the property tests, which run natively only.
    #[cfg(not(target_arch = "wasm32"))]
    fn borrowed(terms: &HashMap<String, usize>) -> Counts<'_> {
        terms
            .iter()
            .map(|(t, &n)| (Cow::Borrowed(t.as_str()), n))
            .collect()
    }

    /// `terms` sorted as `sorted` promises: most frequent first, ties as `str` orders them.
    #[cfg(not(target_arch = "wasm32"))]
    fn naive_sorted(terms: &HashMap<String, usize>) -> Vec<TermCount> {
        let mut naive: Vec<TermCount> = terms
            .iter()
            .map(|(t, &n)| TermCount {
                term: t.clone(),
                count: n,
            })
            .collect();
        naive.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
        naive
    }

    #[test]
    fn summary_of_english() {
        let text = "The cat sat. The cat ran away quickly!";
        let analyzer = Analyzer::new(&AnalyzerOptions::default(), text);
        let words: Vec<Word<'_>> = analyzer.words(text).collect();
        let s = summary(text, &words, Some("en"));
        assert_eq!((s.words, s.unique_words, s.sentences), (8, 6, 2));
        assert_eq!(s.vocabulary_density, 0.75);
        assert_eq!(s.mean_sentence_length, 4.0);
        assert_eq!(s.readability_measure, "flesch-reading-ease");
        // 10 syllables over 8 words in 2 sentences.
        let want = 206.835 - 1.015 * 4.0 - 84.6 * (10.0 / 8.0);
        assert!((s.readability.unwrap() - want).abs() < 0.01);
        assert_eq!(summary(text, &words, Some("zh")).readability, None);
        assert_eq!(summary("", &[], Some("en")).sentences, 0);
    }

    #[test]
    fn syllable_heuristic() {
        assert_eq!(syllables("the"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("government"), 3);
    }

    #[test]
    fn numbers_are_not_terms() {
        assert!(is_number("290,000") && is_number("2.5") && !is_number("g7") && !is_number("u.s."));
    }
}
