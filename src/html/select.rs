//! Which part of the page is the article: the element under which the prose
//! concentrates (paragraphs long and rich in commas score their parent fully
//! and their further ancestors less, as in Arc90's Readability), discounted
//! by its link text, plus the siblings that score nearly as well.

use super::blocks::Block;
use super::dom::{Dom, NodeId};
use crate::sort;

/// Paragraphs shorter than this (in characters) do not vote.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// How many ancestors a paragraph's score reaches.
const ANCESTOR_LEVELS: usize = 5;

/// Per-node totals of the text under it.
pub struct Totals {
    /// Characters of block text under each node.
    pub chars: Vec<usize>,
    /// Of which link text.
    pub link_chars: Vec<usize>,
}

impl Totals {
    /// Share of link text under `id`.
    pub fn link_density(&self, id: NodeId) -> f64 {
        let chars = self.chars.get(id).copied().unwrap_or(0);
        if chars == 0 {
            return 0.0;
        }
        self.link_chars.get(id).copied().unwrap_or(0) as f64 / chars as f64
    }
}

/// Each node's parent (the root is its own).
pub fn parents(dom: &Dom) -> Vec<NodeId> {
    let mut parents = vec![0; dom.nodes.len()];
    for id in 0..dom.nodes.len() {
        for &child in dom.children(id) {
            if let Some(p) = parents.get_mut(child) {
                *p = id;
            }
        }
    }
    parents
}

/// Ancestors of `id`, itself first, up to but without the root.
fn ancestors(parents: &[NodeId], id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    let mut next = Some(id);
    std::iter::from_fn(move || {
        let id = next.filter(|&id| id != 0)?;
        next = parents.get(id).copied().filter(|&p| p != id);
        Some(id)
    })
}

/// Adds every block's characters to its owner and the owner's ancestors.
pub fn totals(dom: &Dom, blocks: &[Block], parents: &[NodeId]) -> Totals {
    let mut t = Totals {
        chars: vec![0; dom.nodes.len()],
        link_chars: vec![0; dom.nodes.len()],
    };
    for b in blocks {
        for a in ancestors(parents, b.owner) {
            if let (Some(c), Some(l)) = (t.chars.get_mut(a), t.link_chars.get_mut(a)) {
                *c += b.chars;
                *l += b.link_chars;
            }
        }
    }
    t
}

/// A paragraph's vote: one, plus one per comma, plus one per 100 characters (at most 3).
fn paragraph_score(text: &str) -> f64 {
    let commas = text
        .chars()
        .filter(|c| matches!(c, ',' | '،' | '，' | '、'))
        .count();
    1.0 + commas as f64 + (text.chars().count() as f64 / 100.0).min(3.0)
}

/// Prior for a container by its tag: generic boxes of prose up, lists and headings down.
fn tag_prior(name: &str) -> f64 {
    match name {
        "article" | "main" => 10.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Readability's candidate scores, by node (0 for nodes no paragraph voted for).
pub fn scores(dom: &Dom, blocks: &[Block], parents: &[NodeId], totals: &Totals) -> Vec<f64> {
    let mut score = vec![0.0; dom.nodes.len()];
    let mut voted = vec![false; dom.nodes.len()];
    for b in blocks
        .iter()
        .filter(|b| b.chars >= MIN_PARAGRAPH_CHARS && !b.heading)
    {
        // Lines split by `<br>` vote as paragraphs of their own, as they read.
        let vote: f64 = b
            .text
            .split('\n')
            .filter(|line| line.chars().count() >= MIN_PARAGRAPH_CHARS)
            .map(paragraph_score)
            .sum();
        // A paragraph element votes for its container; text straight inside a
        // `div` makes the div its own paragraph, voting for itself first.
        let first = if is_paragraph(dom.name(b.owner)) {
            parents.get(b.owner).copied().unwrap_or(0)
        } else {
            b.owner
        };
        for (level, a) in ancestors(parents, first).take(ANCESTOR_LEVELS).enumerate() {
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            if let (Some(s), Some(v)) = (score.get_mut(a), voted.get_mut(a)) {
                *s += vote / divider;
                *v = true;
            }
        }
    }
    for (id, s) in score.iter_mut().enumerate() {
        if voted.get(id) == Some(&true) {
            let prior = tag_prior(dom.name(id)) + class_weight(dom, id);
            *s = (*s + prior) * (1.0 - totals.link_density(id));
        }
    }
    score
}

/// Hints in an element's `class` and `id`: the words sites use in their
/// markup for the story's box and for the furniture around it (Readability's
/// vocabulary, cut down). This reads the page's structure, not its prose.
fn class_weight(dom: &Dom, id: NodeId) -> f64 {
    let mut weight = 0.0;
    for value in [dom.attr(id, "class"), dom.attr(id, "id")]
        .into_iter()
        .flatten()
    {
        let value = value.to_ascii_lowercase();
        if NEGATIVE_HINTS.iter().any(|h| value.contains(h)) {
            weight -= 25.0;
        }
        if POSITIVE_HINTS.iter().any(|h| value.contains(h)) {
            weight += 25.0;
        }
    }
    weight
}

const POSITIVE_HINTS: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story",
];

const NEGATIVE_HINTS: &[&str] = &[
    "comment",
    "combx",
    "com-",
    "contact",
    "foot",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
    "hidden",
    "social",
    "popup",
    "pagination",
    "pager",
];

/// Elements that hold one paragraph of prose.
fn is_paragraph(name: &str) -> bool {
    matches!(
        name,
        "p" | "pre" | "li" | "td" | "blockquote" | "dd" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
    )
}

/// The article's root elements: the best candidate and the siblings that
/// belong with it, in document order.
pub fn article_roots(
    dom: &Dom,
    parents: &[NodeId],
    scores: &[f64],
    totals: &Totals,
) -> Vec<NodeId> {
    let Some(top) = best(scores) else {
        return vec![0];
    };
    let top = climb(dom, parents, scores, top);
    let top_score = scores.get(top).copied().unwrap_or(0.0);
    let parent = parents.get(top).copied().unwrap_or(0);
    if parent == top {
        return vec![top];
    }
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.attr(top, "class").unwrap_or("");
    dom.children(parent)
        .iter()
        .copied()
        .filter(|&sibling| {
            if sibling == top {
                return true;
            }
            let mut bonus = 0.0;
            if !top_class.is_empty() && dom.attr(sibling, "class") == Some(top_class) {
                bonus = top_score * 0.2;
            }
            if scores.get(sibling).copied().unwrap_or(0.0) + bonus >= threshold {
                return true;
            }
            dom.name(sibling) == "p" && is_prose(sibling, totals)
        })
        .collect()
}

/// A paragraph that reads as prose on its own: long with few links.
fn is_prose(id: NodeId, totals: &Totals) -> bool {
    let chars = totals.chars.get(id).copied().unwrap_or(0);
    let density = totals.link_density(id);
    (chars > 80 && density < 0.25) || (chars > 0 && density == 0.0)
}

/// How many runner-up candidates must share an ancestor for it to replace the top one.
const AGREEING_RUNNERS_UP: usize = 3;

/// Moves up from the top candidate when the article is split over several
/// boxes: to the nearest ancestor that holds at least three of the five
/// runners-up scoring within 75% of it (Readability's rule); then past
/// wrappers that are their parent's only child.
fn climb(dom: &Dom, parents: &[NodeId], scores: &[f64], top: NodeId) -> NodeId {
    let top_score = scores.get(top).copied().unwrap_or(0.0);
    let mut ranked: Vec<(NodeId, f64)> = scores
        .iter()
        .copied()
        .enumerate()
        .filter(|&(id, s)| s > 0.0 && id != top)
        .collect();
    sort::by(&mut ranked, |a, b| b.1.total_cmp(&a.1));
    let runners_up: Vec<Vec<NodeId>> = ranked
        .iter()
        .take(4)
        .filter(|&&(_, s)| s >= 0.75 * top_score)
        .map(|&(id, _)| ancestors(parents, id).collect())
        .collect();
    let mut chosen = top;
    if runners_up.len() >= AGREEING_RUNNERS_UP {
        for a in ancestors(parents, top).skip(1) {
            if dom.name(a) == "body" {
                break;
            }
            let sharing = runners_up.iter().filter(|chain| chain.contains(&a)).count();
            if sharing >= AGREEING_RUNNERS_UP {
                chosen = a;
                break;
            }
        }
    }
    loop {
        let parent = parents.get(chosen).copied().unwrap_or(0);
        let only_child = dom
            .children(parent)
            .iter()
            .filter(|&&c| !dom.name(c).is_empty())
            .count()
            == 1;
        if parent == 0 || parent == chosen || dom.name(parent) == "body" || !only_child {
            return chosen;
        }
        chosen = parent;
    }
}

fn best(scores: &[f64]) -> Option<NodeId> {
    let mut best: Option<(NodeId, f64)> = None;
    for (id, &s) in scores.iter().enumerate() {
        if s > 0.0 && best.is_none_or(|(_, b)| s > b) {
            best = Some((id, s));
        }
    }
    best.map(|(id, _)| id)
}
