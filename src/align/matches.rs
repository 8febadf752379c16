//! Exact runs of shared words.

use std::collections::HashMap;

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

/// Occurrences of one shingle beyond this many in `b` are ignored, so that a text
/// repeating itself cannot make the search quadratic.
const MAX_OCCURRENCES: usize = 32;

/// The maximal runs of at least `n` equal words, found through hashed `n`-grams.
pub fn exact_runs(a: &[u64], b: &[u64], n: usize) -> Vec<Run> {
    if a.len() < n || b.len() < n {
        return Vec::new();
    }
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for j in 0..=b.len() - n {
        let list = index.entry(shingle_hash(&b[j..j + n])).or_default();
        if list.len() < MAX_OCCURRENCES {
            list.push(j);
        }
    }
    let mut runs = Vec::new();
    for i in 0..=a.len() - n {
        let Some(list) = index.get(&shingle_hash(&a[i..i + n])) else {
            continue;
        };
        for &j in list {
            // A run that started earlier on the same diagonal already covers (i, j).
            if i > 0 && j > 0 && a[i - 1] == b[j - 1] {
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

fn shingle_hash(words: &[u64]) -> u64 {
    words.iter().fold(0u64, |h, w| {
        h.rotate_left(5).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ w
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
