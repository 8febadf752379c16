//! Bad input gets a clear error, never a panic.
#![cfg(not(target_arch = "wasm32"))] // Native only: reads files, uses proptest.

use parallax::{analyze, Article, ErrorKind, Options};

fn article(id: &str, text: &str) -> Article {
    Article::new(id, text)
}

#[test]
fn a_single_article_is_described_without_pairs() {
    let report = analyze(
        &[article("a", "Some words here about Syria.")],
        &Options::default(),
    )
    .unwrap();
    assert_eq!(report.documents.len(), 1);
    assert!(report.pairs.is_empty() && report.groups.is_empty());
    assert!(report.documents[0]
        .terms
        .top_terms
        .iter()
        .any(|t| t.term == "syria"));
    assert_eq!(report.documents[0].shared_share, 0.0);
}

#[test]
fn no_articles_is_refused_with_a_reason() {
    let err = analyze(&[], &Options::default()).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::TooFewArticles { given: 0 });
    assert!(err.to_string().contains("at least one article"));
}

#[test]
fn empty_and_whitespace_articles_are_named() {
    for text in ["", "   \n\t  ", "... — !!"] {
        let err = analyze(
            &[article("ok", "Words."), article("blank", text)],
            &Options::default(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "empty-article");
        assert!(err.to_string().contains("\"blank\""), "{err}");
    }
}

#[test]
fn duplicate_ids_are_refused() {
    let err = analyze(
        &[article("x", "One."), article("x", "Two.")],
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "duplicate-id");
}

#[test]
fn a_five_megabyte_article_is_compared() {
    let sentence = "The delegates argued late into the night over the wording of clause ";
    let mut big = String::new();
    let mut i = 0;
    while big.len() < 5_000_000 {
        big.push_str(sentence);
        big.push_str(&i.to_string());
        big.push_str(". ");
        i += 1;
    }
    let small = format!("Intro words first. {}", &big[..2000]);
    let report = analyze(
        &[article("big", &big), article("small", &small)],
        &Options::default(),
    )
    .unwrap();
    assert!(report.pairs[0].containment.b_in_a > 0.9);
}

// ---------------------------------------------------------------- limits

use parallax::{Limit, MAX_ARTICLES, MAX_ARTICLE_BYTES, MAX_CONCORDANCE_LINES, MAX_TOKEN_BYTES};

/// `n` bytes of short words.
fn words_of(n: usize) -> String {
    "ab ".repeat(n / 3 + 1)[..n].to_string()
}

/// The limit an error names, after checking that its message names the limit
/// and gives its value in the README's unit.
fn over_limit(err: parallax::Error, value: &str) -> Limit {
    assert_eq!(err.code(), "too-large", "{err}");
    let ErrorKind::TooLarge { limit, .. } = err.kind() else {
        panic!("not a limit: {err}");
    };
    let message = err.to_string();
    assert!(message.contains(limit.name()), "{message}");
    assert!(message.contains(value), "{message}");
    *limit
}

#[test]
fn an_article_over_the_size_limit_is_named() {
    let big = words_of(MAX_ARTICLE_BYTES + 1);
    let err = analyze(
        &[article("ok", "Words."), article("big", &big)],
        &Options::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("\"big\""), "{err}");
    assert_eq!(over_limit(err, "32 MiB"), Limit::ArticleBytes);
    let err = parallax::tokenize(&big, &Default::default()).unwrap_err();
    assert_eq!(over_limit(err, "32 MiB"), Limit::ArticleBytes);
}

#[test]
fn more_articles_than_the_count_limit_are_refused() {
    let many: Vec<Article> = (0..=MAX_ARTICLES)
        .map(|i| article(&i.to_string(), "A few words."))
        .collect();
    let err = analyze(&many, &Options::default()).unwrap_err();
    assert_eq!(over_limit(err, "10000 articles"), Limit::Articles);
}

#[test]
fn articles_over_the_total_size_limit_are_refused() {
    // Three articles each under the article limit, together over the total.
    let third = words_of(parallax::MAX_TOTAL_BYTES / 3 + 1);
    assert!(third.len() <= MAX_ARTICLE_BYTES);
    let three = [
        article("a", &third),
        article("b", &third),
        article("c", &third),
    ];
    let err = analyze(&three, &Options::default()).unwrap_err();
    assert_eq!(over_limit(err, "64 MiB"), Limit::TotalBytes);
}

#[test]
fn a_word_over_the_length_limit_is_named_and_one_at_it_is_read() {
    let blob = "QUJD".repeat(MAX_TOKEN_BYTES / 4);
    let at_limit = format!("The image was attached. {blob} The end.");
    let report = analyze(&[article("ok", &at_limit)], &Options::default()).unwrap();
    assert_eq!(report.documents.len(), 1);
    let over = format!("The image was attached. {blob}A The end.");
    let err = analyze(&[article("blob", &over)], &Options::default()).unwrap_err();
    assert!(err.to_string().contains("\"blob\""), "{err}");
    assert_eq!(
        over_limit(err, &format!("{MAX_TOKEN_BYTES} bytes")),
        Limit::TokenBytes
    );
    let err = parallax::term_frequencies(&over, &Default::default()).unwrap_err();
    assert_eq!(over_limit(err, "bytes"), Limit::TokenBytes);
}

#[test]
fn a_concordance_over_the_line_limit_is_refused_and_one_at_it_is_given() {
    let at_limit = "Aleppo fell. ".repeat(MAX_CONCORDANCE_LINES);
    let articles = [article("a", &at_limit)];
    let lines = parallax::concordance(&articles, "Aleppo", &Default::default()).unwrap();
    assert_eq!(lines.len(), MAX_CONCORDANCE_LINES);
    let articles = [article("a", &at_limit), article("b", "Aleppo again.")];
    let err = parallax::concordance(&articles, "Aleppo", &Default::default()).unwrap_err();
    assert!(err.to_string().contains("\"Aleppo\""), "{err}");
    assert_eq!(
        over_limit(err, &format!("{MAX_CONCORDANCE_LINES} lines")),
        Limit::ConcordanceLines
    );
}

// ---------------------------------------------------------------- options

#[test]
fn an_unknown_language_is_refused_by_every_export() {
    let text = "The talks in Geneva failed again on Monday.";
    let language = Some("xx".to_string());
    let options = Options {
        text: parallax::TextOptions {
            language: language.clone(),
            ..Default::default()
        },
        ..Options::default()
    };
    let concordance_options = parallax::ConcordanceOptions {
        text: options.text.clone(),
        ..Default::default()
    };
    let articles = [article("a", text)];
    let errors = [
        analyze(&articles, &options).map(drop),
        parallax::align_texts(text, text, &options).map(drop),
        parallax::tokenize(text, &options.text).map(drop),
        parallax::term_frequencies(text, &options.text).map(drop),
        parallax::concordance(&articles, "talks", &concordance_options).map(drop),
        parallax::stop_word_list("xx").map(drop),
    ];
    for (i, result) in errors.into_iter().enumerate() {
        let err = result.expect_err("an unknown language is an error");
        assert_eq!(err.code(), "invalid-option", "export {i}: {err}");
        assert!(err.to_string().contains("\"xx\""), "export {i}: {err}");
    }
    // Known codes and "auto" pass, in any case and with spaces around.
    for code in ["en", " DE ", "auto", ""] {
        let text_options = parallax::TextOptions {
            language: Some(code.into()),
            ..Default::default()
        };
        assert!(parallax::tokenize(text, &text_options).is_ok(), "{code:?}");
    }
    assert!(!parallax::stop_word_list("EN").unwrap().is_empty());
}

#[test]
fn the_readme_lists_every_limit_as_the_messages_state_it() {
    let readme = include_str!("../README.md");
    for limit in Limit::ALL {
        let row = format!("| {} | {} |", limit.name(), limit.format(limit.max()));
        assert!(readme.contains(&row), "README.md lacks the row {row:?}");
    }
    let pages = format!("first {} MiB", parallax::MAX_HTML_BYTES / (1024 * 1024));
    assert!(readme.contains(&pages), "README.md lacks {pages:?}");
}
