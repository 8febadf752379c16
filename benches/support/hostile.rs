//! Hostile inputs for the overlap engine, shared by `tests/align_hostile.rs`
//! (moderate sizes, answers asserted) and `benches/hostile.rs` (large sizes, times
//! printed): each is a text of about `words` words that a naive aligner handles in
//! quadratic time or memory.
#![allow(dead_code)] // Each user takes its share of these.

/// One ordinary news paragraph (three sentences, 46 words).
pub const PARAGRAPH: &str =
    "The committee voted on Tuesday to delay the project by two years, citing rising costs. \
Officials said the decision followed months of talks with contractors and local residents. \
A spokesman for the council declined to say whether the budget would be cut again next spring.\n\n";

/// One hostile shape: its name and how to write a text of about `words` words.
pub struct Shape {
    /// What the text is.
    pub name: &'static str,
    /// The text, about `words` words long.
    pub text: fn(words: usize) -> String,
}

/// Every shape.
pub const SHAPES: [Shape; 5] = [
    Shape {
        name: "paragraph repeated",
        text: repeated_paragraph,
    },
    Shape {
        name: "one word repeated",
        text: one_word,
    },
    Shape {
        name: "one huge word",
        text: huge_word,
    },
    Shape {
        name: "combining-mark storms",
        text: combining_storms,
    },
    Shape {
        name: "many short lines",
        text: short_lines,
    },
];

/// [`PARAGRAPH`] repeated until the text has `words` words.
pub fn repeated_paragraph(words: usize) -> String {
    PARAGRAPH.repeat(words.div_ceil(46).max(1))
}

/// `word` `words` times, with no sentence break: one sentence.
pub fn one_word(words: usize) -> String {
    "word ".repeat(words.max(1))
}

/// A sentence, one word of `6 * words` letters, and the sentence again.
pub fn huge_word(words: usize) -> String {
    let huge = "abcdef".repeat(words.max(1));
    format!("The storm reached the coast before dawn on Monday. {huge} The storm reached the coast before dawn on Monday.")
}

/// Words each followed by a storm of 40 combining marks ("Zalgo" text).
pub fn combining_storms(words: usize) -> String {
    let storm: String = (0..40)
        .map(|k| char::from_u32(0x300 + k).unwrap_or('\u{301}'))
        .collect();
    let vocabulary = ["storm", "coast", "dawn", "reached", "the", "before"];
    (0..words.max(1))
        .map(|k| format!("{}{storm} ", vocabulary[k % vocabulary.len()]))
        .collect()
}

/// One short line per word, every line starting with a capital: a sentence break
/// at every line, and lines repeating every 7.
pub fn short_lines(words: usize) -> String {
    let lines = ["Yes", "No", "Maybe", "Item", "Total", "Page", "Next"];
    (0..words.max(1))
        .map(|k| format!("{}\n", lines[k % lines.len()]))
        .collect()
}
