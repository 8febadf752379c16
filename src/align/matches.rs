//! Exact runs of shared words.
//!
//! A run is found from its first pair of words only (the pair before it differs,
//! or one text starts there), so a long shared stretch costs its length once, not
//! once per word. Repetition is what could still make the search quadratic: in two
//! texts of one word repeated, every pair of positions starts or continues a run.
//! So from a position of `a` whose shingle `b` repeats more than
//! [`MAX_OCCURRENCES`] times, only that many occurrences are followed: those whose
//! rank among `b`'s occurrences matches the position's rank among `a`'s (the `k`-th
//! of 2,000 in `a` meets the ones around the `k`-th in `b`), so that two copies of a
//! repetitive text still meet on their diagonal.

use super::doc::HashedMap;

/// A run of words equal in both texts: `a[a_start..a_start+len] == b[b_start..b_start+len]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// First word in `a`.
    pub a_start: usize,
    /// First word in `b`.
    pub b_start: usize,
    /// Number of words.
    pub len: usize,
}

/// The most occurrences in `b` followed from one position of `a`.
pub const MAX_OCCURRENCES: usize = 32;

/// The maximal runs of at least `n` equal words, found through hashed `n`-grams,
/// that start at a pair of positions `(i, j)` where `j` is one of the occurrences
/// followed from `i`. Every maximal run when no shingle of `b` occurs more than
/// [`MAX_OCCURRENCES`] times. At most that many runs start at one position of `a`.
pub fn exact_runs(a: &[u64], b: &[u64], n: usize) -> Vec<Run> {
    if n == 0 || a.len() < n || b.len() < n {
        return Vec::new();
    }
    let a_shingles: Vec<u64> = shingles(a, n).collect();
    // Sized at once: growing the table step by step was a tenth of aligning a
    // large set's pairs.
    let mut in_a: HashedMap<Shingle> =
        HashedMap::with_capacity_and_hasher(a_shingles.len(), Default::default());
    for &h in &a_shingles {
        in_a.entry(h).or_default().in_a += 1;
    }
    let in_b = positions_in_b(&mut in_a, b, n);
    let mut runs = Vec::new();
    for (i, h) in a_shingles.into_iter().enumerate() {
        let Some(s) = in_a.get_mut(&h) else { continue };
        if s.in_b == 0 {
            continue;
        }
        let list = &in_b[s.first..s.first + s.in_b];
        let rank = s.seen;
        s.seen += 1;
        for &j in followed(list, rank, s.in_a) {
            // A run that starts earlier on the same diagonal already covers (i, j).
            if i > 0 && j > 0 && a.get(i - 1) == b.get(j - 1) {
                continue;
            }
            let len = a[i..]
                .iter()
                .zip(&b[j..])
                .take_while(|(x, y)| x == y)
                .count();
            if len >= n {
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

/// What [`exact_runs`] knows of one distinct shingle of `a`.
#[derive(Debug, Default, Clone, Copy)]
struct Shingle {
    /// Its occurrences in `a`.
    in_a: usize,
    /// Of those, how many have been followed so far (the next one's rank).
    seen: usize,
    /// Its occurrences in `b`: `in_b` of them, from `first` in the list of positions.
    first: usize,
    in_b: usize,
}

/// The positions in `b` of the shingles `in_a` has, ascending per shingle, as one
/// list; each shingle's `first` and `in_b` say where its own are. One list rather
/// than a list per shingle (an allocation per shared shingle, and a second table):
/// aligning 100 PAN documents natively went from 51-52 ms to 44-45.
fn positions_in_b(in_a: &mut HashedMap<Shingle>, b: &[u64], n: usize) -> Vec<usize> {
    // Only the shingles `a` has are ever looked up again: most pairs of a large set
    // share few.
    let mut hits: Vec<(usize, u64)> = Vec::new();
    for (j, h) in shingles(b, n).enumerate() {
        if let Some(s) = in_a.get_mut(&h) {
            s.in_b += 1;
            hits.push((j, h));
        }
    }
    let mut next = 0;
    for s in in_a.values_mut() {
        s.first = next;
        next += s.in_b;
        s.in_b = 0;
    }
    let mut positions = vec![0; hits.len()];
    for (j, h) in hits {
        if let Some(s) = in_a.get_mut(&h) {
            positions[s.first + s.in_b] = j;
            s.in_b += 1;
        }
    }
    positions
}

/// Of the `occurrences` of a shingle in `b` (ascending), the ones followed from its
/// `rank`-th of `count` occurrences in `a`: all of them, or the
/// [`MAX_OCCURRENCES`] whose ranks are nearest `rank * occurrences / count`.
fn followed(occurrences: &[usize], rank: usize, count: usize) -> &[usize] {
    let len = occurrences.len();
    if len <= MAX_OCCURRENCES {
        return occurrences;
    }
    let target = (rank as u128 * len as u128 / count.max(1) as u128) as usize;
    let start = target
        .saturating_sub(MAX_OCCURRENCES / 2)
        .min(len - MAX_OCCURRENCES);
    occurrences
        .get(start..start + MAX_OCCURRENCES)
        .unwrap_or(occurrences)
}

/// The hash of every `n` consecutive words, by start.
fn shingles(words: &[u64], n: usize) -> impl Iterator<Item = u64> + '_ {
    words.windows(n).map(|w| {
        w.iter().fold(0u64, |h, w| {
            h.rotate_left(5).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ w
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Holds `positions_in_b`'s one list to a list per shingle of `a` (how
    /// `exact_runs` kept them before): every shingle's positions in `b`, ascending.
    #[cfg(not(target_arch = "wasm32"))]
    fn same_positions(
        a: &[u64],
        b: &[u64],
        n: usize,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let mut in_a: HashedMap<Shingle> = HashedMap::default();
        for h in shingles(a, n) {
            in_a.entry(h).or_default().in_a += 1;
        }
        let list = positions_in_b(&mut in_a, b, n);
        for (h, s) in &in_a {
            let naive: Vec<usize> = shingles(b, n)
                .enumerate()
                .filter_map(|(j, g)| (g == *h).then_some(j))
                .collect();
            proptest::prop_assert_eq!(&list[s.first..s.first + s.in_b], &naive[..]);
        }
        Ok(())
    }

    // proptest needs an OS random source: property tests run natively only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        // From two distinct words, whose shingles repeat past MAX_OCCURRENCES, to
        // forty, where most shingles are in one text only.
        #[test]
        fn one_list_of_positions(
            (a, b, n) in proptest::strategy::Strategy::prop_flat_map(2u64..40, |words| (
                proptest::collection::vec(0..words, 0..400),
                proptest::collection::vec(0..words, 0..400),
                1usize..6,
            )),
        ) {
            same_positions(&a, &b, n)?;
        }
    }

    #[test]
    fn finds_a_shared_run() {
        let a = [1, 2, 3, 4, 5, 6, 7];
        let b = [9, 3, 4, 5, 6, 8];
        assert_eq!(
            exact_runs(&a, &b, 3),
            vec![Run {
                a_start: 2,
                b_start: 1,
                len: 4
            }]
        );
    }

    #[test]
    fn repetition_meets_on_the_diagonal() {
        let a = vec![7u64; 5000];
        let runs = exact_runs(&a, &a, 5);
        assert!(runs.contains(&Run {
            a_start: 0,
            b_start: 0,
            len: 5000
        }));
        // Runs start only near either text's start: linear, not 5000² / 2.
        let words: usize = runs.iter().map(|r| r.len).sum();
        assert!(words <= 2 * MAX_OCCURRENCES * a.len(), "{words}");
    }

    #[test]
    fn followed_occurrences_track_the_rank() {
        let list: Vec<usize> = (0..100).map(|k| 10 * k).collect();
        assert_eq!(followed(&list[..5], 3, 7), &list[..5]);
        assert_eq!(followed(&list, 0, 100), &list[..MAX_OCCURRENCES]);
        assert_eq!(followed(&list, 50, 100), &list[34..66]);
        assert_eq!(followed(&list, 99, 100), &list[100 - MAX_OCCURRENCES..]);
        // Half as many in `a`: its k-th meets `b`'s 2k-th.
        assert_eq!(followed(&list, 25, 50), &list[34..66]);
    }
}
