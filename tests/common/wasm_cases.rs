// The wasm binding cases, included by tests/wasm_node.rs (Node) and
// tests/wasm_browser.rs (headless Chromium) so that both run the same table.

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

const SEEDS: [(&str, &str); 5] = [
    ("000_aaec0683a191aa9f", include_str!("../../www/seeds/000_aaec0683a191aa9f.txt")),
    ("001_003faba2e54198a4", include_str!("../../www/seeds/001_003faba2e54198a4.txt")),
    ("002_da9d12f0e6c681db", include_str!("../../www/seeds/002_da9d12f0e6c681db.txt")),
    ("003_b401989aadad514e", include_str!("../../www/seeds/003_b401989aadad514e.txt")),
    ("004_c9f0a2cf9aed5e51", include_str!("../../www/seeds/004_c9f0a2cf9aed5e51.txt")),
];

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn num(value: &JsValue, key: &str) -> f64 {
    get(value, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number"))
}

fn articles(items: &[(&str, &str)]) -> JsValue {
    let list = Array::new();
    for (id, text) in items {
        let obj = js_sys::Object::new();
        Reflect::set(&obj, &"id".into(), &(*id).into()).unwrap();
        Reflect::set(&obj, &"text".into(), &(*text).into()).unwrap();
        list.push(&obj);
    }
    list.into()
}

fn analyze(items: &[(&str, &str)]) -> Result<JsValue, JsValue> {
    parallax::wasm::analyze(articles(items), JsValue::UNDEFINED)
}

/// The error's `code` property, as the page reads it.
/// Bytes as JavaScript hands them over: a `Uint8Array`.
fn bytes(bytes: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(bytes).into()
}

fn error_code(err: JsValue) -> String {
    assert!(err.is_instance_of::<js_sys::Error>(), "errors are JS Error objects");
    get(&err, "code").as_string().unwrap()
}

#[wasm_bindgen_test]
fn seeds_report_has_every_document_and_pair() {
    let report = analyze(&SEEDS).unwrap();
    assert_eq!(Array::from(&get(&report, "documents")).length(), 5);
    assert_eq!(Array::from(&get(&report, "pairs")).length(), 10);
}

#[wasm_bindgen_test]
fn syndicated_copy_is_found_with_utf16_passages() {
    let report = analyze(&SEEDS).unwrap();
    let pair = Array::from(&get(&report, "pairs"))
        .iter()
        .find(|p| get(p, "a").as_string().unwrap().starts_with("002_") && get(p, "b").as_string().unwrap().starts_with("003_"))
        .unwrap();
    assert!(num(&get(&pair, "containment"), "bInA") >= 0.9);
    // Slicing the JavaScript strings at the reported offsets gives the same words:
    // the offsets are UTF-16 code units, whatever the article's characters.
    let text_a = js_sys::JsString::from(SEEDS[2].1);
    let text_b = js_sys::JsString::from(SEEDS[3].1);
    let passages = Array::from(&get(&pair, "passages"));
    assert!(passages.length() > 0);
    for p in passages.iter() {
        let (a, b) = (get(&p, "a"), get(&p, "b"));
        let slice_a: String = text_a.slice(num(&a, "start") as u32, num(&a, "end") as u32).into();
        let slice_b: String = text_b.slice(num(&b, "start") as u32, num(&b, "end") as u32).into();
        let first = |s: &str| s.split_whitespace().next().map(str::to_lowercase);
        assert_eq!(first(&slice_a), first(&slice_b), "{slice_a:?} / {slice_b:?}");
    }
}

#[wasm_bindgen_test]
fn offsets_count_utf16_units_beyond_the_basic_plane() {
    // Each 😀 is two UTF-16 units and four bytes: a byte offset would land past the end.
    let shared = "the minister said the ceasefire would hold through the weekend talks";
    let a = format!("😀😀😀 {shared}");
    let b = format!("{shared} 😀");
    let report = analyze(&[("a", &a), ("b", &b)]).unwrap();
    let pair = Array::from(&get(&report, "pairs")).get(0);
    let passage = Array::from(&get(&pair, "passages")).get(0);
    let start = num(&get(&passage, "a"), "start") as u32;
    let end = num(&get(&passage, "a"), "end") as u32;
    let slice: String = js_sys::JsString::from(a.as_str()).slice(start, end).into();
    assert_eq!(slice, shared);
}

#[wasm_bindgen_test]
fn a_single_article_is_described_without_pairs() {
    let report = analyze(&SEEDS[..1]).unwrap();
    assert_eq!(Array::from(&get(&report, "documents")).length(), 1);
    assert_eq!(Array::from(&get(&report, "pairs")).length(), 0);
}

#[wasm_bindgen_test]
fn bad_input_becomes_errors_with_codes() {
    assert_eq!(error_code(analyze(&[]).unwrap_err()), "too-few-articles");
    assert_eq!(error_code(analyze(&[("a", "words here"), ("b", "  \n ")]).unwrap_err()), "empty-article");
    let not_articles = parallax::wasm::analyze(JsValue::from(42), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(error_code(not_articles), "invalid-input");
    let typo = js_sys::JSON::parse(r#"{"minPasageWords": 3}"#).unwrap();
    let err = parallax::wasm::analyze(articles(&SEEDS[..2]), typo).unwrap_err();
    assert_eq!(error_code(err), "invalid-input");
}

/// A packed list (`tokenizePacked`, `termFrequenciesPacked`) read as the
/// package's entry reads it (npm/index.js): each item's term sliced from the one
/// string by the UTF-16 length that starts its `width` numbers.
fn unpack(packed: &Array, width: usize) -> Vec<(String, Vec<u32>)> {
    let terms: js_sys::JsString = packed.get(0).dyn_into().expect("the terms are a string");
    let numbers: js_sys::Uint32Array = packed.get(1).dyn_into().expect("the numbers are a Uint32Array");
    let numbers = numbers.to_vec();
    assert_eq!(numbers.len() % width, 0, "{width} numbers per item");
    let mut at = 0;
    let items: Vec<(String, Vec<u32>)> = numbers
        .chunks(width)
        .map(|item| {
            let end = at + item[0];
            let term = terms.slice(at, end).as_string().expect("a term is text");
            at = end;
            (term, item[1..].to_vec())
        })
        .collect();
    assert_eq!(at, terms.length(), "the lengths cover the terms' string exactly");
    items
}

/// `tokenize` and `termFrequencies` hand their lists over packed: every
/// character of a term must arrive intact (quotes, backslashes, controls,
/// letters outside ASCII, characters outside the BMP), at the right offsets.
#[wasm_bindgen_test]
fn term_lists_cross_intact_in_bulk() {
    let text = "\"Quoted\" back\\slash\ttab naïve café 😀 Zürich's \u{1}control 😀";
    let words = unpack(&parallax::wasm::tokenize_packed(text.into(), JsValue::UNDEFINED).unwrap(), 3);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for (term, offsets) in &words {
        let (start, end) = (offsets[0] as usize, offsets[1] as usize);
        assert!(start < end && end <= utf16.len(), "{term}: {start}..{end}");
        let surface = String::from_utf16(&utf16[start..end]).unwrap();
        assert_eq!(surface.to_lowercase(), *term, "the offsets are the term's surface");
    }
    let seen: Vec<&str> = words.iter().map(|(t, _)| t.as_str()).collect();
    for term in ["quoted", "naïve", "café", "tab", "😀", "zürich's", "control"] {
        assert!(seen.contains(&term), "{term} in {seen:?}");
    }
    let terms = unpack(&parallax::wasm::term_frequencies_packed(text.into(), JsValue::UNDEFINED).unwrap(), 2);
    assert!(terms.len() >= 5);
    assert!(terms.iter().all(|(_, count)| count[0] >= 1));
    assert!(terms.contains(&("😀".to_string(), vec![2])), "{terms:?}");
}

/// The package's entry hands `tokenize` and `termFrequencies` their text as
/// UTF-8 bytes: the same lists as from the string; bytes that are not UTF-8 are
/// refused, not read as something else.
#[wasm_bindgen_test]
fn term_lists_read_the_same_from_utf8_bytes() {
    let text = "Naïve café 😀 talks, Zürich's talks.";
    type Packed = fn(JsValue, JsValue) -> Result<Array, JsValue>;
    let exports: [(Packed, usize); 2] =
        [(parallax::wasm::tokenize_packed, 3), (parallax::wasm::term_frequencies_packed, 2)];
    for (packed, width) in exports {
        let from_string = unpack(&packed(text.into(), JsValue::UNDEFINED).unwrap(), width);
        let from_bytes = unpack(&packed(bytes(text.as_bytes()), JsValue::UNDEFINED).unwrap(), width);
        assert!(!from_string.is_empty());
        assert_eq!(from_bytes, from_string);
        let err = packed(bytes(b"caf\xe9 talks"), JsValue::UNDEFINED).unwrap_err();
        assert_eq!(error_code(err), "invalid-input");
    }
}

/// A value of the wrong type where an export takes a text is refused with
/// `invalid-input` and a message naming the parameter and what came: with
/// `&str` parameters the glue read a number as a string and the call trapped
/// ("memory access out of bounds", no `code`).
#[wasm_bindgen_test]
fn a_text_parameter_refuses_what_is_not_a_string() {
    let not_strings = [JsValue::from(5), JsValue::NULL, JsValue::UNDEFINED, js_sys::Object::new().into()];
    for value in not_strings {
        let v = || value.clone();
        let mut session = parallax::wasm::WasmSession::new();
        let refused = [
            ("text", parallax::wasm::tokenize_packed(v(), JsValue::UNDEFINED).map(drop)),
            ("text", parallax::wasm::term_frequencies_packed(v(), JsValue::UNDEFINED).map(drop)),
            ("term", parallax::wasm::concordance(articles(&SEEDS[..2]), v(), JsValue::UNDEFINED).map(drop)),
            ("language", parallax::wasm::stop_word_list(v()).map(drop)),
            ("b", parallax::wasm::align_texts("words".into(), v(), JsValue::UNDEFINED).map(drop)),
            ("susp", parallax::wasm::pan_align(v(), "words".into()).map(drop)),
            ("html", parallax::wasm::extract(v()).map(drop)),
            ("bytes", parallax::wasm::decode(v(), JsValue::UNDEFINED).map(drop)),
            ("id", session.remove(v()).map(drop)),
            ("term", session.concordance(v(), JsValue::UNDEFINED).map(drop)),
        ];
        for (name, result) in refused {
            let err = result.expect_err(name);
            let message = get(&err, "message").as_string().unwrap();
            assert!(message.starts_with(&format!("{name}: expected a")), "{message}");
            assert_eq!(error_code(err), "invalid-input", "{message}");
        }
    }
    // A string is not bytes.
    let err = parallax::wasm::decode("text".into(), JsValue::UNDEFINED).unwrap_err();
    let message = get(&err, "message").as_string().unwrap();
    assert_eq!(message, "bytes: expected a Uint8Array, got string");
}

/// The token fixtures shared with the native tests (tests/text_tokens.rs) and the
/// page test: the exported `tokenizePacked` gives the same terms at the same
/// UTF-16 offsets (the page test reads them through the package's `tokenize`).
#[wasm_bindgen_test]
fn tokenize_matches_the_shared_fixtures() {
    let cases = js_sys::JSON::parse(include_str!("../fixtures/tokens.json")).unwrap();
    let cases = Array::from(&cases);
    assert!(cases.length() >= 20, "the fixture table is loaded");
    for case in cases.iter() {
        let name = get(&case, "name").as_string().unwrap();
        let text = get(&case, "text").as_string().unwrap();
        let got = unpack(&parallax::wasm::tokenize_packed(text.into(), get(&case, "options")).unwrap(), 3);
        let expected = Array::from(&get(&case, "tokens"));
        assert_eq!(got.len(), expected.length() as usize, "{name}: token count");
        for ((term, offsets), e) in got.iter().zip(expected.iter()) {
            assert_eq!(Some(term.clone()), get(&e, "term").as_string(), "{name}: term");
            assert_eq!(f64::from(offsets[0]), num(&e, "start"), "{name}: start of {term}");
            assert_eq!(f64::from(offsets[1]), num(&e, "end"), "{name}: end of {term}");
        }
    }
}

#[wasm_bindgen_test]
fn align_texts_gives_utf16_passages() {
    let shared = "the minister said the ceasefire would hold through the weekend talks in geneva";
    let a = format!("«Breaking» 😀 {shared}. Other words follow.");
    let b = format!("Earlier: {shared}.");
    let passages = parallax::wasm::align_texts(a.as_str().into(), b.into(), JsValue::UNDEFINED).unwrap();
    let first = Array::from(&passages).get(0);
    let (start, end) = (num(&get(&first, "a"), "start") as u32, num(&get(&first, "a"), "end") as u32);
    let slice: String = js_sys::JsString::from(a.as_str()).slice(start, end).into();
    assert_eq!(slice, shared);
}

#[wasm_bindgen_test]
fn pan_align_counts_code_points() {
    // The source's passage starts after "😀 é ", four code points but six UTF-16 units.
    let passage = "The committee approved the budget after a long debate about schools, roads and \
        the hospital that the town has wanted for a decade. Critics said the vote was rushed \
        and that nobody had read the final figures before the meeting began.";
    let source = format!("😀 é {passage}");
    let susp = format!("{passage} And then something else entirely.");
    let found = Array::from(&parallax::wasm::pan_align(susp.into(), source.into()).unwrap());
    assert_eq!(found.length(), 1);
    let detection = found.get(0);
    assert_eq!(num(&detection, "sourceOffset"), 4.0);
    assert_eq!(num(&detection, "thisOffset"), 0.0);
}

/// The text options reach the engine through the bindings (they are flattened into
/// the report's options, which serde-wasm-bindgen must read as a map).
#[wasm_bindgen_test]
fn text_options_pass_through_the_bindings() {
    let options = js_sys::JSON::parse(r#"{"extraStopWords": ["syria"], "stem": true, "topTerms": 5}"#).unwrap();
    let report = parallax::wasm::analyze(articles(&SEEDS[..2]), options).unwrap();
    let first = Array::from(&get(&report, "documents")).get(0);
    let terms = Array::from(&get(&first, "topTerms"));
    assert_eq!(terms.length(), 5);
    assert!(terms.iter().all(|t| get(&t, "term").as_string().unwrap() != "syria"));

    let options = js_sys::JSON::parse(r#"{"context": 12, "language": "en"}"#).unwrap();
    let lines = parallax::wasm::concordance(articles(&SEEDS[..2]), "Aleppo".into(), options).unwrap();
    let lines = Array::from(&lines);
    assert!(lines.length() > 0);
    for line in lines.iter() {
        assert!(get(&line, "left").as_string().unwrap().chars().count() <= 12);
        assert_eq!(get(&line, "match").as_string().unwrap().to_lowercase(), "aleppo");
    }
}

#[wasm_bindgen_test]
fn languages_are_the_ones_with_stop_words() {
    let codes = parallax::wasm::languages();
    assert!(codes.len() >= 20, "{codes:?}");
    assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted: {codes:?}");
    for code in ["en", "zh", "ar", "ru", "hi"] {
        assert!(codes.iter().any(|c| c == code), "{code} in {codes:?}");
        assert!(!parallax::wasm::stop_word_list(code.into()).unwrap().is_empty(), "{code} has stop words");
    }
}

/// An unknown language is refused by every export that takes one, with the same
/// code (no export reads it as "no language").
#[wasm_bindgen_test]
fn an_unknown_language_is_refused_by_every_export() {
    let options = || js_sys::JSON::parse(r#"{"language": "xx"}"#).unwrap();
    let text = "The talks in Geneva failed again on Monday.";
    let errors = [
        parallax::wasm::analyze(articles(&SEEDS[..2]), options()).map(drop),
        parallax::wasm::align_texts(text.into(), text.into(), options()).map(drop),
        parallax::wasm::tokenize_packed(text.into(), options()).map(drop),
        parallax::wasm::term_frequencies_packed(text.into(), options()).map(drop),
        parallax::wasm::concordance(articles(&SEEDS[..2]), "talks".into(), options()).map(drop),
        parallax::wasm::stop_word_list("xx".into()).map(drop),
    ];
    for (i, result) in errors.into_iter().enumerate() {
        let err = result.expect_err("an unknown language throws");
        assert_eq!(error_code(err), "invalid-option", "export {i}");
    }
}

/// A limit is refused through the bindings with `too-large` and a message that
/// names it.
#[wasm_bindgen_test]
fn a_concordance_over_the_line_limit_throws_too_large() {
    let text = "Aleppo fell. ".repeat(parallax::MAX_CONCORDANCE_LINES + 1);
    let err = parallax::wasm::concordance(articles(&[("a", &text)]), "Aleppo".into(), JsValue::UNDEFINED)
        .unwrap_err();
    let message: String = js_sys::Error::from(err.clone()).message().into();
    assert!(message.contains("concordance lines"), "{message}");
    assert_eq!(error_code(err), "too-large");
}

/// The HTML reader through the bindings: `{title, byline, text}`, `null` for what a page lacks.
#[wasm_bindgen_test]
fn extract_reads_the_article_out_of_a_page() {
    let page = parallax::wasm::extract(include_str!("../fixtures/html/story.html").into()).unwrap();
    assert_eq!(get(&page, "title").as_string().unwrap(), "Harbour bridge reopens after repairs");
    assert_eq!(get(&page, "byline").as_string().unwrap(), "Maria Jensen");
    let text = get(&page, "text").as_string().unwrap();
    assert!(text.starts_with("The harbour bridge reopened"), "{text}");
    assert!(text.contains("city’s transport office said.\n\nCrews"), "{text}");
    assert!(!text.contains("Sport") && !text.contains("commute"), "{text}");
    let bare = parallax::wasm::extract("no markup at all".into()).unwrap();
    assert!(get(&bare, "title").is_null());
}

/// `decode` through the bindings: bytes in, `{text, encoding, bom, source, controls}`
/// out; binary refused with `code: "binary"` and the file's name; an encoding
/// reaches the report only when it is not UTF-8.
#[wasm_bindgen_test]
fn decode_reads_bytes_in_any_encoding() {
    let options = |name: &str| {
        let obj = js_sys::Object::new();
        Reflect::set(&obj, &"name".into(), &name.into()).unwrap();
        JsValue::from(obj)
    };
    // "Le café « noir » coûte 2 €, a-t-il déclaré à la presse jeudi." in windows-1252.
    let legacy = b"Le caf\xe9 \xabnoir\xbb co\xfbte 2 \x80, a-t-il d\xe9clar\xe9 \xe0 la presse jeudi.";
    let got = parallax::wasm::decode(bytes(legacy), options("wire.txt")).unwrap();
    assert_eq!(get(&got, "encoding").as_string().unwrap(), "windows-1252");
    let text = get(&got, "text").as_string().unwrap();
    assert_eq!(text, "Le café «noir» coûte 2 €, a-t-il déclaré à la presse jeudi.");
    assert_eq!(get(&got, "bom").as_bool(), Some(false));
    assert_eq!(get(&got, "source").as_string().unwrap(), "detected");

    let marked: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Notepad".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let got = parallax::wasm::decode(bytes(&marked), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&got, "encoding").as_string().unwrap(), "UTF-16LE");
    assert_eq!(get(&got, "text").as_string().unwrap(), "Notepad");
    assert_eq!(get(&got, "bom").as_bool(), Some(true));

    let err = parallax::wasm::decode(bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), options("photo.png")).unwrap_err();
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("photo.png"), "{message}");
    assert_eq!(error_code(err), "binary");
    let unknown = js_sys::JSON::parse(r#"{"nme": "typo"}"#).unwrap();
    assert_eq!(error_code(parallax::wasm::decode(bytes(b"x"), unknown).unwrap_err()), "invalid-input");

    // The page passes the encoding on with the article; the report says it.
    let list = Array::from(&articles(&[("wire", &text), ("copy", SEEDS[0].1)]));
    Reflect::set(&list.get(0), &"encoding".into(), &"windows-1252".into()).unwrap();
    Reflect::set(&list.get(1), &"encoding".into(), &"UTF-8".into()).unwrap();
    let report = parallax::wasm::analyze(list.into(), JsValue::UNDEFINED).unwrap();
    let documents = Array::from(&get(&report, "documents"));
    assert_eq!(get(&documents.get(0), "encoding").as_string().unwrap(), "windows-1252");
    assert!(get(&documents.get(1), "encoding").is_null());
}

/// A fixture case's articles as `(id, text)`.
fn case_articles(case: &JsValue) -> Vec<(String, String)> {
    Array::from(&get(case, "articles"))
        .iter()
        .map(|a| (get(&a, "id").as_string().unwrap(), get(&a, "text").as_string().unwrap()))
        .collect()
}

fn analyze_case(case: &JsValue) -> (Vec<(String, String)>, Result<JsValue, JsValue>) {
    let owned = case_articles(case);
    let items: Vec<(&str, &str)> = owned.iter().map(|(i, t)| (i.as_str(), t.as_str())).collect();
    let report = analyze(&items);
    (owned, report)
}

/// `text.slice(start, end)` in UTF-16 code units, as the page slices it.
fn slice(text: &str, span: &JsValue) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (start, end) = (num(span, "start") as usize, num(span, "end") as usize);
    String::from_utf16(units.get(start..end).expect("the span fits the text")).unwrap()
}

/// The news engine's quote table (shared with tests/news_quotes.rs and the page
/// tests): through the bindings, every article's quotes, parts and speakers.
#[wasm_bindgen_test]
fn quotes_match_the_shared_fixtures() {
    let cases = Array::from(&js_sys::JSON::parse(include_str!("../fixtures/news/quotes.json")).unwrap());
    assert!(cases.length() >= 20, "the quote fixtures are there");
    for case in cases.iter() {
        let name = get(&case, "name").as_string().unwrap();
        let (owned, report) = analyze_case(&case);
        let expected = Array::from(&get(&get(&case, "expect"), "quotes"));
        // A text with no words is refused by `analyze` (the native table reads it
        // with the stage alone): it must expect no quote.
        let report = match report {
            Ok(report) => report,
            Err(err) => {
                assert_eq!(error_code(err), "empty-article", "{name}");
                assert!(expected.iter().all(|q| Array::from(&q).length() == 0), "{name}");
                continue;
            }
        };
        for (k, document) in Array::from(&get(&report, "documents")).iter().enumerate() {
            let text = &owned[k].1;
            let got = Array::from(&get(&document, "quotes"));
            let want = Array::from(&expected.get(k as u32));
            assert_eq!(got.length(), want.length(), "{name}: number of quotes in article {k}");
            for (g, w) in got.iter().zip(want.iter()) {
                let parts: Vec<String> = Array::from(&get(&g, "parts")).iter().map(|p| slice(text, &p)).collect();
                let want_parts: Vec<String> =
                    Array::from(&get(&w, "parts")).iter().map(|p| p.as_string().unwrap()).collect();
                assert_eq!(parts, want_parts, "{name}");
                let speaker = get(&g, "speaker");
                let name_of = |s: &JsValue| (!s.is_null()).then(|| get(s, "name").as_string().unwrap());
                assert_eq!(name_of(&speaker), get(&w, "speaker").as_string(), "{name}");
                if let Some(words) = get(&w, "speakerWords").as_string() {
                    assert_eq!(slice(text, &speaker), words, "{name}");
                }
            }
        }
    }
}

/// The relation table (shared with tests/news_relations.rs): kind, direction,
/// named source and the evidence each case names.
#[wasm_bindgen_test]
fn relations_match_the_shared_fixtures() {
    let cases = Array::from(&js_sys::JSON::parse(include_str!("../fixtures/news/relations.json")).unwrap());
    assert!(cases.length() >= 5, "the relation fixtures are there");
    for case in cases.iter() {
        let name = get(&case, "name").as_string().unwrap();
        let report = analyze_case(&case).1.unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let got = Array::from(&get(&report, "relations"));
        let want = Array::from(&get(&get(&case, "expect"), "relations"));
        assert_eq!(got.length(), want.length(), "{name}: number of relations");
        for (g, w) in got.iter().zip(want.iter()) {
            for key in ["from", "to", "kind"] {
                assert_eq!(get(&g, key).as_string(), get(&w, key).as_string(), "{name}: {key}");
            }
            if Reflect::has(&w, &"source".into()).unwrap() {
                assert_eq!(get(&g, "source").as_string(), get(&w, "source").as_string(), "{name}: source");
            }
            let evidence: Vec<String> = Array::from(&get(&g, "evidence")).iter().map(|e| e.as_string().unwrap()).collect();
            for needle in Array::from(&get(&w, "evidence")).iter() {
                let needle = needle.as_string().unwrap();
                assert!(evidence.iter().any(|e| e.contains(&needle)), "{name}: no evidence says {needle:?}: {evidence:?}");
            }
        }
    }
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (key, value) in pairs {
        Reflect::set(&obj, &(*key).into(), value).unwrap();
    }
    obj.into()
}

fn json(value: &JsValue) -> String {
    js_sys::JSON::stringify(value).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn session_answers_what_analyze_answers_through_the_sliders() {
    let mut session = parallax::wasm::WasmSession::new();
    session.set_articles(articles(&SEEDS)).unwrap();
    let settings = [
        options(&[]),
        options(&[("minPassageWords", 3.into())]),
        options(&[("minPassageWords", 20.into()), ("minPassageScore", 0.5.into())]),
        options(&[("excludeBoilerplate", false.into())]),
        options(&[("minPassageScore", 1.into())]),
        options(&[]),
    ];
    for o in settings {
        let fresh = parallax::wasm::analyze(articles(&SEEDS), o.clone()).unwrap();
        let kept = session.analyze(o.clone()).unwrap();
        assert_eq!(json(&kept), json(&fresh), "options {}", json(&o));
    }
}

#[wasm_bindgen_test]
fn session_keeps_articles_put_and_removed() {
    let mut session = parallax::wasm::WasmSession::new();
    for (id, text) in &SEEDS[..3] {
        session.put(articles(&[(id, text)]).dyn_into::<Array>().unwrap().get(0)).unwrap();
    }
    let fresh = analyze(&SEEDS[..3]).unwrap();
    assert_eq!(json(&session.analyze(JsValue::UNDEFINED).unwrap()), json(&fresh));
    assert!(session.remove(SEEDS[0].0.into()).unwrap());
    assert!(!session.remove("no such article".into()).unwrap());
    assert_eq!(session.ids(), vec![SEEDS[1].0.to_string(), SEEDS[2].0.to_string()]);
    let fresh = analyze(&SEEDS[1..3]).unwrap();
    assert_eq!(json(&session.analyze(JsValue::UNDEFINED).unwrap()), json(&fresh));
    // Term search over the articles kept.
    let lines = Array::from(&session.concordance("Syria".into(), JsValue::UNDEFINED).unwrap());
    assert!(lines.length() > 0);
    assert!(lines.iter().all(|l| get(&l, "id").as_string().unwrap() != SEEDS[0].0));
}

#[wasm_bindgen_test]
fn session_refuses_what_analyze_refuses() {
    let mut session = parallax::wasm::WasmSession::new();
    assert_eq!(error_code(session.analyze(JsValue::UNDEFINED).unwrap_err()), "too-few-articles");
    session.set_articles(articles(&SEEDS)).unwrap();
    let misspelt = options(&[("minPasageWords", 3.into())]);
    assert_eq!(error_code(session.analyze(misspelt).unwrap_err()), "invalid-input");
    assert_eq!(error_code(session.set_articles(JsValue::from(3)).unwrap_err()), "invalid-input");
}

/// Each options type's known keys are made once and kept (src/wasm.rs,
/// `check_keys`): every call still refuses a key its export does not know, one
/// that another export knows included, and names the export's own keys.
#[wasm_bindgen_test]
fn every_call_checks_its_own_exports_option_keys() {
    let text = || JsValue::from_str("The quick brown fox.");
    for _ in 0..2 {
        // `context` is the concordance's option, not tokenize's.
        let err = parallax::wasm::tokenize_packed(text(), options(&[("context", 5.into())])).unwrap_err();
        assert_eq!(error_code(err.clone()), "invalid-input");
        let message = get(&err, "message").as_string().unwrap();
        assert!(message.contains("\"context\"") && message.contains("language"), "{message}");
        assert!(!message.contains("minPassageWords"), "{message}");
        assert!(parallax::wasm::tokenize_packed(text(), options(&[("language", "en".into())])).is_ok());
        let lines = parallax::wasm::concordance(articles(&SEEDS[..2]), "Aleppo".into(), options(&[("context", 5.into())]));
        assert!(lines.is_ok());
        let err = parallax::wasm::analyze(articles(&SEEDS[..2]), options(&[("context", 5.into())])).unwrap_err();
        assert_eq!(error_code(err), "invalid-input");
    }
}

#[wasm_bindgen_test]
fn pairs_aligned_in_one_session_cross_to_another_as_typed_arrays() {
    let mut aligner = parallax::wasm::WasmSession::new();
    let mut taker = parallax::wasm::WasmSession::new();
    aligner.set_articles(articles(&SEEDS)).unwrap();
    taker.set_articles(articles(&SEEDS)).unwrap();
    let aligned = aligner.aligned_pairs(JsValue::UNDEFINED).unwrap();
    assert!(get(&aligned, "pairs").is_instance_of::<js_sys::Uint32Array>());
    assert!(get(&aligned, "texts").is_instance_of::<js_sys::BigUint64Array>());
    // Through a structured clone's worth of copying: a plain object of typed arrays.
    taker.prepare(JsValue::UNDEFINED).unwrap();
    let taken = taker.accept_pairs(JsValue::UNDEFINED, aligned.clone()).unwrap();
    assert_eq!(taken, SEEDS.len() as u32 * (SEEDS.len() as u32 - 1) / 2);
    let fresh = analyze(&SEEDS).unwrap();
    assert_eq!(json(&taker.analyze(JsValue::UNDEFINED).unwrap()), json(&fresh));
    // Something else than alignedPairs' arrays is refused by name.
    let broken = options(&[("pairs", js_sys::Array::new().into())]);
    let error = taker.accept_pairs(JsValue::UNDEFINED, broken).unwrap_err();
    assert_eq!(error_code(error), "invalid-option");
}
