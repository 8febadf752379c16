//! Across a set of texts: which passages three or more of them share, and how
//! much of each text is found in any other.

use crate::span::{ByteSpan, OffsetIndex};

use super::Passage;
use crate::sort;

/// Where one text holds a passage of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// Index of the text.
    pub doc: usize,
    /// Where the passage is in it.
    pub span: ByteSpan,
}

/// A passage shared by several texts: one member per text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The texts holding it, in text order.
    pub members: Vec<Member>,
}

/// The passages of each pair: `(text a, text b, passages)`.
pub type PairPassages = (usize, usize, Vec<Passage>);

/// Groups the passages of `pairs` that link three or more texts: passages are
/// joined when they are two sides of one aligned passage, or when they overlap
/// by at least half of the longer one in the same text (so that a quote inside
/// a long copied passage does not pull every other quote of that passage in).
pub fn groups(pairs: &[PairPassages], least_texts: usize) -> Vec<Group> {
    let mut nodes: Vec<Member> = Vec::new();
    let mut sets = DisjointSets::default();
    for (a, b, passages) in pairs {
        for p in passages {
            let i = sets.add();
            let j = sets.add();
            nodes.push(Member { doc: *a, span: p.a });
            nodes.push(Member { doc: *b, span: p.b });
            sets.join(i, j);
        }
    }
    // Overlapping spans in one text: sort by (text, start) and compare neighbours
    // still open.
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    sort::by_key(&mut order, |&i| (nodes[i].doc, nodes[i].span.start));
    for (k, &i) in order.iter().enumerate() {
        for &j in &order[k + 1..] {
            let (x, y) = (nodes[i], nodes[j]);
            if y.doc != x.doc || y.span.start >= x.span.end {
                break;
            }
            let overlap = x.span.end.min(y.span.end) - y.span.start;
            if 2 * overlap >= x.span.len().max(y.span.len()) {
                sets.join(i, j);
            }
        }
    }
    let mut by_root: std::collections::BTreeMap<usize, Vec<Member>> = Default::default();
    for (i, node) in nodes.iter().enumerate() {
        by_root.entry(sets.root(i)).or_default().push(*node);
    }
    let mut found: Vec<Group> = by_root
        .into_values()
        .filter_map(|mut members| {
            sort::by_key(&mut members, |m| (m.doc, m.span.start));
            // One member per text: the span covering its passages.
            let mut merged: Vec<Member> = Vec::new();
            for m in members {
                match merged.last_mut() {
                    Some(last) if last.doc == m.doc => last.span = last.span.cover(m.span),
                    _ => merged.push(m),
                }
            }
            (merged.len() >= least_texts).then_some(Group { members: merged })
        })
        .collect();
    sort::by_key(&mut found, |g| (g.members[0].doc, g.members[0].span.start));
    found
}

/// The share of a text's characters inside any of `spans` (which may overlap).
pub fn covered_share(text: &str, offsets: &OffsetIndex, spans: &[ByteSpan]) -> f64 {
    let total = offsets.chars(text.len());
    if total == 0 {
        return 0.0;
    }
    let mut spans = spans.to_vec();
    sort::all(&mut spans);
    let (mut covered, mut reach) = (0, 0);
    for s in spans {
        let start = s.start.max(reach);
        if s.end > start {
            covered += offsets.chars(s.end) - offsets.chars(start);
            reach = s.end;
        }
    }
    covered as f64 / total as f64
}

/// Union-find over indices, with path halving.
#[derive(Default)]
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn add(&mut self) -> usize {
        self.parent.push(self.parent.len());
        self.parent.len() - 1
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, i: usize, j: usize) {
        let (ri, rj) = (self.root(i), self.root(j));
        if ri != rj {
            self.parent[ri.max(rj)] = ri.min(rj);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(a: (usize, usize), b: (usize, usize)) -> Passage {
        Passage {
            a: ByteSpan::new(a.0, a.1),
            b: ByteSpan::new(b.0, b.1),
            score: 1.0,
        }
    }

    #[test]
    fn a_quote_in_three_texts_is_one_group() {
        let pairs = vec![
            (0, 1, vec![passage((10, 50), (100, 140))]),
            (
                1,
                2,
                vec![
                    passage((105, 140), (0, 35)),
                    passage((300, 400), (200, 300)),
                ],
            ),
        ];
        let found = groups(&pairs, 3);
        assert_eq!(found.len(), 1);
        let docs: Vec<usize> = found[0].members.iter().map(|m| m.doc).collect();
        assert_eq!(docs, [0, 1, 2]);
        assert_eq!(found[0].members[1].span, ByteSpan::new(100, 140));
    }

    #[test]
    fn a_long_passage_does_not_chain_short_ones() {
        // Text 1 copies text 0 whole; texts 2 and 3 quote different parts of it.
        let pairs = vec![
            (0, 1, vec![passage((0, 1000), (0, 1000))]),
            (0, 2, vec![passage((100, 150), (0, 50))]),
            (0, 3, vec![passage((800, 850), (0, 50))]),
        ];
        assert!(groups(&pairs, 3).is_empty());
    }

    #[test]
    fn barely_touching_passages_stay_apart() {
        let pairs = vec![
            (0, 1, vec![passage((0, 100), (0, 100))]),
            (1, 2, vec![passage((90, 200), (0, 110))]),
        ];
        assert!(groups(&pairs, 3).is_empty());
    }

    #[test]
    fn share_counts_overlaps_once_and_in_characters() {
        let text = "ééééé abcde";
        let offsets = OffsetIndex::new(text);
        // "ééééé" is 10 bytes, 5 chars; the text is 11 chars.
        let spans = [ByteSpan::new(0, 10), ByteSpan::new(4, 10)];
        let share = covered_share(text, &offsets, &spans);
        assert!((share - 5.0 / 11.0).abs() < 1e-9);
        assert_eq!(covered_share("", &OffsetIndex::new(""), &[]), 0.0);
    }
}
