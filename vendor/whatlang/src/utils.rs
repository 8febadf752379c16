use std::cmp::Ordering;

// Is it space, punctuation or digit?
// Stop character is a character that does not give any value for script
// or language detection.
#[inline]
pub fn is_stop_char(ch: char) -> bool {
    matches!(ch, '\u{0000}'..='\u{0040}' | '\u{005B}'..='\u{0060}' | '\u{007B}'..='\u{007E}')
}

/// Sorts `items` stably by `compare`.
///
/// Parallax's fork: whatlang's seven calls of the standard library's sorts were
/// seven copies of ipnsort or driftsort in the wasm, 35 kB of code (unstable,
/// they ordered tied scores by the algorithm's choice). This sorts the items'
/// positions with one small merge sort, the comparator behind `dyn` (one copy for
/// the crate), then moves the items: ties keep their input order.
pub(crate) fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|at| slots[at].take()));
}

/// [`merge_sort`] of positions by a comparator behind `dyn`: one copy, kept out
/// of line so that the seven callers do not each inline their own.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    merge_sort(order, |&a, &b| compare(a, b) == Ordering::Less);
}

/// Sorts `keys` from the largest down: for the one sort that runs over every
/// text's trigrams, whose keys pack into integers, without [`sort_by`]'s
/// indirection (it was 40 % of a detection's time).
pub(crate) fn sort_keys_descending(keys: &mut [u128]) {
    merge_sort(keys, |a, b| a > b);
}

/// Stable bottom-up merge sort of `items` by `less`: insertion-sorted runs of
/// eight, then merges of runs twice as long each pass.
fn merge_sort<T: Copy>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    const RUN: usize = 8;
    for run in items.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && less(&run[j], &run[j - 1]) {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let n = items.len();
    let mut merged = items.to_vec();
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut i, mut j, mut k) = (start, mid, start);
            // Parallax's fork: a choice of value, not of branch, while both sides
            // last (which side comes next is a coin toss, and a mispredicted
            // branch costs more than the copy); then the rest of the other side.
            while i < mid && j < end {
                let (left, right) = (items[i], items[j]);
                let take_right = less(&right, &left);
                merged[k] = if take_right { right } else { left };
                j += usize::from(take_right);
                i += usize::from(!take_right);
                k += 1;
            }
            let rest = if i < mid {
                &items[i..mid]
            } else {
                &items[j..end]
            };
            merged[k..end].copy_from_slice(rest);
        }
        items.copy_from_slice(&merged);
        width *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_is_top_char() {
        // stop chars
        assert!(is_stop_char(' '));
        assert!(is_stop_char(','));
        assert!(is_stop_char('-'));
        assert!(is_stop_char('-'));
        assert!(is_stop_char('9'));
        assert!(is_stop_char('0'));

        // non-stop chars
        assert!(!is_stop_char('a'));
        assert!(!is_stop_char('z'));
        assert!(!is_stop_char('A')); // latin A
        assert!(!is_stop_char('Z'));
        assert!(!is_stop_char('я'));
        assert!(!is_stop_char('А')); // cyrillic A
    }

    #[test]
    fn sort_by_is_stable_and_sorted() {
        let mut items: Vec<(u32, usize)> = (0..100).map(|i| ((i * 37 % 11) as u32, i)).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|&(k, _)| k);
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, expected);
    }

    #[test]
    fn sort_keys_descending_is_the_reversed_standard_sort() {
        let mut keys: Vec<u128> = (0..1000u128)
            .map(|i| (i * 7919 % 613) << 70 | i % 5)
            .collect();
        let mut expected = keys.clone();
        expected.sort_unstable_by(|a, b| b.cmp(a));
        sort_keys_descending(&mut keys);
        assert_eq!(keys, expected);
    }
}
