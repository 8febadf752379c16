//! What only one source reports: facts only one article states or that articles
//! state differently, on the fixture cases (`tests/fixtures/news/facts.json`) and
//! on the five seed articles.
#![cfg(not(target_arch = "wasm32"))] // Native only: reads files.

mod common;

use common::seeds;
use parallax::{analyze, Article, Options};
use serde_json::{json, Value};

/// `text`'s UTF-16 units `start..end`, as JavaScript's `text.slice` returns them.
fn slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(units.get(start..end).unwrap_or(&[]))
}

/// Each article's facts as the fixtures write them.
fn facts(articles: &[Article]) -> Vec<Vec<Value>> {
    let report = analyze(articles, &Options::default()).unwrap();
    report
        .documents
        .iter()
        .zip(articles)
        .map(|(d, a)| {
            d.facts
                .iter()
                .map(|f| {
                    json!({
                        "kind": f.kind,
                        "text": slice(&a.text, f.start, f.end),
                        "value": f.value,
                        "status": f.status,
                        "others": f.others.iter().map(|o| json!({"id": o.id, "value": o.value})).collect::<Vec<_>>(),
                    })
                })
                .collect()
        })
        .collect()
}

#[test]
fn fixture_cases() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/news/facts.json"
    );
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() >= 4);
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let articles: Vec<Article> = case["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .map(|a| Article::new(a["id"].as_str().unwrap(), a["text"].as_str().unwrap()))
            .collect();
        let got = facts(&articles);
        let expect = case["expect"]["facts"].as_object().expect("expect.facts");
        assert!(!expect.is_empty(), "{name}");
        for (id, want) in expect {
            let i = articles.iter().position(|a| &a.id == id).expect(id);
            assert_eq!(&Value::Array(got[i].clone()), want, "{name}: {id}");
        }
    }
}

#[test]
fn seeds_facts() {
    let articles = seeds();
    let got = facts(&articles);
    let of = |prefix: &str| {
        let i = articles
            .iter()
            .position(|a| a.id.starts_with(prefix))
            .unwrap();
        &got[i]
    };
    let has = |facts: &[Value], text: &str| facts.iter().any(|f| f["text"] == text);
    // 004 alone counts the dead, and alone names Erdogan.
    let dead = of("004").iter().find(|f| f["text"] == "290,000 people");
    assert_eq!(
        dead.map(|f| f["status"].clone()),
        Some(json!("only")),
        "{:?}",
        of("004")
    );
    assert!(has(of("004"), "Recep Tayyip Erdogan"), "{:?}", of("004"));
    // CNN's `ninety minutes` is the Times' `90-minute meeting`: not reported.
    assert!(
        !of("002").iter().any(|f| f["value"] == "90 minutes"),
        "{:?}",
        of("002")
    );
    // CNN alone gives the full date.
    assert!(has(of("002"), "September 5, 2016"), "{:?}", of("002"));
    // 003 is 002 cut short: it states nothing of its own.
    assert!(of("003").is_empty(), "{:?}", of("003"));
    // Names all articles write are no one's own, however each spells them.
    for facts in &got {
        for f in facts {
            let text = f["text"].as_str().unwrap();
            assert!(
                !text.contains("Obama") && !text.contains("Putin") && !text.contains("Lavrov"),
                "{f}"
            );
        }
    }
}
