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
