//! Native throughput of the text engine: tokenize + count on 5 MiB of English prose
//! (the PAN 2013 suspicious documents, concatenated in sorted order, the same text
//! benches/termfreq.mjs feeds the wasm build and wink-nlp).
//!
//! Then the per-article workload of benches/termfreq.mjs (the documents of 5–20 KB,
//! one call each, until 5 MB): `tokenize` and `termFrequencies` natively, the
//! Rust side of what the wasm exports do; and language detection on its bounded
//! sample against the whole text: time per article, and on how many documents
//! (PAN's 5,057, the article-extraction set's 181 bodies, the seeds) the two
//! answers differ; and how many samples the English marker words decide before
//! the trigram profiles are read, and where the profiles alone would differ.
//!
//! `cargo bench --bench text` (or `make bench`); from a git worktree,
//! `PARALLAX_SHARED=/path/to/shared cargo bench --bench text`. Prints MB/s and
//! tokens/s; a benchmark, not a timed test: it asserts what it counts, never how fast.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use support::best;

use parallax::internals::analyzer_options;
use parallax::internals::text::{self, language, stats, TokenizeOptions};
use parallax::TextOptions;

/// 5 MiB.
const CORPUS_BYTES: usize = 5 * 1024 * 1024;
const RUNS: usize = 15;

/// The per-article workload: documents of this many bytes, until 5 MB.
const ARTICLE_BYTES: std::ops::RangeInclusive<usize> = 5_000..=20_000;

/// The shared data: `../shared` beside the checkout, or `$PARALLAX_SHARED` (a git
/// worktree elsewhere).
fn data(path: &str) -> PathBuf {
    let root = std::env::var_os("PARALLAX_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    );
    root.join(path)
}

/// The `.txt` files of `dir`, sorted.
fn texts_in(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
}

fn corpus() -> String {
    let names = texts_in(&data("data/pan13-train/susp"));
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

/// The suspicious documents of news size, in sorted order, until 5 MB (decoded
/// lossily, as TextDecoder does in benches/termfreq.mjs).
fn articles() -> Vec<String> {
    let mut out = Vec::new();
    let mut size = 0;
    for name in texts_in(&data("data/pan13-train/susp")) {
        if size >= 5_000_000 {
            break;
        }
        let bytes = std::fs::read(name).unwrap();
        if ARTICLE_BYTES.contains(&bytes.len()) {
            size += bytes.len();
            out.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    out
}

fn per_article() {
    let articles = articles();
    let bytes: usize = articles.iter().map(String::len).sum();
    println!(
        "\nper article: {} documents of 5-20 KB, {bytes} bytes, one call each",
        articles.len()
    );
    let english = TextOptions {
        language: Some("en".into()),
        ..TextOptions::default()
    };
    let every = |f: &dyn Fn(&str) -> usize| articles.iter().map(|a| f(a)).sum::<usize>();
    let (time, words) = best(RUNS, || {
        every(&|a| {
            parallax::tokenize(a, &TextOptions::default())
                .unwrap()
                .len()
        })
    });
    report("tokenize (api, UTF-16 offsets)", bytes, words, time);
    let (time, n) = best(RUNS, || {
        every(&|a| parallax::tokenize(a, &english).unwrap().len())
    });
    assert_eq!(n, words);
    report("tokenize, language: en", bytes, words, time);
    let count = |a: &str, o: &TextOptions| -> usize {
        let terms = parallax::term_frequencies(a, o).unwrap();
        terms.iter().map(|t| t.count).sum()
    };
    let (time, n) = best(RUNS, || every(&|a| count(a, &TextOptions::default())));
    assert!(n > words / 3 && n < words, "stop words dropped: {n}");
    report("termFrequencies", bytes, words, time);
    let (time, _) = best(RUNS, || every(&|a| count(a, &english)));
    report("termFrequencies, language: en", bytes, words, time);
    for (what, sample) in [("whole text", usize::MAX), ("1 KB sample", 1024)] {
        let (time, n) = best(RUNS, || {
            articles
                .iter()
                .filter(|a| language::detect_sampled(a, sample).is_some())
                .count()
        });
        assert_eq!(n, articles.len());
        report(&format!("language detection, {what}"), bytes, n, time);
    }
    let (time, n) = best(RUNS, || {
        articles
            .iter()
            .filter(|a| language::detect_by_profiles(a, 1024).is_some())
            .count()
    });
    assert_eq!(n, articles.len());
    report("language detection, 1 KB, profiles only", bytes, n, time);
}

/// How many of `texts` the English marker words decide on their 1 KB sample, and
/// on how many of those the trigram profiles alone answer otherwise.
fn markers_row(texts: &[String]) -> String {
    let decided: Vec<&String> = texts
        .iter()
        .filter(|t| language::decided_by_markers(t, 1024))
        .collect();
    let differ = decided
        .iter()
        .filter(|t| language::detect_by_profiles(t, 1024) != Some("en"))
        .count();
    format!(
        "English markers decide {} of {} (the profiles alone differ on {differ})",
        decided.len(),
        texts.len()
    )
}

/// On how many documents detection on a sample of `bytes` differs from detection
/// on the whole text, for PAN's documents, the article-extraction bodies and the
/// seeds; the languages found; and what the English marker words decide.
fn agreement(samples: &[usize]) {
    let mut sets: Vec<(&str, Vec<String>)> = Vec::new();
    let pan: Vec<String> = ["data/pan13-train/susp", "data/pan13-train/src"]
        .iter()
        .flat_map(|d| texts_in(&data(d)))
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
        .collect();
    sets.push(("PAN 2013 susp+src", pan));
    let truth = std::fs::read_to_string(data("data/article-extraction/ground-truth.json"))
        .expect("article-extraction ground truth");
    let truth: serde_json::Value = serde_json::from_str(&truth).unwrap();
    let bodies = truth
        .as_object()
        .unwrap()
        .values()
        .filter_map(|v| v["articleBody"].as_str().map(String::from))
        .collect();
    sets.push(("article-extraction bodies", bodies));
    let seeds = texts_in(&data("seeds"))
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    sets.push(("seeds", seeds));
    println!("\nlanguage detection on a sample against the whole text (documents that differ)");
    for (what, texts) in &sets {
        let whole: Vec<_> = texts
            .iter()
            .map(|t| language::detect_sampled(t, usize::MAX))
            .collect();
        let longer = texts.iter().filter(|t| t.len() > samples[0]).count();
        let mut row = format!(
            "  {what:<28} {:>5} documents ({longer} longer than {} B)",
            texts.len(),
            samples[0]
        );
        for &bytes in samples {
            let differ = texts
                .iter()
                .zip(&whole)
                .filter(|(t, w)| language::detect_sampled(t, bytes) != **w)
                .count();
            row += &format!("; {} B: {differ} differ", bytes);
        }
        let mut languages: Vec<_> = whole.iter().map(|l| l.unwrap_or("none")).collect();
        languages.sort();
        languages.dedup();
        println!("{row}; languages {}", languages.join(" "));
        println!("  {:<28} {}", "", markers_row(texts));
    }
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
    let tokens: usize = counts.iter().map(|(_, n)| n).sum();
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

    per_article();
    agreement(&[1024, 2048, 4096]);
}
