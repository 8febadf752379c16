//! One canonical form for both engines: the same story in NFC and NFD, with CR, LF
//! or CRLF line ends, or with soft hyphens and zero-width characters inside its
//! words, is reported as a copy, and every offset still points into the text as
//! given.
#![cfg(not(target_arch = "wasm32"))] // Native only: reads files, uses proptest.

mod common;

use parallax::internals::canon;
use parallax::{analyze, Article, Options, PairReport, Report};
use proptest::prelude::*;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

const FRENCH: &str = "Le président a déclaré jeudi que la réforme des retraites serait \
    présentée au Conseil des ministres à la fin de l'été. « Nous irons jusqu'au bout », \
    a-t-il affirmé devant les élus réunis à l'Élysée, où les syndicats dénoncent déjà \
    une décision prise sans concertation.";

const VIETNAMESE: &str = "Thủ tướng Chính phủ đã yêu cầu các bộ, ngành khẩn trương \
    khắc phục hậu quả của cơn bão số ba, bảo đảm an toàn cho người dân ở các tỉnh \
    miền Bắc. Hàng nghìn ngôi nhà bị tốc mái và nhiều tuyến đường bị ngập sâu.";

const ENGLISH: &str = "Zoë Müller, the mayor's spokeswoman, said on Tuesday that José \
    Núñez would lead the inquiry into the collapse of the Søndergård bridge. \"We owe \
    the families answers,\" she said, adding that the café owners on the quay had been \
    warned twice before the façade gave way.";

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(units.get(start..end).expect("a span inside the text"))
}

fn nfd(text: &str) -> String {
    text.nfd().collect()
}

fn nfc(text: &str) -> String {
    text.nfc().collect()
}

fn pair<'r>(report: &'r Report, a: &str, b: &str) -> &'r PairReport {
    report
        .pairs
        .iter()
        .find(|p| p.a == a && p.b == b)
        .expect("the pair")
}

/// Whether UTF-16 offset `at` of `text` lies between two words: at an end of the
/// text, or with no letter, digit or combining mark on one side of it.
fn at_word_boundary(text: &str, at: usize) -> bool {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (Some(before), Some(after)) = (units.get(..at), units.get(at..)) else {
        return false;
    };
    let last = char::decode_utf16(before.iter().rev().copied()).next();
    let first = char::decode_utf16(after.iter().copied()).next();
    let wordy = |c: Option<Result<char, _>>| match c {
        Some(Ok(c)) => c.is_alphanumeric() || is_combining_mark(c),
        _ => false,
    };
    // A combining mark after the offset belongs to the word before it.
    let mark_after = matches!(first, Some(Ok(c)) if is_combining_mark(c));
    let inside_word = wordy(last) && wordy(first);
    !inside_word && !mark_after
}

/// The two texts are one copy: containment 1 both ways, one passage that covers
/// each text's words, its ends at word boundaries of each text as given, and the
/// same words on both sides.
fn assert_copy(a: &str, b: &str) {
    let articles = [Article::new("a", a), Article::new("b", b)];
    let report = analyze(&articles, &Options::default()).unwrap();
    let pair = pair(&report, "a", "b");
    assert!(pair.containment.a_in_b > 0.99, "{:?}", pair.containment);
    assert!(pair.containment.b_in_a > 0.99, "{:?}", pair.containment);
    assert_eq!(pair.passages.len(), 1, "{:?}", pair.passages);
    let passage = &pair.passages[0];
    let sides = [(a, passage.a), (b, passage.b)];
    let words = |text: &str| -> String {
        canon::canonical(text)
            .0
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (text, span) in sides {
        assert!(at_word_boundary(text, span.start), "{span:?} in {text:?}");
        assert!(at_word_boundary(text, span.end), "{span:?} in {text:?}");
        // Every word of the text is in the passage.
        let slice = utf16_slice(text, span.start, span.end);
        assert_eq!(words(&slice), words(text), "{span:?}");
    }
    let [a_side, b_side] = sides.map(|(text, span)| utf16_slice(text, span.start, span.end));
    assert_eq!(
        canon::canonical(&a_side).0,
        canon::canonical(&b_side).0,
        "the same words on both sides"
    );
    assert!(
        report.relations.iter().any(|r| r.kind == "copy"),
        "{:?}",
        report.relations
    );
}

#[test]
fn an_nfd_copy_of_an_nfc_story_is_a_copy() {
    for story in [FRENCH, VIETNAMESE, ENGLISH] {
        let decomposed = nfd(story);
        assert_ne!(decomposed, story, "the test needs accents");
        assert_copy(story, &decomposed);
        assert_copy(&decomposed, story);
    }
}

#[test]
fn line_ends_do_not_matter() {
    let lf = format!("{FRENCH}\n\n{ENGLISH}\n{VIETNAMESE}\n");
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    assert_copy(&lf, &crlf);
    assert_copy(&crlf, &cr);
    assert_copy(&cr, &nfd(&lf));
}

#[test]
fn soft_hyphens_and_zero_width_characters_inside_words_do_not_matter() {
    // Insert them inside the longer words, as a hyphenating or tracking CMS would.
    let marked: String = ENGLISH
        .split(' ')
        .enumerate()
        .map(|(i, word)| {
            let cut = word.char_indices().nth(3).map(|(at, _)| at);
            match (cut, i % 3) {
                (Some(at), 0) => format!("{}\u{AD}{}", &word[..at], &word[at..]),
                (Some(at), 1) => format!("{}\u{200B}{}", &word[..at], &word[at..]),
                (Some(at), _) => format!("{}\u{2060}{}", &word[..at], &word[at..]),
                (None, _) => word.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let marked = format!("\u{FEFF}{marked}");
    assert_copy(ENGLISH, &marked);
    assert_copy(&nfd(&marked), ENGLISH);
}

/// Quotes, speakers, boilerplate and facts found in the canonical text point into
/// the text as given, and a reader's override given on the text as given applies.
#[test]
fn news_spans_point_into_the_text_as_given() {
    let story = format!("Share this article\n{ENGLISH}\n{FRENCH}\nPhoto: Zoë Müller/Reuters\n");
    let given = nfd(&story).replace('\n', "\r\n");
    let articles = [
        Article::new("nfc", story.clone()),
        Article::new("given", given.clone()),
    ];
    let report = analyze(&articles, &Options::default()).unwrap();
    let [plain, odd] = [&report.documents[0], &report.documents[1]];
    assert_eq!(plain.quotes.len(), odd.quotes.len());
    assert!(!odd.quotes.is_empty());
    for (q, p) in odd.quotes.iter().zip(&plain.quotes) {
        let quoted = utf16_slice(&given, q.start, q.end);
        assert_eq!(nfc(&quoted), utf16_slice(&story, p.start, p.end));
        assert!(quoted.starts_with(['"', '«']), "{quoted}");
    }
    let said: Vec<String> = odd
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .map(|s| nfc(&utf16_slice(&given, s.start, s.end)))
        .collect();
    assert!(!said.is_empty());
    assert_eq!(plain.boilerplate.len(), odd.boilerplate.len());
    for (b, p) in odd.boilerplate.iter().zip(&plain.boilerplate) {
        let line = utf16_slice(&given, b.start, b.end);
        assert!(!line.contains(['\r', '\n']), "{line:?}");
        assert_eq!(nfc(&line), utf16_slice(&story, p.start, p.end));
    }
    for (f, p) in odd.facts.iter().zip(&plain.facts) {
        assert_eq!(
            nfc(&utf16_slice(&given, f.start, f.end)),
            utf16_slice(&story, p.start, p.end)
        );
    }
    for u in &odd.unique {
        assert!(at_word_boundary(&given, u.start) && at_word_boundary(&given, u.end));
    }

    // The reader marks the French paragraph as boilerplate, on the text as given
    // (UTF-16 code units, as the page sends them).
    let at = given.find(&nfd(FRENCH)).expect("the French paragraph");
    let start = given[..at].encode_utf16().count();
    let end = start + nfd(FRENCH).encode_utf16().count();
    let marked: Article = serde_json::from_value(serde_json::json!({
        "id": "given",
        "text": given,
        "boilerplateOverrides": [{ "start": start, "end": end, "boilerplate": true }],
    }))
    .unwrap();
    let report = analyze(&[articles[0].clone(), marked], &Options::default()).unwrap();
    let lines = &report.documents[1].boilerplate;
    assert!(
        lines.iter().any(|b| b.start == start && b.end == end),
        "{lines:?} should hold {start}..{end}"
    );
}

#[test]
fn the_seeds_are_canonical_already() {
    // The fast path: the seeds are NFC with LF line ends, so they are read as given.
    let seeds = common::seeds();
    assert_eq!(seeds.len(), 5);
    for article in &seeds {
        assert!(canon::is_canonical(&article.text), "{}", article.id);
    }
}

/// Every offset the report gives, as (document index, start, end).
fn spans(report: &Report) -> Vec<(usize, usize, usize)> {
    let doc = |id: &str| report.documents.iter().position(|d| d.id == id).unwrap();
    let mut all = Vec::new();
    for p in &report.pairs {
        let (i, j) = (doc(&p.a), doc(&p.b));
        for s in &p.passages {
            all.push((i, s.a.start, s.a.end));
            all.push((j, s.b.start, s.b.end));
        }
    }
    for g in &report.groups {
        all.extend(g.members.iter().map(|m| (doc(&m.id), m.start, m.end)));
    }
    for (i, d) in report.documents.iter().enumerate() {
        for q in &d.quotes {
            all.push((i, q.start, q.end));
            all.extend(q.parts.iter().map(|p| (i, p.start, p.end)));
            all.extend(q.speaker.iter().map(|s| (i, s.start, s.end)));
        }
        all.extend(d.boilerplate.iter().map(|b| (i, b.start, b.end)));
        all.extend(d.unique.iter().map(|u| (i, u.start, u.end)));
        all.extend(d.facts.iter().map(|f| (i, f.start, f.end)));
    }
    all
}

/// Text with what canonical form changes: accents either way, line ends, invisible
/// characters, stray combining marks, and any character at all.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "Zoë", "José", "Müller", "café", "présidént", "Thủ", "tướng", "the", "said",
            "\"We will\"", "“quoted”", "«non»", "Reuters", "2024", "ﬁne", "Ω",
        ])
        .prop_map(str::to_string),
        2 => prop::sample::select(vec![
            " ", "\n", "\r\n", "\r", "\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}",
            "\u{FEFF}", "\u{301}", "\u{308}\u{323}", ". ", "\u{2126}",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every span of the report lies within the text as given and on its UTF-16
    /// boundaries (never inside a surrogate pair).
    #[test]
    fn every_span_lies_on_the_given_text(a in messy_text(), b in messy_text(), nfd_b in any::<bool>()) {
        let b = if nfd_b { format!("{}{}", nfd(&a), b) } else { b };
        let texts = [a, b];
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::new(i.to_string(), t.clone()))
            .collect();
        let Ok(report) = analyze(&articles, &Options::default()) else {
            return Ok(());
        };
        for (doc, start, end) in spans(&report) {
            let units: Vec<u16> = texts[doc].encode_utf16().collect();
            prop_assert!(start <= end && end <= units.len(), "{start}..{end} of {}", units.len());
            for at in [start, end] {
                let inside_pair = units
                    .get(at)
                    .is_some_and(|u| (0xDC00..0xE000).contains(u));
                prop_assert!(!inside_pair, "{at} splits a surrogate pair");
            }
        }
    }
}

/// `text` (canonical) written differently, as another source might: decomposed
/// accents, CRLF line ends, a byte-order mark and zero-width spaces after commas.
fn disguise(text: &str) -> String {
    let text = nfd(text).replace('\n', "\r\n").replace(", ", ",\u{200B} ");
    format!("\u{FEFF}{text}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The same story written differently gets the same report, and each of its
    /// spans, read from the text as given, is the same text once canonical.
    #[test]
    fn a_disguised_text_gets_the_same_spans(a in messy_text(), b in messy_text()) {
        let a = canon::canonical(&a).0.into_owned();
        let plain = [Article::new("a", a.clone()), Article::new("b", b.clone())];
        let disguised = [Article::new("a", disguise(&a)), Article::new("b", b)];
        let (Ok(plain), Ok(disguised_report)) = (
            analyze(&plain, &Options::default()),
            analyze(&disguised, &Options::default()),
        ) else {
            return Ok(());
        };
        let (ours, theirs) = (spans(&plain), spans(&disguised_report));
        prop_assert_eq!(ours.len(), theirs.len());
        let texts = [&a, &disguised[0].text];
        for ((doc, s, e), (_, ds, de)) in ours.iter().zip(&theirs) {
            if *doc != 0 {
                continue;
            }
            let given = canon::canonical(&utf16_slice(texts[1], *ds, *de)).0.into_owned();
            let plain = utf16_slice(texts[0], *s, *e);
            // A mark NFC cannot compose stays a character of its own; a span that
            // ends between it and its letter covers it in the text as given (the map
            // knows the letter and its marks as one stretch).
            match a.chars().any(is_combining_mark) {
                true => prop_assert!(given.contains(&plain), "{:?} in {:?}", plain, given),
                false => prop_assert_eq!(given, plain),
            }
        }
    }
}
