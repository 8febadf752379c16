//! The `parallax` command: the definition of its interface, and glue over the library.

mod inputs;
mod pan;
mod progress;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use parallax::{Article, Options, PairList, Report};

const USAGE: &str = "\
parallax: see how news articles about one story relate

USAGE:
    parallax compare [OPTIONS] FILE|DIR|PATTERN...
        Compare two or more articles, or describe one: text files in any encoding
        (UTF-8, UTF-16, Windows-1252, Shift_JIS...: detected, and said when not
        UTF-8), or web pages (.html, .htm) read through the HTML reader (ids are
        file names without extension). A directory gives its .txt, .html, .htm
        and .md files, recursively (ids: paths under it without extension); a
        quoted glob pattern ('news/*.txt') its matches; a .jsonl file one article
        a line, {id, title (optional), text} (bad lines are reported with
        their number and left out). Prints a table (articles, pairs and who copied
        whom; for one file its meta, quotes and boilerplate lines), or with --json
        the full report. Uses every core; a progress bar on a terminal.
          --json             the full report (the same as the JavaScript `analyze`)
          --jsonl            the report as JSON Lines, written as it is computed
                             (pair, document, group, quoteMatch and relation
                             lines, last a summary line):
                             for sets too big for one value (up to 250000 articles)
          --all-pairs-up-to N  align every pair up to N articles (50); above, the
                             pairs the candidate index proposes
          --list-pairs MODE  auto (every pair up to --all-pairs-up-to, above only
                             pairs with a shared passage), all, or related (auto)
          --comparison-only  the pairs, passages and groups only: no term statistics
                             and no quotes, facts or relations (half the time)
          --top N            terms per list (20)
          --min-words N      the fewest words a shared passage has (8)
          --language CODE    ISO 639-1 code of every file, or auto (auto)
          --keep-stop-words  keep stop words in the term lists
          --stop-word WORD   one more stop word (repeatable)
          --stem             count words by their Snowball stem
          --fold-accents     count cafe and café as one
    parallax extract [--json] FILE...
        Print what Parallax reads from each web page: title, byline and the
        article's text. With --json, one object a line: {file, title, byline, text}.
    parallax extract-eval [--pages] DIR
        Score the HTML reader on an article-extraction benchmark folder
        (DIR/ground-truth.json and DIR/html/ID.html or ID.html.gz): precision,
        recall and F1 of 4-word shingles. --pages adds one line per page.
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
        Some("extract") => extract(rest),
        Some("extract-eval") => extract_eval(rest),
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
    let mut jsonl = false;
    let mut options = Options::default();
    let mut files: Vec<PathBuf> = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("json") => json = true,
            Long("jsonl") => jsonl = true,
            Long("top") => options.top_terms = parser.value()?.parse()?,
            Long("min-words") => options.min_passage_words = parser.value()?.parse()?,
            Long("all-pairs-up-to") => options.all_pairs_up_to = parser.value()?.parse()?,
            Long("list-pairs") => options.list_pairs = pair_list(&parser.value()?.string()?)?,
            Long("comparison-only") => options.comparison_only = true,
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
    // The flags are checked before any file is read, by the library's one check.
    options.check()?;
    if files.is_empty() {
        bail!("give one article to describe, or two or more to compare\n\n{USAGE}");
    }
    if json && jsonl {
        bail!("give --json or --jsonl, not both");
    }
    let (articles, origins) = read_articles(&files)?;
    let mut bar = progress::Bar::new();
    if jsonl {
        return write_lines(&articles, &origins, &options, &mut bar);
    }
    let report = parallax::analyze_observed(&articles, &options, &mut |p| bar.show(p))
        .map_err(|err| name_the_file(err, &origins, &articles))?;
    bar.clear();
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_table(&report, &articles);
    }
    Ok(())
}

fn pair_list(mode: &str) -> Result<PairList> {
    Ok(match mode {
        "auto" => PairList::Auto,
        "all" => PairList::All,
        "related" => PairList::Related,
        other => bail!("--list-pairs is auto, all or related, not {other:?}"),
    })
}

/// Every article the arguments name, each with where it came from (a path, or
/// `FILE:LINE` of a JSON Lines file), read once.
fn read_articles(args: &[PathBuf]) -> Result<(Vec<Article>, Vec<String>)> {
    let sources = inputs::sources(args)?;
    let mut bar = progress::Bar::new();
    let (mut articles, mut origins) = (Vec::new(), Vec::new());
    for (done, source) in sources.iter().enumerate() {
        bar.show(parallax::Progress {
            stage: "reading files",
            done,
            total: sources.len(),
        });
        match source {
            inputs::Source::File { path, id } => {
                let mut article = read_article(path)?;
                article.id = id.clone();
                articles.push(article);
                origins.push(path.display().to_string());
            }
            inputs::Source::Lines(path) => {
                for (article, at) in inputs::read_lines(path)? {
                    articles.push(article);
                    origins.push(at);
                }
            }
        }
    }
    bar.clear();
    if articles.is_empty() {
        bail!("no article found in {}", describe(args));
    }
    Ok((articles, origins))
}

fn describe(args: &[PathBuf]) -> String {
    let names: Vec<String> = args.iter().map(|a| a.display().to_string()).collect();
    names.join(", ")
}

/// The report as JSON Lines on stdout, each line written as the library makes it.
fn write_lines(
    articles: &[Article],
    origins: &[String],
    options: &Options,
    bar: &mut progress::Bar,
) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    // The first write error is kept (and the rest skipped) and reported at the end.
    let mut failed: Option<std::io::Error> = None;
    let mut write = |line: parallax::ReportLine| {
        if failed.is_none() {
            let written = serde_json::to_writer(&mut out, &line)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"));
            failed = written.err();
        }
    };
    parallax::analyze_lines(articles, options, &mut |p| bar.show(p), &mut write)
        .map_err(|err| name_the_file(err, origins, articles))?;
    bar.clear();
    if let Some(err) = failed {
        return Err(err).context("cannot write the report");
    }
    out.flush().context("cannot write the report")
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
    let n = pan::run(&pairs, &src, &susp, &out)?;
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
    let table = pan::evaluate(&truth, &detections)?;
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

/// Reads one article in whatever encoding it is in (binary files are refused by
/// name). Web pages (`.html`, `.htm`) go through the HTML reader, and the
/// article's title is the one the reader finds.
/// An error about one article names the file it was read from: the reader knows
/// files, not the ids made of their names.
fn name_the_file(err: parallax::Error, origins: &[String], articles: &[Article]) -> anyhow::Error {
    let file = err
        .article()
        .and_then(|id| articles.iter().position(|a| a.id == id))
        .and_then(|i| origins.get(i));
    match file {
        Some(origin) => anyhow::Error::new(err).context(origin.clone()),
        None => err.into(),
    }
}

fn read_article(path: &Path) -> Result<Article> {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let decoded = read_text(path)?;
    say_how_read(path, &decoded);
    let encoding = decoded.encoding_if_not_utf8().map(String::from);
    let mut article = if is_html(path) {
        let page = parallax::extract(&decoded.text);
        let mut article = Article::new(id, page.text);
        article.title = page.title;
        article
    } else {
        Article::new(id, decoded.text)
    };
    article.encoding = encoding;
    Ok(article)
}

/// A file's text, decoded by [`parallax::decode()`] (a web page by the charset its
/// `<meta>` declares when it is not UTF-8).
fn read_text(path: &Path) -> Result<parallax::Decoded> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    decode_bytes(&bytes, path)
}

fn decode_bytes(bytes: &[u8], path: &Path) -> Result<parallax::Decoded> {
    let options = parallax::DecodeOptions {
        name: path.display().to_string(),
        html: is_html(path),
    };
    Ok(parallax::decode(bytes, &options)?)
}

/// Says on stderr which encoding a file was read in when it was not UTF-8, and how
/// many control characters it had, so that a wrong guess can be seen.
fn say_how_read(path: &Path, decoded: &parallax::Decoded) {
    if let Some(encoding) = decoded.encoding_if_not_utf8() {
        eprintln!("parallax: read {} as {encoding}", path.display());
    }
    if decoded.controls > 0 {
        eprintln!(
            "parallax: {} has {} control characters; each was read as a space",
            path.display(),
            decoded.controls
        );
    }
}

fn is_html(path: &Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".html") || name.ends_with(".htm")
}

/// One line of `extract --json`, its keys in this order.
#[derive(serde::Serialize)]
struct ExtractLine {
    file: String,
    title: Option<String>,
    byline: Option<String>,
    text: String,
}

fn extract(args: Vec<std::ffi::OsString>) -> Result<()> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut json = false;
    let mut files: Vec<PathBuf> = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("json") => json = true,
            Value(file) => files.push(file.into()),
            _ => return Err(arg.unexpected().into()),
        }
    }
    if files.is_empty() {
        bail!("usage: parallax extract [--json] FILE...");
    }
    for (i, file) in files.iter().enumerate() {
        let decoded = read_text(file)?;
        say_how_read(file, &decoded);
        let page = parallax::extract(&decoded.text);
        if json {
            let line = ExtractLine {
                file: file.display().to_string(),
                title: page.title,
                byline: page.byline,
                text: page.text,
            };
            println!("{}", serde_json::to_string(&line)?);
        } else {
            if i > 0 {
                println!();
            }
            println!("== {}", file.display());
            println!("title: {}", page.title.as_deref().unwrap_or(""));
            println!("byline: {}", page.byline.as_deref().unwrap_or(""));
            println!();
            println!("{}", page.text);
        }
    }
    Ok(())
}

fn extract_eval(args: Vec<std::ffi::OsString>) -> Result<()> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut per_page = false;
    let mut dir: Option<PathBuf> = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("pages") => per_page = true,
            Value(d) if dir.is_none() => dir = Some(d.into()),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let dir = dir.context("usage: parallax extract-eval [--pages] DIR")?;
    let truth_path = dir.join("ground-truth.json");
    let truth: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(
        &std::fs::read(&truth_path)
            .with_context(|| format!("cannot read {}", truth_path.display()))?,
    )
    .with_context(|| format!("{} is not a JSON object", truth_path.display()))?;
    if truth.is_empty() {
        bail!("{} lists no pages", truth_path.display());
    }
    let started = std::time::Instant::now();
    let mut scores = Vec::with_capacity(truth.len());
    for (id, entry) in &truth {
        let gold = entry["articleBody"].as_str().unwrap_or_default();
        let page = parallax::extract(&read_benchmark_page(&dir, id)?);
        let score = parallax::internals::html::eval::score_page(gold, &page.text);
        if per_page {
            let p = score.precision().map_or("-".into(), |p| format!("{p:.3}"));
            println!("{id} P {p} R {:.3}", score.recall());
        }
        scores.push(score);
    }
    let s = parallax::internals::html::eval::summarize(&scores);
    println!(
        "{:<24} {:>6} {:>6} {:>6} {:>6}",
        "reader", "pages", "F1", "P", "R"
    );
    println!(
        "{:<24} {:>6} {:>6.3} {:>6.3} {:>6.3}",
        "parallax::html", s.pages, s.f1, s.precision, s.recall
    );
    // Flushed first so that the timing line follows the table.
    std::io::Write::flush(&mut std::io::stdout())?;
    eprintln!(
        "read {} pages in {:.2} s",
        s.pages,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `DIR/html/ID.html`, or its gzip-compressed `ID.html.gz`.
fn read_benchmark_page(dir: &Path, id: &str) -> Result<String> {
    let plain = dir.join("html").join(format!("{id}.html"));
    if plain.exists() {
        return Ok(read_text(&plain)?.text);
    }
    let gz = dir.join("html").join(format!("{id}.html.gz"));
    let file = std::fs::File::open(&gz).with_context(|| format!("cannot read {}", gz.display()))?;
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(file), &mut bytes)
        .with_context(|| format!("{} is not gzip", gz.display()))?;
    Ok(decode_bytes(&bytes, &gz)?.text)
}

fn print_table(report: &Report, articles: &[Article]) {
    println!("{:<28} {:>7}  title", "article", "words");
    for d in &report.documents {
        let read_as = d
            .encoding
            .as_ref()
            .map_or(String::new(), |e| format!("  (read as {e})"));
        // --comparison-only counts no words.
        let words = match report.comparison_only {
            true => "-".to_string(),
            false => d.tokens.to_string(),
        };
        println!("{:<28} {:>7}  {}{read_as}", d.id, words, d.title);
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
    if report.comparison_only {
        println!("relations: not read (--comparison-only)");
        return;
    }
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
