//! Boilerplate: lines that are site furniture, not story.
//!
//! Decided from the structure of each line (length, position, no sentence shape, a
//! credit in parentheses, words addressed to the reader) and from its repetition
//! across the articles, never from a list of known phrases. The few words looked at
//! are grammar: second-person pronouns, the politeness marker `please`, the
//! preposition `by` of a byline and the verbs of a credit line (`reported from`,
//! `contributed to`), like the speech verbs of the quote stage.
//!
//! Everything is one pass over the lines plus a hash map of line keys, so the cost
//! is linear in the total length of the articles.

use rustc_hash::FxHashMap;

use super::{Boilerplate, BoilerplateKind};
use crate::span::ByteSpan;

/// How many non-empty lines at the top and at the bottom of an article count as its
/// edges, where notices and bylines sit.
const EDGE: usize = 4;
/// The most words a navigation or label line has.
const SHORT: usize = 8;
/// How many occurrences of a repeated line are compared with it.
const MAX_COMPARED: usize = 64;
/// The most lines, and words per line, of the menu left after a story.
const TAIL: usize = 4;
const TAIL_WORDS: usize = 5;
/// Where the title is looked for: among the first lines, before the story starts.
const TITLE_WITHIN: usize = 6;

/// The boilerplate lines of every article, in text order.
pub fn detect(texts: &[&str]) -> Vec<Vec<Boilerplate>> {
    let lines: Vec<Vec<Line>> = texts.iter().map(|t| lines(t)).collect();
    let keys: Vec<Vec<u64>> = lines.iter().map(|l| keys_of(l)).collect();
    let mut shared = Repeats::default();
    for (doc, keys) in keys.iter().enumerate() {
        shared.add(doc, keys);
    }
    lines
        .iter()
        .zip(&keys)
        .enumerate()
        .map(|(doc, (lines, keys))| detect_one(doc, lines, keys, &shared))
        .collect()
}

/// The repetition keys of a text's non-empty lines, in order: what one article
/// contributes to [`Repeats`] (`crate::distributed`'s first phase).
pub fn line_keys(text: &str) -> Vec<u64> {
    keys_of(&lines(text))
}

/// One article's boilerplate given `shared`, the repeats of the whole set (at
/// least those of this article's keys), `doc` its position in the set.
pub fn detect_in(doc: usize, text: &str, shared: &Repeats) -> Vec<Boilerplate> {
    let lines = lines(text);
    let keys = keys_of(&lines);
    detect_one(doc, &lines, &keys, shared)
}

fn keys_of(lines: &[Line]) -> Vec<u64> {
    lines.iter().map(|l| key_hash(&key(l.text))).collect()
}

/// One article's boilerplate, given what repeats across the articles.
fn detect_one(doc: usize, lines: &[Line], keys: &[u64], shared: &Repeats) -> Vec<Boilerplate> {
    let n = lines.len();
    let mut kinds: Vec<Option<BoilerplateKind>> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| by_shape(line, i, n))
        .collect();
    // The headline is story: it is what the meta stage reads as the title.
    let title = title_index(lines, |i| kinds.get(i).copied().flatten().is_some());
    // A sentence between the headline and the dateline describes the picture above
    // the story (or is a deck); the story itself starts at the dateline.
    if let Some(at) = lines
        .iter()
        .take(TITLE_WITHIN + 2)
        .position(|l| dateline(l.text).is_some())
    {
        let from = title.map_or(0, |t| t + 1);
        for kind in kinds.iter_mut().take(at).skip(from) {
            kind.get_or_insert(BoilerplateKind::Caption);
        }
    }
    // After the last story paragraph, a few short lines are the page's menu and
    // buttons (`Exit mobile version`, `Back to top`). A longer run, or one with a
    // line ending in a colon, is a list that belongs to the story.
    let last_story = lines
        .iter()
        .rposition(|l| l.sentence && kinds_free(&kinds, l.index));
    if let Some(last) = last_story {
        let tail = lines.get(last + 1..).unwrap_or(&[]);
        let open: Vec<&Line> = tail
            .iter()
            .filter(|l| kinds_free(&kinds, l.index))
            .collect();
        let menu = open.len() <= TAIL
            && open
                .iter()
                .all(|l| l.words <= TAIL_WORDS && !l.terminal && !l.text.ends_with(':'));
        if menu {
            for line in open {
                if let Some(kind) = kinds.get_mut(line.index) {
                    kind.get_or_insert(BoilerplateKind::Navigation);
                }
            }
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if kinds.get(i).copied().flatten().is_some() || Some(i) == title {
            continue;
        }
        if let Some(kind) = shared.furniture(doc, i, line, keys) {
            if let Some(slot) = kinds.get_mut(i) {
                *slot = Some(kind);
            }
        }
    }
    lines
        .iter()
        .zip(kinds)
        .filter_map(|(line, kind)| {
            kind.map(|kind| Boilerplate {
                span: line.span,
                kind,
            })
        })
        .collect()
}

fn kinds_free(kinds: &[Option<BoilerplateKind>], i: usize) -> bool {
    kinds.get(i).copied().flatten().is_none()
}

/// One non-empty line of an article, trimmed, with the shape facts the rules use.
#[derive(Debug, Clone)]
pub(crate) struct Line<'t> {
    /// Where the trimmed line lies in the article.
    pub span: ByteSpan,
    /// The trimmed line.
    pub text: &'t str,
    /// Its position among the article's non-empty lines.
    pub index: usize,
    /// Words (runs of non-space).
    pub words: usize,
    /// Ends like a sentence (`.`, `!`, `?`, possibly inside a closing quote).
    pub terminal: bool,
    /// Reads as a sentence of a story: several words, lowercase function words and
    /// a sentence end.
    pub sentence: bool,
}

/// The article's non-empty lines, trimmed.
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let end = start + raw.len();
        let body = raw.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_matches(blank);
        let lead = body.len() - body.trim_start_matches(blank).len();
        if !trimmed.is_empty() {
            let from = start + lead;
            out.push(Line::new(
                ByteSpan::new(from, from + trimmed.len()),
                trimmed,
                out.len(),
            ));
        }
        start = end;
    }
    out
}

/// White space, and the invisible characters pages leave on empty lines (zero-width
/// space, byte order mark, word joiner).
fn blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        )
}

impl<'t> Line<'t> {
    fn new(span: ByteSpan, text: &'t str, index: usize) -> Line<'t> {
        // One pass over the words for both counts.
        let (mut words, mut lower) = (0, 0);
        for w in text.split_whitespace() {
            words += 1;
            lower += usize::from(w.chars().next().is_some_and(char::is_lowercase));
        }
        let terminal = ends_sentence(text);
        Line {
            span,
            text,
            index,
            words,
            terminal,
            sentence: terminal && words >= 6 && lower * 3 >= words,
        }
    }
}

/// Whether `text` ends like a sentence, looking past closing quotes and brackets.
fn ends_sentence(text: &str) -> bool {
    let last = text
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .chars()
        .next_back();
    matches!(last, Some('.' | '!' | '?' | '…'))
}

/// The kind a line has by its own shape, or `None` when it may be story.
/// `i` of `n`: its position, since notices and credits sit at the edges.
fn by_shape(line: &Line, i: usize, n: usize) -> Option<BoilerplateKind> {
    let text = line.text;
    let edge = i < EDGE || i + EDGE >= n;
    let last = i + 2 >= n;
    if !text.chars().any(char::is_alphanumeric) {
        return Some(BoilerplateKind::Header); // A separator: `----`, `* * *`.
    }
    // A story may speak to its reader too; a notice gives an instruction
    // (`Please look at the time stamp`) or comes under a label (`Notice: you are`).
    // Only an edge line is read for it: most lines are story, far from the edges.
    if edge {
        let reader = addresses_reader(text);
        if reader.instructs || (reader.second_person && labelled(text)) {
            return Some(BoilerplateKind::Notice);
        }
    }
    if credit_in_parentheses(text) {
        return Some(BoilerplateKind::Caption);
    }
    if byline(text) || (edge && i > 0 && name_credit(line)) || (last && credit_sentence(line)) {
        return Some(BoilerplateKind::Byline);
    }
    if header(line) {
        return Some(BoilerplateKind::Header);
    }
    None
}

/// How a line speaks to its reader, outside quotation marks.
#[derive(Debug, Default, Clone, Copy)]
struct Address {
    /// A second-person pronoun (`you`, `your`).
    second_person: bool,
    /// A sentence that opens with `please`: an instruction.
    instructs: bool,
}

/// Words addressed to the reader outside quotation marks.
fn addresses_reader(text: &str) -> Address {
    let mut found = Address::default();
    let mut quoted = false;
    let mut sentence_start = true;
    let mut bare = String::new();
    for word in text.split_whitespace() {
        let opens = word.starts_with(['"', '“', '«']) || word.starts_with("''");
        let closes = word.ends_with(['"', '”', '»']) || word.ends_with("''");
        if opens {
            quoted = true;
        }
        // Every word looked for has a `y` or a `p` (no other letter lowers to
        // either): most words need no lower-case copy at all.
        if !quoted && word.contains(['y', 'Y', 'p', 'P']) {
            // One buffer for every word: a line is read for each article at each call.
            bare.clear();
            bare.extend(
                word.chars()
                    .filter(|c| c.is_alphabetic() || *c == '\'' || *c == '’')
                    .flat_map(char::to_lowercase)
                    .map(|c| if c == '’' { '\'' } else { c }),
            );
            found.second_person |= matches!(
                bare.as_str(),
                "you" | "your" | "yours" | "yourself" | "you're" | "you've" | "you'll" | "you'd"
            );
            found.instructs |= sentence_start && bare == "please";
        }
        if closes {
            quoted = false;
        }
        sentence_start = ends_sentence(word) || word.ends_with(':');
    }
    found
}

/// A line that opens with a short label and a colon (`Notice: ...`, `SECTION: A`),
/// not the `Q:` and `A:` of an interview.
fn labelled(text: &str) -> bool {
    text.split_once(':').is_some_and(|(label, _)| {
        let words = label.split_whitespace().count();
        (1..=2).contains(&words)
            && label.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && label
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    })
}

/// A line that ends with a credit in parentheses after a finished sentence, or with
/// one that names a photographer and an agency (`... cease-fire. (Yuri Kochetkov/EPA)`).
fn credit_in_parentheses(text: &str) -> bool {
    let Some(inner_end) = text.strip_suffix(')').or_else(|| text.strip_suffix(").")) else {
        return false;
    };
    let Some(open) = inner_end.rfind('(') else {
        return false;
    };
    let before = inner_end.get(..open).unwrap_or("").trim_end();
    let credit = inner_end.get(open + 1..).unwrap_or("");
    let words: Vec<&str> = credit.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= 6
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || w.len() <= 3);
    // One word is a credit when it is an agency's initials (`AP`, `EPA`); `(More)`
    // is a link.
    let agency = words.len() >= 2 || credit.chars().all(|c| !c.is_lowercase());
    let slash = credit.contains('/');
    // The whole line in parentheses is a credit too, but of the text: not a caption.
    named && agency && !before.is_empty() && (slash || ends_sentence(before))
}

/// `By Jane Doe`, `By JANE DOE, Reuters`: the preposition and capitalized words.
fn byline(text: &str) -> bool {
    let mut words = text.split_whitespace();
    // Most lines do not open with `by`: no list of their words.
    if !words.next().is_some_and(|w| w.eq_ignore_ascii_case("by")) {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    !rest.is_empty()
        && rest.len() <= 12
        && !ends_sentence(text)
        && capitalized_share(&rest) * 3 >= rest.len() * 2
}

/// `Jane Doe, Reuters` or `Jane Doe and John Roe`: a few capitalized words with a
/// comma or `and` between names, and no sentence end.
fn name_credit(line: &Line) -> bool {
    let words: Vec<&str> = line.text.split_whitespace().collect();
    let joined = line.text.contains(',') || words.contains(&"and");
    let names: Vec<&str> = words.iter().copied().filter(|w| *w != "and").collect();
    joined
        && (2..=6).contains(&line.words)
        && !line.terminal
        && capitalized_share(&names) == names.len()
        && line
            .text
            .split(',')
            .all(|p| p.split_whitespace().count() <= 3)
}

/// A credit sentence at the end of a story: `Jane Doe reported from Washington`,
/// `John Roe contributed to this report`, `Additional reporting by ...`: a credit
/// verb followed by its preposition, and no quotation.
fn credit_sentence(line: &Line) -> bool {
    if line.words > 40 || line.text.contains(['"', '“', '”']) {
        return false;
    }
    let words: Vec<String> = line
        .text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    words.windows(2).any(|pair| {
        let [verb, preposition] = pair else {
            return false;
        };
        let verb = matches!(
            verb.as_str(),
            "reported"
                | "reporting"
                | "contributed"
                | "contributing"
                | "wrote"
                | "writing"
                | "edited"
                | "editing"
        );
        verb && matches!(preposition.as_str(), "from" | "by" | "to")
    })
}

/// Export headers and labels: an all-capital label (`ABSTRACT.`, `FULL TEXT`), a
/// copyright line, a labelled field (`SECTION: A`), or a short line carrying a
/// record number.
fn header(line: &Line) -> bool {
    let text = line.text;
    // In the story, a short all-capital line is a subheading (`NISSAN SENTRA`); a
    // label ends in a period or a colon (`ABSTRACT.`, `FULL TEXT.`). The letters
    // are counted only for a line of that shape.
    let all_caps = line.words <= 4 && text.ends_with(['.', ':']) && {
        // Capitals of a cased script only: Chinese or Japanese letters have no case.
        let upper = text.chars().filter(|c| c.is_uppercase()).count();
        upper >= 2 && !text.chars().any(char::is_lowercase)
    };
    let first = text.split_whitespace().next().unwrap_or("");
    let copyright = text.starts_with('©') || first.eq_ignore_ascii_case("copyright");
    // `SECTION: A`, `LENGTH: 1234 words`; not the `Q:` and `A:` of an interview.
    let field = line.words <= SHORT
        && text.split_once(':').is_some_and(|(l, _)| {
            let l: Vec<char> = l.chars().filter(|c| c.is_alphabetic()).collect();
            l.len() >= 3 && l.iter().all(|c| c.is_uppercase())
        });
    // `Document NYTF0000...`: a code of letters and digits, not a link or an address.
    let record = (2..=4).contains(&line.words)
        && text.split_whitespace().any(|w| {
            w.len() >= 8
                && w.chars().all(char::is_alphanumeric)
                && w.chars().filter(|c| c.is_ascii_digit()).count() >= 4
                && w.chars().any(|c| c.is_alphabetic())
        });
    all_caps || (copyright && line.words <= 20) || field || record
}

/// How many of `words` start with a capital letter (or are all digits).
fn capitalized_share(words: &[&str]) -> usize {
    words
        .iter()
        .filter(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count()
}

/// A line that can be a headline: a few words, no sentence end, not a label.
pub(crate) fn title_shaped(line: &Line) -> bool {
    (3..=20).contains(&line.words)
        && !line.terminal
        && line
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '“')
}

/// The index of the headline among `lines`: the first title-shaped line that is not
/// boilerplate, before the story's first sentence.
pub(crate) fn title_index(lines: &[Line], is_boilerplate: impl Fn(usize) -> bool) -> Option<usize> {
    for (i, line) in lines.iter().enumerate().take(TITLE_WITHIN) {
        if is_boilerplate(i) {
            continue;
        }
        if title_shaped(line) {
            return Some(i);
        }
        if line.sentence {
            return None;
        }
    }
    None
}

/// Where the first of ` — `, ` – `, ` -- `, ` - `, `—` and ` –` starts in `text`.
/// One pass over the dashes: every one of them has a dash at its start or just
/// after a space, so the first dash that completes one gives the earliest start.
fn first_dash(text: &str) -> Option<usize> {
    const SPACED: [&str; 4] = [" — ", " – ", " -- ", " - "];
    for (at, dash) in text.match_indices(['—', '–', '-']) {
        let spaced = at
            .checked_sub(1)
            .and_then(|before| text.get(before..))
            .is_some_and(|rest| {
                rest.starts_with(' ') && (SPACED.iter().any(|d| rest.starts_with(d)) || dash == "–")
            });
        if spaced {
            return at.checked_sub(1);
        }
        if dash == "—" {
            return Some(at);
        }
    }
    None
}

/// The dateline that opens a paragraph: `HANGZHOU, China (CNN) — `, `WASHINGTON — `.
/// Returns the place (and date) as written and the outlet in parentheses, if any.
pub(crate) fn dateline(text: &str) -> Option<(&str, Option<&str>)> {
    let cut = first_dash(text)?;
    let head = text.get(..cut)?.trim();
    // The place opens in capitals: `HANGZHOU`, `NEW YORK`.
    let first = head.split([',', '(']).next()?.trim();
    let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.iter().any(|c| c.is_lowercase()) {
        return None;
    }
    let (place, outlet) = match head.find('(') {
        Some(open) => {
            let inner = head.get(open + 1..)?.strip_suffix(')')?.trim();
            (head.get(..open)?.trim(), Some(inner))
        }
        None => (head, None),
    };
    let place = place.trim_end_matches(',').trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    let short = (1..=8).contains(&words.len());
    let names = capitalized_share(&words) * 4 >= words.len() * 3;
    (short && names && !place.is_empty()).then_some((place, outlet.filter(|o| !o.is_empty())))
}

/// One occurrence of a line key: where it is and the keys of the lines around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occurrence {
    /// The article (its position in the set).
    pub doc: usize,
    /// The line's position among the article's non-empty lines.
    pub line: usize,
    /// The key of the line before, if any.
    pub before: Option<u64>,
    /// The key of the line after, if any.
    pub after: Option<u64>,
}

/// Lines that repeat across the articles (or within one), by a normalized key
/// (hashed): each key's first [`MAX_COMPARED`] occurrences in set order, all the
/// rules ever compare. Articles add theirs in any order and sets merge
/// ([`Repeats::merge`]): the same value whatever the order.
#[derive(Debug, Clone, Default)]
pub struct Repeats {
    at: FxHashMap<u64, Vec<Occurrence>>,
}

impl Repeats {
    /// Adds the line keys of article `doc` (from [`line_keys`]).
    pub fn add(&mut self, doc: usize, keys: &[u64]) {
        for (line, &key) in keys.iter().enumerate() {
            // An empty key (no letters or digits) repeats nothing.
            if key == EMPTY_KEY {
                continue;
            }
            self.insert(
                key,
                Occurrence {
                    doc,
                    line,
                    before: line.checked_sub(1).and_then(|b| keys.get(b).copied()),
                    after: keys.get(line + 1).copied(),
                },
            );
        }
    }

    /// Adds one occurrence of `key`.
    pub fn insert(&mut self, key: u64, at: Occurrence) {
        let seen = self.at.entry(key).or_default();
        // Added in set order (the usual case), the first ones are kept as they come.
        if seen.last().is_none_or(|last| *last < at) {
            if seen.len() < MAX_COMPARED {
                seen.push(at);
            }
            return;
        }
        let place = seen.partition_point(|o| *o < at);
        if seen.get(place) != Some(&at) {
            seen.insert(place, at);
            seen.truncate(MAX_COMPARED);
        }
    }

    /// Both sets' occurrences, the first of each key kept.
    pub fn merge(mut self, other: Repeats) -> Repeats {
        for (key, list) in other.at {
            for at in list {
                self.insert(key, at);
            }
        }
        self
    }

    /// Every key with its kept occurrences.
    pub fn entries(&self) -> impl Iterator<Item = (u64, &[Occurrence])> {
        self.at.iter().map(|(k, v)| (*k, v.as_slice()))
    }

    /// The kind of a line that is furniture by repetition: a short or unsentenced
    /// line that recurs in another article (outside a copied stretch) or several
    /// times in its own. `keys` are the article's line keys.
    fn furniture(
        &self,
        doc: usize,
        i: usize,
        line: &Line,
        keys: &[u64],
    ) -> Option<BoilerplateKind> {
        if line.sentence && line.words > SHORT {
            return None; // A story sentence shared by two articles is a copy, not furniture.
        }
        let seen = self.at.get(keys.get(i)?)?;
        let before = i.checked_sub(1).and_then(|b| keys.get(b).copied());
        let after = keys.get(i + 1).copied();
        // Another occurrence in other surroundings: the same line dropped into
        // different text, as a template does. In the same surroundings (the line
        // before or after is the same), the line belongs to a stretch that was
        // copied or repeated as a whole.
        // Within one article only a short label repeats as furniture (`Advertisement`);
        // a line with figures is an entry of a list or a table.
        let short = line.words <= 4 && !line.text.chars().any(|c| c.is_ascii_digit());
        let same = |x: Option<u64>, y: Option<u64>| x.is_some() && x == y;
        // A line repeated thousands of times is decided by its first occurrences,
        // which keeps the whole pass linear.
        let elsewhere = seen.iter().take(MAX_COMPARED).any(|o| {
            (o.doc != doc || (o.line != i && short))
                && !(same(before, o.before) || same(after, o.after))
        });
        if !elsewhere {
            return None;
        }
        let reader = addresses_reader(line.text);
        Some(if reader.second_person || reader.instructs {
            BoilerplateKind::Notice
        } else {
            BoilerplateKind::Navigation
        })
    }
}

/// The key of a line with no letters or digits, which repeats nothing.
pub const EMPTY_KEY: u64 = 0xcbf2_9ce4_8422_2325;

/// A key's hash (64-bit FNV-1a, the same on every machine); never 0, which
/// stands for no line where a number must be given (a Spark column without nulls).
fn key_hash(key: &str) -> u64 {
    let h = key.bytes().fold(EMPTY_KEY, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    h.max(1)
}

/// A line's repetition key: lowercase letters and digits, single spaces.
fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        // Written straight into the key (no string per word); a word of no letters
        // or digits adds nothing, not even its space.
        if word.is_ascii() {
            push_ascii_key_word(&mut out, word);
            continue;
        }
        let chars = word
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase);
        push_key_word(&mut out, chars);
    }
    out
}

/// [`push_key_word`] of an ASCII word (most words): its runs of letters and
/// digits copied whole and lowered in place, with no per-character work.
fn push_ascii_key_word(out: &mut String, word: &str) {
    if !word.bytes().any(|b| b.is_ascii_alphanumeric()) {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    let from = out.len();
    for run in word.split(|c: char| !c.is_ascii_alphanumeric()) {
        out.push_str(run);
    }
    if let Some(added) = out.get_mut(from..) {
        added.make_ascii_lowercase();
    }
}

/// Appends a key word's characters, a space before it unless it is the first; a
/// word of no characters adds nothing.
fn push_key_word(out: &mut String, chars: impl Iterator<Item = char>) {
    let mut chars = chars.peekable();
    if chars.peek().is_some() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(chars);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(texts: &[&str]) -> Vec<Vec<(String, &'static str)>> {
        detect(texts)
            .iter()
            .zip(texts)
            .map(|(found, text)| {
                found
                    .iter()
                    .map(|b| (b.span.slice(text).to_string(), b.kind.as_str()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn dateline_with_and_without_outlet() {
        assert_eq!(
            dateline("HANGZHOU, China (CNN) — US President met."),
            Some(("HANGZHOU, China", Some("CNN")))
        );
        assert_eq!(
            dateline("WASHINGTON — The talks."),
            Some(("WASHINGTON", None))
        );
        assert_eq!(dateline("The talks — which failed — ended."), None);
    }

    #[test]
    fn caption_credit_needs_a_finished_sentence_or_a_slash() {
        assert!(credit_in_parentheses(
            "Kerry speaks in Hangzhou. (Yuri Kochetkov/EPA)"
        ));
        assert!(credit_in_parentheses(
            "Kerry speaks in Hangzhou (Yuri Kochetkov/EPA)"
        ));
        assert!(!credit_in_parentheses(
            "It fought the Islamic State (ISIS)."
        ));
    }

    #[test]
    fn empty_and_odd_input_does_not_panic() {
        for t in [
            "",
            "\n\n",
            "(",
            ")",
            "—",
            "a (b",
            "By",
            "© ",
            "x:\n:y",
            "é — ",
            " — (é)",
        ] {
            let _ = kinds(&[t, t]);
        }
    }
}
