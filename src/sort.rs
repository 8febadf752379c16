//! Every sort in the library, stable, and small in the wasm builds.
//!
//! The standard library's sorts are fast and large: each call site's element type
//! and comparator gets its own copy of driftsort or ipnsort, several kilobytes of
//! code each. The lean wasm engine carried some forty of them, a quarter of its
//! code (`twiggy top` on `target/lean/parallax_bg.wasm`). In wasm one small merge
//! sort does the work: [`all`] sorts plain values with it directly (one copy per
//! value type: integers and tuples of them, where the engines' large sorts are),
//! [`by_key`] sorts (key, position) pairs with it (one copy per key type: the
//! keys compare inline, where a hot sort needs it), and [`by`] sorts the items'
//! positions with it, the comparator behind `dyn` (one copy for the whole binary);
//! then the items are moved into that order ([`permute`], a few lines per type).
//! Natively, where size does not matter, they are the standard library's stable
//! sorts.
//!
//! All are stable, so every build puts items that compare equal in the same
//! order, the one they came in: the lean and the full engine, the CLI and the
//! wasm answer alike. That is why there is no unstable sort here.

use std::cmp::Ordering;

/// Sorts `items`, plain values (`Copy`), by their own order (the standard
/// library's stable sort). Sort values that are not `Copy` with [`by`] and `Ord::cmp`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn all<T: Ord + Copy>(items: &mut [T]) {
    items.sort();
}

/// Sorts `items`, plain values (`Copy`), by their own order: moved directly by the
/// merge sort, no positions. Sort values that are not `Copy` with [`by`] and `Ord::cmp`.
#[cfg(target_arch = "wasm32")]
pub(crate) fn all<T: Ord + Copy>(items: &mut [T]) {
    merge_sort(items, &mut T::cmp);
}

/// Sorts `items` by `key`, a plain value (the standard library's stable sort).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn by_key<T, K: Ord + Copy>(items: &mut [T], key: impl FnMut(&T) -> K) {
    items.sort_by_key(key);
}

/// Sorts `items` by `key`, a plain value: see [`by_keys`].
#[cfg(target_arch = "wasm32")]
pub(crate) fn by_key<T, K: Ord + Copy>(items: &mut [T], key: impl FnMut(&T) -> K) {
    by_keys(items, key);
}

/// [`by_key`] as wasm builds it, whatever the target (so native tests check it):
/// each item's key paired with its position, the pairs sorted as plain values by
/// the merge sort (the keys compare inline: no call behind `dyn` per comparison,
/// which made the sorts of "what each adds" 40 % of a slider's answer on 100
/// articles), then the items moved. The position breaks ties, so it is stable.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn by_keys<T, K: Ord + Copy>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let mut keyed: Vec<(K, usize)> = items.iter().map(&mut key).zip(0..).collect();
    merge_sort(&mut keyed, &mut <(K, usize)>::cmp);
    permute(items, keyed.into_iter().map(|(_, place)| place).collect());
}

/// Sorts `items` by `key`, computed once per item (keys that cost something).
pub(crate) fn by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = order_of(items.len(), &mut |&i, &j| keys[i].cmp(&keys[j]));
    permute(items, order);
}

/// Sorts `items` by `compare` (the standard library's stable sort).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    items.sort_by(compare);
}

/// Sorts `items` by `compare`: their positions sorted (one call behind `dyn` per
/// comparison), then the items moved.
#[cfg(target_arch = "wasm32")]
pub(crate) fn by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    by_positions(items, compare);
}

/// [`by`] as wasm builds it, whatever the target (so native tests check it).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn by_positions<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = order_of(items.len(), &mut |&i, &j| compare(&items[i], &items[j]));
    permute(items, order);
}

/// The positions `0..n` in the stable order `compare` gives them.
fn order_of(n: usize, compare: &mut dyn FnMut(&usize, &usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    merge_sort(&mut order, &mut &mut *compare);
    order
}

/// Runs this long are sorted by insertion before the merges.
const RUN: usize = 16;

/// A stable sort of plain values: insertion sort of short runs, then bottom-up
/// merges between `items` and a copy of them (scratch of the same size, as the
/// standard stable sort takes up to 8 MB), each merge skipped when its halves are
/// already in order (so sorted input costs about one comparison per item). Small,
/// so each type it is used for costs little (the positions' sort is one of them).
fn merge_sort<T: Copy>(items: &mut [T], compare: &mut impl FnMut(&T, &T) -> Ordering) {
    for run in items.chunks_mut(RUN) {
        insertion_sort(run, compare);
    }
    let n = items.len();
    if n <= RUN {
        return;
    }
    let mut spare = items.to_vec();
    let (mut from, mut to): (&mut [T], &mut [T]) = (items, &mut spare);
    let mut width = RUN;
    let mut swapped = false;
    while width < n {
        for (pairs, out) in from.chunks(2 * width).zip(to.chunks_mut(2 * width)) {
            let (left, right) = pairs.split_at(width.min(pairs.len()));
            merge(left, right, out, compare);
        }
        std::mem::swap(&mut from, &mut to);
        swapped = !swapped;
        width *= 2;
    }
    if swapped {
        // The sorted values are in the copy; `to` is `items` again.
        to.copy_from_slice(from);
    }
}

/// Each item taken out and the greater ones before it shifted up one place.
fn insertion_sort<T: Copy>(run: &mut [T], compare: &mut impl FnMut(&T, &T) -> Ordering) {
    for i in 1..run.len() {
        let item = run[i];
        let mut j = i;
        while j > 0 && compare(&run[j - 1], &item) == Ordering::Greater {
            run[j] = run[j - 1];
            j -= 1;
        }
        run[j] = item;
    }
}

/// `left` then `right` merged into `out`; on a tie `left`'s item first (stable).
fn merge<T: Copy>(
    left: &[T],
    right: &[T],
    out: &mut [T],
    compare: &mut impl FnMut(&T, &T) -> Ordering,
) {
    let in_order = match (left.last(), right.first()) {
        (Some(last), Some(first)) => compare(last, first) != Ordering::Greater,
        _ => true,
    };
    if in_order {
        out[..left.len()].copy_from_slice(left);
        out[left.len()..].copy_from_slice(right);
        return;
    }
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        // A choice of value rather than of branch: which side comes next is a
        // coin toss on unsorted input, and a mispredicted branch costs more than
        // the copy (the merges of `stats::sorted_terms` in wasm: a fifth less time).
        let right_first = compare(&left[i], &right[j]) == Ordering::Greater;
        out[k] = if right_first { right[j] } else { left[i] };
        j += usize::from(right_first);
        i += usize::from(!right_first);
        k += 1;
    }
    // One side is used up: the rest of the other follows as it is.
    let rest = if i < left.len() {
        &left[i..]
    } else {
        &right[j..]
    };
    out[k..].copy_from_slice(rest);
}

/// Moves `items[order[k]]` to place `k`, following each cycle of the permutation
/// with swaps (no copy of an item, so no `Clone` needed); `order` marks what is done.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut place = start;
        while order[place] != start {
            let from = order[place];
            items.swap(place, from);
            order[place] = place;
            place = from;
        }
        order[place] = place;
    }
}

// proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The wasm path, natively: the order of positions applied to the items.
    fn wasm_sorted(mut items: Vec<(u8, u16)>) -> Vec<(u8, u16)> {
        by_positions(&mut items, |a, b| a.0.cmp(&b.0));
        items
    }

    proptest! {
        /// Keys with many ties (a `u8` of few values), tagged with their place, so
        /// a tie put out of its input order shows.
        #[test]
        fn merge_sort_is_the_standard_stable_sort(keys in prop::collection::vec(0u8..6, 0..300)) {
            let items: Vec<(u8, u16)> = keys.iter().enumerate().map(|(i, &k)| (k, i as u16)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            prop_assert_eq!(wasm_sorted(items), expected);
        }

        #[test]
        fn values_sort_is_the_standard_stable_sort(keys in prop::collection::vec(0u8..6, 0..300)) {
            let mut items: Vec<(u8, u16)> = keys.iter().enumerate().map(|(i, &k)| (k, i as u16)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            merge_sort(&mut items, &mut |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(items, expected);
        }

        /// Both key sorts: the keys paired with positions, and the keys cached.
        #[test]
        fn key_sorts_are_the_standard_stable_sort(keys in prop::collection::vec(0u8..6, 0..300)) {
            let items: Vec<(u8, u16)> = keys.iter().enumerate().map(|(i, &k)| (k, i as u16)).collect();
            let key = |item: &(u8, u16)| std::cmp::Reverse(item.0);
            let mut expected = items.clone();
            expected.sort_by_key(key);
            let (mut paired, mut cached) = (items.clone(), items);
            by_keys(&mut paired, key);
            by_cached_key(&mut cached, key);
            prop_assert_eq!(&paired, &expected);
            prop_assert_eq!(&cached, &expected);
        }
    }

    #[test]
    fn sorted_and_reversed_input() {
        let ascending: Vec<(u8, u16)> = (0..1000u16).map(|i| ((i / 7) as u8, i)).collect();
        let mut descending = ascending.clone();
        descending.reverse();
        let mut expected = descending.clone();
        expected.sort_by_key(|item| item.0);
        assert_eq!(wasm_sorted(ascending.clone()), ascending);
        assert_eq!(wasm_sorted(descending), expected);
    }
}
