//! PAN mode end to end on a tiny hand-made corpus: `parallax pan` writes one
//! detection file per pair in PAN's shape, and `parallax pan-eval` scores them per
//! folder (the folders are the CLI's; the alignment and plagdet the library's).
#![cfg(not(target_arch = "wasm32"))] // Native only: `wasm-pack test` compiles every test target.

use std::path::{Path, PathBuf};
use std::process::Output;

use parallax::internals::pan;

/// Runs the `parallax` binary with `command` and `paths`.
fn parallax(command: &str, paths: &[&Path]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg(command)
        .args(paths)
        .output()
        .unwrap()
}

/// `pan-eval`'s table: the folder and its recall, precision, granularity and
/// plagdet, and the counts of cases and detections.
fn table(out: &Output) -> Vec<(String, [f64; 6])> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split_whitespace().collect();
            let number = |i: usize| cells[i].parse::<f64>().unwrap();
            let row = [
                number(1),
                number(2),
                number(3),
                number(4),
                number(5),
                number(6),
            ];
            (cells[0].to_string(), row)
        })
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-pan-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const COPIED: &str = "The harbour authority confirmed on Thursday that the northern pier will close for repairs next month. Engineers found cracks in three of its concrete supports during a routine inspection. Ferries will use the southern terminal until the work is finished, which could take until the end of the summer season.";

#[test]
fn runs_and_scores_a_tiny_corpus() {
    let root = scratch("corpus");
    for dir in ["src", "susp", "02-copy", "01-none", "out"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
    }
    // Non-ASCII text before the copy, so code points and bytes differ.
    let prefix =
        "Café news — «today» in Zürich: the council met and argued about the budget for hours. ";
    let susp = format!("{prefix}{COPIED} Other business followed later.");
    let source = format!("Local news roundup. {COPIED}");
    let other = "A recipe for bread: flour, water, salt and yeast, left to rise overnight in a warm kitchen.";
    std::fs::write(root.join("susp/suspicious-document00001.txt"), &susp).unwrap();
    std::fs::write(root.join("src/source-document00001.txt"), &source).unwrap();
    std::fs::write(root.join("src/source-document00002.txt"), other).unwrap();
    std::fs::write(
        root.join("pairs"),
        "suspicious-document00001.txt source-document00001.txt\n\
         suspicious-document00001.txt source-document00002.txt\n",
    )
    .unwrap();

    let chars = |s: &str| s.chars().count();
    let copied_len = chars(COPIED) - 1; // the passage ends at its last word, before "."
    let truth = format!(
        "<document reference=\"suspicious-document00001.txt\">\n<feature name=\"plagiarism\" obfuscation=\"none\" this_offset=\"{}\" this_length=\"{copied_len}\" source_reference=\"source-document00001.txt\" source_offset=\"{}\" source_length=\"{copied_len}\" />\n</document>\n",
        chars(prefix),
        chars("Local news roundup. "),
    );
    std::fs::write(
        root.join("02-copy/suspicious-document00001-source-document00001.xml"),
        truth,
    )
    .unwrap();
    std::fs::write(
        root.join("01-none/suspicious-document00001-source-document00002.xml"),
        "<document reference=\"suspicious-document00001.txt\">\n</document>\n",
    )
    .unwrap();

    let (src, susp, out) = (root.join("src"), root.join("susp"), root.join("out"));
    let run = parallax("pan", &[&root.join("pairs"), &src, &susp, &out]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stderr).contains("aligned 2 pairs"));
    let written =
        std::fs::read_to_string(root.join("out/suspicious-document00001-source-document00001.xml"))
            .unwrap();
    assert!(
        written.contains("name=\"detected-plagiarism\""),
        "{written}"
    );
    assert!(
        written.contains("source_reference=\"source-document00001.txt\""),
        "{written}"
    );
    let found = pan::xml::parse(&written, "detected-plagiarism");
    assert_eq!(found.len(), 1, "{written}");
    assert_eq!(found[0].this_offset, chars(prefix));

    let table = table(&parallax("pan-eval", &[&root, &out]));
    let names: Vec<&str> = table.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(names, ["01-none", "02-copy", "overall"]);
    // Columns: cases, found, recall, precision, granularity, plagdet.
    let copy = table[1].1;
    assert_eq!((copy[2], copy[3], copy[4]), (1.0, 1.0, 1.0));
    assert_eq!(table[0].1[1], 0.0, "no detection in 01-none");
    assert_eq!(table[2].1[5], 1.0);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_missing_document_is_an_error_naming_it() {
    let root = scratch("missing");
    std::fs::write(root.join("pairs"), "suspicious-x.txt source-y.txt\n").unwrap();
    let out = parallax(
        "pan",
        &[&root.join("pairs"), &root, &root, &root.join("out")],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("suspicious-x.txt"), "{err}");
    let _ = std::fs::remove_dir_all(&root);
}
