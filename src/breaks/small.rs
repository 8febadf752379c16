//! The lean engine's text boundaries: the rules of UAX #29 over the word and
//! sentence break properties of `tables.rs`, and every other character noted as
//! needing the full engine (see the module above).
//!
//! Each function reads the whole of its text at once (the text engine hands it
//! one whitespace-separated run, readability one article) and returns the pieces
//! between boundaries, as unicode-segmentation does.

use super::tables::{SENTENCE, WORD};

/// Word break property values (UAX #29, table 3), in the order of `tables.rs`'s
/// numbers. Hebrew letters and Katakana are not covered: they need the full engine.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[allow(clippy::upper_case_acronyms)] // UAX #29's names
pub(super) enum Word {
    Any,
    ALetter,
    Numeric,
    ExtendNumLet,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    DoubleQuote,
    WSegSpace,
    Newline,
    CR,
    LF,
    Extend,
    Format,
    ZWJ,
    RegionalIndicator,
    Uncovered,
}

const WORDS: [Word; 18] = [
    Word::Any,
    Word::ALetter,
    Word::Numeric,
    Word::ExtendNumLet,
    Word::MidLetter,
    Word::MidNum,
    Word::MidNumLet,
    Word::SingleQuote,
    Word::DoubleQuote,
    Word::WSegSpace,
    Word::Newline,
    Word::CR,
    Word::LF,
    Word::Extend,
    Word::Format,
    Word::ZWJ,
    Word::RegionalIndicator,
    Word::Uncovered,
];

/// Sentence break property values (UAX #29, table 4), in the order of
/// `tables.rs`'s numbers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Sentence {
    Any,
    CR,
    LF,
    Extend,
    Sep,
    Format,
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    SContinue,
    STerm,
    Close,
    Uncovered,
}

const SENTENCES: [Sentence; 16] = [
    Sentence::Any,
    Sentence::CR,
    Sentence::LF,
    Sentence::Extend,
    Sentence::Sep,
    Sentence::Format,
    Sentence::Sp,
    Sentence::Lower,
    Sentence::Upper,
    Sentence::OLetter,
    Sentence::Numeric,
    Sentence::ATerm,
    Sentence::SContinue,
    Sentence::STerm,
    Sentence::Close,
    Sentence::Uncovered,
];

/// A word table entry: from `first` on (to the next entry), the value `class`.
pub(super) const fn word(first: char, class: Word) -> u32 {
    (first as u32) << 6 | class as u32
}

/// A word table entry for characters that are also Extended_Pictographic.
pub(super) const fn pictograph(first: char, class: Word) -> u32 {
    word(first, class) | PICTOGRAPHIC
}

/// A sentence table entry: from `first` on (to the next entry), the value `class`.
pub(super) const fn sentence(first: char, class: Sentence) -> u32 {
    (first as u32) << 4 | class as u32
}

const PICTOGRAPHIC: u32 = 1 << 5;

/// The entry of `table` (entries sorted by first character, bits above `shift`)
/// whose range holds `c`.
fn entry(table: &[u32], shift: u32, c: char) -> u32 {
    let at = table.partition_point(|&e| e >> shift <= c as u32);
    table[at.saturating_sub(1)]
}

/// `c`'s word break value, and whether it is Extended_Pictographic. A character
/// the tables do not cover is noted and read as `Any`.
fn word_class(c: char) -> (Word, bool) {
    let e = entry(WORD, 6, c);
    let class = WORDS.get((e & 0x1F) as usize).copied().unwrap_or(Word::Any);
    if class == Word::Uncovered {
        crate::lean::need_full_engine();
        return (Word::Any, false);
    }
    (class, e & PICTOGRAPHIC != 0)
}

/// `c`'s sentence break value; see [`word_class`].
fn sentence_class(c: char) -> Sentence {
    let class = SENTENCES
        .get((entry(SENTENCE, 4, c) & 0xF) as usize)
        .copied()
        .unwrap_or(Sentence::Any);
    if class == Sentence::Uncovered {
        crate::lean::need_full_engine();
        return Sentence::Any;
    }
    class
}

/// The pieces of `s` between the byte offsets `breaks` (ascending, inside `s`).
fn pieces(s: &str, breaks: Vec<usize>) -> impl Iterator<Item = (usize, &str)> {
    let ends = breaks.into_iter().chain([s.len()]);
    let mut start = 0;
    ends.filter_map(move |end| {
        let piece = (start, s.get(start..end)?);
        start = end;
        Some(piece)
    })
    .filter(|(_, p)| !p.is_empty())
}

/// The pieces of `s` between word boundaries, with their byte offsets.
pub fn word_bound_indices(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let chars: Vec<(usize, Word, bool)> = s
        .char_indices()
        .map(|(at, c)| {
            let (class, pictographic) = word_class(c);
            (at, class, pictographic)
        })
        .collect();
    let classes: Vec<Word> = chars.iter().map(|&(_, class, _)| class).collect();
    let absorbed: Vec<bool> = (0..classes.len())
        .map(|i| i > 0 && ignorable(classes[i]) && !hard(classes[i - 1]))
        .collect();
    // How unicode-segmentation reads a pictograph right after a ZWJ (WB3c): as the
    // end of an emoji sequence, whatever its own value, and as the end of a
    // `MidLetter` or `MidNum` that waits for a letter or digit (WB6, WB12), which
    // it then joins to the word: `a'` + ZWJ + 🃏 is one piece. UAX #29 would break
    // after `a`; the full engine's answers are the crate's, so these are too.
    let zwj_pictograph: Vec<bool> = (0..chars.len())
        .map(|i| chars[i].2 && i > 0 && classes[i - 1] == Word::ZWJ)
        .collect();
    let read = |i: usize| match zwj_pictograph[i] {
        true => Word::Any,
        false => classes[i],
    };
    let ahead = next_kept(&absorbed);
    let mut seen = WordContext::new(classes.first().copied());
    let mut breaks = Vec::new();
    for i in 1..chars.len() {
        let (before, here) = (classes[i - 1], classes[i]);
        let next = match ahead[i] {
            j if j < chars.len() && zwj_pictograph[j] => Next::Pictograph,
            j if j < chars.len() => Next::Class(classes[j]),
            _ => Next::Class(Word::Any),
        };
        if word_break(&seen, before, here, chars[i].2, absorbed[i], next) {
            breaks.push(chars[i].0);
        }
        if !absorbed[i] {
            seen.push(read(i));
        }
    }
    pieces(s, breaks)
}

/// The first character after a position that the word rules see.
#[derive(Clone, Copy, PartialEq)]
enum Next {
    Class(Word),
    /// A pictograph right after a ZWJ (see [`word_bound_indices`]).
    Pictograph,
}

/// For each position, the index of the first character after it that WB4 did
/// not absorb (the length if none): one pass from the end, so that looking
/// ahead costs nothing per position.
fn next_kept(absorbed: &[bool]) -> Vec<usize> {
    let mut out = vec![absorbed.len(); absorbed.len()];
    let mut next = absorbed.len();
    for i in (0..absorbed.len()).rev() {
        out[i] = next;
        if !absorbed[i] {
            next = i;
        }
    }
    out
}

/// True for the values WB4 lets a character absorb.
fn ignorable(class: Word) -> bool {
    matches!(class, Word::Extend | Word::Format | Word::ZWJ)
}

fn hard(class: Word) -> bool {
    matches!(class, Word::Newline | Word::CR | Word::LF)
}

/// What the word rules see before a position, through what WB4 absorbed: the
/// last two characters, and how many regional indicators in a row end there.
/// Kept as the text is read, so that every position costs the same however
/// long the runs before it (a text of 100,000 flags is linear).
struct WordContext {
    last: Word,
    before_last: Word,
    indicators: usize,
}

impl WordContext {
    fn new(first: Option<Word>) -> Self {
        let mut context = WordContext {
            last: Word::Any,
            before_last: Word::Any,
            indicators: 0,
        };
        context.push(first.unwrap_or(Word::Any));
        context
    }

    fn push(&mut self, class: Word) {
        self.before_last = self.last;
        self.last = class;
        self.indicators = match class {
            Word::RegionalIndicator => self.indicators + 1,
            _ => 0,
        };
    }
}

/// Whether there is a word boundary between `before` and `here` (Extended_Pictographic
/// when `pictographic`; absorbed by WB4 when `absorbed`), with `seen` before it and
/// `next` after it.
fn word_break(
    seen: &WordContext,
    before: Word,
    here: Word,
    pictographic: bool,
    absorbed: bool,
    next: Next,
) -> bool {
    use Word::*;
    if before == CR && here == LF {
        return false; // WB3
    }
    if hard(before) || hard(here) {
        return true; // WB3a, WB3b
    }
    if (before == ZWJ && pictographic) || (before == WSegSpace && here == WSegSpace) {
        return false; // WB3c, WB3d
    }
    if absorbed {
        return false; // WB4
    }
    // The rules below see through what WB4 absorbed.
    let (l, ll) = (seen.last, seen.before_last);
    let letter = |c: Word| c == ALetter;
    let mid_letter = |c: Word| matches!(c, MidLetter | MidNumLet | SingleQuote);
    let mid_num = |c: Word| matches!(c, MidNum | MidNumLet | SingleQuote);
    let next_is =
        |class: Word| matches!(next, Next::Class(c) if c == class) || next == Next::Pictograph;
    let joined = match (l, here) {
        _ if letter(l) && letter(here) => true, // WB5
        _ if letter(l) && mid_letter(here) && next_is(ALetter) => true, // WB6
        _ if letter(ll) && mid_letter(l) && letter(here) => true, // WB7
        (Numeric, Numeric) => true,             // WB8
        (ALetter, Numeric) | (Numeric, ALetter) => true, // WB9, WB10
        _ if ll == Numeric && mid_num(l) && here == Numeric => true, // WB11
        _ if l == Numeric && mid_num(here) && next_is(Numeric) => true, // WB12
        (ALetter | Numeric | ExtendNumLet, ExtendNumLet) => true, // WB13a
        (ExtendNumLet, ALetter | Numeric) => true, // WB13b
        // WB15, WB16: regional indicators pair up from the left.
        (RegionalIndicator, RegionalIndicator) => seen.indicators % 2 == 1,
        _ => false,
    };
    !joined // WB999
}

/// The sentences of `s`.
pub fn sentences(s: &str) -> impl Iterator<Item = &str> {
    let chars: Vec<(usize, Sentence)> = s
        .char_indices()
        .map(|(at, c)| (at, sentence_class(c)))
        .collect();
    let classes: Vec<Sentence> = chars.iter().map(|&(_, class)| class).collect();
    let absorbed: Vec<bool> = (0..classes.len())
        .map(|i| {
            i > 0
                && matches!(classes[i], Sentence::Extend | Sentence::Format)
                && !separator(classes[i - 1])
        })
        .collect();
    let lower_next = lower_comes_first(&classes);
    let mut seen = SentenceContext::new(classes.first().copied());
    let mut breaks = Vec::new();
    for i in 1..chars.len() {
        if sentence_break(
            &seen,
            classes[i - 1],
            classes[i],
            absorbed[i],
            lower_next[i],
        ) {
            breaks.push(chars[i].0);
        }
        if !absorbed[i] {
            seen.push(classes[i]);
        }
    }
    pieces(s, breaks).map(|(_, piece)| piece)
}

fn separator(class: Sentence) -> bool {
    matches!(class, Sentence::Sep | Sentence::CR | Sentence::LF)
}

fn terminal(class: Sentence) -> bool {
    matches!(class, Sentence::STerm | Sentence::ATerm)
}

/// For each position, whether the first letter, separator or terminal from it
/// on is a lower-case letter (what SB8 asks), in one pass from the end. (What SB5
/// absorbs, Extend and Format, is none of these.)
fn lower_comes_first(classes: &[Sentence]) -> Vec<bool> {
    use Sentence::*;
    let mut out = vec![false; classes.len()];
    let mut lower = false;
    for i in (0..classes.len()).rev() {
        let c = classes[i];
        if matches!(c, OLetter | Upper | Lower) || separator(c) || terminal(c) {
            lower = c == Lower;
        }
        out[i] = lower;
    }
    out
}

/// What the sentence rules see before a position, through what SB5 absorbed: the
/// last two characters, and the terminal that ends there with only `Close*
/// Sp*` after it, if one does. Kept as the text is read (linear however long the
/// runs of spaces or closing marks).
struct SentenceContext {
    last: Sentence,
    before_last: Sentence,
    terminal: Option<Sentence>,
    spaced: bool,
}

impl SentenceContext {
    fn new(first: Option<Sentence>) -> Self {
        let mut context = SentenceContext {
            last: Sentence::Any,
            before_last: Sentence::Any,
            terminal: None,
            spaced: false,
        };
        context.push(first.unwrap_or(Sentence::Any));
        context
    }

    fn push(&mut self, class: Sentence) {
        self.before_last = self.last;
        self.last = class;
        match class {
            _ if terminal(class) => (self.terminal, self.spaced) = (Some(class), false),
            Sentence::Close if !self.spaced => {}
            Sentence::Sp => self.spaced = true,
            _ => self.terminal = None,
        }
    }
}

/// Whether there is a sentence boundary between `before` and `here` (absorbed
/// by SB5 when `absorbed`), with `seen` before it; `lower_next`: the first letter,
/// separator or terminal from `here` on is a lower-case letter.
fn sentence_break(
    seen: &SentenceContext,
    before: Sentence,
    here: Sentence,
    absorbed: bool,
    lower_next: bool,
) -> bool {
    use Sentence::*;
    if before == CR && here == LF {
        return false; // SB3
    }
    if separator(before) {
        return true; // SB4
    }
    if absorbed {
        return false; // SB5
    }
    // The rules below see through what SB5 absorbed.
    let (l, ll) = (seen.last, seen.before_last);
    if l == ATerm && (here == Numeric || (here == Upper && matches!(ll, Upper | Lower))) {
        return false; // SB6, SB7
    }
    // What precedes `here`: a terminal, then only Close* Sp*?
    let Some(term) = seen.terminal else {
        return false; // SB998
    };
    if term == ATerm && lower_next {
        return false; // SB8
    }
    if matches!(here, SContinue) || terminal(here) {
        return false; // SB8a
    }
    if !seen.spaced && here == Close {
        return false; // SB9
    }
    if here == Sp || separator(here) {
        return false; // SB9, SB10
    }
    true // SB11
}

/// The extended grapheme clusters of `s`, with their byte offsets: asked only of
/// scripts written without spaces, none of which the lean engine covers, so
/// always noted (and answered one character at a time).
#[cfg_attr(feature = "segmentation", allow(dead_code))] // (its tests are the lean engine's)
pub fn grapheme_indices(s: &str) -> impl Iterator<Item = (usize, &str)> {
    if !s.is_empty() {
        crate::lean::need_full_engine();
    }
    s.char_indices()
        .map(move |(at, c)| (at, &s[at..at + c.len_utf8()]))
}

#[cfg(test)]
mod tests {
    use unicode_segmentation::UnicodeSegmentation;

    use super::*;
    use crate::normal::covered;

    /// The text unicode-segmentation's tables are in: its source in Cargo's
    /// registry, at the version Cargo.lock names (the tables are private to it).
    fn crate_tables() -> String {
        let root = env!("CARGO_MANIFEST_DIR");
        let lock = std::fs::read_to_string(format!("{root}/Cargo.lock")).unwrap();
        let at = lock
            .find("name = \"unicode-segmentation\"\nversion = \"")
            .unwrap()
            + 41;
        let version = &lock[at..at + lock[at..].find('"').unwrap()];
        let home = std::env::var("CARGO_HOME")
            .unwrap_or_else(|_| format!("{}/.cargo", std::env::var("HOME").unwrap()));
        let registry = std::fs::read_dir(format!("{home}/registry/src")).unwrap();
        registry
            .filter_map(|dir| {
                let path = dir.ok()?.path();
                let file = path.join(format!("unicode-segmentation-{version}/src/tables.rs"));
                std::fs::read_to_string(file).ok()
            })
            .next()
            .expect("unicode-segmentation's source in Cargo's registry")
    }

    /// The ranges of the table `name` in unicode-segmentation's source: first and
    /// last character, and the value's name without its prefix (`WC_ALetter`: `ALetter`).
    fn crate_table(source: &str, name: &str) -> Vec<(u32, u32, String)> {
        let start = source.find(&format!("const {name}:")).unwrap();
        let body = &source[start..start + source[start..].find("];").unwrap()];
        let hex = |s: &str| {
            let digits = &s[s.find("\\u{").unwrap() + 3..s.find('}').unwrap()];
            u32::from_str_radix(digits, 16).unwrap()
        };
        body.split("('")
            .skip(1)
            .map(|entry| {
                let parts: Vec<&str> = entry[..entry.find(')').unwrap()].split(',').collect();
                let value = parts[2].trim();
                let value = &value[value.find('_').unwrap() + 1..];
                (hex(parts[0]), hex(parts[1]), value.to_string())
            })
            .collect()
    }

    /// The value `table` gives `c`, `Any` where it has none.
    fn value_of(table: &[(u32, u32, String)], c: u32) -> &str {
        let at = table.partition_point(|&(_, last, _)| last < c);
        match table.get(at) {
            Some((first, _, value)) if *first <= c => value,
            _ => "Any",
        }
    }

    /// Runs of equal values over every character: (first character, value).
    fn runs(value: impl Fn(u32) -> String) -> Vec<(char, String)> {
        let mut out: Vec<(char, String)> = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let v = value(c as u32);
            if out.last().is_none_or(|(_, last)| *last != v) {
                out.push((c, v));
            }
        }
        out
    }

    /// tables.rs as it must be: unicode-segmentation's values on ASCII and the
    /// characters the normalization tables cover, `Uncovered` elsewhere.
    fn source() -> String {
        let crate_source = crate_tables();
        let words = crate_table(&crate_source, "word_cat_table");
        let emoji = crate_table(&crate_source, "emoji_cat_table");
        let sentences = crate_table(&crate_source, "sentence_cat_table");
        let known = |c: u32| char::from_u32(c).is_some_and(covered);
        let word_runs = runs(|c| {
            if !known(c) {
                return "word(_, W::Uncovered)".into();
            }
            let value = value_of(&words, c).replace('_', "");
            let kind = if value_of(&emoji, c) == "Extended_Pictographic" {
                "pictograph"
            } else {
                "word"
            };
            format!("{kind}(_, W::{value})")
        });
        let sentence_runs = runs(|c| {
            let value = if known(c) {
                value_of(&sentences, c)
            } else {
                "Uncovered"
            };
            format!("sentence(_, S::{value})")
        });
        let lines = |runs: Vec<(char, String)>| {
            runs.iter()
                .map(|(c, entry)| format!("    {},\n", entry.replacen('_', &format!("{c:?}"), 1)))
                .collect::<String>()
        };
        format!(
            "//! Generated from unicode-segmentation's tables by the test\n\
             //! `tables_are_unicode_segmentations` in small.rs: do not edit.\n\n\
             use super::small::{{pictograph, sentence, word, Sentence as S, Word as W}};\n\n\
             /// The word break value from each character on, to the next entry's.\n\
             pub static WORD: &[u32] = &[\n{}];\n\n\
             /// The sentence break value from each character on, to the next entry's.\n\
             pub static SENTENCE: &[u32] = &[\n{}];\n",
            lines(word_runs),
            lines(sentence_runs)
        )
    }

    /// The committed tables are what unicode-segmentation's say (and are written
    /// anew with `PARALLAX_WRITE_TABLES=1`).
    #[test]
    fn tables_are_unicode_segmentations() {
        crate::generated::assert_committed(
            "src/breaks/tables.rs",
            &source(),
            "unicode-segmentation",
        );
    }

    /// Word boundaries and sentences of `text` as unicode-segmentation has them.
    pub(super) fn assert_same(text: &str) {
        let ours: Vec<_> = word_bound_indices(text).collect();
        let theirs: Vec<_> = text.split_word_bound_indices().collect();
        assert_eq!(ours, theirs, "words of {text:?}");
        let ours: Vec<_> = sentences(text).collect();
        let theirs: Vec<_> = text.split_sentence_bounds().collect();
        assert_eq!(ours, theirs, "sentences of {text:?}");
    }

    /// Texts around `c` that tell every word and sentence break value apart.
    const TEMPLATES: &[&str] = &[
        "a_a",
        "1_1",
        "__",
        "a_",
        "_a",
        " _ ",
        "\u{200d}_",
        "_\u{200d}",
        "_\u{ad}a",
        "🇦_🇦",
        "x. _a",
        "x._a",
        "x. _",
        "A._A",
        "x? _ A",
        "a (_) A",
        "a._\na",
        "\r_\n",
        "_.a",
        "a'\u{200d}_",
        "1,\u{200d}_",
        "a\u{200d}_a",
        "🇦🇦_",
    ];

    /// Every covered character, in every template, breaks as unicode-segmentation
    /// breaks it.
    #[test]
    fn every_covered_character_breaks_as_unicode_segmentation() {
        let chars = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| covered(c));
        for c in chars {
            for template in TEMPLATES {
                assert_same(&template.replace('_', c.encode_utf8(&mut [0; 4])));
            }
        }
    }

    /// Runs that the rules look through: spaces and closing marks after a full
    /// stop, absorbed characters, flags.
    fn long_runs(length: usize) -> [String; 5] {
        [
            format!("A.{}B", " ".repeat(length)),
            format!("A.{} B", ")".repeat(length)),
            format!("a{}b", "\u{fe0f}".repeat(length)),
            "🇦".repeat(length),
            format!("1{}2", ",\u{200d}".repeat(length)),
        ]
    }

    /// Long runs answer as the crate does, at a length it reads quickly (its
    /// sentence rules read a run again at every position in it: 100,000 spaces
    /// take it a minute).
    #[test]
    fn long_runs_break_as_unicode_segmentation() {
        for text in long_runs(2_000) {
            assert_same(&text);
        }
    }

    /// At 100,000 characters the runs still give the pieces they must, at once:
    /// the rules keep what they have seen as they read, one pass in all.
    #[test]
    fn long_runs_take_one_pass() {
        let n = 100_000;
        let [spaces, closes, absorbed, flags, numbers] = long_runs(n);
        let pieces = |text: &str| sentences(text).map(str::len).collect::<Vec<_>>();
        assert_eq!(pieces(&spaces), [2 + n, 1]);
        assert_eq!(pieces(&closes), [3 + n, 1]);
        let words = |text: &str| word_bound_indices(text).count();
        assert_eq!(words(&absorbed), 1);
        assert_eq!(words(&flags), n / 2);
        assert_eq!(words(&numbers), n + 2);
    }

    /// Characters to make texts of: the first of each table entry that is covered,
    /// and the characters the rules name.
    #[cfg(not(target_arch = "wasm32"))]
    fn pool() -> Vec<char> {
        let firsts = WORD
            .iter()
            .map(|e| e >> 6)
            .chain(SENTENCE.iter().map(|e| e >> 4));
        firsts
            .filter_map(char::from_u32)
            .filter(|&c| covered(c))
            .chain("aA1_.,:;'\" \n\r?!()\u{ad}\u{200d}\u{fe0f}🇦🇧👍🏽😀".chars())
            .collect()
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// On covered text, words and sentences are unicode-segmentation's.
        #[test]
        fn covered_text_breaks_as_unicode_segmentation(
            chars in proptest::collection::vec(proptest::sample::select(pool()), 0..16)
        ) {
            assert_same(&chars.into_iter().collect::<String>());
        }
    }

    /// The lean engine notes what its tables lack, and only that.
    #[cfg(feature = "lean")]
    #[test]
    fn notes_what_the_tables_lack() {
        crate::lean::full_engine_needed();
        let covered = "Zoë’s café — “naïve” résumé. Ελλάδα, Москва! 3½ km², ™ 👍🏽";
        assert_same(covered);
        assert!(!crate::lean::full_engine_needed());
        for other in ["東京", "שלום", "ﾀ", "e\u{301}"] {
            let _ = word_bound_indices(other).count();
            assert!(crate::lean::full_engine_needed(), "{other}");
            let _ = sentences(other).count();
            assert!(crate::lean::full_engine_needed(), "{other}");
        }
        let _ = grapheme_indices("ไทย").count();
        assert!(crate::lean::full_engine_needed());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod seeds {
    /// The seed articles, whole (the page's copy, www/seeds/), break as
    /// unicode-segmentation breaks them: long runs of prose, quotes and closing
    /// punctuation that the short texts above do not make.
    #[test]
    fn seeds_break_as_unicode_segmentation() {
        for text in crate::seed_texts() {
            super::tests::assert_same(&text);
        }
    }
}
