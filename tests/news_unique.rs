//! What only one source reports: unique sentences, on the fixture cases
//! (`tests/fixtures/news/unique.json`) and on the five seed articles.
#![cfg(not(target_arch = "wasm32"))] // Native only: reads files and uses proptest.

mod common;

use common::seeds;
use parallax::{analyze, Article, Options, Report};
use proptest::prelude::*;
use serde_json::Value;

/// `text`'s UTF-16 units `start..end`, as JavaScript's `text.slice` returns them.
fn slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(units.get(start..end).unwrap_or(&[]))
}

fn articles(case: &Value) -> Vec<Article> {
    case["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| {
            Article::new(
                a["id"].as_str().expect("id"),
                a["text"].as_str().expect("text"),
            )
        })
        .collect()
}

/// Each article's unique sentences, as the text they cover.
fn unique_texts(report: &Report, articles: &[Article]) -> Vec<Vec<String>> {
    report
        .documents
        .iter()
        .zip(articles)
        .map(|(d, a)| {
            d.unique
                .iter()
                .map(|s| slice(&a.text, s.start, s.end))
                .collect()
        })
        .collect()
}

#[test]
fn fixture_cases() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/news/unique.json"
    );
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() >= 3);
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let articles = articles(case);
        let report = analyze(&articles, &Options::default()).unwrap();
        let got = unique_texts(&report, &articles);
        let expect = case["expect"]["unique"].as_object().expect("expect.unique");
        assert!(!expect.is_empty(), "{name}");
        for (id, sentences) in expect {
            let i = articles.iter().position(|a| &a.id == id).expect(id);
            let want: Vec<&str> = sentences
                .as_array()
                .expect("sentences")
                .iter()
                .map(|s| s.as_str().expect("sentence"))
                .collect();
            assert_eq!(got[i], want, "{name}: {id}");
        }
    }
}

#[test]
fn seeds_unique_sentences() {
    let articles = seeds();
    let report = analyze(&articles, &Options::default()).unwrap();
    let got = unique_texts(&report, &articles);
    let of = |prefix: &str| {
        let i = articles
            .iter()
            .position(|a| a.id.starts_with(prefix))
            .unwrap();
        &got[i]
    };
    // 003 is 002 cut short: nothing of it is its own.
    assert!(of("003").len() <= 1, "{:?}", of("003"));
    // 004's Erdogan no-fly-zone sentence is told by no other article.
    assert!(
        of("004")
            .iter()
            .any(|s| s.contains("Erdogan") && s.contains("no-fly zone")),
        "{:?}",
        of("004")
    );
    // Its opening (Washington and Moscow failed to agree) is CNN's opening reworded.
    assert!(
        !of("004")
            .iter()
            .any(|s| s.starts_with("Washington and Moscow failed")),
        "{:?}",
        of("004")
    );
    // The long New York Times and Washington Post stories add most of their own.
    assert!(of("000").len() > 20 && of("001").len() > 15);
    for (d, a) in report.documents.iter().zip(&articles) {
        for s in &d.unique {
            assert!(
                s.start < s.end && s.end <= a.text.encode_utf16().count(),
                "{}",
                a.id
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any texts: unique sentences and facts lie inside their article, and nothing panics.
    #[test]
    fn any_texts(a in "[A-Za-z0-9 ,.$%’'\n-]{0,200}", b in "\\PC{0,120}") {
        let articles = vec![Article::new("a", a.clone() + " word"), Article::new("b", b + " word")];
        let report = analyze(&articles, &Options::default()).unwrap();
        for (d, article) in report.documents.iter().zip(&articles) {
            let len = article.text.encode_utf16().count();
            prop_assert!(d.unique.iter().all(|s| s.start <= s.end && s.end <= len));
            prop_assert!(d.facts.iter().all(|f| f.start <= f.end && f.end <= len));
        }
    }
}
