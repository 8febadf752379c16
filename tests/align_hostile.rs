//! The overlap engine on hostile inputs (`benches/support/hostile.rs`): each shape
//! at 20,000 words, aligned against itself, gives the right answer (one passage
//! covering both texts) in a time that a quadratic search would not reach even in
//! a debug build. `cargo bench --bench hostile` times the same shapes up to
//! 200,000 words.
#![cfg(not(target_arch = "wasm32"))] // Native only: `wasm-pack test` compiles every test target.

#[path = "../benches/support/hostile.rs"]
mod hostile;

use parallax::internals::align::{align, AlignOptions, Doc, Passage};

const WORDS: usize = 20_000;

/// The share of `text` (trailing space aside) that `span` covers.
fn share(text: &str, len: usize) -> f64 {
    len as f64 / text.trim_end().len() as f64
}

fn aligned(a: &str, b: &str, options: &AlignOptions) -> Vec<Passage> {
    align(&Doc::new(a), &Doc::new(b), options)
}

#[test]
fn a_hostile_text_is_a_copy_of_itself() {
    for shape in &hostile::SHAPES {
        let text = (shape.text)(WORDS);
        let doc = Doc::new(&text);
        for options in [AlignOptions::default(), AlignOptions::pan()] {
            let passages = align(&doc, &doc, &options);
            assert_eq!(passages.len(), 1, "{}: {passages:?}", shape.name);
            let p = &passages[0];
            assert!(share(&text, p.a.len()) > 0.99, "{}: {p:?}", shape.name);
            assert!(share(&text, p.b.len()) > 0.99, "{}: {p:?}", shape.name);
            assert_eq!(p.a, p.b, "{}", shape.name);
        }
    }
}

#[test]
fn a_repetitive_copy_after_a_preface_is_found_whole() {
    // The copy starts 30 words into the second text: the diagonal is not the main one.
    let text = hostile::repeated_paragraph(WORDS);
    let preface = "Editor's note: this report was first published by the regional desk \
                   and has been updated with comments from the council and the contractors.\n\n";
    let b = format!("{preface}{}", text);
    let passages = aligned(&text, &b, &AlignOptions::default());
    assert_eq!(passages.len(), 1, "{passages:?}");
    let p = &passages[0];
    assert!(share(&text, p.a.len()) > 0.99, "{p:?}");
    assert_eq!(p.b.start, preface.len(), "{p:?}");
}

#[test]
fn repetition_shares_nothing_with_an_unrelated_text() {
    let other =
        "Rain fell over the harbour while fishermen mended their nets and waited for the tide. \
                 The orchestra rehearsed a new symphony for the festival opening next spring.";
    for shape in &hostile::SHAPES {
        let text = (shape.text)(WORDS);
        let passages = aligned(&text, other, &AlignOptions::default());
        assert!(passages.is_empty(), "{}: {passages:?}", shape.name);
    }
}

#[test]
fn a_repetitive_text_holds_its_first_half_whole() {
    for shape in &hostile::SHAPES[..2] {
        let (a, b) = ((shape.text)(WORDS), (shape.text)(WORDS / 2));
        let passages = aligned(&a, &b, &AlignOptions::default());
        let in_b: usize = passages.iter().map(|p| p.b.len()).sum();
        assert!(share(&b, in_b) > 0.99, "{}: {passages:?}", shape.name);
        assert!(
            passages.iter().all(|p| p.a.len() == p.b.len()),
            "{}",
            shape.name
        );
    }
}
