//! Who said each quote: `X said`, `said X`, `according to X`, a colon introduction,
//! a speaker named just before, and pronouns and descriptions resolved to a name.
//!
//! For each quote, in this order:
//!
//! 1. the clause between the parts of an interrupted quote (`"...," he said, "..."`);
//! 2. the clause after the quote, in its sentence, when a speech verb comes within
//!    twelve words (`"...," said Mr. Hof`, `"...," Obama told reporters`);
//! 3. the clause before the quote, in its sentence (`Mr. Obama said at a news
//!    conference, "..."`, `according to X`, `X: "..."`);
//! 4. otherwise the speaker of the previous quote in the same paragraph, or the
//!    subject of a speech verb in the sentence before.
//!
//! The speaker phrase next to the verb is a pronoun (`he`), a description with a
//! determiner (`a senior US official`, `the official`) or a capitalised name (titles
//! dropped: `Secretary of State John F. Kerry` is `John F. Kerry`). Then:
//!
//! - a surname alone (`Kerry`) becomes the full name written earlier (`John F.
//!   Kerry`);
//! - `he`/`she` becomes the latest named person who spoke before it (a speech verb's
//!   subject or a quote's speaker), `it` the latest body or document that spoke,
//!   `they` the latest plural description; left as written when there is none;
//! - `the official` becomes the latest description with the same head noun (`a US
//!   official`); any other description stays as written.

use super::quotes::{
    is_abbreviation, is_interruption, is_speech_verb, sentence_end, sentence_start, word_spans,
};
use super::{Quote, Speaker};
use crate::span::ByteSpan;
use rustc_hash::FxHashMap;

/// Sets each quote's speaker where the text says who it is.
pub fn attribute(text: &str, quotes: &mut [Quote]) {
    // One tokenization of the whole text serves both passes.
    let toks = tokens(text, 0, text.len());
    let names = FullNames::scan(text, &toks);
    let said = speech_subjects(text, &toks, &names);
    let mut prev: Option<(usize, Speaker)> = None;
    for i in 0..quotes.len() {
        let Some(q) = quotes.get(i) else { break };
        let span = q.span;
        let prev_end = i
            .checked_sub(1)
            .and_then(|p| quotes.get(p))
            .map_or(0, |p| p.span.end);
        let next_start = quotes.get(i + 1).map_or(text.len(), |n| n.span.start);
        let mention = find_mention(text, q, prev_end, next_start);
        let speaker = match mention {
            Some(m) => Some(resolve(text, &m, &names, &said, span.start)),
            None => inherit(text, span, prev.as_ref()).or_else(|| {
                sentence_before(text, span.start, &names)
                    .map(|m| resolve(text, &m, &names, &said, span.start))
            }),
        };
        if let Some(s) = &speaker {
            prev = Some((span.end, s.clone()));
        }
        if let Some(q) = quotes.get_mut(i) {
            q.speaker = speaker;
        }
    }
}

// ------------------------------------------------------------------ tokens

#[derive(Debug, Clone, Copy)]
struct Tok {
    span: ByteSpan,
    word: bool,
}

/// Words and punctuation of `text[from..to]`, with absolute offsets; a period
/// after an abbreviation (`Mr.`, `F.`, `U.S.`) belongs to the word.
fn tokens(text: &str, from: usize, to: usize) -> Vec<Tok> {
    let region = ByteSpan::new(from, to);
    let s = region.slice(text);
    if s.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Tok> = Vec::new();
    let mut at = 0;
    let push_punct = |out: &mut Vec<Tok>, a: usize, b: usize| {
        for (i, c) in s.get(a..b).unwrap_or("").char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let start = from + a + i;
            let end = start + c.len_utf8();
            if let Some(last) = out.last_mut() {
                let after_abbrev = last.word
                    && last.span.end == start
                    && c == '.'
                    && is_abbreviation(last.span.slice(text));
                if after_abbrev {
                    last.span = ByteSpan::new(last.span.start, end);
                    continue;
                }
            }
            out.push(Tok {
                span: ByteSpan::new(start, end),
                word: false,
            });
        }
    };
    for w in word_spans(s) {
        push_punct(&mut out, at, w.start);
        out.push(Tok {
            span: ByteSpan::new(from + w.start, from + w.end),
            word: true,
        });
        at = w.end;
    }
    push_punct(&mut out, at, s.len());
    out
}

fn word_at<'t>(text: &'t str, toks: &[Tok], i: usize) -> Option<&'t str> {
    toks.get(i).filter(|t| t.word).map(|t| t.span.slice(text))
}

fn upper(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Calls `f` with `w` in lower case, its trailing periods gone (`Mr.` is `mr`).
/// The word checks below ask it of most words: no copy on the heap.
fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    super::with_lower(w.trim_end_matches('.'), f)
}

// ------------------------------------------------------------------ mentions

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MentionKind {
    Pronoun,
    Description,
    Name,
}

/// The words an attribution rests on.
#[derive(Debug, Clone, Copy)]
struct Mention {
    span: ByteSpan,
    kind: MentionKind,
}

fn find_mention(text: &str, q: &Quote, prev_end: usize, next_start: usize) -> Option<Mention> {
    // 1. Between the parts of an interrupted quote.
    for pair in q.parts.windows(2) {
        if let [a, b] = pair {
            let toks = tokens(text, a.end, b.start);
            if let Some(m) = clause_mention(text, &toks, 0) {
                return Some(m);
            }
        }
    }
    // 2. After the quote, within its sentence.
    let end = sentence_end(text, q.span.end)
        .min(next_start)
        .max(q.span.end);
    let after = tokens(text, q.span.end, end);
    if let Some(m) = clause_mention(text, &after, 12) {
        return Some(m);
    }
    // 3. Before the quote, within its sentence.
    let start = sentence_start(text, q.span.start)
        .max(prev_end)
        .min(q.span.start);
    let before = tokens(text, start, q.span.start);
    before_mention(text, &before)
}

/// The speaker phrase of the first speech verb in `toks` (within `limit` words
/// when `limit` is not 0).
fn clause_mention(text: &str, toks: &[Tok], limit: usize) -> Option<Mention> {
    let mut words = 0;
    for (i, t) in toks.iter().enumerate() {
        if !t.word {
            continue;
        }
        words += 1;
        if limit > 0 && words > limit {
            return None;
        }
        if is_speech_verb(t.span.slice(text)) {
            return verb_mention(text, toks, i, false);
        }
    }
    None
}

/// The speaker of the speech verb at `v`: its subject before it, else the phrase
/// after it (`said Mr. Hof`, `according to X`). When the verb introduces a quote
/// (`names_after`), only a name may follow it: in `said the pilot "..."` the phrase
/// after is the reported clause's subject, not the speaker.
fn verb_mention(text: &str, toks: &[Tok], v: usize, names_after: bool) -> Option<Mention> {
    let w = word_at(text, toks, v)?;
    if w.eq_ignore_ascii_case("according") {
        return phrase_after(text, toks, v + 2);
    }
    // After `told` or `asked` comes the listener, not the speaker.
    let listener_follows = with_lower(w, |l| {
        matches!(
            l,
            "tell"
                | "tells"
                | "told"
                | "telling"
                | "ask"
                | "asks"
                | "asked"
                | "urged"
                | "urges"
                | "advised"
                | "advises"
                | "warned"
                | "warns"
        )
    });
    phrase_before(text, toks, v).or_else(|| {
        phrase_after(text, toks, v + 1)
            .filter(|m| !listener_follows && (!names_after || m.kind == MentionKind::Name))
    })
}

/// The speaker of a clause that introduces a quote: its last speech verb with a
/// speaker, or a name right before a colon.
fn before_mention(text: &str, toks: &[Tok]) -> Option<Mention> {
    let verbs: Vec<usize> = (0..toks.len())
        .filter(|&i| word_at(text, toks, i).is_some_and(is_speech_verb))
        .collect();
    if let Some(m) = verbs
        .iter()
        .rev()
        .find_map(|&v| verb_mention(text, toks, v, true))
    {
        return Some(m);
    }
    // `Obama put it plainly: "..."`: the subject that opens the clause.
    let last = toks.last()?;
    if last.span.slice(text) == ":" {
        return phrase_after(text, toks, 0).filter(|m| m.kind != MentionKind::Pronoun);
    }
    None
}

fn is_pronoun(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(l, "he" | "she" | "they" | "it" | "i" | "we")
    })
}

fn is_determiner(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(
            l,
            "the"
                | "a"
                | "an"
                | "this"
                | "these"
                | "those"
                | "that"
                | "its"
                | "their"
                | "his"
                | "her"
        )
    })
}

/// Words that end a speaker phrase: the phrase is a noun phrase, and these start
/// a clause or a prepositional phrase.
fn is_phrase_stop(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(
            l,
            "and"
                | "but"
                | "or"
                | "that"
                | "who"
                | "which"
                | "of"
                | "to"
                | "in"
                | "at"
                | "on"
                | "for"
                | "with"
                | "by"
                | "from"
                | "as"
                | "when"
                | "while"
                | "because"
                | "if"
                | "after"
                | "before"
                | "during"
                | "than"
                | "into"
                | "about"
        )
    })
}

/// Words between a subject and its verb: auxiliaries and adverbs.
fn is_filler(w: &str) -> bool {
    with_lower(w, |l| {
        (l.ends_with("ly") && l.len() > 4)
            || matches!(
                l,
                "was"
                    | "is"
                    | "has"
                    | "had"
                    | "have"
                    | "also"
                    | "later"
                    | "then"
                    | "once"
                    | "again"
                    | "would"
                    | "will"
                    | "did"
                    | "does"
                    | "still"
                    | "even"
                    | "further"
                    | "meanwhile"
                    | "however"
                    | "too"
                    | "now"
                    | "earlier"
                    | "first"
                    | "repeatedly"
            )
    })
}

/// The speaker phrase ending just before the verb at `v`.
fn phrase_before(text: &str, toks: &[Tok], v: usize) -> Option<Mention> {
    let mut j = v.checked_sub(1)?;
    while word_at(text, toks, j).is_some_and(is_filler) {
        j = j.checked_sub(1)?;
    }
    let t = toks.get(j)?;
    if !t.word {
        // `X, the former adviser, said`: skip the apposition back to its comma.
        if t.span.slice(text) != "," {
            return None;
        }
        let k = (j.saturating_sub(16)..j)
            .rev()
            .find(|&k| toks.get(k).is_some_and(|t| t.span.slice(text) == ","))?;
        return noun_phrase_back(text, toks, k.checked_sub(1)?);
    }
    noun_phrase_back(text, toks, j)
}

/// The noun phrase ending at token `j` (at most seven words back, stopping at
/// punctuation and clause words).
fn noun_phrase_back(text: &str, toks: &[Tok], j: usize) -> Option<Mention> {
    let w = word_at(text, toks, j)?;
    let at = toks.get(j)?.span;
    if is_pronoun(w) {
        return Some(Mention {
            span: at,
            kind: MentionKind::Pronoun,
        });
    }
    if is_phrase_stop(w) || is_speech_verb(w) {
        return None;
    }
    let mut k = j;
    while k > 0 && j - k < 7 {
        let Some(prev) = word_at(text, toks, k - 1) else {
            break;
        };
        // `Secretary of State John Kerry`: `of` between capitalised words is inside.
        let inner_of = prev == "of"
            && k >= 2
            && word_at(text, toks, k - 2).is_some_and(upper)
            && word_at(text, toks, k).is_some_and(upper);
        if !inner_of
            && (is_phrase_stop(prev) || is_speech_verb(prev) || is_pronoun(prev) || is_filler(prev))
        {
            break;
        }
        k -= 1;
        if is_determiner(prev) {
            break;
        }
    }
    phrase_mention(text, toks, k, j)
}

/// The speaker phrase starting at token `i` (`said Frederic C. Hof, a former...`).
fn phrase_after(text: &str, toks: &[Tok], i: usize) -> Option<Mention> {
    let first = word_at(text, toks, i)?;
    if is_pronoun(first) {
        return Some(Mention {
            span: toks.get(i)?.span,
            kind: MentionKind::Pronoun,
        });
    }
    let mut j = i;
    // A name ends at its first lowercase word; a description (`a senior US
    // official`) runs on to punctuation or a clause word.
    let mut seen_upper = upper(first);
    let described = is_determiner(first);
    while j + 1 < toks.len() && j - i < 7 {
        let Some(next) = word_at(text, toks, j + 1) else {
            break;
        };
        // A name ends at the first lowercase word after it.
        if is_phrase_stop(next)
            || is_speech_verb(next)
            || (!described && seen_upper && !upper(next))
        {
            break;
        }
        seen_upper |= upper(next) || upper(word_at(text, toks, j).unwrap_or(""));
        j += 1;
    }
    if is_phrase_stop(first) {
        return None;
    }
    phrase_mention(text, toks, i, j)
}

/// Classifies tokens `k..=j` as a description (a determiner first), a name (the
/// last capitalised run) or a bare plural description (`officials`).
fn phrase_mention(text: &str, toks: &[Tok], k: usize, j: usize) -> Option<Mention> {
    let span_of = |a: usize, b: usize| -> Option<ByteSpan> {
        Some(ByteSpan::new(
            toks.get(a)?.span.start,
            toks.get(b)?.span.end,
        ))
    };
    let first = word_at(text, toks, k)?;
    if is_determiner(first) && j > k {
        return Some(Mention {
            span: span_of(k, j)?,
            kind: MentionKind::Description,
        });
    }
    let last = word_at(text, toks, j)?;
    if upper(last) {
        let mut s = j;
        while s > k {
            let inner_of = s >= 2
                && word_at(text, toks, s - 1) == Some("of")
                && word_at(text, toks, s - 2).is_some_and(upper);
            if !(word_at(text, toks, s - 1).is_some_and(upper) || inner_of) {
                break;
            }
            s -= 1;
        }
        return Some(Mention {
            span: span_of(s, j)?,
            kind: MentionKind::Name,
        });
    }
    // A bare noun: only a plural reads as a speaker (`officials said`).
    (last.ends_with('s') && last.len() > 3).then_some(Mention {
        span: toks.get(j)?.span,
        kind: MentionKind::Description,
    })
}

// ------------------------------------------------------------------ names

/// Words that precede a name as titles or parts of titles. Grammar, like the
/// speech verbs: the name is what follows the last of them.
fn is_title(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(
            l,
            "mr" | "mrs"
                | "ms"
                | "miss"
                | "dr"
                | "prof"
                | "rev"
                | "sir"
                | "dame"
                | "lord"
                | "lady"
                | "president"
                | "vice"
                | "prime"
                | "minister"
                | "secretary"
                | "deputy"
                | "foreign"
                | "state"
                | "general"
                | "gen"
                | "lt"
                | "col"
                | "maj"
                | "capt"
                | "sgt"
                | "adm"
                | "rep"
                | "sen"
                | "gov"
                | "senator"
                | "governor"
                | "congressman"
                | "congresswoman"
                | "mayor"
                | "chief"
                | "director"
                | "commissioner"
                | "chairman"
                | "chairwoman"
                | "ambassador"
                | "judge"
                | "justice"
                | "attorney"
                | "officer"
                | "inspector"
                | "executive"
                | "producer"
                | "anchor"
                | "spokesman"
                | "spokeswoman"
                | "king"
                | "queen"
                | "prince"
                | "princess"
                | "pope"
                | "chancellor"
                | "leader"
                | "envoy"
                | "adviser"
                | "advisor"
                | "professor"
                | "colonel"
                | "captain"
                | "sergeant"
                | "lieutenant"
                | "admiral"
                | "sheriff"
                | "detective"
                | "filmmaker"
        )
    })
}

/// Sentence-initial words that are capitalised without being part of a name.
fn is_function_word(w: &str) -> bool {
    is_determiner(w)
        || is_phrase_stop(w)
        || with_lower(w, |l| {
            matches!(
                l,
                "but" | "and" | "so" | "yet" | "then" | "since" | "some" | "many" | "still"
            )
        })
}

/// The name in a capitalised phrase: the words after its last title, at most
/// three words besides initials.
fn clean_name(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let after_title = words.iter().rposition(|w| is_title(w)).map_or(0, |p| p + 1);
    let mut name: Vec<&str> = words.get(after_title..).unwrap_or(&[]).to_vec();
    if name.is_empty() {
        name = words.last().map(|w| vec![*w]).unwrap_or_default();
    }
    while name.len() > 1 && name.first().is_some_and(|w| is_function_word(w)) {
        name.remove(0);
    }
    let full = name
        .iter()
        .filter(|w| !is_abbreviation(w.trim_end_matches('.')))
        .count();
    if full > 3 {
        let mut kept = 0;
        let start = name
            .iter()
            .rposition(|w| {
                if !is_abbreviation(w.trim_end_matches('.')) {
                    kept += 1;
                }
                kept > 3
            })
            .map_or(0, |p| p + 1);
        name = name.get(start..).unwrap_or(&[]).to_vec();
    }
    let joined = name.join(" ");
    joined
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string()
}

/// Full names (two words or more, titles dropped) by their last word, with where
/// they were written, so that `Kerry` can become `John F. Kerry`.
struct FullNames {
    by_last: FxHashMap<String, Vec<(usize, String)>>,
}

impl FullNames {
    fn scan(text: &str, toks: &[Tok]) -> FullNames {
        let mut by_last: FxHashMap<String, Vec<(usize, String)>> = FxHashMap::default();
        let mut i = 0;
        while i < toks.len() {
            let is_cap = |t: &Tok| t.word && upper(t.span.slice(text));
            if !toks.get(i).is_some_and(is_cap) {
                i += 1;
                continue;
            }
            let mut j = i;
            while toks.get(j + 1).is_some_and(|t| {
                is_cap(t)
                    && toks.get(j).is_some_and(|p| {
                        text.get(p.span.end..t.span.start).is_some_and(|g| g == " ")
                    })
            }) {
                j += 1;
            }
            // A sentence-initial participle (`Following Obama's meeting`) is not
            // part of the name after it.
            let mut first = i;
            let participle = toks.get(i).is_some_and(|t| {
                let w = t.span.slice(text);
                // The ending first: finding the sentence's start reads back along it.
                (w.ends_with("ing") || w.ends_with("ed"))
                    && sentence_start(text, t.span.start) == t.span.start
            });
            if participle && j > i {
                first = i + 1;
            }
            // A single word is no full name (most capitalised words stand alone).
            let several = j > first;
            if let (true, Some(a), Some(b)) = (several, toks.get(first), toks.get(j)) {
                let name = clean_name(ByteSpan::new(a.span.start, b.span.end).slice(text));
                if name.split(' ').count() >= 2 {
                    if let Some(last) = name.rsplit(' ').next() {
                        by_last
                            .entry(last.to_lowercase())
                            .or_default()
                            .push((a.span.start, name.clone()));
                    }
                }
            }
            i = j + 1;
        }
        FullNames { by_last }
    }

    /// The latest full name written before `pos` whose last word is `name`'s.
    fn expand(&self, name: &str, pos: usize) -> Option<&str> {
        if name.contains(' ') {
            return None;
        }
        let list = self.by_last.get(&name.to_lowercase())?;
        let n = list.partition_point(|(p, _)| *p < pos);
        list.get(n.checked_sub(1)?).map(|(_, s)| s.as_str())
    }
}

fn name_of(text: &str, m: &Mention, names: &FullNames) -> String {
    let name = clean_name(m.span.slice(text));
    names
        .expand(&name, m.span.start)
        .map_or(name, str::to_string)
}

// ------------------------------------------------------------------ resolution

/// How many earlier speakers a pronoun or description looks back over (a bound,
/// so that a text full of unresolvable pronouns stays linear).
const LOOKBACK: usize = 64;

/// Someone who spoke (the subject of a speech verb or a quote's speaker), by
/// position, for pronouns and descriptions to resolve to.
#[derive(Debug, Clone)]
struct Said {
    pos: usize,
    kind: MentionKind,
    name: String,
}

/// Every named or described subject of a speech verb in the text, in order.
fn speech_subjects(text: &str, toks: &[Tok], names: &FullNames) -> Vec<Said> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !t.word || !is_speech_verb(t.span.slice(text)) {
            continue;
        }
        // Only the tokens of this sentence, so that a phrase never crosses a period.
        let start = sentence_start(text, t.span.start);
        let from = toks[..i].partition_point(|x| x.span.start < start);
        let Some(window) = toks.get(from..(i + 10).min(toks.len())) else {
            continue;
        };
        let Some(m) = verb_mention(text, window, i - from, false) else {
            continue;
        };
        if m.kind != MentionKind::Pronoun {
            let name = match m.kind {
                MentionKind::Description => describe(m.span.slice(text), &out),
                _ => mention_name(text, &m, names),
            };
            out.push(Said {
                pos: m.span.start,
                kind: m.kind,
                name,
            });
        }
    }
    out
}

fn mention_name(text: &str, m: &Mention, names: &FullNames) -> String {
    match m.kind {
        MentionKind::Name => name_of(text, m, names),
        _ => m.span.slice(text).to_string(),
    }
}

fn head(description: &str) -> String {
    description.rsplit(' ').next().unwrap_or("").to_lowercase()
}

fn resolve(text: &str, m: &Mention, names: &FullNames, said: &[Said], pos: usize) -> Speaker {
    let before = &said[..said.partition_point(|s| s.pos < pos.min(m.span.start))];
    let written = m.span.slice(text);
    let name = match m.kind {
        MentionKind::Name => name_of(text, m, names),
        MentionKind::Pronoun => resolve_pronoun(written, before).unwrap_or_else(|| written.into()),
        MentionKind::Description => describe(written, before),
    };
    Speaker { name, span: m.span }
}

/// A definite description (`the official`) is the latest earlier description with
/// the same head noun (`a US official`); any other stays as written.
fn describe(written: &str, before: &[Said]) -> String {
    if !written.to_lowercase().starts_with("the ") {
        return written.to_string();
    }
    let h = head(written);
    before
        .iter()
        .rev()
        .take(LOOKBACK)
        .find(|s| s.kind == MentionKind::Description && head(&s.name) == h)
        .map_or_else(|| written.to_string(), |s| s.name.clone())
}

fn resolve_pronoun(pronoun: &str, before: &[Said]) -> Option<String> {
    let p = pronoun.to_lowercase();
    let found = before
        .iter()
        .rev()
        .take(LOOKBACK)
        .find(|s| match p.as_str() {
            "he" | "she" => s.kind == MentionKind::Name,
            "it" => s.kind == MentionKind::Description && !s.name.ends_with('s'),
            "they" => s.kind == MentionKind::Description && s.name.ends_with('s'),
            _ => false,
        })?;
    Some(found.name.clone())
}

/// The previous quote's speaker when both quotes are in one paragraph.
fn inherit(text: &str, quote: ByteSpan, prev: Option<&(usize, Speaker)>) -> Option<Speaker> {
    let (end, s) = prev?;
    let gap = ByteSpan::new(*end, quote.start).slice(text);
    let joined = is_interruption(text, *end, quote.start, quote.end);
    (!gap.contains('\n') || joined).then(|| s.clone())
}

/// The subject of a speech verb in the sentence before `pos`'s sentence.
fn sentence_before(text: &str, pos: usize, _names: &FullNames) -> Option<Mention> {
    let start = sentence_start(text, pos);
    let prev_end = start.checked_sub(1)?;
    if text.get(prev_end..start)? == "\n" {
        return None;
    }
    let prev_start = sentence_start(text, prev_end);
    let toks = tokens(text, prev_start, prev_end);
    clause_mention(text, &toks, 0).filter(|m| m.kind != MentionKind::Pronoun)
}
