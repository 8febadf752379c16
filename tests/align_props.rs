//! Property tests: the fast aligner's exact runs against a slow reference, and
//! no panics or out-of-bounds passages on any input.
#![cfg(not(target_arch = "wasm32"))] // Native only: `wasm-pack test` compiles every test target.

use parallax::internals::align::matches::{exact_runs, Run, MAX_OCCURRENCES};
use parallax::internals::align::{align, AlignOptions, Doc};
use parallax::internals::pan::eval::{score, PairResult};
use parallax::internals::pan::xml::Annotation;
use proptest::prelude::*;

/// The runs `exact_runs` promises, by trying every start pair: every maximal run
/// of at least `n` equal words whose first pair `(i, j)` has `j` among the
/// occurrences followed from `i`. From a shingle that `b` repeats more than
/// `MAX_OCCURRENCES` times, those are the `MAX_OCCURRENCES` occurrences whose rank
/// in `b` is nearest `i`'s rank in `a` scaled to `b`'s count (ties to the lower).
fn reference_runs(a: &[u64], b: &[u64], n: usize) -> Vec<Run> {
    let mut runs = Vec::new();
    for i in 0..a.len() {
        let followed = if i + n <= a.len() {
            followed(a, b, n, i)
        } else {
            Vec::new()
        };
        for j in 0..b.len() {
            if i > 0 && j > 0 && a[i - 1] == b[j - 1] {
                continue; // not maximal: it extends to the left
            }
            let len = a[i..]
                .iter()
                .zip(&b[j..])
                .take_while(|(x, y)| x == y)
                .count();
            if len >= n && followed.contains(&j) {
                runs.push(Run {
                    a_start: i,
                    b_start: j,
                    len,
                });
            }
        }
    }
    runs
}

/// The occurrences in `b` of the shingle at `i` in `a` that are followed from `i`.
fn followed(a: &[u64], b: &[u64], n: usize, i: usize) -> Vec<usize> {
    let shingle = &a[i..i + n];
    let starts = |t: &[u64]| -> Vec<usize> {
        (0..t.len())
            .filter(|&k| t.get(k..k + n) == Some(shingle))
            .collect()
    };
    let (in_a, mut in_b) = (starts(a), starts(b));
    if in_b.len() > MAX_OCCURRENCES {
        let rank = in_a.iter().position(|&k| k == i).unwrap();
        let target = (rank * in_b.len() / in_a.len()) as f64;
        // Nearest rank first; a tie goes to the lower rank (the earlier occurrence).
        let mut ranked: Vec<usize> = (0..in_b.len()).collect();
        ranked.sort_by(|&x, &y| {
            (x as f64 - target)
                .abs()
                .total_cmp(&(y as f64 - target).abs())
                .then(x.cmp(&y))
        });
        let mut kept: Vec<usize> = ranked[..MAX_OCCURRENCES].iter().map(|&r| in_b[r]).collect();
        kept.sort_unstable();
        in_b = kept;
    }
    in_b
}

fn sorted(mut runs: Vec<Run>) -> Vec<(usize, usize, usize)> {
    let mut v: Vec<_> = runs
        .drain(..)
        .map(|r| (r.a_start, r.b_start, r.len))
        .collect();
    v.sort_unstable();
    v
}

/// Texts over a tiny alphabet, so that shared runs are common.
fn words(alphabet: u64, max: usize) -> impl Strategy<Value = Vec<u64>> {
    prop::collection::vec(0..alphabet, 0..max)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn exact_runs_match_the_reference(
        a in words(3, 60),
        b in words(3, 60),
        n in 1usize..5,
    ) {
        prop_assert_eq!(sorted(exact_runs(&a, &b, n)), sorted(reference_runs(&a, &b, n)));
    }

    /// Two letters and long texts: shingles past the cap in almost every case.
    #[test]
    fn repetitive_runs_match_the_reference(
        a in words(2, 160),
        b in words(2, 160),
        n in 1usize..4,
    ) {
        prop_assert_eq!(sorted(exact_runs(&a, &b, n)), sorted(reference_runs(&a, &b, n)));
    }

    #[test]
    fn a_text_against_itself_is_one_run(a in words(50, 80), n in 1usize..4) {
        let runs = exact_runs(&a, &a, n);
        if a.len() >= n {
            let whole = Run { a_start: 0, b_start: 0, len: a.len() };
            prop_assert!(runs.contains(&whole));
        } else {
            prop_assert!(runs.is_empty());
        }
    }

    #[test]
    fn passages_stay_inside_both_texts(a in "\\PC{0,300}", b in "\\PC{0,300}") {
        check_passages(&a, &b, &AlignOptions::default());
        check_passages(&a, &b, &AlignOptions::pan());
    }

    #[test]
    fn passages_from_few_words_stay_inside(
        a in prop::collection::vec(prop::sample::select(vec!["the", "cat", "sat", ".", "Dog", "é", "\n", "ran", "!"]), 0..200),
        b in prop::collection::vec(prop::sample::select(vec!["the", "cat", "sat", ".", "Dog", "é", "\n", "ran", "!"]), 0..200),
    ) {
        let (a, b) = (a.join(" "), b.join(" "));
        check_passages(&a, &b, &AlignOptions { min_passage_words: 1, ..AlignOptions::default() });
    }

    #[test]
    fn plagdet_of_the_truth_is_one(
        cases in prop::collection::vec((0usize..10_000, 1usize..500, 0usize..10_000, 1usize..500), 1..5)
    ) {
        let cases: Vec<Annotation> = cases
            .into_iter()
            .map(|(t, tl, s, sl)| Annotation { this_offset: t, this_length: tl, source_offset: s, source_length: sl })
            .collect();
        let s = score(&[PairResult { cases: cases.clone(), detections: cases.clone() }]);
        prop_assert!((s.recall - 1.0).abs() < 1e-9);
        prop_assert!((s.precision - 1.0).abs() < 1e-9);
        prop_assert!(s.granularity >= 1.0);
    }
}

fn check_passages(a: &str, b: &str, options: &AlignOptions) {
    let (da, db) = (Doc::new(a), Doc::new(b));
    for p in align(&da, &db, options) {
        assert!(p.a.start < p.a.end && p.a.end <= a.len(), "{p:?}");
        assert!(p.b.start < p.b.end && p.b.end <= b.len(), "{p:?}");
        assert!(a.is_char_boundary(p.a.start) && a.is_char_boundary(p.a.end));
        assert!(b.is_char_boundary(p.b.start) && b.is_char_boundary(p.b.end));
        assert!((0.0..=1.0).contains(&p.score), "{p:?}");
    }
}

#[test]
fn a_copied_paragraph_is_found_with_its_edges() {
    let shared = "The committee voted on Tuesday to delay the project by two years, citing rising costs and a shortage of skilled workers in the region.";
    let a = format!("Weather was fine in the morning and people went out. {shared} Other news followed later in the day.");
    let b = format!("A new bakery opened on the corner of the main square. {shared} Nobody expected that outcome at all.");
    let passages = align(&Doc::new(&a), &Doc::new(&b), &AlignOptions::default());
    assert_eq!(passages.len(), 1, "{passages:?}");
    let p = &passages[0];
    assert_eq!(&a[p.a.start..p.a.end], &shared[..shared.len() - 1]);
    assert_eq!(&b[p.b.start..p.b.end], &shared[..shared.len() - 1]);
    assert_eq!(p.score, 1.0);
}

#[test]
fn unrelated_texts_share_nothing() {
    let a = "Rain fell over the harbour while fishermen mended their nets and waited for the tide.";
    let b = "The orchestra rehearsed a new symphony for the festival opening next spring.";
    assert!(align(&Doc::new(a), &Doc::new(b), &AlignOptions::default()).is_empty());
}
