//! What each fuzz target checks, one function per target. The fuzz targets
//! (`fuzz_targets/*.rs`) call these on libFuzzer's inputs, and the native test
//! `tests/fuzz_regressions.rs` calls them on every input kept in `fuzz/regressions/`,
//! so a crash found once stays a test.

// Paths are written out (`parallax::internals::pan::…`): the checks are named after the
// library functions they exercise.
use parallax::internals::analyzer_options;
use parallax::internals::pan::xml;
use parallax::internals::span::OffsetIndex;
use parallax::internals::text::{corpus, kwic, AnalyzerOptions, TokenizeOptions};
use parallax::TextOptions;
use parallax::{Article, Options};

/// Any bytes, decoded lossily: tokenization, every option, term statistics and the
/// concordance never panic, and every token's span slices back to its surface in
/// bytes and in UTF-16 units.
pub fn tokenize(data: &[u8]) {
    let (flags, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let text = String::from_utf8_lossy(rest);
    let index = OffsetIndex::new(&text);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let mut last = 0;
    for t in parallax::internals::text::tokenize(
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
    let analyzer: AnalyzerOptions = analyzer_options(&options, true).expect("a known language");
    let _ = parallax::internals::text::term_frequencies(&text, &analyzer);
    let (a, b) = text.split_at(
        text.char_indices()
            .nth(text.chars().count() / 2)
            .map_or(0, |(i, _)| i),
    );
    let _ = corpus::analyze(&[a, b], &analyzer, 20);
    let query: String = text.chars().skip(3).take(12).collect();
    let _ = kwic::concordance(&[a, b], &query, &analyzer, usize::from(flags), 64);
}

/// `analyze` on two or three articles cut from any bytes: an `Err` is fine, a panic is not.
pub fn analyze(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let parts: Vec<&str> = text.splitn(3, '\u{1}').collect();
    let articles: Vec<Article> = parts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::new(i.to_string(), *t))
        .collect();
    let mut options = Options::default();
    options.text.stem = Some(data.first().is_some_and(|b| b & 1 == 1));
    let _ = parallax::analyze(&articles, &options);
}

/// `align_texts` on two texts cut from any bytes: never a panic, and every passage
/// is a non-empty UTF-16 range inside its text.
pub fn align(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (a, b) = text.split_once('\u{1}').unwrap_or((&text, &text));
    let Ok(passages) = parallax::align_texts(a, b, &Options::default()) else {
        return;
    };
    let (len_a, len_b) = (a.encode_utf16().count(), b.encode_utf16().count());
    for p in passages {
        assert!(
            p.a.start < p.a.end && p.a.end <= len_a,
            "{:?} of {len_a}",
            p.a
        );
        assert!(
            p.b.start < p.b.end && p.b.end <= len_b,
            "{:?} of {len_b}",
            p.b
        );
        assert!((0.0..=1.0).contains(&p.score));
    }
}

/// PAN mode on any two texts: detection never panics, every detection lies inside
/// both documents (code points), and the detection file it writes reads back to
/// the same detections.
pub fn pan(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (susp, source) = text.split_once('\u{1}').unwrap_or((&text, &text));
    let detections = parallax::internals::pan::detect_texts(susp, source);
    let (len_s, len_r) = (susp.chars().count(), source.chars().count());
    for d in &detections {
        assert!(d.this_offset + d.this_length <= len_s);
        assert!(d.source_offset + d.source_length <= len_r);
    }
    // Names as odd as the bytes: quotes, ampersands and angle brackets are escaped.
    let name: String = susp.chars().take(12).collect();
    let written = xml::write(&name, "source<&\"'>.txt", &detections);
    assert_eq!(xml::parse(&written, "detected-plagiarism"), detections);
}

/// The HTML reader on any bytes: never a panic, and what it returns is text
/// (no markup left from a tag the reader opened).
pub fn html(data: &[u8]) {
    let page = String::from_utf8_lossy(data);
    let read = parallax::extract(&page);
    assert!(
        read.text.len() <= page.len() * 4 + 16,
        "text grew beyond its page"
    );
    let _ = read.title.map(|t| t.len());
}

/// Any bytes through the decoder: read as text with no stray control character
/// left, or refused as binary with the input's name in the message.
pub fn decode(data: &[u8]) {
    let (flags, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let options = parallax::DecodeOptions {
        name: "input.bin".into(),
        html: flags & 1 == 1,
    };
    match parallax::decode(rest, &options) {
        Ok(read) => assert!(
            !read
                .text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')),
            "a control character was left in the text"
        ),
        Err(err) => assert!(err.to_string().contains("input.bin"), "{err}"),
    }
}
