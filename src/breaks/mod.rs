//! Unicode text boundaries (UAX #29), in one place: word boundaries for the text
//! engine's segments (src/text/segment.rs), sentences for readability
//! (src/text/stats.rs) and grapheme clusters for the scripts written without
//! spaces (src/text/cjk.rs).
//!
//! With the feature `segmentation` (every build but the lean engine) it is the
//! crate unicode-segmentation, for every script. The lean engine (src/lean.rs, the
//! page's first load) leaves out that crate's tables and code, 33 kB of its gzipped
//! wasm (a build without them, `tools/size.mjs`): like src/normal/, it has instead
//! small tables of the word and sentence break properties of the characters the
//! normalization tables cover (Latin, Greek and Cyrillic letters, punctuation,
//! symbols, emoji) and the rules of UAX #29 over them. Any other character is noted
//! as needing the full engine, so the lean engine never answers otherwise than the
//! full one. Grapheme clusters are only asked of scripts without spaces (Thai,
//! Chinese, Japanese…), none of them covered: the lean engine notes them all.
//!
//! The tables are generated from unicode-segmentation's own (private) tables by the
//! test `tables_are_unicode_segmentations` (`PARALLAX_WRITE_TABLES=1 cargo test
//! --lib tables_are` writes them), and the rules are held to the crate's answers
//! on every covered character and on random covered texts.

#[cfg(any(not(feature = "segmentation"), test))]
mod small;
#[cfg(any(not(feature = "segmentation"), test))]
mod tables;

#[cfg(not(any(feature = "segmentation", feature = "lean")))]
compile_error!("a build without the feature `segmentation` must be the lean engine (feature `lean`): only it refuses what its small tables lack");

#[cfg(feature = "segmentation")]
pub use full::*;
#[cfg(not(feature = "segmentation"))]
pub use small::*;

#[cfg(feature = "segmentation")]
mod full {
    use unicode_segmentation::UnicodeSegmentation;

    /// The pieces of `s` between word boundaries, with their byte offsets.
    pub fn word_bound_indices(s: &str) -> impl Iterator<Item = (usize, &str)> {
        s.split_word_bound_indices()
    }

    /// The sentences of `s`.
    ///
    /// unicode-segmentation's sentence rules look back over a run of spaces or
    /// closing marks at every character of it: 40,000 spaces after a full stop
    /// took the CLI 11 s, 100,000 a minute (quadratic); so do runs of no-break
    /// spaces or `»`. No boundary falls inside a run of one character that is
    /// not a separator (the rules allow one only after a separator, or at a
    /// change of value: SB4–SB11, SB998), and no rule counts a run's characters
    /// beyond the first two; so the crate reads `s` with every long run of one
    /// character cut to [`KEPT`], and its boundaries are moved back to `s`. (The
    /// lean engine's own rules are linear: `small.rs`.)
    pub fn sentences(s: &str) -> impl Iterator<Item = &str> {
        let (shadow, cuts) = cut_long_runs(s);
        let mut pieces = Vec::new();
        let (mut start, mut end, mut removed) = (0, 0, 0);
        let mut cuts = cuts.into_iter().peekable();
        for piece in shadow.split_sentence_bounds() {
            end += piece.len();
            // A boundary at a run's cut end (or after it) moves by what was cut.
            while let Some((_, len)) = cuts.next_if(|&(at, _)| at <= end) {
                removed += len;
            }
            pieces.push(&s[start..end + removed]);
            start = end + removed;
        }
        pieces.into_iter()
    }

    /// How many characters of a long run the crate reads.
    const KEPT: usize = 8;

    /// A run this long or longer is cut.
    const LONG: usize = 64;

    /// `s` with every run of [`LONG`] or more of one character that is not a
    /// sentence separator cut to [`KEPT`], and the cuts: where each ends in the
    /// shortened text and how many bytes it removed.
    fn cut_long_runs(s: &str) -> (std::borrow::Cow<'_, str>, Vec<(usize, usize)>) {
        let mut cuts = Vec::new();
        let mut shadow = String::new();
        let mut copied = 0;
        let mut chars = s.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let mut run = 1;
            while chars.next_if(|&(_, d)| d == c).is_some() {
                run += 1;
            }
            let separator = matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}');
            if run >= LONG && !separator {
                let kept = start + KEPT * c.len_utf8();
                shadow.push_str(&s[copied..kept]);
                cuts.push((shadow.len(), (run - KEPT) * c.len_utf8()));
                copied = start + run * c.len_utf8();
            }
        }
        if cuts.is_empty() {
            return (std::borrow::Cow::Borrowed(s), cuts);
        }
        shadow.push_str(&s[copied..]);
        (std::borrow::Cow::Owned(shadow), cuts)
    }

    /// The extended grapheme clusters of `s`, with their byte offsets.
    pub fn grapheme_indices(s: &str) -> impl Iterator<Item = (usize, &str)> {
        s.grapheme_indices(true)
    }
}

// proptest needs an OS random source, which wasm32-unknown-unknown lacks.
#[cfg(all(test, feature = "segmentation", not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// Characters whose long runs are cut (of every sentence break value; the
    /// separators' runs are not cut), then pieces that make every rule around a
    /// run apply: terminals, separators, letters of each case, digits, absorbed
    /// marks, closing marks and spaces.
    const RUNS: &[char] = &[
        ' ', '\t', '"', '\'', '(', ')', '[', ']', '{', '}', '\u{a0}', '\u{3000}', '»', '”', '.',
        '!', '?', 'a', 'A', '1', ',', '-', '\u{300}', '\u{fe0f}', '\u{ad}', '\u{200d}', '中', '\n',
        '\r', '\u{2029}',
    ];
    const PIECES: &[&str] = &[
        "A.", "a.", "x?", "!", ".", "\n", "\r\n", "\u{2029}", "Then", "then", "T", "1", ",", ";",
        "\u{300}", "\u{200d}", "\u{ad}", "”", "»", "\u{a0}", "é", "中", "…", "U.S.",
    ];

    fn text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let run = (proptest::sample::select(RUNS), 60usize..200)
            .prop_map(|(c, n)| c.to_string().repeat(n));
        let piece = proptest::sample::select(PIECES).prop_map(str::to_string);
        proptest::collection::vec(prop_oneof![run, piece], 0..12).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Cutting the long runs changes no sentence.
        #[test]
        fn sentences_are_unicode_segmentations(text in text()) {
            let ours: Vec<&str> = sentences(&text).collect();
            let theirs: Vec<&str> = text.split_sentence_bounds().collect();
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    /// 100,000 spaces, closing marks or no-break spaces after a full stop are
    /// read at once (the crate alone takes a minute), as the sentences they must be.
    #[test]
    fn long_runs_take_one_pass() {
        let n = 100_000;
        let lengths = |text: &str| sentences(text).map(str::len).collect::<Vec<_>>();
        assert_eq!(lengths(&format!("A.{}B", " ".repeat(n))), [2 + n, 1]);
        assert_eq!(lengths(&format!("A.{} B", ")".repeat(n))), [3 + n, 1]);
        assert_eq!(lengths(&format!("A.{}\nB", "\t".repeat(n))), [3 + n, 1]);
        assert_eq!(
            lengths(&format!("A.{}B", "\u{a0}".repeat(n))),
            [2 + 2 * n, 1]
        );
        assert_eq!(lengths(""), [0usize; 0]);
    }
}
