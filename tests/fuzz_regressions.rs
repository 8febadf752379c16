//! Every input kept in `fuzz/regressions/<target>/` (crashes the fuzzers found, and
//! the hostile shapes written by hand) goes through the same check its fuzz target
//! runs (`fuzz/checks.rs`), so what broke once is tested on every `cargo test`.
#![cfg(not(target_arch = "wasm32"))] // Native only: reads files.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

/// What a fuzz target checks of one input.
type Check = fn(&[u8]);

const TARGETS: [(&str, Check); 6] = [
    ("tokenize", checks::tokenize),
    ("analyze", checks::analyze),
    ("align", checks::align),
    ("pan", checks::pan),
    ("html", checks::html),
    ("decode", checks::decode),
];

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn kept_inputs_pass_their_checks() {
    for (target, check) in TARGETS {
        let files = inputs(target);
        assert!(
            !files.is_empty(),
            "fuzz/regressions/{target}/ holds no inputs"
        );
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let result = std::panic::catch_unwind(|| check(&data));
            assert!(
                result.is_ok(),
                "{target}: {} fails its check",
                file.display()
            );
        }
    }
}
