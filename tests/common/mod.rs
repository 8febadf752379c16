//! Helpers shared by the native integration tests (`mod common;`).
#![allow(dead_code)] // Each test file uses its own share of these.

use std::path::PathBuf;

use parallax::Article;

/// The page's copy of the five seed files, sorted by name.
pub fn seed_paths() -> Vec<PathBuf> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    // A missing or partial copy fails here rather than letting a test pass on less.
    assert_eq!(paths.len(), 5, "{dir}: expected the five seed articles");
    paths
}

/// The five seed articles, ids from their file names, in name order.
pub fn seeds() -> Vec<Article> {
    seed_paths()
        .iter()
        .map(|p| {
            Article::new(
                p.file_stem().unwrap().to_string_lossy(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect()
}

/// Every article set of the news fixtures (`tests/fixtures/news/*.json`), named
/// "table: case"; fails when fewer than 70 are read.
pub fn news_fixture_sets() -> Vec<(String, Vec<Article>)> {
    let mut sets = Vec::new();
    for table in [
        "relations",
        "facts",
        "unique",
        "boilerplate",
        "meta",
        "quotes",
    ] {
        let path = format!(
            "{}/tests/fixtures/news/{table}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in cases {
            let articles = case["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(fixture_article)
                .collect();
            sets.push((format!("{table}: {}", case["name"]), articles));
        }
    }
    assert!(sets.len() >= 70, "only {} fixture sets read", sets.len());
    sets
}

/// A fixture's article: its text inline, or in a file of the repository.
pub fn fixture_article(a: &serde_json::Value) -> Article {
    let text = match (a["text"].as_str(), a["file"].as_str()) {
        (Some(text), _) => text.to_owned(),
        (None, Some(file)) => {
            std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
        }
        _ => panic!("an article without text or file: {a}"),
    };
    let mut article = Article::new(a["id"].as_str().unwrap(), text);
    article.title = a["title"].as_str().map(String::from);
    article
}
