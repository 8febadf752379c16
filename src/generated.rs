//! The tests' check of the generated Unicode tables (`src/normal/tables.rs`,
//! `src/breaks/tables.rs`): the committed file is what its crate's data gives.

/// Asserts that the file at `path` (from the crate's root) is `wanted`, what the
/// crate `from` gives; with `PARALLAX_WRITE_TABLES=1` in the environment, writes
/// it first.
pub fn assert_committed(path: &str, wanted: &str, from: &str) {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("PARALLAX_WRITE_TABLES").is_some() {
        std::fs::write(&full, wanted).unwrap();
    }
    let committed = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        committed == wanted,
        "{path} is not what {from} gives: run PARALLAX_WRITE_TABLES=1 cargo test --lib tables_are"
    );
}
