//! PAN's plagdet measure (Potthast et al., COLING 2010): macro-averaged recall and
//! precision over the characters of both documents, granularity, and
//! `plagdet = F1 / log2(1 + granularity)`.

use super::xml::Annotation;
use crate::sort;

/// The true cases and the detections of one document pair.
#[derive(Debug, Clone, Default)]
pub struct PairResult {
    /// The reused passages the truth file lists.
    pub cases: Vec<Annotation>,
    /// The passages the detector reported.
    pub detections: Vec<Annotation>,
}

/// The measures over a set of pairs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Macro-averaged recall over cases.
    pub recall: f64,
    /// Macro-averaged precision over detections.
    pub precision: f64,
    /// Mean number of detections per detected case (1 is best).
    pub granularity: f64,
    /// `F1 / log2(1 + granularity)`.
    pub plagdet: f64,
    /// Number of true cases.
    pub cases: usize,
    /// Number of detections.
    pub detections: usize,
}

/// Scores the detections of `pairs` against their cases, pooled over all pairs as
/// PAN does: every case and every detection weighs the same.
pub fn score(pairs: &[PairResult]) -> Scores {
    let (mut recall_sum, mut precision_sum) = (0.0, 0.0);
    let (mut cases, mut detections) = (0, 0);
    let (mut detected_cases, mut detections_per_case) = (0usize, 0usize);
    for pair in pairs {
        for case in &pair.cases {
            recall_sum += covered_share(case, &pair.detections);
            let hits = pair.detections.iter().filter(|d| overlaps(case, d)).count();
            if hits > 0 {
                detected_cases += 1;
                detections_per_case += hits;
            }
        }
        for detection in &pair.detections {
            precision_sum += covered_share(detection, &pair.cases);
        }
        cases += pair.cases.len();
        detections += pair.detections.len();
    }
    let (recall, precision) = match (cases, detections) {
        (0, 0) => (1.0, 1.0),
        (0, _) | (_, 0) => (0.0, 0.0),
        (c, d) => (recall_sum / c as f64, precision_sum / d as f64),
    };
    let granularity = if detected_cases == 0 {
        1.0
    } else {
        detections_per_case as f64 / detected_cases as f64
    };
    let f1 = if recall + precision == 0.0 {
        0.0
    } else {
        2.0 * recall * precision / (recall + precision)
    };
    Scores {
        recall,
        precision,
        granularity,
        plagdet: f1 / (1.0 + granularity).log2(),
        cases,
        detections,
    }
}

/// True when `a` and `b` share characters in both documents (PAN's "detects").
fn overlaps(a: &Annotation, b: &Annotation) -> bool {
    intersection(this_range(a), this_range(b)).is_some()
        && intersection(source_range(a), source_range(b)).is_some()
}

/// The share of `target`'s characters (both documents) covered by the `others`
/// that overlap it.
fn covered_share(target: &Annotation, others: &[Annotation]) -> f64 {
    let total = target.this_length + target.source_length;
    if total == 0 {
        return 0.0;
    }
    let hits: Vec<&Annotation> = others.iter().filter(|o| overlaps(target, o)).collect();
    let this = union_len(
        hits.iter()
            .filter_map(|o| intersection(this_range(target), this_range(o))),
    );
    let source = union_len(
        hits.iter()
            .filter_map(|o| intersection(source_range(target), source_range(o))),
    );
    (this + source) as f64 / total as f64
}

type Range = (usize, usize);

fn this_range(a: &Annotation) -> Range {
    (a.this_offset, a.this_offset.saturating_add(a.this_length))
}

fn source_range(a: &Annotation) -> Range {
    (
        a.source_offset,
        a.source_offset.saturating_add(a.source_length),
    )
}

fn intersection(a: Range, b: Range) -> Option<Range> {
    let (start, end) = (a.0.max(b.0), a.1.min(b.1));
    (start < end).then_some((start, end))
}

/// Total length of a union of half-open ranges.
fn union_len(ranges: impl Iterator<Item = Range>) -> usize {
    let mut ranges: Vec<Range> = ranges.collect();
    sort::all(&mut ranges);
    let (mut total, mut reach) = (0, 0);
    for (start, end) in ranges {
        let start = start.max(reach);
        if end > start {
            total += end - start;
            reach = end;
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(this: Range, source: Range) -> Annotation {
        Annotation {
            this_offset: this.0,
            this_length: this.1 - this.0,
            source_offset: source.0,
            source_length: source.1 - source.0,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn perfect_detection_scores_one() {
        let case = ann((10, 110), (0, 100));
        let s = score(&[PairResult {
            cases: vec![case],
            detections: vec![case],
        }]);
        assert_eq!(
            (s.recall, s.precision, s.granularity, s.plagdet),
            (1.0, 1.0, 1.0, 1.0)
        );
    }

    #[test]
    fn half_a_case_split_in_two() {
        // Case: 100 chars on each side. Two detections cover chars 0..25 and 25..50
        // on both sides: recall 0.5, precision 1, granularity 2.
        let case = ann((0, 100), (0, 100));
        let s = score(&[PairResult {
            cases: vec![case],
            detections: vec![ann((0, 25), (0, 25)), ann((25, 50), (25, 50))],
        }]);
        assert!(close(s.recall, 0.5));
        assert!(close(s.precision, 1.0));
        assert!(close(s.granularity, 2.0));
        let f1 = 2.0 * 0.5 / 1.5;
        assert!(close(s.plagdet, f1 / 3f64.log2()));
    }

    #[test]
    fn a_detection_twice_too_long() {
        // Detection covers the case and as much again on both sides.
        let case = ann((100, 200), (100, 200));
        let s = score(&[PairResult {
            cases: vec![case],
            detections: vec![ann((100, 300), (0, 200))],
        }]);
        assert!(close(s.recall, 1.0));
        assert!(close(s.precision, 0.5));
        assert!(close(s.plagdet, 2.0 * 0.5 / 1.5));
    }

    #[test]
    fn overlap_on_one_side_only_detects_nothing() {
        let case = ann((0, 100), (0, 100));
        let s = score(&[PairResult {
            cases: vec![case],
            detections: vec![ann((0, 100), (500, 600))],
        }]);
        assert_eq!((s.recall, s.precision, s.plagdet), (0.0, 0.0, 0.0));
        assert_eq!(s.granularity, 1.0);
    }

    #[test]
    fn pooled_over_pairs_with_false_alarm() {
        // Pair 1 perfectly detected; pair 2 has no case but one detection.
        let case = ann((0, 50), (0, 50));
        let s = score(&[
            PairResult {
                cases: vec![case],
                detections: vec![case],
            },
            PairResult {
                cases: vec![],
                detections: vec![ann((0, 10), (0, 10))],
            },
        ]);
        assert!(close(s.recall, 1.0));
        assert!(close(s.precision, 0.5));
        assert_eq!((s.cases, s.detections), (1, 2));
    }

    #[test]
    fn nothing_to_find_and_nothing_found_is_perfect() {
        let s = score(&[PairResult::default()]);
        assert_eq!(s.plagdet, 1.0);
    }

    #[test]
    fn overlapping_detections_are_not_counted_twice() {
        let case = ann((0, 100), (0, 100));
        let s = score(&[PairResult {
            cases: vec![case],
            detections: vec![ann((0, 60), (0, 60)), ann((40, 100), (40, 100))],
        }]);
        assert!(close(s.recall, 1.0));
        assert!(close(s.granularity, 2.0));
    }
}
