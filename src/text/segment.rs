//! Stage 1: word segmentation by Unicode UAX #29.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::ByteSpan;

/// The byte spans of the words of `text` (segments with at least one letter or digit).
pub fn words(text: &str) -> impl Iterator<Item = ByteSpan> + '_ {
    text.unicode_word_indices()
        .map(|(start, word)| ByteSpan::new(start, start + word.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_offsets() {
        let text = "Obama’s talks, 290,000 dead.";
        let got: Vec<&str> = words(text).map(|s| s.slice(text)).collect();
        assert_eq!(got, ["Obama’s", "talks", "290,000", "dead"]);
    }
}
