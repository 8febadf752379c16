//! The HTML reader on the article-extraction benchmark (181 news pages with
//! the text people marked, in shared/data/article-extraction): its F1 must beat Readability.js's published
//! 0.947. Fails when the data is missing.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;
use std::path::PathBuf;

use parallax::internals::html::eval::{score_page, summarize};

/// The benchmark folder: `PARALLAX_ARTICLE_EXTRACTION`, else `shared/` beside
/// the clone (CI) or two levels up (a worktree), else /work/shared.
fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PARALLAX_ARTICLE_EXTRACTION") {
        return PathBuf::from(dir);
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [root.join(".."), root.join("../.."), PathBuf::from("/work")]
        .iter()
        .map(|base| base.join("shared/data/article-extraction"))
        .find(|dir| dir.exists())
        .unwrap_or_else(|| {
            panic!("the article-extraction benchmark is missing; set PARALLAX_ARTICLE_EXTRACTION")
        })
}

#[test]
fn beats_readability_js_on_the_benchmark() {
    let dir = data_dir();
    let truth_path = dir.join("ground-truth.json");
    let truth: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&truth_path).unwrap_or_else(|e| {
            panic!("the benchmark is missing ({}): {e}", truth_path.display())
        }))
        .unwrap();
    assert_eq!(truth.len(), 181, "the benchmark has 181 pages");
    let mut scores = Vec::new();
    for (id, entry) in &truth {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let mut html = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
            .read_to_string(&mut html)
            .unwrap();
        let gold = entry["articleBody"].as_str().unwrap();
        scores.push(score_page(gold, &parallax::extract(&html).text));
    }
    let s = summarize(&scores);
    eprintln!("F1 {:.3} P {:.3} R {:.3}", s.f1, s.precision, s.recall);
    assert!(
        s.f1 > 0.947,
        "F1 {:.3} does not beat Readability.js (0.947)",
        s.f1
    );
}
