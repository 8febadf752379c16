//! `analyze` as the page calls it, and what the news engine adds to it.
//!
//! Three workloads: the five seed articles, and 100 and 1,000 news-sized articles
//! (the suspicious/source pairs of the PAN 2013 training corpus in the order of its
//! pairs file, whole documents, so that related pairs exist). For each: the best
//! timings of `analyze` with its throughput; where its time goes (canonical form,
//! boilerplate, term statistics, alignment, news, and the report's assembly as the
//! rest), each stage run on its own as `report::analyze` runs it; and the news
//! stages alone (boilerplate, then `news::answers`) on the same inputs the
//! report hands them, read once outside the timing. The bound: the news
//! stages (boilerplate included) add at most a third to the engines' time, i.e.
//! news / (analyze - news) <= 0.33; the benchmark prints that ratio.
//!
//! The totals go to target/analyze-bench.json, which benches/analyze.mjs (the same
//! workloads through wasm under Node) reads to print its wasm/native ratio.
//!
//! `cargo bench --bench analyze` (or `make bench-analyze`); from a git worktree,
//! `PARALLAX_SHARED=/path/to/shared cargo bench --bench analyze`. A benchmark, not
//! a timed test: it asserts what it computes, never how fast.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::best;

use parallax::align::{self, scores, AlignOptions, Doc};
use parallax::candidates::{self, CandidateOptions};
use parallax::{analyze, Article, Options, TextOptions};
use parallax::{canon, news, text};
use unicode_normalization::UnicodeNormalization;

const RUNS: usize = 7;

/// The shared data: `../shared` beside the checkout, or `$PARALLAX_SHARED` (a git
/// worktree elsewhere).
fn data(path: &str) -> PathBuf {
    let root = std::env::var_os("PARALLAX_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    );
    root.join(path)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seeds() -> Vec<Article> {
    let dir = data("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5, "the five seed articles");
    paths
        .iter()
        .map(|p| Article::new(p.file_stem().unwrap().to_string_lossy(), read(p)))
        .collect()
}

/// The first `count` documents of the PAN training corpus's pairs file (suspicious,
/// then source, each once), whole.
fn pan_articles(count: usize) -> Vec<Article> {
    let root = data("data/pan13-train");
    let pairs = read(&root.join("pairs"));
    let mut articles: Vec<Article> = Vec::new();
    for line in pairs.lines() {
        let mut names = line.split_whitespace();
        for (name, dir) in names.by_ref().zip(["susp", "src"]) {
            if articles.len() < count && !articles.iter().any(|a| a.id == name) {
                articles.push(Article::new(name, read(&root.join(dir).join(name))));
            }
        }
    }
    assert_eq!(articles.len(), count, "{count} PAN documents");
    articles
}

/// The news stages on what `analyze` would hand them (prepared untimed, as
/// `report::analyze` prepares it with the default options).
fn news_stages(articles: &[Article]) -> (Duration, Vec<(&'static str, Duration)>) {
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    let boilerplate = news::boilerplate::detect(&texts);
    let read: Vec<_> = texts
        .iter()
        .zip(&boilerplate)
        .map(|(t, lines)| news::without_boilerplate(t, lines))
        .collect();
    let read: Vec<&str> = read.iter().map(|t| t.as_ref()).collect();
    let docs: Vec<Doc> = read.iter().map(|t| Doc::new(t)).collect();
    let options = AlignOptions::default();
    let shingles: Vec<_> = docs
        .iter()
        .map(|d| scores::shingle_set(d, options.shingle))
        .collect();
    let (mut aligned, mut overlaps) = (Vec::new(), Vec::new());
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            aligned.push((i, j, align::align(&docs[i], &docs[j], &options)));
            overlaps.push(scores::overlap(&shingles[i], &shingles[j]));
        }
    }
    let input = news::Input {
        ids: &ids,
        texts: &texts,
        read: &read,
        docs: &docs,
        aligned: &aligned,
        overlaps: &overlaps,
        boilerplate: &boilerplate,
        boilerplate_excluded: true,
    };
    let (time, answers) = best(RUNS, || {
        (news::boilerplate::detect(&texts), news::answers(&input))
    });
    assert_eq!(answers.1.quotes.len(), articles.len());
    // Where the news stages' time goes: each stage's best over as many runs.
    let mut stages: Vec<(&'static str, Duration)> = Vec::new();
    for _ in 0..RUNS {
        let mut times = Vec::new();
        let mut last = Instant::now();
        news::boilerplate::detect(&texts);
        times.push(("boilerplate", last.elapsed()));
        last = Instant::now();
        news::answers_observed(&input, |stage| {
            times.push((stage, last.elapsed()));
            last = Instant::now();
        });
        if stages.is_empty() {
            stages = times;
        } else {
            for ((_, best), (_, time)) in stages.iter_mut().zip(times) {
                *best = (*best).min(time);
            }
        }
    }
    (time, stages)
}

/// `analyze`'s stages one after the other, each timed, as `report::analyze` runs
/// them with the default options (a replica built from the public modules; the
/// pair count is checked against the report's). The report's assembly is the rest.
fn stages(articles: &[Article], pairs_in_report: usize) -> Vec<(&'static str, Duration)> {
    let options = Options::default();
    let mut times = Vec::new();
    let mut last = Instant::now();
    let mut lap = |times: &mut Vec<(&'static str, Duration)>, stage| {
        times.push((stage, last.elapsed()));
        last = Instant::now();
    };
    let canonical: Vec<_> = articles
        .iter()
        .map(|a| canon::canonical(&a.text).0)
        .collect();
    let texts: Vec<&str> = canonical.iter().map(|t| t.as_ref()).collect();
    lap(&mut times, "canonical");
    let boilerplate = news::boilerplate::detect(&texts);
    let read: Vec<_> = texts
        .iter()
        .zip(&boilerplate)
        .map(|(t, lines)| news::without_boilerplate(t, lines))
        .collect();
    let read: Vec<&str> = read.iter().map(|t| t.as_ref()).collect();
    lap(&mut times, "boilerplate");
    let terms = text::corpus::analyze(
        &read,
        &TextOptions::default().analyzer(true),
        options.top_terms,
    );
    std::hint::black_box(&terms);
    lap(&mut times, "term stats");
    let docs: Vec<Doc> = read.iter().map(|t| Doc::new(t)).collect();
    lap(&mut times, "alignment: tokenize");
    let align_options = AlignOptions::default();
    let shingles: Vec<_> = docs
        .iter()
        .map(|d| scores::shingle_set(d, align_options.shingle))
        .collect();
    let vectors = scores::tfidf_vectors(&docs);
    let n = docs.len();
    let pairs: Vec<(usize, usize)> = if n <= options.all_pairs_up_to {
        (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect()
    } else {
        let default = CandidateOptions::default();
        let index = CandidateOptions {
            max_docs: default.max_docs.max(options.all_pairs_up_to),
            ..default
        };
        candidates::candidates(&docs, &index)
            .into_iter()
            .map(|c| (c.a, c.b))
            .collect()
    };
    assert_eq!(
        pairs.len(),
        pairs_in_report,
        "the replica aligns the report's pairs"
    );
    lap(&mut times, "alignment: scores, candidates");
    let (mut aligned, mut overlaps) = (Vec::new(), Vec::new());
    for (i, j) in pairs {
        overlaps.push(scores::overlap(&shingles[i], &shingles[j]));
        std::hint::black_box(scores::cosine(&vectors[i], &vectors[j]));
        aligned.push((i, j, align::align(&docs[i], &docs[j], &align_options)));
    }
    lap(&mut times, "alignment: align pairs");
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    let answers = news::answers(&news::Input {
        ids: &ids,
        texts: &texts,
        read: &read,
        docs: &docs,
        aligned: &aligned,
        overlaps: &overlaps,
        boilerplate: &boilerplate,
        boilerplate_excluded: true,
    });
    std::hint::black_box(&answers);
    lap(&mut times, "news");
    times
}

/// The best time of each stage over `runs` runs.
fn best_stages(
    runs: usize,
    mut f: impl FnMut() -> Vec<(&'static str, Duration)>,
) -> Vec<(&'static str, Duration)> {
    let mut best = f();
    for _ in 0..runs {
        for ((_, b), (_, t)) in best.iter_mut().zip(f()) {
            *b = (*b).min(t);
        }
    }
    best
}

/// What putting the texts in canonical form costs: as given (canonical already, the
/// fast path: checked, not copied) and as an NFD copy with CRLF line ends (every
/// accent and line end rewritten and mapped).
fn canonical_form(articles: &[Article], analyze_time: Duration) -> String {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let (fast, identical) = best(RUNS, || {
        articles
            .iter()
            .filter(|a| canon::canonical(&a.text).1.is_identity())
            .count()
    });
    assert_eq!(
        identical,
        articles.len(),
        "the texts are canonical as given"
    );
    let disguised: Vec<String> = articles
        .iter()
        .map(|a| a.text.nfd().collect::<String>().replace('\n', "\r\n"))
        .collect();
    let (slow, rewritten) = best(RUNS, || {
        disguised
            .iter()
            .filter(|t| !canon::canonical(t).1.is_identity())
            .count()
    });
    assert!(rewritten > 0, "the NFD and CRLF copies are rewritten");
    let mb_s = |d: Duration, bytes: usize| bytes as f64 / 1e6 / d.as_secs_f64();
    let disguised_bytes: usize = disguised.iter().map(String::len).sum();
    format!(
        "canonical form: as given {:.3} ms ({:.0} MB/s, {:.2}% of analyze); NFD+CRLF copy {:.2} ms ({:.0} MB/s)",
        fast.as_secs_f64() * 1e3,
        mb_s(fast, bytes),
        100.0 * fast.as_secs_f64() / analyze_time.as_secs_f64(),
        slow.as_secs_f64() * 1e3,
        mb_s(slow, disguised_bytes),
    )
}

fn measure(what: &str, articles: &[Article], runs: usize) -> (usize, usize, Duration) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let (whole, report) = best(runs, || analyze(articles, &Options::default()).unwrap());
    assert_eq!(report.documents.len(), articles.len());
    let quotes: usize = report.documents.iter().map(|d| d.quotes.len()).sum();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{what:<34} {:>4} articles {:>9} bytes  analyze {:>9.2} ms  {:>6.2} MB/s  {:>7.0} articles/s  ({} pairs, {quotes} quotes, {} relations)",
        articles.len(),
        bytes,
        ms(whole),
        bytes as f64 / 1e6 / whole.as_secs_f64(),
        articles.len() as f64 / whole.as_secs_f64(),
        report.pairs.len(),
        report.relations.len(),
    );
    let stages = best_stages(runs, || stages(articles, report.pairs.len()));
    let staged: Duration = stages.iter().map(|(_, t)| *t).sum();
    let mut parts: Vec<String> = stages
        .iter()
        .map(|(stage, t)| {
            format!(
                "{stage} {:.2} ({:.0}%)",
                ms(*t),
                100.0 * t.as_secs_f64() / whole.as_secs_f64()
            )
        })
        .collect();
    let rest = whole.saturating_sub(staged);
    parts.push(format!(
        "report assembly and the rest {:.2} ({:.0}%)",
        ms(rest),
        100.0 * rest.as_secs_f64() / whole.as_secs_f64()
    ));
    println!(
        "{:<34} where the time goes, ms (each stage its best): {}",
        "",
        parts.join(", ")
    );
    if runs > 2 {
        let (news, stages) = news_stages(articles);
        println!(
            "{:<34} news stages {:.2} ms = {:.1}% of analyze; news adds {:.1}% to the engines (target <= 33%)",
            "",
            ms(news),
            100.0 * news.as_secs_f64() / whole.as_secs_f64(),
            100.0 * news.as_secs_f64() / whole.saturating_sub(news).as_secs_f64().max(1e-9),
        );
        let stages: Vec<String> = stages
            .iter()
            .map(|(stage, time)| format!("{stage} {:.2}", ms(*time)))
            .collect();
        println!(
            "{:<34} news stages (each its best), ms: {}",
            "",
            stages.join(", ")
        );
        println!("{:<34} {}", "", canonical_form(articles, whole));
    }
    (articles.len(), bytes, whole)
}

fn main() {
    println!("best of the runs after a warm-up, one core");
    let rows = [
        ("seeds", seeds(), RUNS),
        ("PAN, 100 docs", pan_articles(100), RUNS),
        ("PAN, 1,000 docs", pan_articles(1000), 2),
    ];
    let mut json = Vec::new();
    for (what, articles, runs) in &rows {
        let (n, bytes, time) = measure(what, articles, *runs);
        json.push(format!(
            "{{\"workload\":\"{what}\",\"articles\":{n},\"bytes\":{bytes},\"ms\":{:.3}}}",
            time.as_secs_f64() * 1e3
        ));
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/analyze-bench.json");
    std::fs::write(&out, format!("[{}]\n", json.join(","))).unwrap();
}
