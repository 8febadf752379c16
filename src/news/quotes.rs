//! Direct quotations, and the same quotation found in several articles.
//!
//! Extraction works in three linear passes over the text (the rules and their
//! measurement are written up in `QUOTES.md` beside this file):
//!
//! 1. **Marks.** Every quote mark, with its kind (double: `"` `“ ”` `''` `« »`;
//!    single: `'` `‘ ’`) and whether it can open, close, or (a straight `"`) both,
//!    read from the characters around it. A `’` or `'` between letters is an
//!    apostrophe, not a mark.
//! 2. **Pieces.** Marks are paired into pieces, double marks first. A quote left
//!    open at the end of a paragraph continues when the next paragraph begins with
//!    an opening mark (the multi-paragraph convention), and is dropped otherwise.
//!    Single marks are paired only outside double pieces, so `‘pub’` inside a
//!    double quote stays part of it; a single piece holding double pieces (British
//!    nesting) absorbs them.
//! 3. **Quotes.** Two pieces of one paragraph separated only by a short speech
//!    clause (`"We will try," he said, "but..."`) are one quote with two parts. A
//!    quote is kept when it is long (four words or more) and not shaped like a
//!    title, or when short but its sentence has a speech verb (`snagged on "a
//!    couple of tough issues," Kerry told reporters`). A short quote without one
//!    (`the so-called "deal"`), a title-cased phrase without one (`"On the
//!    Media"`), and a word between two capitalised names (a nickname) are not
//!    quotes.

use super::{Quote, QuoteMatch};
use crate::sort;
use crate::span::ByteSpan;
use rustc_hash::FxHashMap;

/// Every direct quotation in `text`, in text order, with no speaker yet.
pub fn extract(text: &str) -> Vec<Quote> {
    let marks = scan_marks(text);
    let breaks = paragraph_breaks(text);
    let doubles = pair(text, &marks, Kind::Double, &breaks, &[]);
    let singles = pair(text, &marks, Kind::Single, &breaks, &doubles);
    let pieces = nest(singles, doubles);
    join_interrupted(text, pieces)
        .into_iter()
        .filter(|q| is_quotation(text, q))
        .collect()
}

// ------------------------------------------------------------------ marks

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight `"` or `''`: opens or closes depending on the state and context.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: ByteSpan,
    kind: Kind,
    role: Role,
    prev: Option<char>,
    next: Option<char>,
}

fn scan_marks(text: &str) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut from = 0;
    while let Some(i) = next_mark_byte(text, from) {
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let after = |at: usize| text.get(at..).and_then(|r| r.chars().next());
        let prev = text.get(..i).and_then(|r| r.chars().next_back());
        let mut next = after(i + c.len_utf8());
        let mut len = c.len_utf8();
        let found = match c {
            '“' | '„' | '«' => Some((Kind::Double, Role::Open)),
            '”' | '»' => Some((Kind::Double, Role::Close)),
            '"' => Some((Kind::Double, Role::Either)),
            // Two apostrophes stand for a double mark in some archives (''like this'').
            '\'' if next == Some('\'') => {
                len = 2;
                next = after(i + 2);
                Some((Kind::Double, Role::Either))
            }
            '\'' | '‘' | '’' => single_role(c, prev, next).map(|r| (Kind::Single, r)),
            _ => None,
        };
        if let Some((kind, role)) = found {
            marks.push(Mark {
                span: ByteSpan::new(i, i + len),
                kind,
                role,
                prev,
                next,
            });
        }
        from = i + len;
    }
    marks
}

/// Where the next byte at or after `from` that may start a quotation mark lies:
/// `"`, `'`, or the lead byte of `«` `»` (0xC2) or of the curly marks (0xE2).
/// The text between marks is skipped a byte at a time, with no character decoded.
fn next_mark_byte(text: &str, from: usize) -> Option<usize> {
    let rest = text.as_bytes().get(from..)?;
    let at = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))?;
    Some(from + at)
}

/// A single mark opens before a word and closes after one; between two letters
/// (or before a digit, `'90s`) it is an apostrophe.
fn single_role(c: char, prev: Option<char>, next: Option<char>) -> Option<Role> {
    let after_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/\"“".contains(p));
    let before_word = next.is_some_and(|n| n.is_alphabetic());
    let before_gap = next.is_none_or(|n| !n.is_alphanumeric());
    let after_word = prev.is_some_and(|p| !p.is_whitespace());
    match c {
        '‘' if next.is_some_and(|n| !n.is_whitespace()) => Some(Role::Open),
        '’' if after_word && before_gap => Some(Role::Close),
        '\'' if after_space && before_word => Some(Role::Open),
        '\'' if after_word && before_gap => Some(Role::Close),
        _ => None,
    }
}

fn opens_here(m: &Mark) -> bool {
    let after_space = m
        .prev
        .is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p));
    after_space && m.next.is_some_and(|n| !n.is_whitespace())
}

fn closes_here(m: &Mark) -> bool {
    m.prev.is_some_and(|p| !p.is_whitespace())
        && m.next
            .is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-".contains(n))
}

// ------------------------------------------------------------------ paragraphs

/// The whitespace runs that separate paragraphs: every newline, or only blank
/// lines when the text is hard-wrapped (most lines short and followed by another).
fn paragraph_breaks(text: &str) -> Vec<ByteSpan> {
    let wrapped = is_hard_wrapped(text);
    let bytes = text.as_bytes();
    let mut breaks = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i) != Some(&b'\n') {
            i += 1;
            continue;
        }
        let start = i;
        let mut newlines = 0;
        while let Some(&b) = bytes.get(i) {
            if b == b'\n' {
                newlines += 1;
            } else if !b.is_ascii_whitespace() {
                break;
            }
            i += 1;
        }
        if !wrapped || newlines >= 2 {
            breaks.push(ByteSpan::new(start, i));
        }
    }
    breaks
}

fn is_hard_wrapped(text: &str) -> bool {
    let mut lines = 0usize;
    let mut short_joined = 0usize;
    let mut longest = 0usize;
    let mut prev_nonblank = false;
    for line in text.lines() {
        let len = line.chars().count();
        longest = longest.max(len);
        let blank = line.trim().is_empty();
        if !blank {
            lines += 1;
            if prev_nonblank && len <= 100 {
                short_joined += 1;
            }
        }
        prev_nonblank = !blank;
    }
    lines >= 5 && longest <= 100 && short_joined * 2 >= lines
}

// ------------------------------------------------------------------ pieces

/// A run of quoted words between an opening and a closing mark; several parts
/// when it runs over paragraphs.
#[derive(Debug, Clone)]
struct Piece {
    span: ByteSpan,
    parts: Vec<ByteSpan>,
}

struct Open {
    mark: ByteSpan,
    parts: Vec<ByteSpan>,
    part_start: usize,
}

/// Pairs the marks of one kind, skipping those inside `skip` (sorted spans).
fn pair(text: &str, marks: &[Mark], kind: Kind, breaks: &[ByteSpan], skip: &[Piece]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut open: Option<Open> = None;
    let mut next_break = 0;
    let mut next_skip = 0;
    for m in marks.iter().filter(|m| m.kind == kind) {
        while skip
            .get(next_skip)
            .is_some_and(|s| s.span.end <= m.span.start)
        {
            next_skip += 1;
        }
        if skip
            .get(next_skip)
            .is_some_and(|s| s.span.start <= m.span.start)
        {
            continue;
        }
        // Paragraph breaks crossed since the last mark.
        let mut crossed = 0;
        let mut last_break = None;
        while let Some(b) = breaks.get(next_break).filter(|b| b.end <= m.span.start) {
            crossed += 1;
            last_break = Some(*b);
            next_break += 1;
        }
        if let Some(o) = open.as_mut() {
            if crossed > 0 {
                let starts_paragraph = last_break.is_some_and(|b| b.end == m.span.start);
                let continues = crossed == 1 && starts_paragraph && m.role != Role::Close;
                if continues {
                    let end = last_break.map_or(m.span.start, |b| b.start);
                    o.parts.push(trimmed(text, o.part_start, end));
                    o.part_start = m.span.end;
                    continue;
                }
                open = None;
            }
        }
        match (open.take(), m.role) {
            (None, Role::Close) => {}
            (None, Role::Either) if closes_here(m) && !opens_here(m) => {}
            (None, _) => open = Some(start(m)),
            // A German quote opens with `„` and closes with `“`.
            (Some(o), Role::Open) if !is_german_close(text, &o, m) => open = Some(start(m)),
            (Some(_), Role::Either) if opens_here(m) && !closes_here(m) => open = Some(start(m)),
            (Some(mut o), _) => {
                o.parts.push(trimmed(text, o.part_start, m.span.start));
                o.parts.retain(|p| !p.is_empty());
                if !o.parts.is_empty() {
                    pieces.push(Piece {
                        span: ByteSpan::new(o.mark.start, m.span.end),
                        parts: o.parts,
                    });
                }
            }
        }
    }
    pieces
}

fn is_german_close(text: &str, o: &Open, m: &Mark) -> bool {
    o.mark.slice(text) == "„" && m.span.slice(text) == "“"
}

fn start(m: &Mark) -> Open {
    Open {
        mark: m.span,
        parts: Vec::new(),
        part_start: m.span.end,
    }
}

/// `start..end` without the whitespace at either side.
fn trimmed(text: &str, start: usize, end: usize) -> ByteSpan {
    let s = ByteSpan::new(start, end).slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return ByteSpan::new(start, start);
    }
    ByteSpan::new(start + lead, end - trail)
}

/// Single pieces and the double pieces not inside one, in text order.
fn nest(singles: Vec<Piece>, doubles: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(singles.len() + doubles.len());
    let mut s = singles.into_iter().peekable();
    for d in doubles {
        while let Some(single) = s.next_if(|x| x.span.start < d.span.start) {
            out.push(single);
        }
        let inside = out
            .last()
            .is_some_and(|o| o.span.start <= d.span.start && d.span.end <= o.span.end);
        if !inside {
            out.push(d);
        }
    }
    out.extend(s);
    out
}

// ------------------------------------------------------------------ quotes

/// Joins pieces interrupted by their attribution into one quote each.
fn join_interrupted(text: &str, pieces: Vec<Piece>) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::with_capacity(pieces.len());
    for p in pieces {
        if let Some(q) = quotes.last_mut() {
            if is_interruption(text, q.span.end, p.span.start, p.span.end) {
                q.span = ByteSpan::new(q.span.start, p.span.end);
                q.parts.extend(p.parts);
                continue;
            }
        }
        quotes.push(Quote {
            span: p.span,
            parts: p.parts,
            speaker: None,
        });
    }
    quotes
}

/// True when the text between two pieces (the second ending at `next_end`) is only
/// a speech clause: one line, at most ten words, a speech verb, no conjunction that
/// would start a new thought.
pub(crate) fn is_interruption(text: &str, from: usize, to: usize, next_end: usize) -> bool {
    let gap = ByteSpan::new(from, to).slice(text);
    if gap.contains('\n') || gap.len() > 120 {
        return false;
    }
    let words: Vec<&str> = word_strs(gap).collect();
    let ends = gap.trim_end();
    // `he said, "...`, `he said. "...`, or the clause runs on (`he said, because "...`).
    let runs_on = words
        .last()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "that" | "because"));
    let clause_end = ends.ends_with(',') || ends.ends_with(':') || runs_on;
    // After a full stop the next piece is a new sentence: the same speaker's only
    // when it has no attribution of its own (`"A," observed X. "B," responded Y.`).
    // The clause is one sentence: `Mr. Kerry said. No name change, he said, "...`
    // starts a second one, and a second quote.
    let one_sentence = sentence_start(text, from + ends.len().saturating_sub(1)) <= from;
    let new_sentence = ends.ends_with('.') && !has_own_attribution(text, next_end);
    !words.is_empty()
        && words.len() <= 10
        && one_sentence
        && (clause_end || new_sentence)
        && words.iter().any(|w| is_speech_verb(w))
        && !words
            .iter()
            .any(|w| matches!(w.to_lowercase().as_str(), "and" | "but" | "while" | "or"))
}

/// True when a speech verb follows `close` within its sentence and twelve words.
fn has_own_attribution(text: &str, close: usize) -> bool {
    let end = sentence_end(text, close);
    word_strs(ByteSpan::new(close, end).slice(text))
        .take(12)
        .any(is_speech_verb)
}

/// The structural test between a quotation and a quoted word (see the module doc).
fn is_quotation(text: &str, q: &Quote) -> bool {
    if q.parts.len() > 1 {
        return true;
    }
    let words: Vec<&str> = q
        .parts
        .iter()
        .flat_map(|p| word_strs(p.slice(text)))
        .collect();
    if words.is_empty() || is_nickname(text, q) {
        return false;
    }
    let speech = sentence_has_speech(text, q.span);
    // A title-cased phrase is a title or a name, even next to a speech verb
    // (`wrote about "War and Peace"`), unless it ends in punctuation as speech does
    // (`"Nusra is Al Qaeda," Mr. Kerry said`).
    let title = is_title_shaped(text, q, &words) && !(speech && ends_punctuated(text, q));
    // Length counts whitespace-separated words: a quoted URL is one.
    let length: usize = q
        .parts
        .iter()
        .map(|p| p.slice(text).split_whitespace().count())
        .sum();
    !title && (speech || length >= 4)
}

fn ends_punctuated(text: &str, q: &Quote) -> bool {
    q.parts
        .last()
        .is_some_and(|p| p.slice(text).ends_with(['.', ',', '!', '?']))
}

/// Every word capitalised (small function words aside) and no sentence punctuation
/// inside: the shape of a title or a name.
fn is_title_shaped(text: &str, q: &Quote, words: &[&str]) -> bool {
    let inner: String = q.parts.iter().map(|p| p.slice(text)).collect();
    let body = inner.trim_end_matches(['.', ',', '!', '?']);
    if body.contains(['.', ',', '!', '?', ';', ':']) || words.len() > 8 {
        return false;
    }
    words
        .iter()
        .all(|w| starts_upper(w) || (w.len() <= 3 && w.chars().all(|c| c.is_lowercase())))
        && words.first().is_some_and(|w| starts_upper(w))
}

/// One or two capitalised words between two capitalised names: `John "Bull" Smith`.
fn is_nickname(text: &str, q: &Quote) -> bool {
    let before = text.get(..q.span.start).unwrap_or("");
    let after = text.get(q.span.end..).unwrap_or("");
    let prev_word = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let next_word = after
        .trim_start()
        .split(char::is_whitespace)
        .next()
        .unwrap_or("");
    let inner = q.parts.first().map_or("", |p| p.slice(text));
    starts_upper(inner)
        && starts_upper(prev_word)
        && starts_upper(next_word)
        && word_strs(inner).count() <= 2
        && !prev_word.ends_with(['.', ',', ':'])
        && after.starts_with(' ')
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// A speech verb in the sentence around `span`, outside the quote, or a colon
/// introducing it.
fn sentence_has_speech(text: &str, span: ByteSpan) -> bool {
    let start = sentence_start(text, span.start);
    let end = sentence_end(text, span.end);
    let before = ByteSpan::new(start, span.start).slice(text);
    let after = ByteSpan::new(span.end, end).slice(text);
    before.trim_end().ends_with(':')
        || word_strs(before)
            .chain(word_strs(after))
            .any(is_speech_verb)
}

// ------------------------------------------------------------------ shared helpers

/// How far a sentence boundary is looked for, so that the cost stays linear.
const WINDOW: usize = 400;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Where the sentence holding `pos` starts (at most `WINDOW` bytes back, never
/// before the line).
pub(crate) fn sentence_start(text: &str, pos: usize) -> usize {
    let pos = floor_boundary(text, pos);
    let lo = ceil_boundary(text, pos.saturating_sub(WINDOW));
    let bytes = text.as_bytes();
    let mut j = pos;
    while j > lo {
        j -= 1;
        match bytes.get(j) {
            Some(b'\n') => return j + 1,
            Some(b' ') if ends_sentence(text, j) => return j + 1,
            _ => {}
        }
    }
    lo
}

/// Where the sentence holding `pos` ends (at most `WINDOW` bytes on).
pub(crate) fn sentence_end(text: &str, pos: usize) -> usize {
    let pos = ceil_boundary(text, pos);
    let hi = floor_boundary(text, pos + WINDOW);
    let bytes = text.as_bytes();
    let mut j = pos;
    while j < hi {
        match bytes.get(j) {
            Some(b'\n') => return j,
            Some(b' ') if ends_sentence(text, j) => return j,
            _ => {}
        }
        j += 1;
    }
    hi
}

/// True when the ASCII space at byte `j` follows a sentence end: `.`, `?` or `!`
/// (before any closing marks), not after an abbreviation, with a capital or an
/// opening mark after the space.
fn ends_sentence(text: &str, j: usize) -> bool {
    // Most spaces follow a letter or a digit: no sentence end, nothing to decode.
    let prev = j.checked_sub(1).and_then(|p| text.as_bytes().get(p));
    if prev.is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    let before = text.get(..j).unwrap_or("");
    let after = text.get(j + 1..).unwrap_or("");
    let core = before.trim_end_matches(['"', '\'', '”', '’', ')']);
    let Some(last) = core.chars().last() else {
        return false;
    };
    if !matches!(last, '.' | '?' | '!') {
        return false;
    }
    let next_ok = after
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"'“‘".contains(c));
    if !next_ok {
        return false;
    }
    if last != '.' || core.len() != before.len() {
        return true;
    }
    let word = core
        .get(..core.len() - 1)
        .unwrap_or("")
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    !is_abbreviation(word)
}

/// A word before a period that does not end a sentence: an initial (`F`), a word
/// with inner periods (`U.S`), a short title (`Mr`, `Gen`).
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let letters = word.chars().count();
    (letters == 1 && starts_upper(word))
        || word.contains('.')
        || matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Jr"
                | "Sr"
                | "St"
                | "Gen"
                | "Rep"
                | "Sen"
                | "Gov"
                | "Lt"
                | "Col"
                | "Maj"
                | "Capt"
                | "Sgt"
                | "Adm"
                | "Prof"
                | "Rev"
                | "Ft"
                | "Mt"
                | "No"
                | "Jan"
                | "Feb"
                | "Aug"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
        )
}

/// The words of `s`: runs of letters and digits, inner `'` `’` `-` `.` kept.
pub(crate) fn word_strs(s: &str) -> impl Iterator<Item = &str> {
    word_spans(s).map(move |sp| sp.slice(s))
}

/// Byte spans (relative to `s`) of its words, as `word_strs` cuts them.
pub(crate) fn word_spans(s: &str) -> impl Iterator<Item = ByteSpan> + '_ {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = s.len();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                chars.next();
                continue;
            }
            let joiner = matches!(c, '\'' | '’' | '-' | '.');
            let next_alnum = s
                .get(i + c.len_utf8()..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphanumeric);
            if joiner && next_alnum {
                chars.next();
                continue;
            }
            end = i;
            break;
        }
        Some(ByteSpan::new(start, end))
    })
}

/// Verbs that report speech. Grammar, not a list of phrases: any of them next to a
/// name makes an attribution.
pub(crate) fn is_speech_verb(word: &str) -> bool {
    // A capitalised word is a name or a heading (`Secretary of State`), not a verb.
    if starts_upper(word) {
        return false;
    }
    super::with_lower(word, |w| {
        matches!(
            w,
            "say"
                | "says"
                | "said"
                | "saying"
                | "tell"
                | "tells"
                | "told"
                | "telling"
                | "add"
                | "adds"
                | "added"
                | "adding"
                | "ask"
                | "asks"
                | "asked"
                | "noted"
                | "noting"
                | "explain"
                | "explains"
                | "explained"
                | "insist"
                | "insists"
                | "insisted"
                | "warn"
                | "warns"
                | "warned"
                | "argue"
                | "argues"
                | "argued"
                | "write"
                | "writes"
                | "wrote"
                | "observe"
                | "observes"
                | "observed"
                | "respond"
                | "responds"
                | "responded"
                | "reply"
                | "replies"
                | "replied"
                | "declare"
                | "declares"
                | "declared"
                | "stated"
                | "announce"
                | "announces"
                | "announced"
                | "acknowledge"
                | "acknowledges"
                | "acknowledged"
                | "claimed"
                | "predict"
                | "predicts"
                | "predicted"
                | "commented"
                | "recalled"
                | "suggest"
                | "suggests"
                | "suggested"
                | "admit"
                | "admits"
                | "admitted"
                | "confess"
                | "confesses"
                | "confessed"
                | "quoted"
                | "quoting"
                | "according"
                | "speaking"
                | "spoke"
                | "described"
                | "describes"
                | "advised"
                | "advises"
                | "urged"
                | "urges"
                | "testified"
                | "vowed"
                | "promised"
                | "conceded"
                | "cautioned"
                | "whispered"
                | "shouted"
        )
    })
}

// ------------------------------------------------------------------ matching

/// A quote shorter than this many words is matched only verbatim.
const MIN_WORDS: usize = 4;
/// A rewording shares at least this many distinct words...
const MIN_SHARED: usize = 4;
/// ...and at least one run of this many words.
const MIN_RUN: usize = 3;
/// Pairs below this score are not the same quote.
const MIN_SCORE: f64 = 0.6;
/// A word in more quotes than this does not make candidates (it is a common word).
const MAX_POSTINGS: usize = 64;
/// How many of its rarest words each quote looks its candidates up by.
const QUERY_WORDS: usize = 8;

/// Quotes said in more than one article: verbatim, trimmed or reworded.
///
/// Candidates share one of a quote's rarest words (no all-pairs comparison), each
/// candidate pair is scored by `similarity`, and accepted pairs are grouped
/// transitively; a group's score is its weakest accepted pair.
pub fn matches(texts: &[&str], quotes: &[Vec<Quote>]) -> Vec<QuoteMatch> {
    let words: Vec<Vec<QuoteWords>> = texts
        .iter()
        .zip(quotes)
        .map(|(text, qs)| quote_words(text, qs))
        .collect();
    matches_of(&words)
}

/// What one quote brings to the matching: its words, normalized, and its
/// speaker's last name, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteWords {
    /// Its index among the article's quotes.
    pub quote: usize,
    /// The quoted words in order, case and apostrophes folded.
    pub words: Vec<String>,
    /// The last word of its speaker's name, lower-cased.
    pub speaker: Option<String>,
}

/// One article's quotes as the matching reads them (those with words).
pub fn quote_words(text: &str, quotes: &[Quote]) -> Vec<QuoteWords> {
    quotes
        .iter()
        .enumerate()
        .map(|(quote, q)| QuoteWords {
            quote,
            words: q
                .parts
                .iter()
                .flat_map(|p| word_strs(p.slice(text)))
                .map(normalize_word)
                .collect(),
            speaker: q
                .speaker
                .as_ref()
                .and_then(|s| s.name.rsplit(' ').next().map(str::to_lowercase)),
        })
        .filter(|q| !q.words.is_empty())
        .collect()
}

/// [`matches`] over each article's [`quote_words`], articles in set order.
pub fn matches_of(articles: &[Vec<QuoteWords>]) -> Vec<QuoteMatch> {
    // Words become ids, so that comparing quotes compares integers.
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut items: Vec<(usize, usize, Words)> = Vec::new();
    let mut speakers: Vec<Option<&str>> = Vec::new();
    for (doc, qs) in articles.iter().enumerate() {
        for q in qs {
            let words: Vec<u32> = q
                .words
                .iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w.as_str()).or_insert(next)
                })
                .collect();
            items.push((doc, q.quote, Words::new(words)));
            speakers.push(q.speaker.as_deref());
        }
    }
    let mut df: Vec<usize> = vec![0; ids.len()];
    for (_, _, words) in &items {
        for &w in &words.set {
            if let Some(n) = df.get_mut(w as usize) {
                *n += 1;
            }
        }
    }
    let df_of = |w: u32| df.get(w as usize).copied().unwrap_or(0);
    // Every word not too common indexes its quotes, so that the pairs compared are
    // at most QUERY_WORDS * MAX_POSTINGS per quote, not the square of the count.
    let mut postings: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (n, (_, _, words)) in items.iter().enumerate() {
        for &w in &words.set {
            if (2..=MAX_POSTINGS).contains(&df_of(w)) {
                postings.entry(w).or_default().push(n);
            }
        }
    }
    // Each quote looks up its QUERY_WORDS rarest indexed words: a trimmed quote's
    // words are all in the longer one, and a rewording keeps its rare words.
    let mut edges: Vec<(usize, usize, f64)> = Vec::new();
    let mut seen_pairs = rustc_hash::FxHashSet::default();
    for (a, ia) in items.iter().enumerate() {
        let mut keys: Vec<(usize, u32)> =
            ia.2.set
                .iter()
                .filter_map(|&w| postings.get(&w).map(|p| (p.len(), w)))
                .collect();
        sort::all(&mut keys);
        for (_, w) in keys.into_iter().take(QUERY_WORDS) {
            for &b in postings.get(&w).map_or(&[][..], Vec::as_slice) {
                let Some(ib) = items.get(b) else { continue };
                if ia.0 == ib.0 || !seen_pairs.insert((a.min(b), a.max(b))) {
                    continue;
                }
                let same = same_speaker(
                    speakers.get(a).copied().flatten(),
                    speakers.get(b).copied().flatten(),
                );
                if let Some(score) = pair_score(&ia.2, &ib.2, same) {
                    edges.push((a.min(b), a.max(b), score));
                }
            }
        }
    }
    group(&items, edges)
}

/// Folds case and typographic apostrophes so that transcripts compare.
fn normalize_word(w: &str) -> String {
    let lower = w.to_lowercase();
    // Most words have no typographic apostrophe: no second copy for them.
    match lower.contains('’') {
        true => lower.replace('’', "'"),
        false => lower,
    }
}

/// `Some(false)` when both quotes have speakers and they differ.
fn same_speaker(a: Option<&str>, b: Option<&str>) -> Option<bool> {
    Some(a? == b?)
}

/// The score of two quotes' words, or `None` when they are not the same quote.
fn pair_score(a: &Words, b: &Words, same_speaker: Option<bool>) -> Option<f64> {
    let short = a.seq.len().min(b.seq.len());
    // Different speakers can share a phrase; only a near-verbatim match counts then.
    let needed = if same_speaker == Some(false) {
        0.9
    } else {
        MIN_SCORE
    };
    let score = similarity(a, b, needed);
    (score >= needed && (score == 1.0 || short >= MIN_WORDS)).then_some(score)
}

/// One quote's words: in order, and as a sorted set.
struct Words {
    seq: Vec<u32>,
    set: Vec<u32>,
}

impl Words {
    fn new(seq: Vec<u32>) -> Words {
        let mut set = seq.clone();
        sort::all(&mut set);
        set.dedup();
        Words { seq, set }
    }
}

/// How alike two quotes' words are, from 0 to 1: 1 verbatim; 0.9 and up when one
/// is a trimmed version of the other (at least `MIN_WORDS` long); for a rewording,
/// the words shared (relative to each quote) and the longest shared run, and 0
/// unless they share `MIN_SHARED` words and a run of `MIN_RUN` (a rewording keeps
/// some of the wording; a few common words scattered in a long quote are not one).
/// Returns 0 early when the shared words alone cannot reach `needed`.
fn similarity(a: &Words, b: &Words, needed: f64) -> f64 {
    if a.seq.is_empty() || b.seq.is_empty() {
        return 0.0;
    }
    if a.seq == b.seq {
        return 1.0;
    }
    let (short, long) = if a.seq.len() <= b.seq.len() {
        (a, b)
    } else {
        (b, a)
    };
    let shared = crate::align::scores::shared_count(&short.set, &long.set);
    let cover_short = shared as f64 / short.set.len() as f64;
    let cover_long = shared as f64 / long.set.len() as f64;
    if shared < MIN_SHARED.min(short.set.len())
        || 0.5 * cover_short + 0.2 * cover_long + 0.3 < needed
    {
        return 0.0;
    }
    let run = longest_common_run(&short.seq, &long.seq);
    let window = short.seq.len().min(RUN_WORDS);
    if run == window && short.seq.len() >= MIN_WORDS {
        return 0.9 + 0.1 * short.seq.len() as f64 / long.seq.len() as f64 - 0.0001;
    }
    if shared < MIN_SHARED || run < MIN_RUN {
        return 0.0;
    }
    (0.5 * cover_short + 0.2 * cover_long + 0.3 * run as f64 / window as f64).min(0.89)
}

/// Words of each quote the longest shared run looks at: it costs |a|·|b|, and a
/// run this long already decides the score.
const RUN_WORDS: usize = 200;

/// The longest run of words the two share (within their first `RUN_WORDS`), in
/// O(|a|·|b|) time and O(|b|) memory.
fn longest_common_run(a: &[u32], b: &[u32]) -> usize {
    let a = a.get(..RUN_WORDS).unwrap_or(a);
    let b = b.get(..RUN_WORDS).unwrap_or(b);
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    let mut best = 0;
    for x in a {
        for (j, y) in b.iter().enumerate() {
            let v = if x == y {
                prev.get(j).copied().unwrap_or(0) + 1
            } else {
                0
            };
            if let Some(c) = cur.get_mut(j + 1) {
                *c = v;
            }
            best = best.max(v);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

/// Groups accepted pairs transitively (union-find).
fn group(items: &[(usize, usize, Words)], edges: Vec<(usize, usize, f64)>) -> Vec<QuoteMatch> {
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while let Some(&p) = parent.get(x) {
            if p == x {
                break;
            }
            let gp = parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = parent.get_mut(x) {
                *slot = gp;
            }
            x = p;
        }
        x
    }
    for &(a, b, _) in &edges {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if let Some(slot) = parent.get_mut(ra.max(rb)) {
            *slot = ra.min(rb);
        }
    }
    let mut groups: FxHashMap<usize, (Vec<(usize, usize)>, f64)> = FxHashMap::default();
    for &(a, _, score) in &edges {
        let r = root(&mut parent, a);
        let g = groups.entry(r).or_insert_with(|| (Vec::new(), 1.0));
        g.1 = g.1.min(score);
    }
    for (n, item) in items.iter().enumerate() {
        let r = root(&mut parent, n);
        if let Some(g) = groups.get_mut(&r) {
            g.0.push((item.0, item.1));
        }
    }
    let mut out: Vec<QuoteMatch> = groups
        .into_values()
        .map(|(mut members, score)| {
            sort::all(&mut members);
            QuoteMatch { members, score }
        })
        .collect();
    sort::by(&mut out, |a, b| a.members.cmp(&b.members));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        word_strs(s).collect()
    }

    #[test]
    fn words_keep_inner_marks() {
        assert_eq!(
            words("Mr. Obama’s U.S. al-Assad, 'quoted' it's"),
            ["Mr", "Obama’s", "U.S", "al-Assad", "quoted", "it's"]
        );
    }

    #[test]
    fn sentences_do_not_end_after_abbreviations() {
        let t = "He met Mr. Kerry in the U.S. on Monday. Then he left.";
        let then = t.find("Then").unwrap();
        assert_eq!(sentence_start(t, then + 2), then);
        assert_eq!(sentence_start(t, t.find("Kerry").unwrap()), 0);
        assert_eq!(sentence_end(t, 0), then - 1);
    }

    /// The longest shared run against an obviously correct twin.
    fn naive_run(a: &[u32], b: &[u32]) -> usize {
        let mut best = 0;
        for i in 0..a.len() {
            for j in 0..b.len() {
                let mut k = 0;
                while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                    k += 1;
                }
                best = best.max(k);
            }
        }
        best
    }

    #[test]
    fn longest_run_matches_the_naive_twin() {
        let cases: [(&[u32], &[u32]); 5] = [
            (&[1, 2, 3], &[1, 2, 3]),
            (&[1, 2, 3, 4], &[9, 2, 3, 4, 9]),
            (&[1, 1, 1], &[1, 1]),
            (&[], &[1]),
            (&[5, 6, 7, 1, 2], &[1, 2, 5, 6, 7]),
        ];
        for (a, b) in cases {
            assert_eq!(longest_common_run(a, b), naive_run(a, b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn similarity_orders_verbatim_trimmed_reworded() {
        let w = |v: &[u32]| Words::new(v.to_vec());
        let long = w(&[1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(similarity(&long, &long, 0.0), 1.0);
        let trimmed = similarity(&w(&[3, 4, 5, 6]), &long, 0.0);
        assert!((0.9..1.0).contains(&trimmed), "{trimmed}");
        let reworded = similarity(&w(&[1, 2, 3, 9, 5, 6, 10]), &long, 0.0);
        assert!((0.6..0.9).contains(&reworded), "{reworded}");
        assert_eq!(similarity(&w(&[20, 21, 22, 23]), &long, 0.0), 0.0);
    }
}
