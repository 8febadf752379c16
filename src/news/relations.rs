//! Who copied whom: derivation (copy or partial), a common source, or independent
//! reports, from passage coverage and order, containment asymmetry, boilerplate,
//! shared quotes and stated credits.
//!
//! Every pair with shared passages is measured on each side:
//!
//! - **story**: the article's characters outside boilerplate, white space left out
//!   (site furniture says nothing about where the story came from);
//! - **coverage**: the share of the story inside the pair's aligned passages;
//! - **coverage outside quotes**: the same, leaving out what lies between quotation
//!   marks (the quote stage's spans; where it found none, paired quotation marks on
//!   one line).
//!
//! and as a pair: how many passages, how many word for word (score at least
//! [`VERBATIM`]), their similarity weighted by length (below [`REWRITTEN`] the
//! shared text is called rewritten), and the share of the shared text whose
//! passages come in the same order in both (the longest chain of passages
//! increasing in both texts, by length).
//!
//! The rules, in order. The *covered* article is the one whose story is the more
//! covered; when the two coverages are within [`TIE`], the one whose 5-word runs
//! are the more contained in the other; then the shorter story; then the later in
//! input order.
//!
//! 1. Both name the same outlet (a credit or dateline such as `(AP)`) and share a
//!    passage or a quote: **common source**, named.
//! 2. The covered article's shared text outside quotes is under [`RELATED`] of its
//!    story, its coverage is under [`COPY`], and its word-for-word text outside
//!    quotes is under [`PARAGRAPH`] characters: **no relation**. Two reports of one
//!    press conference share its quotes, not their sentences; and a stock phrase or
//!    a few similar sentences are what any two reports of an event have in common.
//! 3. The other's coverage is under [`SYMMETRIC`] times the covered one's (the
//!    covered one is far shorter) and more than [`TOP`] of the other's story comes
//!    before the shared text: **partial**, the long one embedding a passage of the
//!    short one (as a long report takes a few paragraphs of a wire story; every PAN
//!    case is built so). A copy editor cuts a story from the bottom, so a trimmed
//!    copy shares the top of its source.
//! 4. Coverage of the covered article at least [`COPY`]: **copy**, the covered one
//!    wholly drawn from the other (a republished copy drops furniture, a dateline, a
//!    last paragraph; it rarely adds). When both are at least [`REPUBLISHED`], the
//!    evidence says the same text was republished and how the source was chosen.
//! 5. At least [`MOST`], or far shorter than the other (rule 3 with the shared text
//!    at the other's top): **partial**, the covered one drawing that share from the
//!    other, the rest its own.
//! 6. Otherwise each has much of its own around the same shared text: **common
//!    source**, unnamed.
//!
//! Below [`MOST`], which way text went is a guess from length and position; the
//! evidence says which rule decided.
//!
//! `share` is the derived article's coverage; for a common source (where `from` and
//! `to` are the pair in input order) the larger of the two coverages.
//!
//! Passage order is evidence only: a copy editor may move paragraphs, and two
//! outlets editing one wire story top-down keep its order too.

use std::collections::HashMap;

use crate::align::groups::PairPassages;
use crate::align::scores::Overlap;
use crate::align::Passage;
use crate::span::ByteSpan;

use super::{Boilerplate, Meta, Quote, QuoteMatch, Relation, RelationKind};
use crate::sort;

/// Shared text outside quotes, as a share of the more covered story, below which two
/// articles are independent reports.
pub const RELATED: f64 = 0.1;
/// Characters (white space left out) of word-for-word text outside quotes that
/// relate two articles however long they are: a paragraph of some 50 words is no
/// coincidence, where a stock phrase (`Secretary of State John Kerry and his Russian
/// counterpart`) or a similar sentence about the same event may be.
pub const PARAGRAPH: usize = 250;
/// Coverage from which the derived article is wholly drawn from the source.
pub const COPY: f64 = 0.8;
/// Coverage of both from which they are the same text, republished.
pub const REPUBLISHED: f64 = 0.9;
/// Coverage from which most of the derived article is drawn from the source.
pub const MOST: f64 = 0.5;
/// The least ratio of the less covered article's coverage to the more covered
/// one's for two articles of comparable length (below it, the more covered one is
/// far shorter, and the shared text a small part of the other).
pub const SYMMETRIC: f64 = 0.5;
/// Share of the story before the first shared text up to which that text is at
/// the article's top.
pub const TOP: f64 = 0.1;
/// Coverages this close are a tie.
pub const TIE: f64 = 0.03;
/// A passage scoring at least this is word for word.
pub const VERBATIM: f64 = 0.95;
/// Shared text whose mean similarity is below this is rewritten.
pub const REWRITTEN: f64 = 0.8;

/// What the relation stage reads.
pub struct Evidence<'a> {
    /// The articles' ids, for the evidence sentences.
    pub ids: &'a [&'a str],
    /// The articles' texts.
    pub texts: &'a [&'a str],
    /// The passages of every aligned pair.
    pub aligned: &'a [PairPassages],
    /// Shingle containment of every aligned pair, in the order of `aligned`.
    pub overlaps: &'a [Overlap],
    /// Each article's boilerplate lines.
    pub boilerplate: &'a [Vec<Boilerplate>],
    /// Each article's meta data (credits and datelines name sources).
    pub meta: &'a [Meta],
    /// Each article's direct quotations (shared quotes alone make no copy).
    pub quotes: &'a [Vec<Quote>],
    /// Quotes said in several articles.
    pub quote_matches: &'a [QuoteMatch],
}

/// The likely relation of each related pair; independent pairs have none.
pub fn infer(evidence: &Evidence) -> Vec<Relation> {
    let quotes = quote_pairs(evidence.quote_matches);
    let shared_quotes =
        |i: usize, j: usize| quotes.get(&(i.min(j), i.max(j))).copied().unwrap_or(0);
    // Only a pair sharing passages or quotes can be related: at 100,000 articles
    // that is a few percent of the candidate pairs, and only their articles are read.
    let related: Vec<usize> = (0..evidence.aligned.len())
        .filter(|&k| {
            let (i, j, passages) = &evidence.aligned[k];
            !passages.is_empty() || shared_quotes(*i, *j) > 0
        })
        .collect();
    let mut needed = vec![false; evidence.texts.len()];
    for &k in &related {
        let (i, j, _) = &evidence.aligned[k];
        for d in [*i, *j] {
            if let Some(n) = needed.get_mut(d) {
                *n = true;
            }
        }
    }
    // What each article brings to every pair it is in, read once: a pair re-reading
    // its two texts would make the stage quadratic in the texts' length.
    let docs: Vec<usize> = (0..evidence.texts.len()).collect();
    let articles: Vec<Article> = crate::parallel::map(&docs, |&doc| match needed[doc] {
        true => Article::new(evidence, doc),
        false => Article::default(),
    });
    let none = Article::default();
    let article = |doc: usize| articles.get(doc).unwrap_or(&none);
    crate::parallel::map(&related, |&k| {
        let (i, j, passages) = &evidence.aligned[k];
        let overlap = evidence.overlaps.get(k)?;
        let pair = [article(*i), article(*j)];
        relate(
            evidence,
            pair,
            (*i, *j),
            passages,
            overlap,
            shared_quotes(*i, *j),
        )
    })
    .into_iter()
    .flatten()
    .collect()
}

/// How many quote matches each pair of articles `(i, j)`, `i < j`, shares: read
/// once for all pairs (asking every match for every pair was quadratic).
fn quote_pairs(matches: &[QuoteMatch]) -> HashMap<(usize, usize), usize> {
    let mut pairs: HashMap<(usize, usize), usize> = HashMap::new();
    for m in matches {
        let mut docs: Vec<usize> = m.members.iter().map(|&(doc, _)| doc).collect();
        sort::all(&mut docs);
        docs.dedup();
        for (k, &i) in docs.iter().enumerate() {
            for &j in docs.get(k + 1..).unwrap_or_default() {
                *pairs.entry((i, j)).or_insert(0) += 1;
            }
        }
    }
    pairs
}

/// One article as every pair reads it: its boilerplate and quotations as sorted,
/// disjoint spans, and a count of its visible characters up to every byte.
#[derive(Debug, Default)]
struct Article<'t> {
    text: &'t str,
    boilerplate: Vec<ByteSpan>,
    quotes: Vec<ByteSpan>,
    /// Characters other than white space before each byte offset (`text.len() + 1`
    /// entries), so that counting them inside a span takes two reads.
    visible: Vec<u32>,
    /// Characters of its story (no boilerplate, no white space).
    story: usize,
}

impl<'t> Article<'t> {
    fn new(e: &Evidence<'t>, doc: usize) -> Article<'t> {
        let text = e.texts.get(doc).copied().unwrap_or("");
        let boilerplate = merged(
            e.boilerplate
                .get(doc)
                .map(|b| b.iter().map(|l| l.span).collect())
                .unwrap_or_default(),
        );
        let quotes = merged(match e.quotes.get(doc) {
            Some(quotes) if !quotes.is_empty() => quotes.iter().map(|q| q.span).collect(),
            _ => quoted_stretches(text),
        });
        // Appended char by char (each of its bytes gets the count before it): no
        // bounds checked slice per character.
        let mut visible = Vec::with_capacity(text.len() + 1);
        let mut seen = 0u32;
        for c in text.chars() {
            visible.extend(std::iter::repeat_n(seen, c.len_utf8()));
            seen = seen.saturating_add(u32::from(!c.is_whitespace()));
        }
        visible.push(seen);
        let mut article = Article {
            text,
            boilerplate,
            quotes,
            visible,
            story: 0,
        };
        article.story = article.visible_chars(&minus(
            &[ByteSpan::new(0, text.len())],
            &article.boilerplate,
        ));
        article
    }

    /// Characters other than white space inside `spans` (spans off a char boundary
    /// count nothing rather than panic).
    fn visible_chars(&self, spans: &[ByteSpan]) -> usize {
        spans
            .iter()
            .filter(|s| self.text.get(s.start..s.end).is_some())
            .map(|s| {
                let at = |b: usize| self.visible.get(b).copied().unwrap_or(0);
                at(s.end).saturating_sub(at(s.start)) as usize
            })
            .sum()
    }
}

/// What one article of a pair shows.
#[derive(Debug, Clone, Copy)]
struct Side {
    /// Its article index.
    doc: usize,
    /// Characters of its story (no boilerplate, no white space).
    story: usize,
    /// Share of the story inside shared passages.
    coverage: f64,
    /// The same, quotations left out.
    outside_quotes: f64,
    /// Characters of word-for-word passages outside quotations.
    verbatim_outside_quotes: usize,
    /// Share of the story before the first shared character.
    first_shared: f64,
    /// Share of its 5-word runs found in the other article.
    contained: f64,
}

/// What the pair's passages show together.
#[derive(Debug, Clone, Copy)]
struct Passages {
    count: usize,
    verbatim: usize,
    /// Similarity weighted by length.
    similarity: f64,
    /// Share of the shared text in one chain of passages in the same order in both.
    in_order: f64,
}

fn relate(
    e: &Evidence,
    [article_a, article_b]: [&Article; 2],
    (i, j): (usize, usize),
    passages: &[Passage],
    overlap: &Overlap,
    shared_quotes: usize,
) -> Option<Relation> {
    if passages.is_empty() && shared_quotes == 0 {
        return None;
    }
    let a = side(article_a, i, passages, |p| p.a, overlap.a_in_b);
    let b = side(article_b, j, passages, |p| p.b, overlap.b_in_a);
    // `covered` is the side more covered by the shared text, `covering` the other.
    let (covering, covered, tiebreak) = orient(a, b);
    let measured = measure(passages);
    let mut evidence = Vec::new();
    // A short article's text found in a far longer one: the short one is a trimmed
    // copy when the long one has the shared text at its top (copy editors cut
    // stories from the bottom), else the long one embeds a passage of it.
    let asymmetric = covering.coverage < SYMMETRIC * covered.coverage;
    let embedded = asymmetric && covering.first_shared > TOP;
    let kind = if let Some(name) = same_outlet(e.meta.get(i), e.meta.get(j)) {
        evidence.push(format!("both name {name} as their source"));
        RelationKind::CommonSource(Some(name))
    } else if covered.outside_quotes < RELATED
        && covered.coverage < COPY
        && covered.verbatim_outside_quotes < PARAGRAPH
    {
        return None;
    } else if embedded {
        evidence.push(format!(
            "the shared text starts {} into {}: a passage of the shorter {} embedded in it",
            percent(covering.first_shared),
            name(e, covering.doc),
            name(e, covered.doc)
        ));
        RelationKind::Partial
    } else if covered.coverage >= COPY {
        if covering.coverage >= REPUBLISHED {
            evidence.push(format!(
                "same text, republished; {tiebreak}: {}",
                name(e, covering.doc)
            ));
        }
        RelationKind::Copy
    } else if covered.coverage >= MOST || asymmetric {
        RelationKind::Partial
    } else {
        RelationKind::CommonSource(None)
    };
    if asymmetric && !embedded && !matches!(kind, RelationKind::CommonSource(_)) {
        evidence.push(format!(
            "the shared text is at the top of the longer {}, where a trimmed copy takes it",
            name(e, covering.doc)
        ));
    }
    let (source, derived) = match embedded {
        true => (covered, covering),
        false => (covering, covered),
    };
    let (from, to, share) = match kind {
        RelationKind::CommonSource(_) => (a, b, a.coverage.max(b.coverage)),
        _ => (source, derived, derived.coverage),
    };
    evidence.extend(measured_words(e, source, derived, measured));
    if shared_quotes > 0 {
        evidence.push(format!(
            "they share {shared_quotes} quote{}",
            plural(shared_quotes)
        ));
    }
    evidence.extend(boilerplate_words(e, source.doc, derived.doc));
    evidence.extend(credit_words(e, source.doc, derived.doc));
    Some(Relation {
        from: from.doc,
        to: to.doc,
        kind,
        share,
        evidence,
    })
}

/// Coverage both ways, with the order of the passages; containment of 5-word runs;
/// passages word for word or rewritten.
fn measured_words(e: &Evidence, source: Side, derived: Side, measured: Passages) -> Vec<String> {
    let (s, d) = (name(e, source.doc), name(e, derived.doc));
    vec![
        format!(
            "{} of {d}'s text is found in {s}{}",
            percent(derived.coverage),
            order_words(measured)
        ),
        format!("{} of {s}'s text is found in {d}", percent(source.coverage)),
        format!(
            "{} of {d}'s 5-word runs are in {s}, {} of {s}'s in {d}",
            percent(derived.contained),
            percent(source.contained)
        ),
        passage_words(measured),
    ]
}

/// The article's id, as evidence sentences name it.
fn name(e: &Evidence, doc: usize) -> String {
    e.ids
        .get(doc)
        .map_or_else(|| format!("#{doc}"), |id| id.to_string())
}

fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p > 0.0 && p < 1.0 {
        "under 1%".to_string()
    } else if p < 100.0 && p > 99.0 {
        "over 99%".to_string()
    } else {
        format!("{}%", p.round())
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn order_words(m: Passages) -> &'static str {
    if m.count < 2 {
        ""
    } else if m.in_order >= 0.9 {
        ", in the same order"
    } else if m.in_order >= 0.6 {
        ", mostly in the same order"
    } else {
        ", in a different order"
    }
}

fn passage_words(m: Passages) -> String {
    let rewritten = if m.similarity < REWRITTEN {
        format!(
            "; the shared text is rewritten (similarity {:.2})",
            m.similarity
        )
    } else {
        String::new()
    };
    format!(
        "{} passage{}, {} word for word{rewritten}",
        m.count,
        plural(m.count),
        m.verbatim
    )
}

/// Sides of a pair as (the less covered, the more covered, how a tie was broken).
fn orient(a: Side, b: Side) -> (Side, Side, String) {
    let a_first = |derived_is_b: bool| if derived_is_b { (a, b) } else { (b, a) };
    let (source, derived) = if (a.coverage - b.coverage).abs() >= TIE {
        a_first(b.coverage > a.coverage)
    } else if (a.contained - b.contained).abs() >= TIE {
        a_first(b.contained > a.contained)
    } else if a.story != b.story {
        a_first(b.story < a.story)
    } else {
        a_first(true)
    };
    // Said of the source, whose id follows.
    let why = if (a.coverage - b.coverage).abs() >= TIE {
        "the source is the one holding more of the other's text"
    } else if (a.contained - b.contained).abs() >= TIE {
        "the source is the one holding more of the other's 5-word runs"
    } else if a.story != b.story {
        "the longer is taken as the source"
    } else {
        "of equal length, the first given is taken as the source"
    };
    (source, derived, why.to_string())
}

fn side(
    article: &Article,
    doc: usize,
    passages: &[Passage],
    span: impl Fn(&Passage) -> ByteSpan,
    contained: f64,
) -> Side {
    let (boilerplate, quotes) = (&article.boilerplate, &article.quotes);
    let shared = minus(&merged(passages.iter().map(&span).collect()), boilerplate);
    let verbatim = passages.iter().filter(|p| p.score >= VERBATIM).map(&span);
    let verbatim = minus(&minus(&merged(verbatim.collect()), boilerplate), quotes);
    let story = article.story;
    let share = |n: usize| {
        if story == 0 {
            0.0
        } else {
            n as f64 / story as f64
        }
    };
    Side {
        doc,
        story,
        coverage: share(article.visible_chars(&shared)),
        outside_quotes: share(article.visible_chars(&minus(&shared, quotes))),
        verbatim_outside_quotes: article.visible_chars(&verbatim),
        first_shared: share(article.visible_chars(&minus(
            &[ByteSpan::new(0, shared.first().map_or(0, |s| s.start))],
            boilerplate,
        ))),
        contained,
    }
}

fn measure(passages: &[Passage]) -> Passages {
    let length = |p: &Passage| width(p.a);
    let total: f64 = passages.iter().map(length).sum();
    let weighted: f64 = passages.iter().map(|p| p.score * length(p)).sum();
    Passages {
        count: passages.len(),
        verbatim: passages.iter().filter(|p| p.score >= VERBATIM).count(),
        similarity: if total > 0.0 { weighted / total } else { 0.0 },
        in_order: if total > 0.0 {
            ordered_weight(passages) / total
        } else {
            0.0
        },
    }
}

/// The heaviest chain of passages whose starts increase in both texts (weight: the
/// passage's length in the first), in O(n log n) with a Fenwick tree of prefix
/// maxima over the ranks of the starts in the second text.
fn ordered_weight(passages: &[Passage]) -> f64 {
    let mut by_a: Vec<&Passage> = passages.iter().collect();
    sort::by_key(&mut by_a, |p| (p.a.start, p.b.start));
    let mut b_starts: Vec<usize> = passages.iter().map(|p| p.b.start).collect();
    sort::all(&mut b_starts);
    b_starts.dedup();
    let mut tree = vec![0.0f64; b_starts.len() + 1];
    let mut best = 0.0f64;
    for p in by_a {
        // Rank is 1-based; a chain may only continue from a strictly smaller start.
        let rank = b_starts.partition_point(|&s| s < p.b.start) + 1;
        let mut before = 0.0f64;
        let mut k = rank - 1;
        while k > 0 {
            before = before.max(tree.get(k).copied().unwrap_or(0.0));
            k &= k - 1;
        }
        let chain = before + width(p.a);
        best = best.max(chain);
        let mut k = rank;
        while k < tree.len() {
            if let Some(slot) = tree.get_mut(k) {
                *slot = slot.max(chain);
            }
            k += k & k.wrapping_neg();
        }
    }
    best
}

/// The outlet both articles name, when they name the same one.
fn same_outlet(a: Option<&Meta>, b: Option<&Meta>) -> Option<String> {
    let outlet = |m: Option<&Meta>| {
        m.and_then(|m| m.outlet.as_deref())
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_string)
    };
    let (a, b) = (outlet(a)?, outlet(b)?);
    a.eq_ignore_ascii_case(&b).then_some(a)
}

/// What the boilerplate of the two says: a republished copy often carries another
/// site's furniture.
fn boilerplate_words(e: &Evidence, source: usize, derived: usize) -> Option<String> {
    let describe = |doc: usize| {
        let lines = e.boilerplate.get(doc).map(Vec::as_slice).unwrap_or(&[]);
        let mut kinds: Vec<&str> = lines.iter().map(|l| l.kind.as_str()).collect();
        sort::all(&mut kinds);
        kinds.dedup();
        match lines.len() {
            0 => "none".to_string(),
            n => format!("{n} ({})", kinds.join(", ")),
        }
    };
    let (s, d) = (describe(source), describe(derived));
    (s != "none" || d != "none").then(|| {
        format!(
            "boilerplate lines: {} in {}, {} in {}",
            s,
            name(e, source),
            d,
            name(e, derived)
        )
    })
}

/// What the credits and datelines say, where only one of the two states one or
/// the two state different ones.
fn credit_words(e: &Evidence, source: usize, derived: usize) -> Vec<String> {
    let meta = |d: usize| e.meta.get(d).cloned().unwrap_or_default();
    let (s, d) = (meta(source), meta(derived));
    let mut words = Vec::new();
    for (what, s, d) in [
        ("outlet", s.outlet, d.outlet),
        ("dateline", s.dateline, d.dateline),
        ("byline", s.byline, d.byline),
    ] {
        match (s, d) {
            (Some(s), None) => words.push(format!(
                "only {} states {} ({s})",
                name(e, source),
                an(what)
            )),
            (None, Some(d)) => words.push(format!(
                "only {} states {} ({d})",
                name(e, derived),
                an(what)
            )),
            (Some(s), Some(d)) if s.trim().eq_ignore_ascii_case(d.trim()) => {
                if what != "outlet" {
                    words.push(format!("both state the {what} {s}"));
                }
            }
            (Some(s), Some(d)) => words.push(format!(
                "the {what}s differ: {s} in {}, {d} in {}",
                name(e, source),
                name(e, derived)
            )),
            (None, None) => {}
        }
    }
    words
}

/// `a byline`, `an outlet`.
fn an(what: &str) -> String {
    match what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        true => format!("an {what}"),
        false => format!("a {what}"),
    }
}

/// Stretches between paired quotation marks on one line: the quotes, when the
/// quote stage found none.
fn quoted_stretches(text: &str) -> Vec<ByteSpan> {
    let mut found = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (at, c) in text.char_indices() {
        match (open, c) {
            (_, '\n') => open = None,
            (Some((start, '"')), '"') | (Some((start, '“')), '”') | (Some((start, '«')), '»') =>
            {
                found.push(ByteSpan::new(start, at + c.len_utf8()));
                open = None;
            }
            (Some((start, '„')), '“') => {
                found.push(ByteSpan::new(start, at + c.len_utf8()));
                open = None;
            }
            (None, '"' | '“' | '«' | '„') => open = Some((at, c)),
            _ => {}
        }
    }
    found
}

/// `spans` sorted and overlapping ones joined.
fn merged(mut spans: Vec<ByteSpan>) -> Vec<ByteSpan> {
    sort::all(&mut spans);
    let mut out: Vec<ByteSpan> = Vec::with_capacity(spans.len());
    for s in spans.into_iter().filter(|s| !s.is_empty()) {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// The parts of `spans` outside `holes` (both sorted and disjoint), in one sweep.
fn minus(spans: &[ByteSpan], holes: &[ByteSpan]) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    let mut h = 0;
    for s in spans {
        let mut start = s.start;
        while holes.get(h).is_some_and(|hole| hole.end <= start) {
            h += 1;
        }
        let mut k = h;
        while let Some(hole) = holes.get(k).filter(|hole| hole.start < s.end) {
            if hole.start > start {
                out.push(ByteSpan::new(start, hole.start));
            }
            start = start.max(hole.end);
            k += 1;
        }
        if start < s.end {
            out.push(ByteSpan::new(start, s.end));
        }
    }
    out
}

/// A passage side's length in bytes, at least 1 so that every passage weighs.
fn width(span: ByteSpan) -> f64 {
    span.end.saturating_sub(span.start).max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::news::BoilerplateKind;

    /// A story of `n` distinct sentences.
    fn story(n: usize, topic: &str) -> String {
        (0..n)
            .map(|k| format!("The {topic} report number {k} says something new here. "))
            .collect()
    }

    /// Evidence over `texts` with one pair (0, 1) and its passages; the rest empty.
    fn infer_pair(
        texts: &[&str],
        passages: Vec<Passage>,
        meta: &[Meta],
        quotes: &[Vec<Quote>],
        boilerplate: &[Vec<Boilerplate>],
    ) -> Vec<Relation> {
        let aligned = vec![(0, 1, passages)];
        let overlaps = [Overlap {
            a_in_b: 0.0,
            b_in_a: 0.0,
            jaccard: 0.0,
        }];
        infer(&Evidence {
            ids: &["a", "b"],
            texts,
            aligned: &aligned,
            overlaps: &overlaps,
            boilerplate,
            meta,
            quotes,
            quote_matches: &[],
        })
    }

    fn passage(a: (usize, usize), b: (usize, usize), score: f64) -> Passage {
        Passage {
            a: ByteSpan::new(a.0, a.1),
            b: ByteSpan::new(b.0, b.1),
            score,
        }
    }

    #[test]
    fn same_text_twice_is_a_copy_of_the_first_given() {
        let text = story(10, "flood");
        let found = infer_pair(
            &[&text, &text],
            vec![passage((0, text.len()), (0, text.len()), 1.0)],
            &[],
            &[],
            &[],
        );
        assert_eq!(found.len(), 1);
        let r = &found[0];
        assert_eq!((r.from, r.to, &r.kind), (0, 1, &RelationKind::Copy));
        assert!(r.share > 0.99, "{r:?}");
        assert!(
            r.evidence
                .iter()
                .any(|e| e.contains("republished") && e.contains("first given")),
            "{:?}",
            r.evidence
        );
    }

    #[test]
    fn boilerplate_does_not_count_as_own_text() {
        let body = story(10, "flood");
        let notice = "This is an archived article and may be outdated.\n";
        let with_notice = format!("{notice}{body}");
        let found = infer_pair(
            &[&with_notice, &body],
            vec![passage(
                (notice.len(), with_notice.len()),
                (0, body.len()),
                1.0,
            )],
            &[],
            &[],
            &[
                vec![Boilerplate {
                    span: ByteSpan::new(0, notice.len()),
                    kind: BoilerplateKind::Notice,
                }],
                Vec::new(),
            ],
        );
        let r = &found[0];
        assert!(
            r.evidence
                .iter()
                .any(|e| e.contains("same text, republished")),
            "{:?}",
            r.evidence
        );
        assert!(
            r.evidence
                .iter()
                .any(|e| e.contains("boilerplate lines: 1 (notice) in a")),
            "{:?}",
            r.evidence
        );
    }

    #[test]
    fn a_short_article_inside_a_long_one_is_its_copy() {
        let long = story(20, "flood");
        let short_end = long.len() / 2;
        let short = long.get(..short_end).unwrap();
        let found = infer_pair(
            &[short, &long],
            vec![passage((0, short.len()), (0, short_end), 1.0)],
            &[],
            &[],
            &[],
        );
        let r = &found[0];
        assert_eq!((r.from, r.to, &r.kind), (1, 0, &RelationKind::Copy));
    }

    #[test]
    fn a_short_article_in_a_long_one_is_embedded_unless_at_its_top() {
        let (short, long) = (story(10, "wire"), story(40, "feature"));
        let middle = long.len() / 2;
        let relate = |in_long: usize, share: f64| {
            let n = (short.len() as f64 * share) as usize;
            let shared = vec![passage((in_long, in_long + n), (0, n), 1.0)];
            infer_pair(&[&long, &short], shared, &[], &[], &[])
        };
        for share in [0.3, 0.7, 1.0] {
            // In the middle of the long one: a passage it embeds.
            let r = &relate(middle, share)[0];
            assert_eq!((r.from, r.to, &r.kind), (1, 0, &RelationKind::Partial));
            assert!(r.share < 0.3, "{r:?}");
            assert!(
                r.evidence.iter().any(|e| e.contains("embedded")),
                "{:?}",
                r.evidence
            );
            // At its top: the short one is its trimmed copy.
            let r = &relate(0, share)[0];
            assert_eq!((r.from, r.to), (0, 1), "{r:?}");
            let kind = if share >= COPY {
                RelationKind::Copy
            } else {
                RelationKind::Partial
            };
            assert_eq!(r.kind, kind);
            assert!(
                r.evidence
                    .iter()
                    .any(|e| e.contains("at the top of the longer a")),
                "{:?}",
                r.evidence
            );
        }
    }

    #[test]
    fn one_verbatim_paragraph_relates_long_articles() {
        let (a, b) = (story(100, "flood"), story(300, "storm"));
        let relate = |bytes: usize| {
            let shared = vec![passage((500, 500 + bytes), (5000, 5000 + bytes), 1.0)];
            infer_pair(&[&a, &b], shared, &[], &[], &[])
        };
        // About 300 visible characters: a paragraph, under 10% of either.
        let found = relate(340);
        assert_eq!(found.len(), 1);
        let r = &found[0];
        assert_eq!((r.from, r.to, &r.kind), (0, 1, &RelationKind::Partial));
        assert!(r.share < RELATED, "{r:?}");
        // A sentence's worth is not enough.
        assert!(relate(120).is_empty());
    }

    #[test]
    fn shared_quotes_alone_make_no_relation() {
        let quote =
            "“We will build the barrier and we will finish it before the storms come back,”";
        let a = format!("{quote} the mayor said. {}", story(3, "council"));
        let b = format!("{} {quote} Kerr told reporters.", story(3, "harbour"));
        let at = b.find(quote).unwrap();
        let shared = vec![passage((0, quote.len()), (at, at + quote.len()), 1.0)];
        // With the quote stage's spans.
        let quotes = [
            vec![Quote {
                span: ByteSpan::new(0, quote.len()),
                parts: Vec::new(),
                speaker: None,
            }],
            vec![Quote {
                span: ByteSpan::new(at, at + quote.len()),
                parts: Vec::new(),
                speaker: None,
            }],
        ];
        let texts = [a.as_str(), b.as_str()];
        assert!(infer_pair(&texts, shared.clone(), &[], &quotes, &[]).is_empty());
        // Without them: paired quotation marks are read as quotes.
        assert!(infer_pair(&texts, shared.clone(), &[], &[], &[]).is_empty());
        // The same words outside quotation marks are shared text.
        let plain = |t: &str| t.replace(['“', '”'], "\"").replace('"', "'");
        let (a, b) = (plain(&a), plain(&b));
        let at = b.find("'We will").unwrap();
        let end = at + b.get(at..).unwrap().find("' Kerr").unwrap() + 1;
        let shared = vec![passage((0, end - at), (at, end), 1.0)];
        assert_eq!(infer_pair(&[&a, &b], shared, &[], &[], &[]).len(), 1);
    }

    #[test]
    fn the_same_named_outlet_makes_a_named_common_source() {
        let (a, b) = (story(10, "flood"), story(10, "storm"));
        let shared = vec![passage((0, 40), (0, 40), 1.0)];
        let ap = Meta {
            outlet: Some("AP".into()),
            ..Meta::default()
        };
        let found = infer_pair(
            &[&a, &b],
            shared.clone(),
            &[ap.clone(), ap.clone()],
            &[],
            &[],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, RelationKind::CommonSource(Some("AP".into())));
        assert!(found[0].evidence[0].contains("both name AP"));
        // One credit names no common source, and 40 bytes of 500 relate nothing.
        assert!(infer_pair(&[&a, &b], shared, &[ap, Meta::default()], &[], &[]).is_empty());
    }

    #[test]
    fn order_and_rewriting_are_told() {
        let a = story(10, "flood");
        let b = story(10, "flood");
        let half = a.len() / 2;
        // The halves swapped, and rewritten.
        let swapped = vec![
            passage((0, half), (half, b.len()), 0.6),
            passage((half, a.len()), (0, half), 0.6),
        ];
        let found = infer_pair(&[&a, &b], swapped, &[], &[], &[]);
        let evidence = found[0].evidence.join(" | ");
        assert!(evidence.contains("in a different order"), "{evidence}");
        assert!(
            evidence.contains("2 passages, 0 word for word"),
            "{evidence}"
        );
        assert!(evidence.contains("rewritten"), "{evidence}");
        let kept = vec![
            passage((0, half), (0, half), 1.0),
            passage((half, a.len()), (half, b.len()), 1.0),
        ];
        let found = infer_pair(&[&a, &b], kept, &[], &[], &[]);
        let evidence = found[0].evidence.join(" | ");
        assert!(evidence.contains("in the same order"), "{evidence}");
        assert!(!evidence.contains("rewritten"), "{evidence}");
    }

    #[test]
    fn spans_out_of_range_or_inside_a_char_do_not_panic() {
        let (a, b) = ("é".repeat(50), "ü".repeat(50));
        let wild = vec![
            passage((1, 7), (3, 999), 1.0),
            passage((500, 400), (0, 0), 0.5),
            Passage {
                a: ByteSpan { start: 9, end: 2 },
                b: ByteSpan { start: 4, end: 1 },
                score: f64::NAN,
            },
        ];
        let _ = infer_pair(&[&a, &b], wild, &[], &[], &[]);
    }

    #[test]
    fn spans_are_merged_and_cut() {
        let s = |a, b| ByteSpan::new(a, b);
        assert_eq!(
            merged(vec![s(5, 8), s(0, 3), s(2, 4), s(8, 9)]),
            vec![s(0, 4), s(5, 9)]
        );
        assert_eq!(
            minus(&[s(0, 10), s(12, 20)], &[s(2, 4), s(9, 13), s(15, 30)]),
            vec![s(0, 2), s(4, 9), s(13, 15)]
        );
        assert_eq!(
            quoted_stretches("He said \"yes\" and “no”.\n\"open"),
            vec![s(8, 13), s(18, 26)]
        );
    }
}
