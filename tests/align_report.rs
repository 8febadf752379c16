//! The overlap engine's part of the report on the seed articles: passages,
//! shared shares and groups.
#![cfg(not(target_arch = "wasm32"))] // Native only: `wasm-pack test` compiles every test target.

mod common;

use common::seeds;
use parallax::{analyze, Article, Options, Report};

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(&units[start..end])
}

fn text_of<'a>(articles: &'a [Article], id: &str) -> &'a str {
    &articles.iter().find(|a| a.id == id).unwrap().text
}

fn report(articles: &[Article]) -> Report {
    analyze(articles, &Options::default()).unwrap()
}

#[test]
fn the_syndicated_copy_leaves_the_archive_notice_out() {
    let articles = seeds();
    let report = report(&articles);
    let pair = report
        .pairs
        .iter()
        .find(|p| p.a.starts_with("002_") && p.b.starts_with("003_"))
        .unwrap();
    let a = text_of(&articles, &pair.a);
    let longest = pair
        .passages
        .iter()
        .max_by_key(|p| p.a.end - p.a.start)
        .unwrap();
    assert!(longest.b.end - longest.b.start > 4000, "{longest:?}");
    for p in &pair.passages {
        let side = utf16_slice(a, p.a.start, p.a.end);
        assert!(!side.contains("archived article"), "{side}");
    }
}

#[test]
fn shared_share_tells_the_copy_from_the_original_reporting() {
    let report = report(&seeds());
    let share = |prefix: &str| {
        report
            .documents
            .iter()
            .find(|d| d.id.starts_with(prefix))
            .unwrap()
            .shared_share
    };
    assert!(share("003_") > 0.9, "{}", share("003_"));
    assert!(share("002_") > 0.8, "{}", share("002_"));
    for other in ["000_", "001_", "004_"] {
        assert!(share(other) < 0.25, "{other}: {}", share(other));
    }
}

#[test]
fn a_quote_three_articles_carry_is_a_group() {
    let articles = seeds();
    let report = report(&articles);
    let quote = report.groups.iter().find(|g| {
        g.members.iter().any(|m| {
            utf16_slice(text_of(&articles, &m.id), m.start, m.end).contains("worth trying")
        })
    });
    let quote = quote.expect("a group with the quote");
    let ids: Vec<&str> = quote.members.iter().map(|m| &m.id[..4]).collect();
    assert_eq!(ids, ["001_", "002_", "003_"]);
    for m in &quote.members {
        let side = utf16_slice(text_of(&articles, &m.id), m.start, m.end);
        assert!(side.contains("innocent civilians"), "{}: {side}", m.id);
    }
    for g in &report.groups {
        assert!(g.members.len() >= 3);
    }
}

#[test]
fn two_articles_have_no_groups() {
    let articles: Vec<Article> = seeds().into_iter().take(2).collect();
    assert!(report(&articles).groups.is_empty());
}
