//! The three-phase pieces (`parallax::distributed`, what the Spark job runs) give
//! what `analyze` gives: every document's id, title, words, language and meta,
//! every listed pair's scores and passages, and every relation, on the seeds and on
//! the news fixtures' sets, every pair aligned and through the candidate index.
#![cfg(not(target_arch = "wasm32"))] // Native only: reads files.

mod common;

use std::collections::HashMap;

use common::{news_fixture_sets, seeds};
use parallax::distributed::{
    candidate_pairs, compare, line_keys, shared_quotes, Document, DocumentSummary, LineRepeats,
    PairResult,
};
use parallax::{analyze, Article, Options, PairList, Report};

/// The set through the phases, as a cluster would: line keys added to two partial
/// repeats in reverse order and merged, frequencies summed, then each pair alone.
fn phased(
    articles: &[Article],
    options: &Options,
) -> parallax::Result<(Vec<DocumentSummary>, Vec<PairResult>)> {
    let n = articles.len();
    let (mut even, mut odd) = (LineRepeats::default(), LineRepeats::default());
    for (i, article) in articles.iter().enumerate().rev() {
        let keys = line_keys(&article.text);
        match i % 2 {
            0 => even.add(i, &keys),
            _ => odd.add(i, &keys),
        }
    }
    let repeats = odd.merge(even);
    let mut docs = articles
        .iter()
        .enumerate()
        .map(|(i, a)| Document::new(i, a, &repeats, options))
        .collect::<parallax::Result<Vec<Document>>>()?;
    let summaries = docs
        .iter()
        .map(|d| d.summary(options))
        .collect::<parallax::Result<Vec<_>>>()?;
    let mut df: HashMap<u64, u64> = HashMap::new();
    for d in &docs {
        for stem in d.stems() {
            *df.entry(stem).or_insert(0) += 1;
        }
    }
    for d in &mut docs {
        d.weigh(n as u64, |s| df.get(&s).copied().unwrap_or(0));
    }
    let shingles: Vec<Vec<u64>> = docs.iter().map(|d| d.candidate_shingles(options)).collect();
    let quotes: Vec<(usize, _)> = docs
        .iter()
        .map(|d| (d.index(), d.quote_words()))
        .filter(|(_, q)| !q.is_empty())
        .rev()
        .collect();
    let shared: HashMap<(usize, usize), usize> = shared_quotes(&quotes)
        .into_iter()
        .map(|(a, b, k)| ((a, b), k))
        .collect();
    let pairs = candidate_pairs(&shingles, options)
        .into_iter()
        .map(|(i, j)| {
            let k = shared.get(&(i, j)).copied().unwrap_or(0);
            compare(&docs[i], &docs[j], n, k, options)
        })
        .collect();
    Ok((summaries, pairs))
}

fn same(articles: &[Article], options: &Options, what: &str) {
    let report: Result<Report, _> = analyze(articles, options);
    let phased = phased(articles, options);
    let (report, (summaries, pairs)) = match (report, phased) {
        (Ok(r), Ok(p)) => (r, p),
        (Err(a), Err(b)) => {
            assert_eq!(a.code(), b.code(), "{what}: errors differ");
            return;
        }
        (r, p) => panic!("{what}: analyze {:?}, phases {:?}", r.err(), p.err()),
    };
    assert_eq!(report.documents.len(), summaries.len(), "{what}");
    for (d, s) in report.documents.iter().zip(&summaries) {
        let fields =
            |id: &str, title: &str, words, language: Option<&str>, enc: &Option<String>, meta| {
                format!("{id} | {title} | {words} | {language:?} | {enc:?} | {meta}")
            };
        assert_eq!(
            fields(
                &d.id,
                &d.title,
                d.tokens,
                d.terms.language,
                &d.encoding,
                format!("{:?}", d.meta)
            ),
            fields(
                &s.id,
                &s.title,
                s.words,
                s.language,
                &s.encoding,
                format!("{:?}", s.meta)
            ),
            "{what}: document {}",
            d.id
        );
    }
    let listed: Vec<String> = pairs
        .iter()
        .filter(|p| p.listed)
        .map(|p| format!("{:#?}", p.pair))
        .collect();
    let expected: Vec<String> = report.pairs.iter().map(|p| format!("{p:#?}")).collect();
    assert_eq!(listed, expected, "{what}: pairs differ");
    let relations: Vec<String> = pairs
        .iter()
        .filter_map(|p| p.relation.as_ref())
        .map(|r| format!("{r:#?}"))
        .collect();
    let expected: Vec<String> = report.relations.iter().map(|r| format!("{r:#?}")).collect();
    assert_eq!(relations, expected, "{what}: relations differ");
}

/// Every pair aligned, the candidate index (above 2 articles), every pair listed,
/// boilerplate kept.
fn settings() -> Vec<(&'static str, Options)> {
    let base = Options::default;
    vec![
        ("default", base()),
        (
            "candidates",
            Options {
                all_pairs_up_to: 2,
                ..base()
            },
        ),
        (
            "candidates, all listed",
            Options {
                all_pairs_up_to: 2,
                list_pairs: PairList::All,
                ..base()
            },
        ),
        (
            "boilerplate in, 5 words",
            Options {
                exclude_boilerplate: false,
                min_passage_words: 5,
                ..base()
            },
        ),
    ]
}

#[test]
fn seeds_in_phases() {
    for (name, options) in settings() {
        same(&seeds(), &options, &format!("seeds, {name}"));
    }
}

#[test]
fn fixture_sets_in_phases() {
    for (set, articles) in news_fixture_sets() {
        for (name, options) in settings() {
            same(&articles, &options, &format!("{set}, {name}"));
        }
    }
}
