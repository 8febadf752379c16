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
//! The rules, in order. The *derived* article is the one whose story is the more
//! covered (the source holds all of it and more); when the two coverages are within
//! [`TIE`], the one whose 5-word runs are the more contained in the other; then the
//! shorter story; then the later in input order.
//!
//! 1. Both name the same outlet (a credit or dateline such as `(AP)`) and share a
//!    passage or a quote: **common source**, named.
//! 2. The derived article's shared text outside quotes is under [`RELATED`] of its
//!    story and its coverage is under [`COPY`]: **no relation**. Two reports of one
//!    press conference share its quotes, not their sentences; and a few shared
//!    sentences are what any two reports of an event have in common.
//! 3. Coverage of the derived article at least [`COPY`]: **copy** (wholly drawn
//!    from the source). When both are at least [`REPUBLISHED`], the evidence says
//!    the same text was republished and how the source was chosen.
//! 4. At least [`MOST`]: **partial** (most of it drawn from the source, the rest its
//!    own).
//! 5. Otherwise, when the source's coverage is at least [`SYMMETRIC`] times the
//!    derived one's, each has much of its own around the same shared text: **common
//!    source**, unnamed. When it is lower, a small part of a long article makes a
//!    fair share of a short one: **partial**.
//!
//! `share` is the derived article's coverage; for a common source (where `from` and
//! `to` are the pair in input order) the larger of the two coverages.
//!
//! Passage order is evidence only: a copy editor may move paragraphs, and two
//! outlets editing one wire story top-down keep its order too.

use crate::align::groups::PairPassages;
use crate::align::scores::Overlap;
use crate::align::Passage;
use crate::span::ByteSpan;

use super::{Boilerplate, Meta, Quote, QuoteMatch, Relation, RelationKind};

/// Shared text outside quotes, as a share of the derived story, below which two
/// articles are independent reports.
pub const RELATED: f64 = 0.1;
/// Coverage from which the derived article is wholly drawn from the source.
pub const COPY: f64 = 0.8;
/// Coverage of both from which they are the same text, republished.
pub const REPUBLISHED: f64 = 0.9;
/// Coverage from which most of the derived article is drawn from the source.
pub const MOST: f64 = 0.5;
/// The least ratio of the source's coverage to the derived one's for a common
/// source (below it, the shared text is a small part of the longer article).
pub const SYMMETRIC: f64 = 0.5;
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
    evidence
        .aligned
        .iter()
        .zip(evidence.overlaps)
        .filter_map(|((i, j, passages), overlap)| relate(evidence, *i, *j, passages, overlap))
        .collect()
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
    i: usize,
    j: usize,
    passages: &[Passage],
    overlap: &Overlap,
) -> Option<Relation> {
    let a = side(e, i, passages.iter().map(|p| p.a), overlap.a_in_b);
    let b = side(e, j, passages.iter().map(|p| p.b), overlap.b_in_a);
    let shared_quotes = shared_quotes(e.quote_matches, i, j);
    if passages.is_empty() && shared_quotes == 0 {
        return None;
    }
    let (source, derived, tiebreak) = orient(a, b);
    let measured = measure(passages);
    let mut evidence = Vec::new();
    let kind = if let Some(name) = same_outlet(e.meta.get(i), e.meta.get(j)) {
        evidence.push(format!("both name {name} as their source"));
        RelationKind::CommonSource(Some(name))
    } else if derived.outside_quotes < RELATED && derived.coverage < COPY {
        return None;
    } else if derived.coverage >= COPY {
        if source.coverage >= REPUBLISHED {
            evidence.push(format!("same text, republished; {tiebreak}"));
        }
        RelationKind::Copy
    } else if derived.coverage >= MOST || source.coverage < SYMMETRIC * derived.coverage {
        RelationKind::Partial
    } else {
        RelationKind::CommonSource(None)
    };
    let ids = |s: Side| name(e, s.doc);
    let (from, to, share) = match kind {
        RelationKind::CommonSource(_) => (a, b, a.coverage.max(b.coverage)),
        _ => (source, derived, derived.coverage),
    };
    evidence.push(format!(
        "{} of {}'s text is found in {}{}",
        percent(derived.coverage),
        ids(derived),
        ids(source),
        order_words(measured)
    ));
    evidence.push(format!(
        "{} of {}'s text is found in {}",
        percent(source.coverage),
        ids(source),
        ids(derived)
    ));
    evidence.push(format!(
        "{} of {}'s 5-word runs are in {}, {} of {}'s in {}",
        percent(derived.contained),
        ids(derived),
        ids(source),
        percent(source.contained),
        ids(source),
        ids(derived)
    ));
    evidence.push(passage_words(measured));
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

/// Sides of a pair as (source, derived, how a tie was broken).
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
    let why = if (a.coverage - b.coverage).abs() >= TIE {
        "the one more covered by the other is the copy"
    } else if (a.contained - b.contained).abs() >= TIE {
        "the one whose 5-word runs are more contained in the other is the copy"
    } else if a.story != b.story {
        "the longer is taken as the source"
    } else {
        "of equal length, the first given is taken as the source"
    };
    (source, derived, why.to_string())
}

fn side(e: &Evidence, doc: usize, spans: impl Iterator<Item = ByteSpan>, contained: f64) -> Side {
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
    let whole = minus(&[ByteSpan::new(0, text.len())], &boilerplate);
    let shared = minus(&merged(spans.collect()), &boilerplate);
    let story = visible_chars(text, &whole);
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
        coverage: share(visible_chars(text, &shared)),
        outside_quotes: share(visible_chars(text, &minus(&shared, &quotes))),
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
    by_a.sort_by_key(|p| (p.a.start, p.b.start));
    let mut b_starts: Vec<usize> = passages.iter().map(|p| p.b.start).collect();
    b_starts.sort_unstable();
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

/// How many matched quotes have a member in both articles.
fn shared_quotes(matches: &[QuoteMatch], i: usize, j: usize) -> usize {
    let has = |m: &QuoteMatch, d: usize| m.members.iter().any(|&(doc, _)| doc == d);
    matches.iter().filter(|m| has(m, i) && has(m, j)).count()
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
        kinds.sort_unstable();
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
            (Some(s), None) => {
                words.push(format!("only {} states a {what} ({s})", name(e, source)))
            }
            (None, Some(d)) => {
                words.push(format!("only {} states a {what} ({d})", name(e, derived)))
            }
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
    spans.sort();
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

/// Characters other than white space inside `spans` (spans off a char boundary
/// count nothing rather than panic).
fn visible_chars(text: &str, spans: &[ByteSpan]) -> usize {
    spans
        .iter()
        .filter_map(|s| text.get(s.start..s.end))
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
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
