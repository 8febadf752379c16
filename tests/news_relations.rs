//! Who copied whom, through the whole `analyze`: the shared fixture cases
//! (tests/fixtures/news/relations.json), the seed articles, and (ignored, slow) a
//! measurement on the PAN 2013 training pairs.
#![cfg(not(target_arch = "wasm32"))] // Native only: `wasm-pack test` compiles every test target.

mod common;

use parallax::{analyze, Article, Options, Report};
use serde_json::Value;

fn fixtures() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/news/relations.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(cases.len() >= 4, "too few relation cases in {path}");
    cases
}

fn report_of(case: &Value) -> Report {
    let articles: Vec<Article> = case["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| Article::new(a["id"].as_str().unwrap(), a["text"].as_str().unwrap()))
        .collect();
    analyze(&articles, &Options::default()).unwrap()
}

/// The report's relations as JSON, as the page and the wasm tests see them.
fn relations(report: &Report) -> Vec<Value> {
    serde_json::to_value(&report.relations)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn fixture_cases() {
    for case in fixtures() {
        let name = case["name"].as_str().unwrap();
        let report = report_of(&case);
        let found = relations(&report);
        let expected = case["expect"]["relations"].as_array().unwrap();
        assert_eq!(
            found.len(),
            expected.len(),
            "{name}: {found:#?}\npairs: {:#?}",
            report.pairs
        );
        for want in expected {
            let got = found
                .iter()
                .find(|r| r["from"] == want["from"] && r["to"] == want["to"])
                .unwrap_or_else(|| panic!("{name}: no relation like {want} in {found:#?}"));
            assert_eq!(got["kind"], want["kind"], "{name}: {got:#}");
            if let Some(source) = want.get("source") {
                assert_eq!(&got["source"], source, "{name}: {got:#}");
            }
            let share = got["share"].as_f64().unwrap();
            assert!(share > 0.0 && share <= 1.0, "{name}: {got:#}");
            let evidence: Vec<&str> = got["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e.as_str().unwrap())
                .collect();
            for words in want["evidence"].as_array().into_iter().flatten() {
                let words = words.as_str().unwrap();
                assert!(
                    evidence.iter().any(|e| e.contains(words)),
                    "{name}: no evidence says {words:?}: {evidence:#?}"
                );
            }
        }
    }
}

#[test]
fn the_rewrite_is_found_though_it_keeps_no_five_word_run() {
    let case = &fixtures()[0];
    let report = report_of(case);
    let pair = &report.pairs[0];
    assert_eq!(
        pair.containment.b_in_a, 0.0,
        "the fixture keeps a 5-word run"
    );
    assert!(
        !pair.passages.is_empty() && pair.passages.iter().all(|p| p.score < 0.95),
        "{:#?}",
        pair.passages
    );
}

#[test]
fn seeds_003_is_a_copy_of_002_and_nothing_else_is_related() {
    let report = analyze(&common::seeds(), &Options::default()).unwrap();
    let found = relations(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    let r = &found[0];
    assert_eq!(r["from"], "002_da9d12f0e6c681db", "{r:#}");
    assert_eq!(r["to"], "003_b401989aadad514e", "{r:#}");
    assert_eq!(r["kind"], "copy", "{r:#}");
    assert!(r["share"].as_f64().unwrap() >= 0.95, "{r:#}");
    let first = r["evidence"][0].as_str().unwrap();
    assert!(first.contains("in the same order"), "{first}");
}

/// How the relation reads on PAN 2013 training pairs: for a sample of each folder,
/// how often it calls the pair a copy or a partial copy with the source document
/// as `from` (right), with the suspicious one as `from` (reversed), a common
/// source, or nothing. Run with
/// `cargo test --release --test news_relations -- --ignored --nocapture`;
/// `PAN_SAMPLE` sets the pairs per folder (200).
#[test]
#[ignore]
fn pan_training_pairs() {
    let root = std::path::Path::new("/work/shared/data/pan13-train");
    let sample: usize = std::env::var("PAN_SAMPLE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let folders = [
        "01-no-plagiarism",
        "02-no-obfuscation",
        "03-random-obfuscation",
        "04-translation-obfuscation",
        "05-summary-obfuscation",
    ];
    println!(
        "{:<28} {:>5} {:>6} {:>8} {:>6} {:>9} {:>6}",
        "folder", "pairs", "right", "reversed", "common", "no relation", "copy"
    );
    for folder in folders {
        let pairs = std::fs::read_to_string(root.join(folder).join("pairs")).unwrap();
        let lines: Vec<&str> = pairs.lines().filter(|l| !l.trim().is_empty()).collect();
        assert!(!lines.is_empty(), "{folder} has no pairs");
        // An even spread over the folder, the same every run.
        let step = (lines.len() / sample).max(1);
        let (mut n, mut right, mut reversed, mut common, mut none, mut copy) = (0, 0, 0, 0, 0, 0);
        for line in lines.iter().step_by(step).take(sample) {
            let mut names = line.split_whitespace();
            let (susp, src) = (names.next().unwrap(), names.next().unwrap());
            let read = |dir: &str, name: &str| {
                let bytes = std::fs::read(root.join(dir).join(name)).unwrap();
                String::from_utf8_lossy(&bytes).into_owned()
            };
            let articles = [
                Article::new("src", read("src", src)),
                Article::new("susp", read("susp", susp)),
            ];
            let report = analyze(&articles, &Options::default()).unwrap();
            n += 1;
            match report.relations.first() {
                None => none += 1,
                Some(r) if r.kind == "common-source" => common += 1,
                Some(r) => {
                    copy += usize::from(r.kind == "copy");
                    if r.from == "src" {
                        right += 1
                    } else {
                        reversed += 1
                    }
                }
            }
        }
        println!("{folder:<28} {n:>5} {right:>6} {reversed:>8} {common:>6} {none:>11} {copy:>6}");
    }
}
