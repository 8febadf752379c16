//! Where `compare` finds its articles: files, directories (recursively, the
//! `.txt`, `.html`, `.htm` and `.md` files in them), glob patterns the shell left
//! alone, and JSON Lines files (`.jsonl`, `.ndjson`) of `{id, title?, text}`, one
//! article a line. Each article is read once, into its text and nothing else.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use parallax::Article;

/// The extensions a directory's files are read by.
const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "html", "htm", "md"];

/// One place articles come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A file named, or found in a directory: one article, its id the path's
    /// `id` (the file name without extension, or the path under the directory).
    File { path: PathBuf, id: String },
    /// A JSON Lines file: one article a line.
    Lines(PathBuf),
}

/// The sources the arguments name, in order: a directory's files sorted by path.
pub fn sources(args: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            directory(arg, &mut out)?;
        } else if !arg.exists() && is_pattern(arg) {
            pattern(arg, &mut out)?;
        } else {
            out.push(file(arg));
        }
    }
    Ok(out)
}

/// Whether `path` is a glob pattern (`*`, `?` or `[`).
fn is_pattern(path: &Path) -> bool {
    path.to_string_lossy().contains(['*', '?', '['])
}

fn pattern(arg: &Path, out: &mut Vec<Source>) -> Result<()> {
    let text = arg.to_string_lossy();
    let found = glob::glob(&text).with_context(|| format!("bad pattern {text:?}"))?;
    let before = out.len();
    for path in found {
        let path = path.with_context(|| format!("cannot read a match of {text:?}"))?;
        if path.is_dir() {
            directory(&path, out)?;
        } else {
            out.push(file(&path));
        }
    }
    if out.len() == before {
        bail!("no file matches {text:?}");
    }
    Ok(())
}

/// A file named by the user: read whatever its extension.
fn file(path: &Path) -> Source {
    if is_lines(path) {
        return Source::Lines(path.to_path_buf());
    }
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    Source::File {
        path: path.to_path_buf(),
        id,
    }
}

fn is_lines(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(ext.as_deref(), Some("jsonl" | "ndjson"))
}

/// Every article file under `dir`, its id the path under `dir` without extension
/// (`2024/reuters-1`), so that two folders' `index.html` stay apart.
fn directory(dir: &Path, out: &mut Vec<Source>) -> Result<()> {
    let mut paths = Vec::new();
    walk(dir, &mut paths)?;
    paths.sort();
    for path in paths {
        let relative = path.strip_prefix(dir).unwrap_or(&path).with_extension("");
        let id = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        out.push(Source::File { path, id });
    }
    Ok(())
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read {}", dir.display()))?
            .path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if has_article_extension(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn has_article_extension(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    ext.is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
}

/// One line of a JSON Lines input. Other keys (a URL, a date) are ignored.
#[derive(serde::Deserialize)]
struct Line {
    id: String,
    #[serde(default)]
    title: Option<String>,
    text: String,
}

/// The articles of a JSON Lines file, each with where it came from
/// (`FILE:LINE`). A line that is not `{id, title?, text}` is reported on stderr
/// with its number and left out; blank lines are skipped.
pub fn read_lines(path: &Path) -> Result<Vec<(Article, String)>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    let mut bad = 0;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let at = format!("{}:{}", path.display(), n + 1);
        let line = line.with_context(|| format!("cannot read {at}"))?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Line>(&line) {
            Ok(Line { id, title, text }) => {
                let mut article = Article::new(id, text);
                article.title = title;
                out.push((article, at));
            }
            Err(err) => {
                eprintln!("parallax: {at}: left out: {err}");
                bad += 1;
            }
        }
    }
    if bad > 0 {
        eprintln!(
            "parallax: {}: {bad} bad lines left out, {} articles read",
            path.display(),
            out.len()
        );
    }
    Ok(out)
}
