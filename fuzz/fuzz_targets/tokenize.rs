//! Any bytes, decoded lossily: tokenization, every option, term statistics and the
//! concordance never panic, and every token's span slices back to its surface in
//! bytes and in UTF-16 units.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::span::OffsetIndex;
use parallax::text::{self, corpus, kwic, AnalyzerOptions, TextOptions, TokenizeOptions};

fuzz_target!(|data: &[u8]| {
    let (flags, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let text = String::from_utf8_lossy(rest);
    let index = OffsetIndex::new(&text);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let mut last = 0;
    for t in text::tokenize(
        &text,
        &TokenizeOptions {
            fold_accents: flags & 1 == 1,
        },
    ) {
        let surface = text
            .get(t.span.start..t.span.end)
            .expect("span on char boundaries");
        assert!(!surface.is_empty() && !t.term.is_empty());
        assert!(t.span.start >= last);
        last = t.span.start;
        let u = index.utf16_span(t.span);
        assert_eq!(String::from_utf16(&utf16[u.start..u.end]).unwrap(), surface);
    }
    let options = TextOptions {
        language: Some(["auto", "en", "ru", "zh"][usize::from(flags >> 1 & 3)].into()),
        stop_words: Some(flags & 8 == 8),
        extra_stop_words: vec![text.chars().take(5).collect()],
        stem: Some(flags & 16 == 16),
        fold_accents: Some(flags & 32 == 32),
    };
    let _ = text::term_frequencies(&text, &options);
    let analyzer: AnalyzerOptions = options.analyzer(true);
    let (a, b) = text.split_at(
        text.char_indices()
            .nth(text.chars().count() / 2)
            .map_or(0, |(i, _)| i),
    );
    let _ = corpus::analyze(&[a, b], &analyzer, 20);
    let query: String = text.chars().skip(3).take(12).collect();
    let _ = kwic::concordance(&[a, b], &query, &analyzer, usize::from(flags), 64);
});
