//! Exact runs of shared words, and their chaining into passages.

use std::collections::HashMap;

/// A run of words equal in both texts: `a[a_start..a_start+len] == b[b_start..b_start+len]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub a_start: usize,
    pub b_start: usize,
    pub len: usize,
}

/// Runs joined into one passage: word ranges in both texts, and how many words matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chain {
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
    pub matched: usize,
}

impl Chain {
    pub fn a_len(&self) -> usize {
        self.a_end - self.a_start
    }
    pub fn b_len(&self) -> usize {
        self.b_end - self.b_start
    }
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

/// Joins runs that follow each other in both texts with at most `max_gap` words
/// between them; runs that would cross an earlier chain start a new one.
pub fn chain(mut runs: Vec<Run>, max_gap: usize) -> Vec<Chain> {
    runs.sort_by_key(|r| (r.a_start, r.b_start));
    let mut chains: Vec<Chain> = Vec::new();
    for run in runs {
        let joined = chains.iter_mut().rev().take(8).find(|c| {
            run.a_start >= c.a_end
                && run.b_start >= c.b_end
                && run.a_start - c.a_end <= max_gap
                && run.b_start - c.b_end <= max_gap
        });
        match joined {
            Some(c) => {
                c.a_end = run.a_start + run.len;
                c.b_end = run.b_start + run.len;
                c.matched += run.len;
            }
            None => chains.push(Chain {
                a_start: run.a_start,
                a_end: run.a_start + run.len,
                b_start: run.b_start,
                b_end: run.b_start + run.len,
                matched: run.len,
            }),
        }
    }
    chains
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

    #[test]
    fn chains_runs_across_a_small_gap() {
        let runs = vec![
            Run {
                a_start: 0,
                b_start: 0,
                len: 5,
            },
            Run {
                a_start: 7,
                b_start: 6,
                len: 5,
            },
        ];
        let chains = chain(runs, 3);
        assert_eq!(chains.len(), 1);
        assert_eq!(chains[0].matched, 10);
        assert_eq!((chains[0].a_end, chains[0].b_end), (12, 11));
    }
}
