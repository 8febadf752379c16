//! The `parallax` command: the definition of its interface, and glue over the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use parallax::{analyze, Article, Options, Report};

const USAGE: &str = "\
parallax: see how news articles about one story relate

USAGE:
    parallax compare [OPTIONS] FILE...
        Compare two or more UTF-8 text files (ids are file names without
        extension), or describe one. Prints a table (articles, pairs and who
        copied whom; for one file its meta, quotes and boilerplate lines), or
        with --json the full report.
          --json             the full report (the same as the JavaScript `analyze`)
          --top N            terms per list (20)
          --min-words N      the fewest words a shared passage has (8)
          --language CODE    ISO 639-1 code of every file, or auto (auto)
          --keep-stop-words  keep stop words in the term lists
          --stop-word WORD   one more stop word (repeatable)
          --stem             count words by their Snowball stem
          --fold-accents     count cafe and café as one
    parallax pan PAIRS SRC_DIR SUSP_DIR OUT_DIR
        PAN text alignment: align every pair listed in PAIRS and write one
        detection XML per pair into OUT_DIR (offsets in code points).
    parallax pan-eval TRUTH_DIR DETECTIONS_DIR
        Score detections with PAN's plagdet, per truth sub-folder and overall.
    parallax help
        Print this message.
";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("parallax: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<()> {
    let mut args = std::env::args_os().skip(1);
    let command = args.next().map(|c| c.to_string_lossy().into_owned());
    let rest: Vec<_> = args.collect();
    match command.as_deref() {
        Some("compare") => compare(rest),
        Some("pan") => pan(rest),
        Some("pan-eval") => pan_eval(rest),
        Some("help") | Some("-h") | Some("--help") | None => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command {other:?}\n\n{USAGE}"),
    }
}

fn compare(args: Vec<std::ffi::OsString>) -> Result<()> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut json = false;
    let mut options = Options::default();
    let mut files: Vec<PathBuf> = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("json") => json = true,
            Long("top") => options.top_terms = parser.value()?.parse()?,
            Long("min-words") => options.min_passage_words = parser.value()?.parse()?,
            Long("language") => options.text.language = Some(parser.value()?.string()?),
            Long("keep-stop-words") => options.text.stop_words = Some(false),
            Long("stop-word") => options
                .text
                .extra_stop_words
                .push(parser.value()?.string()?),
            Long("stem") => options.text.stem = Some(true),
            Long("fold-accents") => options.text.fold_accents = Some(true),
            Value(file) => files.push(file.into()),
            _ => return Err(arg.unexpected().into()),
        }
    }
    if files.is_empty() {
        bail!("give one article to describe, or two or more to compare\n\n{USAGE}");
    }
    let articles = files
        .iter()
        .map(|f| read_article(f))
        .collect::<Result<Vec<_>>>()?;
    let report = analyze(&articles, &options)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_table(&report, &articles);
    }
    Ok(())
}

fn paths<const N: usize>(args: Vec<std::ffi::OsString>, usage: &str) -> Result<[PathBuf; N]> {
    let paths: Vec<PathBuf> = args.into_iter().map(PathBuf::from).collect();
    paths
        .try_into()
        .map_err(|_| anyhow::anyhow!("usage: parallax {usage}"))
}

fn pan(args: Vec<std::ffi::OsString>) -> Result<()> {
    let [pairs, src, susp, out] = paths(args, "pan PAIRS SRC_DIR SUSP_DIR OUT_DIR")?;
    let started = std::time::Instant::now();
    let n = parallax::pan::run(&pairs, &src, &susp, &out)?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "aligned {n} pairs in {seconds:.2} s ({:.0} pairs/s) into {}",
        n as f64 / seconds.max(1e-9),
        out.display()
    );
    Ok(())
}

fn pan_eval(args: Vec<std::ffi::OsString>) -> Result<()> {
    let [truth, detections] = paths(args, "pan-eval TRUTH_DIR DETECTIONS_DIR")?;
    let table = parallax::pan::evaluate(&truth, &detections)?;
    println!(
        "{:<28} {:>6} {:>6} {:>8} {:>9} {:>11} {:>8}",
        "folder", "cases", "found", "recall", "precision", "granularity", "plagdet"
    );
    for row in table {
        let s = row.scores;
        println!(
            "{:<28} {:>6} {:>6} {:>8.4} {:>9.4} {:>11.4} {:>8.4}",
            row.folder, s.cases, s.detections, s.recall, s.precision, s.granularity, s.plagdet
        );
    }
    Ok(())
}

/// Reads one article; binary files and invalid UTF-8 are refused with the reason.
fn read_article(path: &Path) -> Result<Article> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    // Git's rule: a NUL in the first 8000 bytes means binary; a stray NUL deep in
    // a long text (the PAN corpus has one) does not.
    if bytes.iter().take(8000).any(|&b| b == 0) {
        bail!(
            "{} looks like a binary file (it has NUL bytes near its start), not text",
            path.display()
        );
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{} is not valid UTF-8 text (first bad byte at offset {}); convert it to UTF-8 first",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    Ok(Article::new(id, text))
}

fn print_table(report: &Report, articles: &[Article]) {
    println!("{:<28} {:>7}  title", "article", "words");
    for d in &report.documents {
        println!("{:<28} {:>7}  {}", d.id, d.tokens, d.title);
    }
    if let [document] = report.documents.as_slice() {
        if let Some(article) = articles.first() {
            print_article(document, &article.text);
        }
        return;
    }
    println!();
    println!(
        "{:<28} {:<28} {:>7} {:>7} {:>7} {:>7} {:>8}",
        "a", "b", "a in b", "b in a", "jaccard", "cosine", "passages"
    );
    for p in &report.pairs {
        println!(
            "{:<28} {:<28} {:>6.1}% {:>6.1}% {:>7.3} {:>7.3} {:>8}",
            p.a,
            p.b,
            p.containment.a_in_b * 100.0,
            p.containment.b_in_a * 100.0,
            p.jaccard,
            p.cosine,
            p.passages.len()
        );
    }
    print_relations(report);
}

/// Who copied whom: one line per related pair, its evidence indented below.
fn print_relations(report: &Report) {
    println!();
    if report.relations.is_empty() {
        println!("relations: none (no pair shares enough text beyond quotes)");
        return;
    }
    println!(
        "{:<28} {:<28} {:<14} {:>6}",
        "from (source)", "to (derived)", "relation", "share"
    );
    for r in &report.relations {
        let kind = match &r.source {
            Some(source) => format!("{} ({source})", r.kind),
            None => r.kind.to_string(),
        };
        println!(
            "{:<28} {:<28} {:<14} {:>5.1}%",
            r.from,
            r.to,
            kind,
            r.share * 100.0
        );
        for e in &r.evidence {
            println!("    - {e}");
        }
    }
}

/// One article described: what its text states about itself, its quotes and its
/// boilerplate lines.
fn print_article(d: &parallax::DocumentReport, text: &str) {
    let units: Vec<u16> = text.encode_utf16().collect();
    // The report's offsets are UTF-16 units, as JavaScript reads them.
    let slice = |start: usize, end: usize| {
        let piece = units.get(start..end.min(units.len())).unwrap_or(&[]);
        String::from_utf16_lossy(piece)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let m = &d.meta;
    println!();
    for (what, value) in [
        ("title", &m.title),
        ("byline", &m.byline),
        ("dateline", &m.dateline),
        ("outlet", &m.outlet),
    ] {
        println!("{what:<10} {}", value.as_deref().unwrap_or("-"));
    }
    println!();
    println!("quotes: {}", d.quotes.len());
    for q in &d.quotes {
        let speaker = q.speaker.as_ref().map_or("?", |s| s.name.as_str());
        println!("    {speaker}: {}", slice(q.start, q.end));
    }
    println!();
    println!("boilerplate lines: {}", d.boilerplate.len());
    for b in &d.boilerplate {
        println!("    {:<10} {}", b.kind, slice(b.start, b.end));
    }
}
