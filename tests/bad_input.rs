//! Bad input gets a clear error, never a panic.
#![cfg(not(target_arch = "wasm32"))] // Native only: reads files, uses proptest.

use parallax::{analyze, Article, ErrorKind, Options};

fn article(id: &str, text: &str) -> Article {
    Article::new(id, text)
}

#[test]
fn a_single_article_is_described_without_pairs() {
    let report = analyze(
        &[article("a", "Some words here about Syria.")],
        &Options::default(),
    )
    .unwrap();
    assert_eq!(report.documents.len(), 1);
    assert!(report.pairs.is_empty() && report.groups.is_empty());
    assert!(report.documents[0]
        .terms
        .top_terms
        .iter()
        .any(|t| t.term == "syria"));
    assert_eq!(report.documents[0].shared_share, 0.0);
}

#[test]
fn no_articles_is_refused_with_a_reason() {
    let err = analyze(&[], &Options::default()).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::TooFewArticles { given: 0 });
    assert!(err.to_string().contains("at least one article"));
}

#[test]
fn empty_and_whitespace_articles_are_named() {
    for text in ["", "   \n\t  ", "... — !!"] {
        let err = analyze(
            &[article("ok", "Words."), article("blank", text)],
            &Options::default(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "empty-article");
        assert!(err.to_string().contains("\"blank\""), "{err}");
    }
}

#[test]
fn duplicate_ids_are_refused() {
    let err = analyze(
        &[article("x", "One."), article("x", "Two.")],
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "duplicate-id");
}

#[test]
fn a_five_megabyte_article_is_compared() {
    let sentence = "The delegates argued late into the night over the wording of clause ";
    let mut big = String::new();
    let mut i = 0;
    while big.len() < 5_000_000 {
        big.push_str(sentence);
        big.push_str(&i.to_string());
        big.push_str(". ");
        i += 1;
    }
    let small = format!("Intro words first. {}", &big[..2000]);
    let report = analyze(
        &[article("big", &big), article("small", &small)],
        &Options::default(),
    )
    .unwrap();
    assert!(report.pairs[0].containment.b_in_a > 0.9);
}
