//! Native throughput of the text engine: tokenize + count on 5 MiB of English prose
//! (the PAN 2013 suspicious documents, concatenated in sorted order, the same text
//! benches/termfreq.mjs feeds the wasm build and wink-nlp).
//!
//! `cargo bench --bench text` (or `make bench`). Prints MB/s and tokens/s; a
//! benchmark, not a timed test: it asserts what it counts, never how fast.

mod support;

use std::path::Path;
use std::time::Duration;

use support::best;

use parallax::internals::analyzer_options;
use parallax::internals::text::{self, stats, TokenizeOptions};
use parallax::TextOptions;

/// 5 MiB.
const CORPUS_BYTES: usize = 5 * 1024 * 1024;
const RUNS: usize = 15;

fn corpus() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pan13-train/susp");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut bytes = Vec::with_capacity(CORPUS_BYTES + 100_000);
    for name in names {
        if bytes.len() >= CORPUS_BYTES {
            break;
        }
        bytes.extend(std::fs::read(name).unwrap());
        bytes.push(b'\n');
    }
    bytes.truncate(CORPUS_BYTES);
    String::from_utf8_lossy(&bytes).into_owned()
}

fn report(what: &str, bytes: usize, tokens: usize, time: Duration) {
    let secs = time.as_secs_f64();
    println!(
        "{what:<44} {:>8.1} MB/s {:>8.2} M tokens/s  ({:.1} ms, {tokens} tokens)",
        bytes as f64 / 1e6 / secs,
        tokens as f64 / 1e6 / secs,
        secs * 1e3
    );
}

fn main() {
    let text = corpus();
    println!(
        "corpus: {} bytes ({:.2} MB) of ../shared/data/pan13-train/susp, best of {RUNS} runs, one core",
        text.len(),
        text.len() as f64 / 1e6
    );

    // Stages 1-4 and a count of every term: the tokenizer's own speed.
    let (time, counts) = best(RUNS, || stats::count_text(&text, false));
    let tokens: usize = counts.values().sum();
    let naive = text::tokens(&text, &TokenizeOptions::default()).count();
    assert_eq!(tokens, naive, "the count covers every token");
    assert!(
        tokens > 800_000,
        "5 MB of English prose has ~1M words, got {tokens}"
    );
    report("tokenize + count (every word)", text.len(), tokens, time);
    let (time, _) = best(RUNS, || {
        stats::count(text::tokens(&text, &TokenizeOptions::default()))
    });
    report(
        "tokenize + count, Token iterator (naive twin)",
        text.len(),
        tokens,
        time,
    );

    // What the termFrequencies export does: detection, stop words, count, sort.
    let (time, freqs) = best(RUNS, || {
        text::term_frequencies(
            &text,
            &analyzer_options(&TextOptions::default(), true).unwrap(),
        )
    });
    let content: usize = freqs.iter().map(|t| t.count).sum();
    assert!(
        content < tokens && content > tokens / 3,
        "stop words dropped: {content}"
    );
    assert!(freqs.windows(2).all(|w| w[0].count >= w[1].count));
    report(
        "termFrequencies (stop words out, sorted)",
        text.len(),
        tokens,
        time,
    );

    let stem = TextOptions {
        stem: Some(true),
        ..TextOptions::default()
    };
    let stem = analyzer_options(&stem, true).unwrap();
    let (time, _) = best(RUNS, || text::term_frequencies(&text, &stem));
    report(
        "termFrequencies with Snowball stems",
        text.len(),
        tokens,
        time,
    );

    // Where the time goes: stage 1 alone, then stages 1-3.
    let (time, n) = best(RUNS, || text::segment::segments(&text).count());
    report("stage 1 alone (segment)", text.len(), n, time);
    let (time, n) = best(RUNS, || text::segments(&text).count());
    report("stages 1-3 (segment, news joins, CJK)", text.len(), n, time);

    // UAX #29 alone, as unicode-segmentation does it: the floor the fast path beats.
    let (time, n) = best(RUNS, || {
        use unicode_segmentation::UnicodeSegmentation;
        text.unicode_word_indices().count()
    });
    report(
        "unicode_word_indices alone (reference)",
        text.len(),
        n,
        time,
    );
}
