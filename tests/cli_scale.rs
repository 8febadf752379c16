//! `parallax compare` on many articles: directories, glob patterns, JSON Lines in
//! and out, and no progress bar when stderr is not a terminal.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env_remove("PARALLAX_TIMINGS")
        .output()
        .unwrap()
}

/// A scratch directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("parallax-cli-scale-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The seed articles' texts, by name.
fn seeds() -> Vec<(String, String)> {
    common::seeds()
        .into_iter()
        .map(|a| (a.id, a.text))
        .collect()
}

fn report(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ids(report: &serde_json::Value) -> Vec<String> {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_directory_gives_its_article_files_recursively() {
    let dir = Scratch::new("dir");
    let seeds = seeds();
    dir.write(&format!("{}.txt", seeds[0].0), &seeds[0].1);
    dir.write(&format!("wire/{}.md", seeds[1].0), &seeds[1].1);
    dir.write(&format!("wire/deeper/{}.TXT", seeds[2].0), &seeds[2].1);
    dir.write("notes.pdf", "not an article");
    dir.write(".hidden.txt", "not an article either");
    let out = parallax(&["compare", "--json", dir.path()]);
    let mut expected = vec![
        seeds[0].0.clone(),
        format!("wire/{}", seeds[1].0),
        format!("wire/deeper/{}", seeds[2].0),
    ];
    expected.sort();
    let mut found = ids(&report(&out));
    found.sort();
    assert_eq!(found, expected);
}

#[test]
fn a_pattern_gives_its_matches() {
    let dir = Scratch::new("glob");
    let seeds = seeds();
    for (id, text) in &seeds[..3] {
        dir.write(&format!("{id}.txt"), text);
    }
    dir.write("other.md", &seeds[3].1);
    let pattern = format!("{}/*.txt", dir.path());
    let found = ids(&report(&parallax(&["compare", "--json", &pattern])));
    assert_eq!(found.len(), 3);
    let none = parallax(&["compare", &format!("{}/*.xyz", dir.path())]);
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("no file matches"));
}

#[test]
fn json_lines_are_read_and_a_bad_line_is_named_by_its_number() {
    let dir = Scratch::new("jsonl");
    let seeds = seeds();
    let mut lines: Vec<String> = seeds[..3]
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text, "url": "x"}).to_string())
        .collect();
    lines.insert(1, "{\"id\": \"broken\"".into());
    lines.insert(2, String::new());
    lines.push(
        serde_json::json!({"id": "titled", "title": "A title", "text": seeds[4].1}).to_string(),
    );
    let file = dir.write("set.jsonl", &lines.join("\n"));
    let out = parallax(&["compare", "--json", file.to_str().unwrap()]);
    let report = report(&out);
    assert_eq!(ids(&report).len(), 4);
    assert_eq!(report["documents"][3]["title"], "A title");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("set.jsonl:2: left out"), "{stderr}");
    assert!(stderr.contains("1 bad lines left out"), "{stderr}");
}

#[test]
fn a_duplicate_id_in_json_lines_names_its_line() {
    let dir = Scratch::new("dup");
    let seeds = seeds();
    let line = |text: &str| serde_json::json!({"id": "same", "text": text}).to_string();
    let file = dir.write(
        "dup.jsonl",
        &[line(&seeds[0].1), line(&seeds[1].1)].join("\n"),
    );
    let out = parallax(&["compare", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("dup.jsonl:"), "{stderr}");
}

#[test]
fn jsonl_output_is_the_report_a_line_at_a_time_without_a_progress_bar() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/www/seeds"));
    let whole = report(&parallax(&["compare", "--json", dir.to_str().unwrap()]));
    let out = parallax(&["compare", "--jsonl", dir.to_str().unwrap()]);
    assert!(out.status.success());
    // stderr is a pipe here: no bar, no control sequences.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let count = |key: &str| lines.iter().filter(|l| l.get(key).is_some()).count();
    assert_eq!(
        count("document"),
        whole["documents"].as_array().unwrap().len()
    );
    assert_eq!(count("pair"), whole["pairs"].as_array().unwrap().len());
    assert_eq!(
        count("relation"),
        whole["relations"].as_array().unwrap().len()
    );
    let summary = &lines.last().unwrap()["summary"];
    assert_eq!(summary["articles"], 5);
    assert_eq!(summary["sharedTerms"], whole["sharedTerms"]);
    let first_doc = lines.iter().find_map(|l| l.get("document")).unwrap();
    assert_eq!(first_doc, &whole["documents"][0]);
}

#[test]
fn list_pairs_and_all_pairs_up_to_are_flags() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/seeds");
    let all = report(&parallax(&["compare", "--json", dir]));
    let related = report(&parallax(&[
        "compare",
        "--json",
        "--list-pairs",
        "related",
        dir,
    ]));
    let n = |r: &serde_json::Value| r["pairs"].as_array().unwrap().len();
    assert_eq!(n(&all), 10);
    assert!(n(&related) < n(&all));
    let few = report(&parallax(&[
        "compare",
        "--json",
        "--all-pairs-up-to",
        "2",
        dir,
    ]));
    assert!(n(&few) <= n(&all));
    let bad = parallax(&["compare", "--list-pairs", "some", dir]);
    assert!(!bad.status.success());
}
