//! PAN mode end to end on a tiny hand-made corpus: `pan::run` writes one detection
//! file per pair in PAN's shape, and `pan::evaluate` scores them per folder.
#![cfg(not(target_arch = "wasm32"))] // Native only: `wasm-pack test` compiles every test target.

use std::path::PathBuf;

use parallax::pan;

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

    let n = pan::run(
        &root.join("pairs"),
        &root.join("src"),
        &root.join("susp"),
        &root.join("out"),
    )
    .unwrap();
    assert_eq!(n, 2);
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

    let table = pan::evaluate(&root, &root.join("out")).unwrap();
    let names: Vec<&str> = table.iter().map(|r| r.folder.as_str()).collect();
    assert_eq!(names, ["01-none", "02-copy", "overall"]);
    let copy = table[1].scores;
    assert_eq!(
        (copy.recall, copy.precision, copy.granularity),
        (1.0, 1.0, 1.0)
    );
    assert_eq!(table[0].scores.detections, 0);
    assert_eq!(table[2].scores.plagdet, 1.0);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_missing_document_is_an_error_naming_it() {
    let root = scratch("missing");
    std::fs::write(root.join("pairs"), "suspicious-x.txt source-y.txt\n").unwrap();
    let err = pan::run(&root.join("pairs"), &root, &root, &root.join("out")).unwrap_err();
    assert!(err.to_string().contains("suspicious-x.txt"), "{err}");
    let _ = std::fs::remove_dir_all(&root);
}
