//! A fragment's passage(s): the sentences it spans, or, for a verbatim copy, the
//! stretches of its exact runs (so that its edges are the copy's, not its
//! sentences').

use super::matches::{exact_runs, Run};
use super::sentences::Fragment;
use super::{AlignOptions, Doc, Passage};
use crate::sort;

/// The passage(s) of a fragment: one, or for a verbatim copy one per stretch of
/// exact runs.
pub(super) fn passages(a: &Doc, b: &Doc, f: &Fragment, options: &AlignOptions) -> Vec<Passage> {
    let words = |d: &Doc, (first, last): (u32, u32)| {
        (
            d.sentences[first as usize].first,
            d.sentences[last as usize].end,
        )
    };
    let (ra, rb) = (words(a, f.a_range()), words(b, f.b_range()));
    match verbatim_stretches(a, ra, b, rb, options) {
        Some(stretches) => stretches
            .into_iter()
            .map(|(wa, wb, matched)| Passage {
                a: a.word_span(wa.0, wa.1 - 1),
                b: b.word_span(wb.0, wb.1 - 1),
                score: matched as f64 / (wa.1 - wa.0).max(wb.1 - wb.0) as f64,
            })
            .collect(),
        None => vec![Passage {
            a: a.word_span(ra.0, ra.1 - 1),
            b: b.word_span(rb.0, rb.1 - 1),
            score: f.sim,
        }],
    }
}

/// A word range in each text, and how many of its words are in exact runs.
type Stretch = ((usize, usize), (usize, usize), usize);

/// For a verbatim copy (most of its words in exact runs), the stretches of its
/// runs: sentence edges often hold a few words, or a whole neighbouring sentence,
/// that belong to neither passage, and a paragraph that only one text has (a
/// notice, a caption) splits it. `None` for an edited copy, whose edges were
/// edited too.
fn verbatim_stretches(
    a: &Doc,
    ra: (usize, usize),
    b: &Doc,
    rb: (usize, usize),
    options: &AlignOptions,
) -> Option<Vec<Stretch>> {
    let params = &options.params;
    let ha: Vec<u64> = a.words[ra.0..ra.1].iter().map(|w| w.hash).collect();
    let hb: Vec<u64> = b.words[rb.0..rb.1].iter().map(|w| w.hash).collect();
    let mut runs = consistent(exact_runs(&ha, &hb, params.trim_run), params.max_trim_runs);
    sort::by_key(&mut runs, |r| r.a_start);
    let run_count = runs.len();
    let mut stretches: Vec<Stretch> = Vec::new();
    for r in runs {
        let ea = (ra.0 + r.a_start, ra.0 + r.a_start + r.len);
        let eb = (rb.0 + r.b_start, rb.0 + r.b_start + r.len);
        match stretches.last_mut() {
            Some((sa, sb, matched))
                if ea.0 - sa.1 <= params.split_gap
                    && eb.0 >= sb.1
                    && eb.0 - sb.1 <= params.split_gap =>
            {
                sa.1 = ea.1;
                sb.1 = eb.1;
                *matched += r.len;
            }
            _ => stretches.push((ea, eb, r.len)),
        }
    }
    let covered: usize = stretches.iter().map(|s| s.2).sum();
    let extent: usize = stretches.iter().map(|s| s.0 .1 - s.0 .0).sum();
    let verbatim = !stretches.is_empty()
        && covered as f64 >= params.verbatim_share * extent as f64
        && (options.exact_edges
            || (covered as f64 >= params.min_run_share * ha.len().min(hb.len()) as f64
                && covered >= params.mean_run_words * run_count));
    verbatim.then_some(stretches)
}

/// The longest runs that keep one order in both texts: a phrase repeated elsewhere
/// in the fragment must not stretch it.
fn consistent(mut runs: Vec<Run>, most: usize) -> Vec<Run> {
    sort::by_key(&mut runs, |r| std::cmp::Reverse(r.len));
    // Runs beyond the longest `most` do not change a passage's edges much.
    runs.truncate(most);
    let mut kept: Vec<Run> = Vec::new();
    for r in runs {
        let fits = kept.iter().all(|k| {
            (r.a_start + r.len <= k.a_start && r.b_start + r.len <= k.b_start)
                || (k.a_start + k.len <= r.a_start && k.b_start + k.len <= r.b_start)
        });
        if fits {
            kept.push(r);
        }
    }
    kept
}
