//! Boilerplate and meta (issue 7, sections 2 and 3), read through the report as the
//! page reads it: the fixture tables `tests/fixtures/news/boilerplate.json` and
//! `meta.json`, each case a set of articles (a `text`, or a `file` relative to the
//! crate, for the seeds) and what the report must say about each.
#![cfg(not(target_arch = "wasm32"))] // Native only: `wasm-pack test` compiles every test target.

use parallax::{analyze, Article, Options, Report};
use serde_json::{json, Value};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn cases(name: &str) -> Vec<Value> {
    let path = format!("{ROOT}/tests/fixtures/news/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(cases.len() >= 5, "{path} has too few cases");
    cases
}

fn articles(case: &Value) -> Vec<Article> {
    case["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let text = match (a["text"].as_str(), a["file"].as_str()) {
                (Some(text), _) => text.to_string(),
                (None, Some(file)) => std::fs::read_to_string(format!("{ROOT}/{file}"))
                    .unwrap_or_else(|e| panic!("{file}: {e}")),
                _ => panic!("an article needs a text or a file: {a}"),
            };
            Article::new(a["id"].as_str().unwrap(), text)
        })
        .collect()
}

/// The report's text of a UTF-16 span, as the page would cut it.
fn cut(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(units.get(start..end).expect("span inside the text")).unwrap()
}

fn marked(report: &Report, articles: &[Article]) -> Vec<Vec<(String, String)>> {
    let json = serde_json::to_value(report).unwrap();
    json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .zip(articles)
        .map(|(d, a)| {
            d["boilerplate"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| {
                    let start = b["start"].as_u64().unwrap() as usize;
                    let end = b["end"].as_u64().unwrap() as usize;
                    let kind = b["kind"].as_str().unwrap().to_string();
                    (cut(&a.text, start, end), kind)
                })
                .collect()
        })
        .collect()
}

#[test]
fn boilerplate_fixtures() {
    let mut failures = Vec::new();
    for case in cases("boilerplate.json") {
        let articles = articles(&case);
        let report = analyze(&articles, &Options::default()).unwrap();
        assert!(report.boilerplate_excluded);
        for (article, found) in articles.iter().zip(marked(&report, &articles)) {
            let expected: Vec<(String, String)> = case["expect"]["boilerplate"][&article.id]
                .as_array()
                .unwrap_or_else(|| panic!("{}: no expectation for {}", case["name"], article.id))
                .iter()
                .map(|b| {
                    let text = b["text"].as_str().unwrap().to_string();
                    (text, b["kind"].as_str().unwrap().to_string())
                })
                .collect();
            if found != expected {
                failures.push(format!(
                    "{} / {}:\n  expected {expected:?}\n  found    {found:?}",
                    case["name"], article.id
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn meta_fixtures() {
    let mut failures = Vec::new();
    for case in cases("meta.json") {
        let articles = articles(&case);
        let report = analyze(&articles, &Options::default()).unwrap();
        let json = serde_json::to_value(&report).unwrap();
        for (article, doc) in articles.iter().zip(json["documents"].as_array().unwrap()) {
            let expected = &case["expect"]["meta"][&article.id];
            assert!(
                expected.is_object(),
                "{}: no expectation for {}",
                case["name"],
                article.id
            );
            if &doc["meta"] != expected {
                failures.push(format!(
                    "{} / {}:\n  expected {expected}\n  found    {}",
                    case["name"], article.id, doc["meta"]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn seeds() -> Vec<Article> {
    let case = cases("boilerplate.json")
        .into_iter()
        .find(|c| c["name"] == "the seeds")
        .expect("a seeds case");
    articles(&case)
}

fn containment(report: &Report, a: &str, b: &str) -> (f64, f64) {
    let pair = report
        .pairs
        .iter()
        .find(|p| p.a.starts_with(a) && p.b.starts_with(b))
        .expect("the pair");
    (pair.containment.a_in_b, pair.containment.b_in_a)
}

/// Seeds 002 and 003 are one CNN story on two sites: once their furniture is left
/// out, each is contained in the other almost whole.
#[test]
fn excluding_boilerplate_makes_the_republished_pair_whole() {
    let seeds = seeds();
    let with = analyze(
        &seeds,
        &Options {
            exclude_boilerplate: false,
            ..Options::default()
        },
    )
    .unwrap();
    let without = analyze(&seeds, &Options::default()).unwrap();
    assert!(!with.boilerplate_excluded && without.boilerplate_excluded);
    let before = containment(&with, "002", "003");
    let after = containment(&without, "002", "003");
    eprintln!("002-003 containment (002 in 003, 003 in 002): with boilerplate {before:?}, without {after:?}");
    assert!(
        after.0 > before.0 && after.1 >= before.1,
        "{before:?} → {after:?}"
    );
    assert!(after.0 > 0.98 && after.1 > 0.98, "{after:?}");
}

/// The reader's verdict wins both ways: a marked line kept as story, a story line
/// marked as boilerplate.
#[test]
fn overrides_turn_lines_either_way() {
    let mut seeds = seeds();
    let text = seeds[3].text.clone();
    let nav = "Exit mobile version";
    let at = text
        .find(nav)
        .expect("seed 003 ends with its navigation line");
    let start = text[..at].encode_utf16().count();
    let end = start + nav.encode_utf16().count();
    let story = "Cautious optimism";
    let s_at = text.find(story).expect("seed 003 has its subheading");
    let s_start = text[..s_at].encode_utf16().count();
    // As the page sends it: an article with its overrides in UTF-16 units.
    seeds[3] = serde_json::from_value(json!({
        "id": seeds[3].id,
        "text": text,
        "boilerplateOverrides": [
            {"start": start, "end": end, "boilerplate": false},
            {"start": s_start, "end": s_start + story.encode_utf16().count(), "boilerplate": true},
        ],
    }))
    .unwrap();
    let report = analyze(&seeds, &Options::default()).unwrap();
    let found = &marked(&report, &seeds)[3];
    assert!(!found.iter().any(|(t, _)| t == nav), "{found:?}");
    assert!(found.iter().any(|(t, _)| t == story), "{found:?}");
}

/// A measuring tool, not a test: reads a JSON array of arrays of texts (each inner
/// array one set of articles read together) from `$BOILERPLATE_IN` and writes, per
/// text, its boilerplate lines as `[start, end, kind]` in bytes to `$BOILERPLATE_OUT`.
/// Run with `cargo test --release --test news_boilerplate -- --ignored measure`.
#[test]
#[ignore]
fn measure() {
    let input = std::env::var("BOILERPLATE_IN").expect("BOILERPLATE_IN");
    let output = std::env::var("BOILERPLATE_OUT").expect("BOILERPLATE_OUT");
    let sets: Vec<Vec<String>> =
        serde_json::from_str(&std::fs::read_to_string(input).unwrap()).unwrap();
    let found: Vec<Vec<Vec<Value>>> = sets
        .iter()
        .map(|set| {
            let texts: Vec<&str> = set.iter().map(String::as_str).collect();
            parallax::internals::news::boilerplate::detect(&texts)
                .iter()
                .map(|lines| {
                    lines
                        .iter()
                        .map(|b| json!([b.span.start, b.span.end, b.kind.as_str()]))
                        .collect()
                })
                .collect()
        })
        .collect();
    std::fs::write(output, serde_json::to_string(&found).unwrap()).unwrap();
}

mod props {
    use parallax::internals::news::{boilerplate, meta};
    use proptest::prelude::*;

    /// Lines built from pieces that trigger the rules: labels, credits, datelines,
    /// quotes, invisible characters, multi-byte letters.
    fn article() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "By ",
            "Jane Doe",
            ", ",
            "Reuters",
            "(AP)",
            " — ",
            "HANGZHOU",
            "(Yuri/EPA)",
            ". ",
            "Please ",
            "you ",
            "Notice:",
            "ABSTRACT.",
            "©",
            "Copyright ",
            "----",
            "“",
            "”",
            "said ",
            "the talks ",
            "é",
            "日本",
            "\u{200b}",
            "\u{a0}",
            "\n",
            "\n\n",
            "\r\n",
            "NYTF000020160906",
            ";",
            "Read more",
            "reported from ",
            "Exit mobile version",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|p| p.concat())
    }

    fn blank(s: &str) -> bool {
        s.chars().all(|c| c.is_whitespace() || c == '\u{200b}')
    }

    proptest! {
        /// Spans are whole trimmed lines of their article, on char boundaries, in
        /// order and apart; meta reads any text without panicking.
        #[test]
        fn spans_are_whole_lines(texts in prop::collection::vec(article(), 1..4)) {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let found = boilerplate::detect(&refs);
            prop_assert_eq!(found.len(), refs.len());
            for (text, lines) in refs.iter().zip(&found) {
                let mut end = 0;
                for b in lines {
                    prop_assert!(b.span.start >= end && b.span.start < b.span.end);
                    let line = text.get(b.span.start..b.span.end);
                    prop_assert!(line.is_some(), "off a char boundary");
                    let line = line.unwrap_or("");
                    prop_assert!(!line.contains('\n') && line.trim() == line);
                    let before = text.get(..b.span.start).unwrap_or("");
                    let after = text.get(b.span.end..).unwrap_or("");
                    // Nothing but blank characters between the span and its line's ends.
                    let lead = before.rsplit('\n').next().unwrap_or("");
                    let trail = after.split('\n').next().unwrap_or("");
                    prop_assert!(blank(lead) && blank(trail), "not a whole line: {:?}", line);
                    end = b.span.end;
                }
                let _ = meta::read(text, lines);
            }
        }
    }
}
