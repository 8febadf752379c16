//! Facts (numbers, names, places, dates) that only one article states, or that
//! articles state differently (`ninety minutes` and `90 minutes` agree).
//!
//! Each article is scanned once for what it states:
//!
//! - numbers with the word they count (`290,000 people`, `ninety minutes`, `a
//!   90-minute meeting`, `5 percent`, `$5 million`), spelled-out numbers turned into
//!   digits;
//! - dates and days (`Monday`, `September 5, 2016`, `March 2011`, `since 2011`);
//! - names and places: runs of capitalised words, leading titles and a stray
//!   sentence-initial word cut (`Following Obama`); a place when the text puts it
//!   after `in`, `near`, ... or in a dateline (`HANGZHOU, China`).
//!
//! Then each fact is held against the other articles. A number is compared with
//! the numbers that count the same word: the same value agrees, another value
//! differs, none at all makes it the article's own. A date agrees with any date
//! that does not contradict it. A name agrees when another article writes its last
//! word or most of its words (`Obama` and `Barack Obama`, `Sergey` and `Sergei
//! Lavrov`).

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::span::ByteSpan;
use crate::text::StopWords;

use super::{with_lower, Fact, FactKind, FactStatus};
use crate::sort;

/// For each article, the facts only it states or that others state differently,
/// each distinct fact once (where the article first states it).
pub fn compare(texts: &[&str]) -> Vec<Vec<Fact>> {
    let stop = stop_words();
    // Each article's facts are read on every core; so is each one's comparison.
    let (stated, capitalised): (Vec<Vec<Stated>>, Vec<Vec<String>>) =
        crate::parallel::map(texts, |t| {
            let ws = words(t);
            (distinct(extract(t, &ws, stop)), capitalised_words(&ws))
        })
        .into_iter()
        .unzip();
    let others = Others::new(&stated, capitalised.iter().map(Vec::as_slice));
    let ids: Vec<usize> = (0..stated.len()).collect();
    crate::parallel::map(&ids, |&i| {
        let facts = &stated[i];
        // `Clinton` after `Hillary Clinton` is the same person: a name whose
        // every word an earlier name had is not reported again.
        let mut named: FxHashSet<&str> = FxHashSet::default();
        facts
            .iter()
            .filter(|f| match &f.key {
                Key::Name(words) => {
                    let again = words.iter().all(|w| named.contains(w.as_str()));
                    named.extend(words.iter().map(String::as_str));
                    !again
                }
                _ => true,
            })
            .filter_map(|f| {
                let status = status_of(f, i, &others)?;
                Some(Fact {
                    span: f.span,
                    kind: f.kind,
                    value: f.value.clone(),
                    status,
                })
            })
            .collect()
    })
}

/// The English stop words, built once: every call would otherwise normalize the
/// whole list again.
fn stop_words() -> &'static StopWords {
    static STOP: OnceLock<StopWords> = OnceLock::new();
    STOP.get_or_init(|| StopWords::new(Some("en"), &[]))
}

/// The most distinct facts of one article held against the others: far more than
/// a story states, and a bound on the comparisons (each fact of one article meets
/// each of another's) when an article is a table of numbers.
const MAX_FACTS: usize = 1000;

/// `facts` without repeats (the first statement of each kind and value kept), at
/// most [`MAX_FACTS`] of them.
fn distinct(facts: Vec<Stated>) -> Vec<Stated> {
    // Decided on borrowed values first: no copy of every fact's value.
    let first: Vec<bool> = {
        let mut seen: FxHashSet<(&str, &str)> = FxHashSet::default();
        facts
            .iter()
            .map(|f| seen.insert((f.kind.as_str(), f.value.as_str())))
            .collect()
    };
    let mut out: Vec<Stated> = facts
        .into_iter()
        .zip(first)
        .filter_map(|(f, first)| first.then_some(f))
        .collect();
    out.truncate(MAX_FACTS);
    out
}

/// A fact as one article states it.
#[derive(Debug, Clone)]
struct Stated {
    span: ByteSpan,
    kind: FactKind,
    /// As reported (`90 minutes`).
    value: String,
    /// What it is compared by.
    key: Key,
}

#[derive(Debug, Clone)]
enum Key {
    /// A value, the word it counts, singular and lower-cased (`minute`), and the
    /// content words around it (`killed`), which tell two counts of people apart.
    Number(f64, String, Vec<String>),
    /// Year, month (1-12), day of month, or day of week (1-7): what is stated.
    Date(DateKey),
    /// The name's words, lower-cased.
    Name(Vec<String>),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
struct DateKey {
    year: Option<u32>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<u32>,
}

impl DateKey {
    /// Two dates agree unless a part both state differs, and they state a part in
    /// common (`September 5` and `September 5, 2016` agree; `Monday` and `2011`
    /// say nothing about each other).
    fn agrees(&self, other: &DateKey) -> bool {
        let parts = [
            (self.year, other.year),
            (self.month, other.month),
            (self.day, other.day),
            (self.weekday, other.weekday),
        ];
        let common = parts.iter().filter(|(a, b)| a.is_some() && b.is_some());
        let mut any = false;
        for (a, b) in common {
            if a != b {
                return false;
            }
            any = true;
        }
        any
    }
}

/// Every article's facts indexed by what they are compared by, so that a fact is
/// held against all the other articles in a few lookups rather than one per
/// article (which made the stage quadratic in the number of articles).
struct Others<'a> {
    /// The articles stating each (unit, value in thousandths), in article order.
    exact: FxHashMap<(&'a str, i64), Vec<usize>>,
    /// The numbers of each unit: per article in article order, in text order.
    by_unit: FxHashMap<&'a str, Vec<(usize, Vec<&'a Stated>)>>,
    /// Each distinct date and the articles stating it, in article order.
    dates: Vec<(DateKey, Vec<usize>)>,
    /// The articles writing each word with a capital (lower-cased), in article order.
    capitalised: FxHashMap<&'a str, Vec<usize>>,
    /// How many articles there are.
    articles: usize,
}

impl<'a> Others<'a> {
    fn new(
        stated: &'a [Vec<Stated>],
        capitalised: impl Iterator<Item = &'a [String]>,
    ) -> Others<'a> {
        let mut others = Others {
            exact: FxHashMap::default(),
            by_unit: FxHashMap::default(),
            dates: Vec::new(),
            capitalised: FxHashMap::default(),
            articles: stated.len(),
        };
        let mut date_at: FxHashMap<DateKey, usize> = FxHashMap::default();
        for (doc, facts) in stated.iter().enumerate() {
            for f in facts {
                match &f.key {
                    Key::Number(value, unit, _) => {
                        let docs = others
                            .exact
                            .entry((unit.as_str(), thousandths(*value)))
                            .or_default();
                        push_once(docs, doc);
                        let per_doc = others.by_unit.entry(unit.as_str()).or_default();
                        match per_doc.last_mut() {
                            Some((d, numbers)) if *d == doc => numbers.push(f),
                            _ => per_doc.push((doc, vec![f])),
                        }
                    }
                    Key::Date(date) => {
                        let at = *date_at.entry(*date).or_insert_with(|| {
                            others.dates.push((*date, Vec::new()));
                            others.dates.len() - 1
                        });
                        if let Some((_, docs)) = others.dates.get_mut(at) {
                            push_once(docs, doc);
                        }
                    }
                    Key::Name(_) => {}
                }
            }
        }
        for (doc, words) in capitalised.enumerate() {
            for word in words {
                push_once(others.capitalised.entry(word.as_str()).or_default(), doc);
            }
        }
        others
    }

    /// True when an article other than `i` states the number `exact`.
    fn number_elsewhere(&self, i: usize, exact: &(&str, i64)) -> bool {
        self.exact
            .get(exact)
            .is_some_and(|docs| docs.iter().any(|&d| d != i))
    }

    /// True when an article other than `i` states a date agreeing with `date`.
    fn date_elsewhere(&self, i: usize, date: &DateKey) -> bool {
        self.dates
            .iter()
            .any(|(d, docs)| docs.iter().any(|&doc| doc != i) && d.agrees(date))
    }

    /// True when an article other than `i` mentions the name `words`: its last
    /// word (a surname), or more than half of its words, written with a capital.
    fn name_elsewhere(&self, i: usize, words: &[String]) -> bool {
        let Some(last) = words.last() else {
            return self.articles > 1;
        };
        let docs = |w: &String| {
            self.capitalised
                .get(w.as_str())
                .map_or(&[][..], Vec::as_slice)
        };
        if docs(last).iter().any(|&d| d != i) {
            return true;
        }
        // Each word counted once per article writing it, as often as the name has it.
        let mut found: Vec<usize> = words
            .iter()
            .flat_map(|w| docs(w).iter().copied().filter(|&d| d != i))
            .collect();
        sort::all(&mut found);
        found
            .chunk_by(|a, b| a == b)
            .any(|run| 2 * run.len() > words.len())
    }
}

/// Adds `doc` to `docs` (filled in article order) unless it is already the last.
fn push_once(docs: &mut Vec<usize>, doc: usize) {
    if docs.last() != Some(&doc) {
        docs.push(doc);
    }
}

/// A value as compared: to three decimals (`1.5 million` and `1,500,000` agree).
fn thousandths(value: f64) -> i64 {
    (value * 1000.0).round() as i64
}

/// How many numbers of one unit in another article a number is held against
/// for `differs`: a story counts one thing a few times, not hundreds.
const MAX_SAME_UNIT: usize = 64;

/// How the other articles stand to `fact` of article `i`; `None` when one of them
/// states it too.
fn status_of(fact: &Stated, i: usize, others: &Others) -> Option<FactStatus> {
    match &fact.key {
        Key::Number(value, unit, context) => {
            let unit = unit.as_str();
            if others.number_elsewhere(i, &(unit, thousandths(*value))) {
                return None;
            }
            let mut differ: Vec<(usize, String)> = Vec::new();
            let same_unit = others.by_unit.get(unit).map_or(&[][..], Vec::as_slice);
            for (j, numbers) in same_unit.iter().filter(|(j, _)| *j != i) {
                for f in numbers.iter().take(MAX_SAME_UNIT) {
                    let Key::Number(_, _, c) = &f.key else {
                        continue;
                    };
                    // `2 million people without water` is not another count of
                    // `290,000 people killed`.
                    if !c.iter().any(|w| w != unit && context.contains(w)) {
                        continue;
                    }
                    let known = differ.iter().any(|(k, s)| k == j && *s == f.value);
                    if !known && differ.len() < MAX_OTHERS {
                        differ.push((*j, f.value.clone()));
                    }
                }
            }
            Some(match differ.is_empty() {
                true => FactStatus::Only,
                false => FactStatus::Differs(differ),
            })
        }
        Key::Date(date) => (!others.date_elsewhere(i, date)).then_some(FactStatus::Only),
        Key::Name(words) => (!others.name_elsewhere(i, words)).then_some(FactStatus::Only),
    }
}

/// The most other values a differing number lists: a reader needs a few.
const MAX_OTHERS: usize = 8;

// ---------------------------------------------------------------------------
// Reading one article.

/// A word of the text: letters and digits, with the inner punctuation of numbers
/// (`290,000`, `1.5`), hyphens and apostrophes (`90-minute`, `Obama’s`) and
/// abbreviation periods (`U.S.`).
#[derive(Debug, Clone, Copy)]
struct W<'t> {
    span: ByteSpan,
    text: &'t str,
    /// Only spaces (no punctuation, no line break) since the previous word.
    spaced: bool,
    /// First word of a sentence or of a line.
    starts: bool,
}

impl W<'_> {
    fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    fn lower(&self) -> String {
        strip_possessive(self.text).to_lowercase()
    }
}

fn words(text: &str) -> Vec<W<'_>> {
    let mut out: Vec<W<'_>> = Vec::new();
    let mut prev_end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if !c.is_alphanumeric() {
            chars.next();
            continue;
        }
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                end = i + c.len_utf8();
                chars.next();
                continue;
            }
            // Inner punctuation joins when a letter or digit follows it.
            let next = text.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
            let prev = text.get(..i).and_then(|r| r.chars().next_back());
            let joins = match c {
                ',' | '.' => {
                    prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())
                }
                '-' | '‐' | '\'' | '’' => next.is_some_and(char::is_alphanumeric),
                _ => false,
            } || (c == '.' && is_initialism(text, start, i));
            if !joins {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        let gap = text.get(prev_end..start).unwrap_or("");
        let before = text
            .get(..start)
            .unwrap_or("")
            .trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
        // The period of an initial or a title (`V.`, `Mr.`) ends no sentence.
        let abbreviated =
            gap.trim_end() == "." && out.last().is_some_and(|p| is_abbreviation(p.text));
        // A quotation opening mid-sentence starts a sentence of its own
        // (`noted, ''Everyone in the region...`).
        let unquoted = gap.trim_end_matches(['"', '“', '‘', '\'']);
        let opens_quote = unquoted.len() < gap.len() && unquoted.ends_with(char::is_whitespace);
        let starts = out.is_empty()
            || opens_quote
            || gap.contains('\n')
            || before
                .trim_end_matches(['"', '“', '”', '‘', '’', '\'', '(', ')', '«', '»'])
                .ends_with(['.', '!', '?', ':', '\n'])
            || before.is_empty();
        let starts = starts && (!abbreviated || gap.contains('\n'));
        out.push(W {
            span: ByteSpan::new(start, end),
            text: text.get(start..end).unwrap_or(""),
            spaced: !gap.is_empty() && gap.chars().all(|c| c.is_whitespace() && c != '\n'),
            starts,
        });
        prev_end = end;
    }
    out
}

/// A word whose period is an abbreviation's: an initial or a title (`V.`, `Mr.`).
fn is_abbreviation(word: &str) -> bool {
    word.chars().count() == 1 && word.chars().all(char::is_uppercase) || with_lower(word, is_title)
}

/// True when the period at `dot` continues an abbreviation of single letters
/// (`U.S.`, `C.I.A.`): the word so far is letters and periods, one letter each.
fn is_initialism(text: &str, start: usize, dot: usize) -> bool {
    // Initialisms are short; a long chain of `a.b.c...` is no word to rescan.
    let Some(word) = text.get(start..dot).filter(|w| w.len() <= 12) else {
        return false;
    };
    let single_letters = word
        .split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    let after = text.get(dot + 1..).and_then(|r| r.chars().next());
    single_letters
        && after.is_none_or(|c| c.is_alphabetic() && c.is_uppercase() || !c.is_alphanumeric())
        && (after.is_some_and(char::is_alphabetic) || word.contains('.'))
}

/// Every fact `text` states, in text order.
fn extract(text: &str, ws: &[W<'_>], stop: &StopWords) -> Vec<Stated> {
    let mut mid_capitalised: FxHashSet<String> = FxHashSet::default();
    for w in ws.iter().filter(|w| w.capitalised() && !w.starts) {
        // A copy only for a word not seen yet.
        with_lower(strip_possessive(w.text), |lower| {
            if !mid_capitalised.contains(lower) {
                mid_capitalised.insert(lower.to_string());
            }
        });
    }
    let names = Names {
        text,
        stop,
        mid_capitalised,
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        let used = date_at(text, ws, k, &mut out)
            .or_else(|| number_at(text, ws, k, stop, &mut out))
            .or_else(|| names.at(ws, k, &mut out))
            .unwrap_or(1);
        k += used.max(1);
    }
    out
}

/// The lower-cased words a text writes with a capital (possessives stripped), each
/// once, for telling whether it mentions a name.
fn capitalised_words(ws: &[W<'_>]) -> Vec<String> {
    // Each distinct word copied once: a text writes the same names again and again.
    let mut found: FxHashSet<String> = FxHashSet::default();
    for w in ws.iter().filter(|w| w.text.chars().any(char::is_uppercase)) {
        for part in strip_possessive(w.text).split(['-', '‐']) {
            if part.contains('.') {
                found.insert(part.replace('.', "").to_lowercase());
            } else {
                with_lower(part, |lower| {
                    if !found.contains(lower) {
                        found.insert(lower.to_string());
                    }
                });
            }
        }
    }
    // `key_words` leaves empty parts out.
    found.remove("");
    let mut found: Vec<String> = found.into_iter().collect();
    sort::by(&mut found, Ord::cmp);
    found
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

// ---------------------------------------------------------------------------
// Dates.

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn small_number(w: &W<'_>) -> Option<u32> {
    w.text.parse::<u32>().ok()
}

fn is_year(n: u32) -> bool {
    (1800..=2100).contains(&n)
}

/// A date starting at word `k`: a day of the week, `Month day[, year]`,
/// `Month year`, or a year after `in`, `since`, ... Returns the words used.
fn date_at(text: &str, ws: &[W<'_>], k: usize, out: &mut Vec<Stated>) -> Option<usize> {
    let w = ws.get(k)?;
    if w.capitalised() && calendar_shaped(strip_possessive(w.text)) {
        let weekday = with_lower(strip_possessive(w.text), |lower| {
            WEEKDAYS.iter().position(|d| *d == lower)
        });
        if let Some(d) = weekday {
            let value = capitalise(WEEKDAYS.get(d).copied().unwrap_or(""));
            push_date(
                out,
                w.span,
                value,
                DateKey {
                    weekday: Some(d as u32 + 1),
                    ..DateKey::default()
                },
            );
            return Some(1);
        }
    }
    // A month needs a number after it: `May` and `March` are words too.
    if let Some(month) = month_from(ws, k) {
        let abbreviated = ws
            .get(k + 1)
            .is_some_and(|n| w.text.len() <= 4 && text.get(w.span.end..n.span.start) == Some(". "));
        let next = ws.get(k + 1).filter(|n| n.spaced || abbreviated)?;
        let n = small_number(next)?;
        let name = capitalise(MONTHS.get(month as usize - 1).copied().unwrap_or(""));
        if is_year(n) {
            push_date(
                out,
                w.span.cover(next.span),
                format!("{name} {n}"),
                DateKey {
                    year: Some(n),
                    month: Some(month),
                    ..DateKey::default()
                },
            );
            return Some(2);
        }
        if (1..=31).contains(&n) {
            let year = ws
                .get(k + 2)
                .and_then(|y| small_number(y).filter(|&y| is_year(y)));
            let (span, value, used) = match year {
                Some(y) => (
                    w.span.cover(ws.get(k + 2).map_or(next.span, |y| y.span)),
                    format!("{name} {n}, {y}"),
                    3,
                ),
                None => (w.span.cover(next.span), format!("{name} {n}"), 2),
            };
            push_date(
                out,
                span,
                value,
                DateKey {
                    year,
                    month: Some(month),
                    day: Some(n),
                    ..DateKey::default()
                },
            );
            return Some(used);
        }
        return None;
    }
    // A year on its own, after a preposition of time.
    let n = small_number(w).filter(|&n| is_year(n) && w.text.len() == 4)?;
    let before = k.checked_sub(1).and_then(|p| ws.get(p))?;
    let preposition = with_lower(before.text, |lower| {
        matches!(
            lower,
            "in" | "since" | "until" | "by" | "from" | "before" | "after" | "early" | "late" | "of"
        )
    });
    if !preposition || !w.spaced {
        return None;
    }
    push_date(
        out,
        w.span,
        n.to_string(),
        DateKey {
            year: Some(n),
            ..DateKey::default()
        },
    );
    Some(1)
}

/// The month word `k` names, when the text's characters around it say so.
fn month_from(ws: &[W<'_>], k: usize) -> Option<u32> {
    let w = ws.get(k)?;
    if !w.capitalised() || !calendar_shaped(w.text) {
        return None;
    }
    // In full, or abbreviated to three letters (`Aug.`) or `Sept.`.
    let m = with_lower(w.text, |lower| {
        MONTHS.iter().position(|m| {
            *m == lower || ((lower.len() == 3 || lower == "sept") && m.starts_with(lower))
        })
    })?;
    Some(m as u32 + 1)
}

/// False for a word that cannot name a month or a day of the week, in full or
/// abbreviated (3 to 9 letters): most words are turned away before a lower-case
/// copy is made. A non-ASCII word is looked up in full (lowering may change it).
fn calendar_shaped(word: &str) -> bool {
    !word.is_ascii() || (3..=9).contains(&word.len())
}

fn push_date(out: &mut Vec<Stated>, span: ByteSpan, value: String, key: DateKey) {
    out.push(Stated {
        span,
        kind: FactKind::Date,
        value,
        key: Key::Date(key),
    });
}

/// A day's or month's name as written (`january` -> `January`): they are ASCII.
fn capitalise(word: &str) -> String {
    let mut out = word.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

// ---------------------------------------------------------------------------
// Numbers.

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of a spelled-out number below a hundred (`ninety`, `twenty-five`).
fn spelled(word: &str) -> Option<f64> {
    // Every number word starts with one of these pairs of letters: most words
    // (`the`, `of`, `said`) are turned away before a lower-case copy is made. A
    // non-ASCII letter among the two is lowered and looked up in full.
    let mut bytes = word.bytes().map(|b| b.to_ascii_lowercase());
    let pair = (bytes.next()?, bytes.next().unwrap_or(b' '));
    let ascii = pair.0.is_ascii() && pair.1.is_ascii();
    let number_start = matches!(
        pair,
        (b'z', b'e')
            | (b'o', b'n')
            | (b't', b'w' | b'h' | b'e')
            | (b'f', b'o' | b'i')
            | (b's', b'i' | b'e')
            | (b'e', b'i' | b'l')
            | (b'n', b'i')
    );
    if ascii && !number_start {
        return None;
    }
    with_lower(word, spelled_lower)
}

/// [`spelled`] of a lower-case word.
fn spelled_lower(lower: &str) -> Option<f64> {
    if let Some(n) = UNITS.iter().position(|u| *u == lower) {
        return Some(n as f64);
    }
    let mut parts = lower.splitn(2, ['-', '‐']);
    let tens = parts.next()?;
    let t = TENS.iter().position(|t| *t == tens)? as f64 * 10.0 + 20.0;
    match parts.next() {
        None => Some(t),
        Some(unit) => {
            let u = UNITS
                .iter()
                .position(|u| *u == unit)
                .filter(|&u| (1..10).contains(&u))?;
            Some(t + u as f64)
        }
    }
}

fn scale(word: &str) -> Option<f64> {
    with_lower(word, |lower| match lower {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    })
}

/// A number written in digits (`290,000`, `1.5`), with a currency sign before it.
fn digits(text: &str, w: &W<'_>) -> Option<(f64, Option<char>)> {
    if !w.text.starts_with(|c: char| c.is_ascii_digit())
        || !w
            .text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let value = decimal(&w.text.replace(',', ""))?;
    let sign = text
        .get(..w.span.start)
        .and_then(|b| b.chars().next_back())
        .filter(|c| matches!(c, '$' | '€' | '£' | '¥'));
    Some((value, sign))
}

/// The value of `text` as `str::parse::<f64>` reads a number that starts with a
/// digit (`290000`, `1.5`, `2.`, `3e6`), or `None` where it would fail.
///
/// Written out because the standard library's float parser was 14 kB of the page's
/// gzipped wasm (the lean engine 416.2 -> 402.3 kB without it; its table of powers
/// of five alone is 10 kB raw), for the digit strings of news. Exact, as the standard parser
/// is, whenever the digits fit in 53 bits and the power of ten is at most 22
/// (Clinger's fast path: both are exact doubles, so one division or product
/// rounds once): every number a story writes. Beyond that (more than fifteen
/// significant digits, or exponents) it may differ in the last bit, which
/// changes no comparison to thousandths.
fn decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut mantissa: u64 = 0;
    let mut exponent: i32 = 0;
    let mut digits = 0;
    let mut at = 0;
    let mut read = |at: &mut usize, fraction: bool| {
        let start = *at;
        while let Some(d) = bytes.get(*at).filter(|b| b.is_ascii_digit()) {
            if mantissa < (u64::MAX - 9) / 10 {
                mantissa = mantissa * 10 + u64::from(d - b'0');
                exponent -= i32::from(fraction);
            } else {
                exponent += i32::from(!fraction); // Digits past u64 only scale it.
            }
            *at += 1;
        }
        *at - start
    };
    digits += read(&mut at, false);
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        digits += read(&mut at, true);
    }
    if digits == 0 {
        return None;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        let negative = bytes.get(at) == Some(&b'-');
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let start = at;
        let mut e: i32 = 0;
        while let Some(d) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
            e = e.saturating_mul(10).saturating_add(i32::from(d - b'0'));
            at += 1;
        }
        if at == start {
            return None;
        }
        exponent = exponent.saturating_add(if negative { -e } else { e });
    }
    if at != bytes.len() {
        return None;
    }
    Some(scaled(mantissa, exponent))
}

/// `mantissa × 10^exponent`, rounded once where both are exact doubles.
fn scaled(mantissa: u64, exponent: i32) -> f64 {
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let m = mantissa as f64;
    if mantissa == 0 {
        return 0.0;
    }
    match usize::try_from(exponent.unsigned_abs())
        .ok()
        .and_then(|e| EXACT.get(e))
    {
        Some(&p) if mantissa < 1 << 53 && exponent >= 0 => m * p,
        Some(&p) if mantissa < 1 << 53 => m / p,
        _ => m * 10f64.powi(exponent),
    }
}

/// A number starting at word `k` and the word it counts. Returns the words used.
fn number_at(
    text: &str,
    ws: &[W<'_>],
    k: usize,
    stop: &StopWords,
    out: &mut Vec<Stated>,
) -> Option<usize> {
    let first = ws.get(k)?;
    // A number inside a name (`Group of 20`) is part of the name.
    let before = |back: usize| k.checked_sub(back).and_then(|p| ws.get(p));
    if first.spaced
        && before(1).is_some_and(|b| b.text == "of" && b.spaced)
        && before(2).is_some_and(|b| b.capitalised())
    {
        return None;
    }
    let sign = digits(text, first).and_then(|(_, sign)| sign);
    // Head: digits, or a spelled number, or a hyphenated `90-minute`.
    let (head, tail) = match first.text.split_once(['-', '‐']) {
        Some((h, t)) if h.chars().all(|c| c.is_ascii_digit()) && !h.is_empty() => (h, Some(t)),
        Some((h, t)) if spelled(h).is_some() && spelled(first.text).is_none() => (h, Some(t)),
        _ => (first.text, None),
    };
    // Only digits are parsed (the copy without commas is made for them alone).
    let parsed = head
        .starts_with(|c: char| c.is_ascii_digit())
        .then(|| decimal(&head.replace(',', "")))
        .flatten();
    let mut value = match parsed {
        Some(v) => v,
        None => spelled(head)?,
    };
    // `one` alone is more often a pronoun (`no one`, `one of`) than a count.
    if tail.is_none()
        && head.eq_ignore_ascii_case("one")
        && ws.get(k + 1).and_then(|n| scale(n.text)).is_none()
    {
        return None;
    }
    let mut used = 1;
    let mut end = first.span;
    if tail.is_none() {
        // `two hundred thousand`, `1.5 million`, `ninety-five thousand`.
        let mut total = 0.0;
        while let Some(next) = ws.get(k + used).filter(|n| n.spaced) {
            if let Some(s) = scale(next.text) {
                if s == 100.0 {
                    value *= s;
                } else {
                    total += value * s;
                    value = 0.0;
                }
            } else if let Some(v) = spelled(next.text) {
                // `hundred and five` is rare in news; `ninety five` never follows digits.
                if head.starts_with(|c: char| c.is_ascii_digit()) {
                    break;
                }
                value += v;
            } else {
                break;
            }
            end = end.cover(next.span);
            used += 1;
        }
        value += total;
    }
    // The word counted: the hyphenated tail, else the next word.
    let (unit, unit_span) = match tail {
        Some(t) => (t.split(['-', '‐']).next().unwrap_or(t).to_lowercase(), None),
        None if sign.is_some() => (String::new(), None),
        None => match unit_after(ws, k + used, stop) {
            Some(n) => (n.text.to_lowercase(), Some(n.span)),
            None => (String::new(), None),
        },
    };
    let unit = match (sign, unit.as_str()) {
        (Some(c), _) => c.to_string(),
        (None, "per" | "pct") => "percent".to_string(),
        _ => unit,
    };
    let percent = text.as_bytes().get(end.end) == Some(&b'%');
    let unit = if percent { "percent".to_string() } else { unit };
    if unit.is_empty() {
        // A bare number (`at 5`) says nothing a reader could compare.
        return Some(used);
    }
    let span = unit_span.map_or(end, |u| end.cover(u));
    let value_text = format_number(value);
    let shown = match (sign, unit.is_empty()) {
        (Some(c), _) => format!("{c}{value_text}"),
        (None, true) => value_text,
        (None, false) => format!("{value_text} {unit}"),
    };
    out.push(Stated {
        span,
        kind: FactKind::Number,
        value: shown,
        key: Key::Number(value, singular(&unit), context_of(ws, k, used, stop)),
    });
    Some(used)
}

/// How many words on either side of a number tell what it counts.
const CONTEXT_WORDS: usize = 8;

/// The content words near the number at words `k..k + used` (singular, lower-case).
fn context_of(ws: &[W<'_>], k: usize, used: usize, stop: &StopWords) -> Vec<String> {
    let from = k.saturating_sub(CONTEXT_WORDS);
    let to = (k + used + CONTEXT_WORDS).min(ws.len());
    let mut words: Vec<String> = ws
        .get(from..to)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .filter(|(i, _)| from + i < k || from + i >= k + used)
        .map(|(_, w)| w.lower())
        .filter(|w| w.chars().all(char::is_alphabetic) && !stop.contains(w))
        .map(|w| singular(&w))
        .collect();
    sort::by(&mut words, Ord::cmp);
    words.dedup();
    words
}

/// The word a number counts: the next word, past a name in between (`51 State
/// Department employees`); not a stop word.
fn unit_after<'a, 't>(ws: &'a [W<'t>], k: usize, stop: &StopWords) -> Option<&'a W<'t>> {
    for j in k..k + 4 {
        let next = ws.get(j).filter(|n| n.spaced)?;
        if !next.capitalised() {
            let word = next.text.chars().all(char::is_alphabetic) && !stop.contains(&next.lower());
            return word.then_some(next);
        }
    }
    None
}

/// `minutes` and `minute` are one unit.
fn singular(word: &str) -> String {
    let w = word.trim_end_matches(['\'', '’']);
    match w.strip_suffix('s') {
        Some(root) if root.len() >= 3 && !root.ends_with('s') => root.to_string(),
        _ => w.to_string(),
    }
}

/// `290000` as `290,000`; fractions to two places at most.
fn format_number(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 1e15 {
        let s = format!("{value:.2}");
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let digits = format!("{}", value.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() > 4 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------
// Names and places.

/// What telling names apart needs from the whole article.
struct Names<'a> {
    text: &'a str,
    stop: &'a StopWords,
    /// Words the text capitalises somewhere other than at a sentence's start.
    mid_capitalised: FxHashSet<String>,
}

/// Words that put a place after them (`in China`, `near Aleppo`).
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "inside", "across", "from"];

impl Names<'_> {
    /// A name or place starting at word `k`. Returns the words used.
    fn at(&self, ws: &[W<'_>], k: usize, out: &mut Vec<Stated>) -> Option<usize> {
        let run = self.run(ws, k)?;
        let used = run.len();
        if let Some(place) = self.dateline(&run, ws.get(k + used)) {
            out.push(place);
            return Some(used);
        }
        let kept = self.trim(&run);
        // The whole run is used even when nothing of it is a name, so that its
        // tail is not read again as a name of its own (`TEXT` of `FULL TEXT`).
        let (Some(first), Some(last)) = (kept.first(), kept.last()) else {
            return Some(used);
        };
        let words: Vec<String> = kept.iter().flat_map(|w| key_words(w.text)).collect();
        if words.is_empty() {
            return Some(used);
        }
        let value: Vec<String> = kept
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let surface = if i + 1 == kept.len() {
                    strip_possessive(w.text)
                } else {
                    w.text
                };
                let initial = surface.chars().count() == 1
                    && i + 1 < kept.len()
                    && self.text.as_bytes().get(w.span.end) == Some(&b'.');
                if initial {
                    format!("{surface}.")
                } else {
                    surface.to_string()
                }
            })
            .collect();
        let kind = match self.after_place_word(ws, k) {
            true => FactKind::Place,
            false => FactKind::Name,
        };
        out.push(Stated {
            span: ByteSpan::new(
                first.span.start,
                last.span.start + strip_possessive(last.text).len(),
            ),
            kind,
            value: value.join(" "),
            key: Key::Name(words),
        });
        Some(used)
    }

    /// The run of capitalised words from `k` on one line with only spaces between
    /// them (an initial's period allowed), lower-case particles inside; a
    /// possessive ends it.
    fn run<'t>(&self, ws: &[W<'t>], k: usize) -> Option<Vec<W<'t>>> {
        let first = ws.get(k).filter(|w| is_name_word(w))?;
        let mut run = vec![*first];
        let mut j = k + 1;
        while let (Some(prev), Some(next)) = (ws.get(j - 1), ws.get(j)) {
            if strip_possessive(prev.text) != prev.text {
                break;
            }
            let initial = is_abbreviation(prev.text)
                && self.text.get(prev.span.end..next.span.start) == Some(". ");
            let joined = next.spaced || initial;
            let particle = PARTICLES.contains(&next.text)
                && ws.get(j + 1).is_some_and(|n| n.spaced && n.capitalised());
            // A date inside (`On Aug. 26`) is read as a date.
            let bare = strip_possessive(next.text);
            let date = calendar_shaped(bare)
                && with_lower(bare, |lower| {
                    MONTHS.contains(&lower) || WEEKDAYS.contains(&lower)
                })
                || month_from(ws, j).is_some();
            if !joined || !(is_name_word(next) || particle) || next.starts && !initial || date {
                break;
            }
            run.push(*next);
            j += 1;
        }
        Some(run)
    }

    /// The run without leading titles (`Secretary of State`), a stray
    /// sentence-initial word (`Following Obama`), shouted headings, and stop words
    /// and particles at its ends.
    fn trim<'r, 't>(&self, run: &'r [W<'t>]) -> &'r [W<'t>] {
        // Headings in capitals (`FULL TEXT`, `ABSTRACT`) are not names; short
        // acronyms are (`CNN`, `NATO`).
        let shouted = run.iter().all(|w| is_shouted(w.text));
        let long = run.iter().map(|w| w.text.chars().count()).sum::<usize>() > 5;
        if shouted && (run.len() > 1 || long) {
            return &[];
        }
        let mut run = run;
        if let Some(last_title) = run
            .iter()
            .rposition(|w| with_lower(strip_possessive(w.text), is_title))
        {
            run = run.get(last_title + 1..).unwrap_or(&[]);
        }
        if let Some(first) = run.first() {
            // At a sentence's start every word is capitalised: the first is part of
            // a name only if the text capitalises it elsewhere too.
            let elsewhere = with_lower(strip_possessive(first.text), |lower| {
                self.mid_capitalised.contains(lower)
            });
            if first.starts && !elsewhere {
                run = run.get(1..).unwrap_or(&[]);
            }
        }
        let keep = |w: &W<'_>| {
            with_lower(strip_possessive(w.text), |lower| {
                !self.stop.contains(lower)
                    && !PARTICLES.contains(&lower)
                    && !WEEKDAYS.contains(&lower)
                    && !MONTHS.contains(&lower)
            })
        };
        let Some(a) = run.iter().position(keep) else {
            return &[];
        };
        // The last kept word, looked for after the first (each word checked once).
        let after = run.get(a + 1..).unwrap_or(&[]);
        let b = after.iter().rposition(keep).map_or(a, |p| a + 1 + p);
        let run = run.get(a..=b).unwrap_or(&[]);
        // A lone demonym or adjective (`American`, `Iranians`, `Democratic`)
        // names no one in particular.
        match run {
            [one] if is_demonym(one.text) => &[],
            _ => run,
        }
    }

    /// `HANGZHOU, China (CNN)`: a line opening with a place in capitals, a comma
    /// and a capitalised word.
    fn dateline(&self, run: &[W<'_>], next: Option<&W<'_>>) -> Option<Stated> {
        let first = run.first()?;
        let line_start = self.text.get(..first.span.start).is_some_and(|b| {
            b.trim_end_matches([' ', '\t']).is_empty()
                || b.trim_end_matches([' ', '\t']).ends_with('\n')
        });
        if !line_start || !run.iter().all(|w| is_shouted(w.text)) {
            return None;
        }
        let last = run.last()?;
        let after = self.text.get(last.span.end..)?;
        if !after.starts_with(", ") {
            return None;
        }
        let next = next?;
        if !next.capitalised() || is_shouted(next.text) && next.text.chars().count() > 3 {
            return None;
        }
        let name: Vec<String> = run.iter().map(|w| title_case(w.text)).collect();
        let value = format!("{}, {}", name.join(" "), next.text);
        let words: Vec<String> = run.iter().flat_map(|w| key_words(w.text)).collect();
        Some(Stated {
            span: first.span.cover(next.span),
            kind: FactKind::Place,
            value,
            key: Key::Name(words),
        })
    }

    /// True when the word before `k` puts a place after it (`in China`, `in the
    /// Hamptons`).
    fn after_place_word(&self, ws: &[W<'_>], k: usize) -> bool {
        let word = |back: usize| k.checked_sub(back).and_then(|p| ws.get(p));
        let is_place_word = |w: &W<'_>| PLACE_PREPOSITIONS.contains(&w.text);
        let spaced = ws.get(k).is_some_and(|w| w.spaced);
        spaced
            && match word(1) {
                Some(w) if w.text == "the" => w.spaced && word(2).is_some_and(is_place_word),
                Some(w) => is_place_word(w),
                None => false,
            }
    }
}

/// Lower-case words inside names (`Bashar al-Assad`, `Prince of Wales`).
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "abu", "de", "del", "der", "di", "da", "du", "la", "le", "van",
    "von", "of",
];

/// True for a word with the endings of nationalities and adjectives: a single
/// capitalised word so formed is rarely a name (`Syrian`, `Chinese`, `Democratic`).
fn is_demonym(word: &str) -> bool {
    let lower = strip_possessive(word).to_lowercase();
    [
        "ian", "ians", "ean", "eans", "can", "cans", "ese", "ish", "ic",
    ]
    .iter()
    .any(|end| lower.ends_with(end) && lower.len() > end.len() + 2)
}

/// Titles and ranks before a name: grammar, not a list of people.
fn is_title(lower: &str) -> bool {
    crate::text::names::is_title(lower)
}

/// A capitalised word whose last hyphenated part is capitalised too: `al-Assad`,
/// but not `U.S.-led` or `Washington-based`, which describe.
fn is_name_word(w: &W<'_>) -> bool {
    let upper = |p: &str| p.chars().next().is_some_and(char::is_uppercase);
    // Most words have no hyphen (no `-`, no 0xE2 lead byte of `‐`): one part, so
    // the particle rule (two parts at least) cannot apply.
    if !w.text.bytes().any(|b| b == b'-' || b == 0xE2) {
        return upper(w.text);
    }
    let mut parts = w.text.split(['-', '‐']);
    let first = parts.next().unwrap_or("");
    let last = parts.next_back().unwrap_or(first);
    // `al-Sham` is capitalised where it counts.
    (upper(first) || PARTICLES.contains(&first) && first != last) && upper(last)
}

fn is_shouted(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// A shouted word as a name is written (`WASHINGTON` -> `Washington`): its first
/// character as it is (a capital, or not a letter), the rest in lower case. Not the
/// lowered word's first character upper-cased: that made `ẞ` `SS`, and
/// `char::to_uppercase` brings the standard library's table of upper-case mappings
/// into the wasm (12 kB raw, 4 kB gzipped), for this alone.
fn title_case(word: &str) -> String {
    let lower = word.to_lowercase();
    let Some(first) = word.chars().next() else {
        return lower;
    };
    // `str::to_lowercase` lowers a first character as `char::to_lowercase` does.
    let lowered: usize = first.to_lowercase().map(char::len_utf8).sum();
    let mut out = String::with_capacity(lower.len());
    out.push(first);
    out.push_str(lower.get(lowered..).unwrap_or_default());
    out
}

/// A name's word as compared: lower-case, possessive and periods gone (`U.S.` is
/// `us`), hyphenated parts apart (`al-Assad` is `al` and `assad`).
fn key_words(word: &str) -> Vec<String> {
    strip_possessive(word)
        .split(['-', '‐'])
        // The copy without periods only for the few parts that have one.
        .map(|p| match p.contains('.') {
            true => p.replace('.', "").to_lowercase(),
            false => p.to_lowercase(),
        })
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shouted words of datelines as names: as upper-casing the lowered word did,
    /// but where that changed the letter itself.
    #[test]
    fn shouted_words_are_title_cased() {
        let upper_of_lower = |word: &str| {
            let lower = word.to_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        };
        for word in [
            "WASHINGTON",
            "ÉLYSÉE",
            "KYIV",
            "МОСКВА",
            "ÅLESUND",
            "O'HARE",
            "(AP)",
            "D.C.",
            "Œ",
        ] {
            assert_eq!(title_case(word), upper_of_lower(word), "{word}");
        }
        assert_eq!(title_case("ΣΥΡΙΖΑΣ"), "Συριζας");
        assert_eq!(title_case("ẞTRASSE"), "ẞtrasse");
        assert_eq!(title_case(""), "");
        assert_eq!(capitalise("january"), "January");
    }

    #[test]
    fn decimals_read_as_the_standard_parser_reads_them() {
        for text in [
            "0",
            "7",
            "290000",
            "1.5",
            "2.",
            "0.25",
            "007",
            "12.50",
            "3e6",
            "3E6",
            "1e-3",
            "2.5e+2",
            "123456789012345",
            "0.000001",
            "99999999999999999999",
            "1e400",
            "1e-400",
        ] {
            assert_eq!(decimal(text), text.parse::<f64>().ok(), "{text}");
        }
        for text in ["1.2.3", "5G", "1e", "1e+", "1,5", "", "1 000", "4-5"] {
            assert_eq!(decimal(text), None, "{text}");
        }
    }

    // proptest needs an OS random source: property tests run natively only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        // Exactly the standard parser's double wherever a story's numbers fall.
        #[test]
        fn decimals_are_exact(text in "[0-9]{1,12}(\\.[0-9]{0,3})?(e[+-]?[0-9])?") {
            proptest::prop_assert_eq!(decimal(&text), text.parse::<f64>().ok());
        }
    }

    /// Each article's facts as `(kind, value, status)` with the text they rest on.
    fn facts_of(texts: &[&str]) -> Vec<Vec<(String, String, String, String)>> {
        compare(texts)
            .iter()
            .zip(texts)
            .map(|(facts, text)| {
                facts
                    .iter()
                    .map(|f| {
                        let status = match &f.status {
                            FactStatus::Only => "only".to_string(),
                            FactStatus::Differs(o) => format!("differs {o:?}"),
                        };
                        (
                            f.kind.as_str().to_string(),
                            f.value.clone(),
                            status,
                            f.span.slice(text).to_string(),
                        )
                    })
                    .collect()
            })
            .collect()
    }

    fn values(facts: &[(String, String, String, String)]) -> Vec<&str> {
        facts.iter().map(|f| f.1.as_str()).collect()
    }

    #[test]
    fn spelled_numbers_agree_with_digits() {
        let got = facts_of(&[
            "The leaders met for ninety minutes on the sidelines.",
            "The leaders met for 90 minutes. It was a 90-minute meeting.",
        ]);
        assert!(got.iter().all(|f| f.is_empty()), "{got:?}");
    }

    #[test]
    fn different_counts_of_one_thing_differ() {
        let got = facts_of(&[
            "More than 290,000 people have been killed in the war.",
            "Some 300,000 people have been killed in the war since 2011.",
            "Two million people are without water in the city.",
        ]);
        let first = &got[0][0];
        assert_eq!(first.1, "290,000 people");
        assert_eq!(first.3, "290,000 people");
        assert_eq!(first.2, "differs [(1, \"300,000 people\")]");
        // The third article counts people too, but not the dead.
        assert_eq!(values(&got[1]), ["300,000 people", "2011"]);
        assert_eq!(got[2][0].1, "2,000,000 people");
        assert_eq!(got[2][0].2, "only");
    }

    #[test]
    fn numbers_normalise() {
        let got = facts_of(&[
            "It took five years, twenty-five days, two hundred thousand troops, 1.5 million \
             dollars, $40 million and 5% of the budget, for a four-way fight.",
            "",
        ]);
        assert_eq!(
            values(&got[0]),
            [
                "5 years",
                "25 days",
                "200,000 troops",
                "1,500,000 dollars",
                "$40,000,000",
                "5 percent",
                "4 way"
            ]
        );
        // `one` is a pronoun more often than a count; `Group of 20` is a name.
        let got = facts_of(&["No one came to the Group of 20 summit.", ""]);
        assert!(got[0].iter().all(|f| f.0 != "number"), "{got:?}");
    }

    #[test]
    fn dates_only_one_states() {
        let got = facts_of(&[
            "On Monday, September 5, 2016, the talks ended. They began in March 2011.",
            "The talks ended on Monday, Sept. 5. On Aug. 26 they met in Geneva.",
        ]);
        assert_eq!(values(&got[0]), ["March 2011"], "{got:?}");
        assert_eq!(got[1][0].1, "August 26", "{got:?}");
        assert_eq!(got[1][0].3, "Aug. 26");
        // `May` and `March` are words too: without a number they are no date.
        let got = facts_of(&["They may march in May.", ""]);
        assert!(got[0].is_empty(), "{got:?}");
    }

    #[test]
    fn quotes_open_sentences_and_particles_join_names() {
        let got = facts_of(&[
            "He noted, ''Everyone in the region is waiting.'' The Jabhat Fatah al-Sham group and Bashar al-Assad.",
            "Nothing.",
        ]);
        assert_eq!(
            values(&got[0]),
            ["Jabhat Fatah al-Sham", "Bashar al-Assad"],
            "{got:?}"
        );
    }

    #[test]
    fn names_agree_by_surname_and_drop_titles() {
        let got = facts_of(&[
            "U.S. President Barack Obama met National Security Adviser Susan Rice. \
             Following Obama's meeting, Turkey's President Recep Tayyip Erdogan spoke.",
            "Obama met Rice in the US. Later Mr. Sergei Lavrov flew in from Moscow.",
        ]);
        assert_eq!(
            values(&got[0]),
            ["Turkey", "Recep Tayyip Erdogan"],
            "{got:?}"
        );
        assert_eq!(got[0][1].0, "name");
        let second = values(&got[1]);
        assert_eq!(second, ["Sergei Lavrov", "Moscow"], "{got:?}");
        assert_eq!(got[1][1].0, "place");
    }

    #[test]
    fn datelines_and_headings() {
        let got = facts_of(&[
            "HANGZHOU, China (CNN) — The leaders met.\nFULL TEXT.\nThe talks ended.",
            "The leaders met in China.",
        ]);
        assert_eq!(values(&got[0]), ["Hangzhou, China", "CNN"], "{got:?}");
        assert_eq!(got[0][0].0, "place");
    }

    #[test]
    fn large_articles_stay_linear() {
        let mut a = String::new();
        for i in 0..5_000 {
            a.push_str(&format!(
                "SOME HEADING\nIn {i} cases {i} people met Ann Lee{i}. "
            ));
        }
        a.push_str(&"a.".repeat(12_500));
        let started = std::time::Instant::now();
        let got = compare(&[&a, &a.replace("people", "persons")]);
        assert!(got.iter().all(|f| f.len() <= MAX_FACTS));
        // Each article holds at most MAX_FACTS facts against the others.
        assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    }

    #[test]
    fn no_panic_on_odd_input() {
        for text in [
            "",
            "9",
            "$",
            "Aug.",
            "ninety-",
            "1,2,,3 9.9.9 99999999999999999999999999 million billion",
            "É. É. Ü.-x — “Zé” 12ab ½ ٣ 五",
            "U.S.\n\n.U",
        ] {
            let _ = facts_of(&[text, text, "Other text, 5 people."]);
        }
    }
}
