//! The five seed articles, through the public API: the syndicated copy is found,
//! and unrelated coverage of the same story is not mistaken for copying.
#![cfg(not(target_arch = "wasm32"))] // Native only: reads files, uses proptest.

mod common;

use common::seeds;
use parallax::{analyze, Options, Report};

fn report() -> Report {
    analyze(&seeds(), &Options::default()).unwrap()
}

/// The page's copy is the workplace's seeds, file for file. Ignored by default:
/// CI's clean clone has no `../shared`; run it with `cargo test -- --ignored`,
/// and it fails (rather than passes) where that folder is missing.
#[test]
#[ignore = "needs ../shared/seeds"]
fn page_copy_of_seeds_matches_shared_seeds() {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    let mut names: Vec<String> = std::fs::read_dir(shared)
        .unwrap_or_else(|e| panic!("{shared}: {e}"))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let ours: Vec<String> = seeds().iter().map(|a| format!("{}.txt", a.id)).collect();
    assert_eq!(ours, names, "www/seeds/ and {shared} hold different files");
    for article in seeds() {
        let original = std::fs::read_to_string(format!("{shared}/{}.txt", article.id)).unwrap();
        assert_eq!(
            article.text, original,
            "www/seeds/{}.txt differs",
            article.id
        );
    }
}

#[test]
fn syndicated_copy_is_contained() {
    let report = report();
    let pair = report
        .pairs
        .iter()
        .find(|p| p.a.starts_with("002_") && p.b.starts_with("003_"))
        .unwrap();
    assert!(
        pair.containment.b_in_a >= 0.9,
        "003 in 002: {}",
        pair.containment.b_in_a
    );
    assert!(!pair.passages.is_empty());
}

#[test]
fn other_pairs_are_not_copies() {
    let report = report();
    for p in &report.pairs {
        if p.a.starts_with("002_") && p.b.starts_with("003_") {
            continue;
        }
        assert!(
            p.containment.a_in_b < 0.1 && p.containment.b_in_a < 0.1,
            "{} / {}: {:?}",
            p.a,
            p.b,
            p.containment
        );
    }
}

#[test]
fn passages_are_utf16_ranges_that_match_in_both_texts() {
    let articles = seeds();
    let report = analyze(&articles, &Options::default()).unwrap();
    let text = |id: &str| -> Vec<u16> {
        articles
            .iter()
            .find(|a| a.id == id)
            .unwrap()
            .text
            .encode_utf16()
            .collect()
    };
    for pair in &report.pairs {
        let (a, b) = (text(&pair.a), text(&pair.b));
        for p in &pair.passages {
            assert!(p.a.start < p.a.end && p.a.end <= a.len());
            assert!(p.b.start < p.b.end && p.b.end <= b.len());
            if p.score == 1.0 {
                assert_eq!(
                    words(&String::from_utf16_lossy(&a[p.a.start..p.a.end])),
                    words(&String::from_utf16_lossy(&b[p.b.start..p.b.end]))
                );
            }
        }
    }
}

#[test]
fn documents_have_titles_and_top_terms() {
    let report = report();
    assert_eq!(report.documents.len(), 5);
    let d = report
        .documents
        .iter()
        .find(|d| d.id.starts_with("003_"))
        .unwrap();
    assert_eq!(d.title, "No deal on Syria as Obama and Putin meet");
    let terms: Vec<&str> = d.terms.top_terms.iter().map(|t| t.term.as_str()).collect();
    assert!(terms.contains(&"syria"), "{terms:?}");
    assert!(!terms.contains(&"the"));
}

/// The words of a passage, lower case, without punctuation: what a score of 1 promises.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}
