//! The shared tokenizer fixtures (tests/fixtures/tokens.json, also run by the wasm
//! and page tests): exact terms and offsets across scripts and news cases. The
//! fixtures give UTF-16 offsets, as JavaScript sees them; this test converts them to
//! bytes and checks both units. Plus the property that every token's offsets slice
//! back to its surface form in both units, on any input.
#![cfg(not(target_arch = "wasm32"))] // Native only: `wasm-pack test` compiles every test target.

use parallax::internals::analyzer_options;
use parallax::internals::span::{ByteSpan, OffsetIndex, UnitSpan};
use parallax::internals::text::{self, TokenizeOptions};
use parallax::TextOptions;
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    options: TextOptions,
    tokens: Vec<Expected>,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Expected {
    term: String,
    start: usize,
    end: usize,
}

fn cases() -> Vec<Case> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tokens.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn fixtures_give_exact_terms_and_offsets() {
    let cases = cases();
    assert!(cases.len() >= 30);
    let mut failures = Vec::new();
    // Built without the feature `stem` (to measure its size), no stemmer exists.
    let stems = text::stem::Stemmer::new("en").is_some();
    for case in cases
        .iter()
        .filter(|c| stems || c.options.stem != Some(true))
    {
        // Through the export, which converts to UTF-16 as JavaScript gets them.
        let got: Vec<Expected> = parallax::tokenize(&case.text, &case.options)
            .unwrap()
            .into_iter()
            .map(|t| Expected {
                term: t.term.into_owned(),
                start: t.start,
                end: t.end,
            })
            .collect();
        if got != case.tokens {
            failures.push(format!(
                "{}:\n  want {:?}\n  got  {:?}",
                case.name, case.tokens, got
            ));
        }
        // The same tokens in bytes: the fixture's UTF-16 offsets converted back.
        let bytes: Vec<ByteSpan> =
            text::tokenize_with(&case.text, &analyzer_options(&case.options, false).unwrap())
                .iter()
                .map(|t| t.span)
                .collect();
        let index = OffsetIndex::new(&case.text);
        let want_bytes: Vec<ByteSpan> = case
            .tokens
            .iter()
            .map(|e| {
                index.byte_span(UnitSpan {
                    start: e.start,
                    end: e.end,
                })
            })
            .collect();
        if failures.is_empty() {
            assert_eq!(bytes, want_bytes, "{}", case.name);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Text made of the pieces tokenizers get wrong, in any order.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Obama’s",
        "U.S.",
        "al-Assad",
        "290,000",
        "2.5",
        "https://x.org/a?b",
        "a@b.co",
        "👨‍👩‍👧",
        "🇺🇦",
        "❤️",
        "co\u{ad}op",
        "\u{200b}",
        "\u{200d}",
        "\u{301}",
        "习近平",
        "タワー",
        "ไทย",
        "ΟΔΟΣ",
        "Straße",
        "ﬁ",
        "צה\"ל",
        "नमस्ते",
        " ",
        "\n",
        "...",
        "-",
        "—",
        ".",
        "'",
        "\u{feff}",
    ]);
    let any = "\\PC{0,3}";
    prop::collection::vec(prop_oneof![pieces.prop_map(String::from), any], 0..24)
        .prop_map(|v| v.concat())
}

fn check_offsets(text: &str) -> Result<(), TestCaseError> {
    let index = OffsetIndex::new(text);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let mut last_start = 0;
    for token in text::tokenize(text, &TokenizeOptions::default()) {
        let surface = text.get(token.span.start..token.span.end);
        prop_assert!(surface.is_some_and(|s| !s.is_empty()), "{:?}", token);
        let u = index.utf16_span(token.span);
        let from_utf16 = String::from_utf16(&utf16[u.start..u.end]).unwrap();
        prop_assert_eq!(from_utf16.as_str(), surface.unwrap());
        prop_assert!(token.span.start >= last_start, "tokens in order");
        prop_assert!(!token.term.is_empty());
        last_start = token.span.start;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn offsets_slice_back_in_bytes_and_utf16(text in tricky_text()) {
        check_offsets(&text)?;
    }

    #[test]
    fn any_bytes_decoded_lossily(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        check_offsets(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn any_options_never_panic(text in tricky_text(), stem: bool, stop: bool, fold: bool,
                               language in prop::sample::select(vec!["auto", "en", "ru", "zh", "xx", ""])) {
        let options = TextOptions {
            language: Some(language.to_string()),
            stop_words: Some(stop),
            extra_stop_words: vec!["the".into(), "".into()],
            stem: Some(stem),
            fold_accents: Some(fold),
        };
        // An unknown language is refused before the engine sees it.
        let Ok(analyzer) = analyzer_options(&options, false) else {
            prop_assert_eq!(language, "xx");
            return Ok(());
        };
        for t in text::tokenize_with(&text, &analyzer) {
            prop_assert!(text.get(t.span.start..t.span.end).is_some());
        }
        let _ = text::stats::term_counts(&text::tokenize(&text, &TokenizeOptions::default()));
    }
}

#[test]
fn huge_repeats_do_not_panic() {
    for piece in [
        "a-", "U.", "习", "👨‍", "\u{301}", "x@", "https://", "'", "9,",
    ] {
        let text = piece.repeat(50_000);
        check_offsets(&text).unwrap();
    }
}

/// The one-pass walk (`text::walk`, behind `tokenize` and every term count) gives
/// the stages' tokens on real prose: 300 PAN 2013 documents and the seeds, in
/// bytes and terms, with and without folding accents.
#[test]
fn the_walk_reads_real_prose_as_the_stages_do() {
    let dir = std::path::Path::new("/work/shared/data/pan13-train/susp");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the PAN 2013 training corpus")
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.truncate(300);
    let seeds = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/www/seeds")).unwrap();
    paths.extend(
        seeds
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt")),
    );
    assert_eq!(paths.len(), 305);
    for path in paths {
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        for fold_accents in [false, true] {
            let mut walked = Vec::new();
            text::walk::for_each_token(&text, fold_accents, |span, term| {
                walked.push((span, term.as_str().to_string()))
            });
            let naive: Vec<_> = text::tokens(&text, &TokenizeOptions { fold_accents })
                .map(|t| (t.span, t.term.into_owned()))
                .collect();
            assert!(walked == naive, "{}", path.display());
        }
    }
}
