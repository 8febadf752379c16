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

/// Scripts without spaces have no words to shingle: the overlap engine compares
/// characters there, so a shared sentence is found and marked exactly.
#[test]
fn shared_sentences_in_scripts_without_spaces_are_aligned() {
    let cases = [
        (
            "新华社北京9月5日电。",
            "国家主席习近平在杭州会见美国总统奥巴马，双方就中美关系和共同关心的国际地区问题深入交换意见。",
            "据报道，",
        ),
        (
            "東京発。",
            "首相は記者会見で、来年度の予算案について国会で丁寧に説明する考えを示した。",
            "政府関係者によると、",
        ),
    ];
    for (before, shared, other) in cases {
        let articles = vec![
            Article::new("a", format!("{before}{shared}会谈持续了两个多小时。")),
            Article::new("b", format!("{other}{shared}")),
        ];
        let report = report(&articles);
        let pair = &report.pairs[0];
        assert!(
            pair.containment.b_in_a > 0.5,
            "{shared}: {:?}",
            pair.containment
        );
        let p = pair.passages.first().expect("a passage");
        let got = utf16_slice(&articles[0].text, p.a.start, p.a.end);
        assert!(
            shared.starts_with(&got) && got.chars().count() >= 20,
            "{got}"
        );
    }
}

/// `minPassageScore` keeps only passages at least that alike: at 0.95 the edited
/// quote that three articles carry goes, the syndicated copy stays.
#[test]
fn minimum_score_leaves_paraphrases_out() {
    let articles = seeds();
    let all = report(&articles);
    let strict = analyze(
        &articles,
        &Options {
            min_passage_score: 0.95,
            ..Options::default()
        },
    )
    .unwrap();
    let passages = |r: &Report| -> Vec<f64> {
        r.pairs
            .iter()
            .flat_map(|p| p.passages.iter().map(|q| q.score))
            .collect()
    };
    assert!(passages(&all).iter().any(|&s| s < 0.95));
    assert!(passages(&strict).iter().all(|&s| s >= 0.95));
    let copy = |r: &Report| {
        r.pairs
            .iter()
            .find(|p| p.a.starts_with("002_") && p.b.starts_with("003_"))
            .map(|p| p.passages.len())
    };
    assert_eq!(copy(&all), copy(&strict));
    let err = analyze(
        &articles,
        &Options {
            min_passage_score: 1.5,
            ..Options::default()
        },
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid-option");
}
