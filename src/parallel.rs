//! Work over many articles or pairs, on every core when the feature `parallel` is
//! on (the CLI's build), one after the other otherwise (the wasm build, which
//! never carries rayon). Results come back in input order either way, so the
//! report is the same on any number of threads.

/// `f` over `items`, in order.
#[cfg(feature = "parallel")]
pub(crate) fn map<'a, T: Sync, R: Send>(
    items: &'a [T],
    f: impl Fn(&'a T) -> R + Sync + Send,
) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map(f).collect()
}

/// `f` over `items`, in order.
#[cfg(not(feature = "parallel"))]
pub(crate) fn map<'a, T, R>(items: &'a [T], f: impl Fn(&'a T) -> R) -> Vec<R> {
    items.iter().map(f).collect()
}

/// `items` sorted (unstably), on every core with the feature `parallel`.
#[cfg(feature = "parallel")]
pub(crate) fn sort_unstable<T: Ord + Copy + Send>(items: &mut [T]) {
    use rayon::prelude::*;
    items.par_sort_unstable();
}

/// `items` sorted, in this thread (`crate::sort`, small in wasm). For values
/// whose order is total (equal means the same), stable or not sorts alike.
#[cfg(not(feature = "parallel"))]
pub(crate) fn sort_unstable<T: Ord + Copy>(items: &mut [T]) {
    crate::sort::all(items);
}
