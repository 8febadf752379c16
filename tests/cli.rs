//! The `parallax` binary: the JSON report, the table, and clear errors on bad files.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

fn seeds() -> Vec<PathBuf> {
    common::seed_paths()
}

fn parallax(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .unwrap()
}

fn compare(files: &[PathBuf], json: bool) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref()];
    if json {
        args.push("--json".as_ref());
    }
    args.extend(files.iter().map(|f| f.as_os_str()));
    parallax(&args)
}

/// A scratch file with `bytes`, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, bytes: &[u8]) -> Scratch {
        let dir = std::env::temp_dir().join(format!("parallax-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        Scratch(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn json_report_names_documents_by_file_stem() {
    let out = compare(&seeds(), true);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"][3]["id"], "003_b401989aadad514e");
    assert_eq!(report["pairs"].as_array().unwrap().len(), 10);
    let pair = &report["pairs"][7];
    assert_eq!(
        (pair["a"].as_str(), pair["b"].as_str()),
        (Some("002_da9d12f0e6c681db"), Some("003_b401989aadad514e"))
    );
    assert!(pair["containment"]["bInA"].as_f64().unwrap() >= 0.9);
}

#[test]
fn table_shows_both_directions() {
    let out = compare(&seeds(), false);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("a in b") && table.contains("b in a"),
        "{table}"
    );
    assert!(table
        .lines()
        .any(|l| l.starts_with("002_") && l.contains("003_")));
}

/// A seed rewritten in `label` (its first line made a headline with accents and
/// curly quotes, so that the encoding matters).
fn seed_in(label: &str, with_bom: bool) -> (String, Vec<u8>) {
    let seed = std::fs::read_to_string(&seeds()[0]).unwrap();
    let text = format!("Café talks: “no truce” — envoy\n\n{seed}");
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
    let bytes = match encoding.name() {
        // encoding_rs writes UTF-16 as UTF-8 (the WHATWG rule), so by hand.
        "UTF-16LE" => std::iter::once(0xFEFF)
            .filter(|_| with_bom)
            .chain(text.encode_utf16())
            .flat_map(u16::to_le_bytes)
            .collect(),
        _ => encoding.encode(&text).0.into_owned(),
    };
    (text, bytes)
}

#[test]
fn legacy_and_utf16_files_are_decoded_and_said() {
    for (label, name) in [("windows-1252", "wire.txt"), ("utf-16le", "notepad.txt")] {
        let (_, bytes) = seed_in(label, true);
        let file = Scratch::new(name, &bytes);
        let out = compare(&[seeds()[1].clone(), file.0.clone()], true);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{label}: {err}");
        let expected = encoding_rs::Encoding::for_label(label.as_bytes())
            .unwrap()
            .name();
        assert!(err.contains(&format!("as {expected}")), "{label}: {err}");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let docs = &report["documents"];
        assert_eq!(docs[0]["encoding"], serde_json::Value::Null, "{label}");
        assert_eq!(docs[1]["encoding"], expected, "{label}");
        assert_eq!(
            docs[1]["title"], "Café talks: “no truce” — envoy",
            "{label}"
        );
        // The table says it too.
        let out = compare(&[seeds()[1].clone(), file.0.clone()], false);
        let table = String::from_utf8_lossy(&out.stdout);
        assert!(table.contains(&format!("(read as {expected})")), "{table}");
    }
}

#[test]
fn a_decoded_file_reads_as_its_utf8_twin() {
    let (text, bytes) = seed_in("windows-1252", false);
    let legacy = Scratch::new("legacy.txt", &bytes);
    let utf8 = Scratch::new("twin.txt", text.as_bytes());
    let out = compare(&[utf8.0.clone(), legacy.0.clone()], true);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["pairs"][0]["containment"]["aInB"], 1.0);
    assert_eq!(report["pairs"][0]["containment"]["bInA"], 1.0);
    assert_eq!(
        report["documents"][0]["tokens"],
        report["documents"][1]["tokens"]
    );
}

#[test]
fn binary_file_is_refused() {
    let bin = Scratch::new("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let out = compare(&[seeds()[0].clone(), bin.0.clone()], false);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
}

#[test]
fn empty_and_single_inputs_explain_themselves() {
    let empty = Scratch::new("empty.txt", b"  \n\n ");
    let out = compare(&[seeds()[0].clone(), empty.0.clone()], false);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"empty\" has no words"));

    let out = compare(&[], false);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give one article"));
}

#[test]
fn one_article_is_described() {
    let out = compare(&seeds()[2..3], false);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("002_da9d12f0e6c681db"), "{table}");
    for heading in ["dateline", "outlet", "quotes: ", "boilerplate lines: "] {
        assert!(
            table.lines().any(|l| l.starts_with(heading)),
            "no {heading:?} in {table}"
        );
    }
    assert!(!table.contains("jaccard"), "{table}");

    let out = compare(&seeds()[2..3], true);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
    assert!(report["documents"][0]["meta"].is_object());
    assert!(report["documents"][0]["quotes"].is_array());
    assert!(report["documents"][0]["boilerplate"].is_array());
    assert_eq!(report["pairs"].as_array().unwrap().len(), 0);
    assert_eq!(report["relations"].as_array().unwrap().len(), 0);
}

#[test]
fn table_shows_who_copied_whom() {
    let out = compare(&seeds(), false);
    let table = String::from_utf8(out.stdout).unwrap();
    let at = table.find("from (source)").expect(&table);
    let relations: Vec<&str> = table[at..].lines().skip(1).collect();
    let copy = relations
        .iter()
        .position(|l| l.starts_with("002_") && l.contains("003_") && l.contains("copy"))
        .unwrap_or_else(|| panic!("{table}"));
    let evidence: Vec<&&str> = relations[copy + 1..]
        .iter()
        .take_while(|l| l.starts_with("    - "))
        .collect();
    assert!(
        evidence
            .iter()
            .any(|l| l.contains("003_") && l.contains("002_")),
        "{table}"
    );
}

#[test]
fn the_comparison_only_says_what_it_left_out() {
    let mut args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref(), "--comparison-only".as_ref()];
    let files = seeds();
    args.extend(files.iter().map(|f| f.as_os_str()));
    let out = parallax(&args);
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    // The pairs are there (the two CNN copies share nearly all), the words and relations are not read.
    let copies = table
        .lines()
        .find(|l| l.starts_with("002_") && l.contains("003_"))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(copies.contains("99."), "{table}");
    assert!(
        table.contains("relations: not read (--comparison-only)"),
        "{table}"
    );
    assert!(
        table
            .lines()
            .filter(|l| l.starts_with("00") && l.contains("       -  "))
            .count()
            == 5,
        "{table}"
    );
    args.insert(1, "--json".as_ref());
    let report: serde_json::Value = serde_json::from_slice(&parallax(&args).stdout).unwrap();
    assert_eq!(report["comparisonOnly"], true);
    assert!(report["relations"].as_array().unwrap().is_empty());
}

#[test]
fn unknown_command_and_missing_file_fail_clearly() {
    let out = parallax(&["frobnicate".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command"));
    let out = compare(
        &[
            PathBuf::from("/nonexistent/article.txt"),
            seeds()[0].clone(),
        ],
        false,
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/article.txt"));
}

#[test]
fn text_options_reach_the_report() {
    let files = seeds();
    let flags = [
        "compare",
        "--json",
        "--stop-word",
        "syria",
        "--language",
        "en",
    ];
    let mut args: Vec<&std::ffi::OsStr> = flags.iter().map(|f| f.as_ref()).collect();
    args.extend(files.iter().map(|p| p.as_os_str()));
    let out = parallax(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let top = report["documents"][0]["topTerms"].as_array().unwrap();
    assert!(!top.is_empty() && top.iter().all(|t| t["term"] != "syria"));

    let mut args: Vec<&std::ffi::OsStr> =
        vec!["compare".as_ref(), "--language".as_ref(), "xx".as_ref()];
    args.extend(files.iter().map(|p| p.as_os_str()));
    let out = parallax(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("language"));
}

#[test]
fn an_unknown_language_is_refused_before_reading_files() {
    let flags = ["compare", "--language", "xx", "/nonexistent/article.txt"];
    let args: Vec<&std::ffi::OsStr> = flags.iter().map(|f| f.as_ref()).collect();
    let out = parallax(&args);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("\"language\"") && stderr.contains("\"xx\""),
        "{stderr}"
    );
}
