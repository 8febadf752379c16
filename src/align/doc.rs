//! A text read once for alignment: its words (byte spans, hashes, stems) and its
//! sentences (word ranges and bags of content stems).
//!
//! The scan is deliberately lighter than `text::tokenize` (no UAX #29, no NFKC):
//! alignment reads every document of a corpus, and a word here is just a run of
//! alphanumeric characters, lower-cased.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::script::is_unspaced;
use crate::sort;
use crate::span::ByteSpan;

/// A map keyed by values that are already hashes: hashing them again is waste.
pub(crate) type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<Identity>>;

/// The identity hasher for [`HashedMap`].
#[derive(Default)]
pub(crate) struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        // Spread the bits so that the table's low bits are well mixed.
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// One word: where it is, the hash of its lower-cased form, and the hash of its
/// stem (0 for a stop word).
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// Where the word starts and ends, in bytes: `u32`, as an article is at most
    /// [`crate::limits::MAX_ARTICLE_BYTES`] long, so that a word takes 24 bytes
    /// rather than 32 (a set keeps every word of every article while it aligns).
    start: u32,
    end: u32,
    /// Hash of the lower-cased word.
    pub hash: u64,
    /// Hash of its stem; 0 for a stop word.
    pub stem: u64,
}

impl Word {
    /// Where the word is, in bytes.
    pub fn span(&self) -> ByteSpan {
        ByteSpan::new(self.start as usize, self.end as usize)
    }
}

/// One sentence: its words, and its content stems with their counts.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// First word.
    pub first: usize,
    /// One past the last word.
    pub end: usize,
    /// Where the sentence is, in bytes (first word to last word).
    pub span: ByteSpan,
    /// Range of its `(stem, count)` entries in [`Doc::terms`].
    terms: (usize, usize),
}

/// A text read for alignment.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// The words, in order.
    pub words: Vec<Word>,
    /// The sentences, in order; together they cover every word.
    pub sentences: Vec<Sentence>,
    /// For every sentence, its distinct content stems and their counts.
    terms: Vec<(u64, u32)>,
    /// For every entry of `terms`, the place of its stem in `stems`.
    term_stems: Vec<u32>,
    /// The distinct content stems, sorted, each with the number of sentences
    /// holding it. Sorted so that a pair of texts joins theirs in one merge
    /// (`sentences::Pair`) instead of looking every stem up in a table.
    pub(crate) stems: Vec<(u64, u32)>,
    /// For every word, the sentence it belongs to.
    pub sentence_of: Vec<u32>,
    /// Length of the text in bytes.
    pub len: usize,
}

/// Sentences shorter than this many words join the next one: too short to be
/// compared on their own.
const MIN_SENTENCE_WORDS: usize = 4;

impl Doc {
    /// Reads `text`.
    pub fn new(text: &str) -> Doc {
        let (words, breaks) = scan(text);
        let mut doc = Doc {
            words,
            len: text.len(),
            ..Doc::default()
        };
        doc.split_sentences(&breaks);
        // A set keeps every doc while its pairs are aligned: no spare capacity.
        doc.words.shrink_to_fit();
        doc.sentences.shrink_to_fit();
        doc.terms.shrink_to_fit();
        doc.term_stems.shrink_to_fit();
        doc.stems.shrink_to_fit();
        doc
    }

    /// Number of words.
    pub fn len_words(&self) -> usize {
        self.words.len()
    }

    /// The `(stem, count)` bag of sentence `s`.
    pub fn terms(&self, s: usize) -> &[(u64, u32)] {
        let (start, end) = self.sentences[s].terms;
        &self.terms[start..end]
    }

    /// For each stem of [`Doc::terms`]`(s)`, in order, its place in [`Doc::stems`].
    pub(crate) fn term_stems(&self, s: usize) -> &[u32] {
        let (start, end) = self.sentences[s].terms;
        &self.term_stems[start..end]
    }

    /// The byte span from the start of word `first` to the end of word `last`.
    pub fn word_span(&self, first: usize, last: usize) -> ByteSpan {
        self.words[first].span().cover(self.words[last].span())
    }

    /// `breaks[w]` is true when a sentence ends after word `w`.
    fn split_sentences(&mut self, breaks: &[bool]) {
        let mut bounds: Vec<(usize, usize)> = Vec::new();
        let mut first = 0;
        for (w, &ends) in breaks.iter().enumerate() {
            if ends && w + 1 - first >= MIN_SENTENCE_WORDS {
                bounds.push((first, w + 1));
                first = w + 1;
            }
        }
        if first < self.words.len() {
            // A short tail joins the sentence before it.
            match bounds.last_mut() {
                Some(last) if self.words.len() - first < MIN_SENTENCE_WORDS => {
                    last.1 = self.words.len()
                }
                _ => bounds.push((first, self.words.len())),
            }
        }
        for (first, end) in bounds {
            self.push_sentence(first, end);
        }
        self.sentence_of = vec![0; self.words.len()];
        for (i, s) in self.sentences.iter().enumerate() {
            for w in s.first..s.end {
                self.sentence_of[w] = i as u32;
            }
        }
        // A sentence lists each stem once, so a stem's entries are its sentences.
        let mut stems: Vec<u64> = self.terms.iter().map(|&(stem, _)| stem).collect();
        sort::all(&mut stems);
        for stem in stems {
            match self.stems.last_mut() {
                Some((last, sentences)) if *last == stem => *sentences += 1,
                _ => self.stems.push((stem, 1)),
            }
        }
        self.term_stems = self
            .terms
            .iter()
            .map(|&(stem, _)| self.stems.partition_point(|&(s, _)| s < stem) as u32)
            .collect();
    }

    fn push_sentence(&mut self, first: usize, end: usize) {
        let start = self.terms.len();
        let mut stems: Vec<u64> = self.words[first..end]
            .iter()
            .map(|w| w.stem)
            .filter(|&s| s != 0)
            .collect();
        sort::all(&mut stems);
        for (i, &stem) in stems.iter().enumerate() {
            if i > 0 && stems[i - 1] == stem {
                if let Some(last) = self.terms.last_mut() {
                    last.1 += 1;
                }
            } else {
                self.terms.push((stem, 1));
            }
        }
        self.sentences.push(Sentence {
            first,
            end,
            span: self.word_span(first, end - 1),
            terms: (start, self.terms.len()),
        });
    }
}

/// The words of `text`, and for each whether a sentence ends after it.
fn scan(text: &str) -> (Vec<Word>, Vec<bool>) {
    let mut words = Vec::new();
    let mut breaks = Vec::new();
    let mut lower = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if !c.is_alphanumeric() {
            chars.next();
            continue;
        }
        lower.clear();
        let mut end = start;
        // In a script without spaces every character is a word of its own: there
        // are no boundaries to find, and shared runs of characters are the evidence.
        let unspaced = is_unspaced(c);
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() || (end > start && (unspaced || is_unspaced(c))) {
                break;
            }
            if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
            end = i + c.len_utf8();
            chars.next();
        }
        // The gap up to the next word decides whether a sentence ends here.
        let gap_end = text[end..]
            .char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map_or(text.len(), |(i, _)| end + i);
        breaks.push(ends_sentence(&lower, &text[end..gap_end], &text[gap_end..]));
        // The gap is read: skip it without asking each character again.
        while chars.next_if(|&(i, _)| i < gap_end).is_some() {}
        let span = ByteSpan::new(start, end);
        let stem = if is_stop_word(&lower) {
            0
        } else {
            hash_term(stem(&lower)) | 1
        };
        words.push(Word {
            // Every public entry refuses an article over `MAX_ARTICLE_BYTES` before
            // it is read; a longer text read unchecked saturates rather than wraps.
            start: u32::try_from(span.start).unwrap_or(u32::MAX),
            end: u32::try_from(span.end).unwrap_or(u32::MAX),
            hash: hash_term(&lower),
            stem,
        });
    }
    (words, breaks)
}

/// True when the text between a word and the next one ends a sentence.
fn ends_sentence(word: &str, gap: &str, next: &str) -> bool {
    if gap.contains("\n\n") || gap.contains("\n\r\n") {
        return true;
    }
    let next_upper = next.chars().next().is_some_and(|c| c.is_uppercase());
    if gap.contains('\n') && next_upper {
        return true; // a heading or a list item ends at its line's end
    }
    if gap.contains(['。', '！', '？']) {
        return true; // full-width stops end a sentence, with no space after them
    }
    if !gap.contains(['.', '!', '?']) {
        return false;
    }
    let spaced = gap.contains(char::is_whitespace);
    if !spaced && !next_upper {
        return false; // 3.5, e.g.x, www.site
    }
    // Initials and common abbreviations rarely end a sentence.
    let abbreviation = word.chars().count() == 1
        || matches!(
            word,
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "st"
                | "jr"
                | "sr"
                | "vs"
                | "no"
                | "prof"
                | "gen"
                | "gov"
                | "sen"
                | "rep"
                | "inc"
                | "ltd"
                | "co"
                | "corp"
                | "jan"
                | "feb"
                | "aug"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "etc"
        );
    !(abbreviation && gap.trim() == ".")
}

/// FNV-1a: a fast hash of a term, stable across native and wasm builds.
pub(crate) fn hash_term(term: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in term.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A light English stemmer: strips common inflections so that `talks`, `talked`
/// and `talking` meet. (Porter would do a little better and cost more code.)
fn stem(word: &str) -> &str {
    if !word.is_ascii() || word.len() <= 4 {
        return word
            .strip_suffix('s')
            .filter(|w| w.len() >= 3 && !w.ends_with('s'))
            .unwrap_or(word);
    }
    for suffix in [
        "ational", "ations", "ation", "ings", "ing", "ies", "ied", "edly", "ed", "ly", "es", "s",
        "e",
    ] {
        if let Some(root) = word.strip_suffix(suffix) {
            if root.len() >= 3 && !(suffix == "s" && root.ends_with('s')) {
                return root;
            }
        }
    }
    word
}

/// English function words: they carry no content, so sentence bags leave them out.
pub(crate) fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "about"
            | "above"
            | "after"
            | "again"
            | "against"
            | "all"
            | "also"
            | "am"
            | "an"
            | "and"
            | "any"
            | "are"
            | "as"
            | "at"
            | "be"
            | "because"
            | "been"
            | "before"
            | "being"
            | "below"
            | "between"
            | "both"
            | "but"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "doing"
            | "down"
            | "during"
            | "each"
            | "few"
            | "for"
            | "from"
            | "further"
            | "had"
            | "has"
            | "have"
            | "having"
            | "he"
            | "her"
            | "here"
            | "hers"
            | "herself"
            | "him"
            | "himself"
            | "his"
            | "how"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "itself"
            | "just"
            | "me"
            | "more"
            | "most"
            | "my"
            | "myself"
            | "no"
            | "nor"
            | "not"
            | "now"
            | "of"
            | "off"
            | "on"
            | "once"
            | "only"
            | "or"
            | "other"
            | "our"
            | "ours"
            | "ourselves"
            | "out"
            | "over"
            | "own"
            | "same"
            | "she"
            | "should"
            | "so"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "theirs"
            | "them"
            | "themselves"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "through"
            | "to"
            | "too"
            | "under"
            | "until"
            | "up"
            | "very"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "while"
            | "who"
            | "whom"
            | "why"
            | "will"
            | "with"
            | "would"
            | "you"
            | "your"
            | "yours"
            | "yourself"
            | "yourselves"
            | "s"
            | "t"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_offsets() {
        let text = "Obama’s talks, 290,000 dead. Café!";
        let doc = Doc::new(text);
        let got: Vec<&str> = doc.words.iter().map(|w| w.span().slice(text)).collect();
        assert_eq!(got, ["Obama", "s", "talks", "290", "000", "dead", "Café"]);
    }

    #[test]
    fn splits_sentences_but_not_initials() {
        let text = "Mr. J. Smith went to the U.S. capital today. Then he flew home again, tired.\n\nA new paragraph starts here now";
        let doc = Doc::new(text);
        let got: Vec<&str> = doc.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(
            got,
            [
                "Mr. J. Smith went to the U.S. capital today",
                "Then he flew home again, tired",
                "A new paragraph starts here now"
            ]
        );
    }

    #[test]
    fn short_sentences_join_the_next() {
        let doc = Doc::new("Yes. No. The talks went on until late at night. Ok.");
        assert_eq!(doc.sentences.len(), 1);
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("talks"), stem("talked"));
        assert_eq!(stem("talking"), "talk");
        assert_eq!(stem("glass"), "glass");
    }

    #[test]
    fn empty_text() {
        let doc = Doc::new("  ... ");
        assert!(doc.words.is_empty() && doc.sentences.is_empty());
    }
}
