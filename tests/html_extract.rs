//! The HTML reader as a library: what it keeps and drops on a made-up news
//! page, that it never panics on arbitrary strings or tag soup, and that its
//! time stays bounded on huge or deeply nested input.
#![cfg(not(target_arch = "wasm32"))]

use parallax::extract;
use proptest::prelude::*;

const STORY: &str = include_str!("fixtures/html/story.html");

#[test]
fn story_page_gives_title_byline_and_paragraphs() {
    let got = extract(STORY);
    assert_eq!(
        got.title.as_deref(),
        Some("Harbour bridge reopens after repairs")
    );
    assert_eq!(got.byline.as_deref(), Some("Maria Jensen"));
    let paragraphs: Vec<&str> = got.text.split("\n\n").collect();
    assert!(paragraphs.len() >= 3, "{paragraphs:?}");
    assert!(paragraphs[0].starts_with("The harbour bridge reopened to traffic"));
    assert!(paragraphs
        .iter()
        .all(|p| !p.is_empty() && !p.contains('\n')));
    // Entities decoded: named, accented and numeric.
    assert!(got.text.contains("city’s transport office"), "{}", got.text);
    assert!(got.text.contains("Tomás Ruiz") && got.text.contains("€4.2 million"));
    assert!(got.text.contains("barge’s insurer"));
    // Navigation, scripts, related links, comments and the footer stay out.
    for furniture in [
        "Sport",
        "not text",
        "color",
        "Traffic chaos",
        "commute",
        "rights reserved",
    ] {
        assert!(
            !got.text.contains(furniture),
            "{furniture:?} in {}",
            got.text
        );
    }
}

#[test]
fn page_without_markup_or_article_still_reads() {
    let got =
        extract("Just one line of plain text, no tags at all, but it is long enough to count.");
    assert_eq!(got.title, None);
    assert!(got.text.starts_with("Just one line"), "{}", got.text);
    assert_eq!(extract("").text, "");
    assert_eq!(extract("<html><body></body></html>").text, "");
}

#[test]
fn title_falls_back_to_the_document_title_without_the_site_name() {
    let got =
        extract("<title>Floods close schools across the valley - Valley Post</title><p>x</p>");
    assert_eq!(
        got.title.as_deref(),
        Some("Floods close schools across the valley")
    );
}

#[test]
fn huge_and_deep_inputs_stay_fast() {
    let paragraph = "<p>Word after word, clause after clause, the story goes on and on.</p>";
    let cases = [
        paragraph.repeat(60_000),                     // about 4 MB of prose
        "<div>".repeat(200_000),                      // deep nesting
        "<a href=x>".repeat(100_000),                 // unclosed inline elements
        "&amp;&#x41;&".repeat(200_000),               // references
        "<".repeat(1_000_000),                        // stray brackets
        format!("<script>{}", "x".repeat(2_000_000)), // unclosed raw text
    ];
    for html in &cases {
        let started = std::time::Instant::now();
        let got = extract(html);
        let took = started.elapsed();
        assert!(took.as_secs() < 20, "{} bytes took {took:?}", html.len());
        assert!(got.text.len() <= html.len() * 4);
    }
}

/// Fragments of markup that random tag soup is built from.
fn soup_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"story comment\">".to_string()),
        Just("</div>".to_string()),
        Just("<a href='x'>".to_string()),
        Just("</a>".to_string()),
        Just("<br>".to_string()),
        Just("<li>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<title>".to_string()),
        Just("<meta name=author content=\"A\">".to_string()),
        Just("&amp;".to_string()),
        Just("&#x1F600;".to_string()),
        Just("&#".to_string()),
        Just("<".to_string()),
        Just("\"'=".to_string()),
        "[a-zA-Z ,.]{0,40}",
        "\\PC{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_on_arbitrary_strings(s in "\\PC{0,300}") {
        let got = extract(&s);
        prop_assert!(!got.text.starts_with(char::is_whitespace));
    }

    #[test]
    fn never_panics_on_tag_soup(pieces in proptest::collection::vec(soup_piece(), 0..80)) {
        let html = pieces.concat();
        let got = extract(&html);
        prop_assert!(!got.text.contains("\n\n\n"));
        prop_assert!(got.title.as_deref().is_none_or(|t| !t.is_empty()));
    }
}
