//! `parallax::decode`: one table of texts written in an encoding (by encoding_rs,
//! here in the test), each read back: the same text, and the encoding named.
#![cfg(not(target_arch = "wasm32"))]

use parallax::EncodingSource as Source;
use parallax::{decode, DecodeOptions, ErrorKind};

const FRENCH: &str = "Le président a déclaré jeudi à la presse que la réforme des retraites \
    serait présentée à l'Assemblée « dès la rentrée », malgré l'opposition des syndicats. \
    « Nous irons jusqu'au bout », a-t-il ajouté, évoquant un coût de 12 milliards d'euros.";
const GERMAN: &str = "Die Bundesregierung hat am Donnerstag beschlossen, die Förderung für \
    Wärmepumpen zu verlängern. „Wir müssen schneller werden“, sagte der Minister in Berlin. \
    Kritiker äußerten Zweifel an der Finanzierung über das Jahr hinaus.";
const RUSSIAN: &str = "Президент заявил в четверг, что правительство представит новый закон \
    о пенсиях уже осенью. \"Мы доведём дело до конца\", - сказал он журналистам в Москве. \
    По его словам, реформа обойдётся бюджету в двенадцать миллиардов рублей.";
const JAPANESE: &str = "政府は木曜日、年金制度の改革案を秋の臨時国会に提出すると発表した。\
    首相は記者会見で「最後までやり遂げる」と述べ、財源については増税を行わない考えを示した。\
    野党はこれに強く反発している。";
const CHINESE: &str = "政府周四宣布，将在秋季向议会提交养老金制度改革方案。总理在记者会上表示，\
    “我们会坚持到底”，并称改革不会依靠增税来筹集资金。反对党对此表示强烈反对。";
const GREEK: &str = "Η κυβέρνηση ανακοίνωσε την Πέμπτη ότι θα καταθέσει το νέο νομοσχέδιο \
    για τις συντάξεις το φθινόπωρο. «Θα φτάσουμε μέχρι τέλους», δήλωσε ο υπουργός στην Αθήνα.";

/// (what, text, the label it is written in, the encoding read back, how).
const CASES: &[(&str, &str, &str, &str, Source)] = &[
    ("ascii", "Plain words, nothing more.", "utf-8", "UTF-8", Source::Utf8),
    ("utf-8", FRENCH, "utf-8", "UTF-8", Source::Utf8),
    ("windows-1252 french", FRENCH, "windows-1252", "windows-1252", Source::Detected),
    ("windows-1252 german", GERMAN, "windows-1252", "windows-1252", Source::Detected),
    // Latin-1 is read as windows-1252, its superset, as browsers do.
    ("latin-1", FRENCH, "iso-8859-1", "windows-1252", Source::Detected),
    // chardetng names KOI8-R text KOI8-U, its superset (Firefox reads both so).
    ("koi8-r", RUSSIAN, "koi8-r", "KOI8-U", Source::Detected),
    ("windows-1251", RUSSIAN, "windows-1251", "windows-1251", Source::Detected),
    ("shift_jis", JAPANESE, "shift_jis", "Shift_JIS", Source::Detected),
    ("euc-jp", JAPANESE, "euc-jp", "EUC-JP", Source::Detected),
    // GB18030 is read by the GBK decoder, which decodes all of GB18030.
    ("gb18030", CHINESE, "gb18030", "GBK", Source::Detected),
    // The Greek letters sit at the same bytes in both; chardetng says windows-1253.
    ("iso-8859-7", GREEK, "iso-8859-7", "windows-1253", Source::Detected),
    ("euc-kr", "정부는 목요일 연금 개혁안을 가을 국회에 제출하겠다고 발표했다. 총리는 기자회견에서         끝까지 해내겠다고 말했으며 증세는 하지 않겠다는 입장을 밝혔다.", "euc-kr", "EUC-KR", Source::Detected),
    ("big5", "政府週四宣布，將在秋季向議會提交養老金制度改革方案。總理在記者會上表示，        我們會堅持到底，並稱改革不會依靠增稅來籌集資金。反對黨對此表示強烈反對。", "big5", "Big5", Source::Detected),
];

fn encode(text: &str, label: &str) -> Vec<u8> {
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{label} cannot write the test text");
    bytes.into_owned()
}

fn text_options() -> DecodeOptions {
    DecodeOptions {
        name: "story.txt".into(),
        html: false,
    }
}

#[cfg(feature = "encodings")]
#[test]
fn each_encoding_is_detected_and_decoded() {
    let mut wrong = Vec::new();
    for &(what, text, label, expected, source) in CASES {
        let bytes = encode(text, label);
        let got = decode(&bytes, &text_options()).unwrap_or_else(|e| panic!("{what}: {e}"));
        if (got.encoding, got.text.as_str(), got.source) != (expected, text, source) {
            wrong.push(format!(
                "{what}: read as {} ({:?})",
                got.encoding, got.source
            ));
        }
        assert!(!got.bom, "{what}");
        assert_eq!(got.controls, 0, "{what}");
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn byte_order_marks_decide_and_are_stripped() {
    let utf16 = |be: bool| -> Vec<u8> {
        std::iter::once(0xFEFF_u16)
            .chain(RUSSIAN.encode_utf16())
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    };
    let utf8 = [b"\xEF\xBB\xBF".as_slice(), FRENCH.as_bytes()].concat();
    for (what, bytes, expected) in [
        ("utf-8", utf8, "UTF-8"),
        ("utf-16le", utf16(false), "UTF-16LE"),
        ("utf-16be", utf16(true), "UTF-16BE"),
    ] {
        let got = decode(&bytes, &text_options()).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(got.encoding, expected, "{what}");
        assert!(got.bom, "{what}");
        assert_eq!(got.source, Source::Bom, "{what}");
        let text = if what == "utf-8" { FRENCH } else { RUSSIAN };
        assert_eq!(got.text, text, "{what}: the mark is not part of the text");
    }
}

#[test]
fn utf16_without_a_mark_is_told_by_its_nuls() {
    for (be, expected) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let bytes: Vec<u8> = GERMAN
            .encode_utf16()
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect();
        let got = decode(&bytes, &text_options()).unwrap();
        assert_eq!((got.encoding, got.source), (expected, Source::Nul));
        assert_eq!(got.text, GERMAN);
    }
}

#[test]
fn binary_is_refused_by_name() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    // Bytes with no NUL but dense with control characters (a run of small values).
    let dense: Vec<u8> = (0..400u32).map(|i| (i % 31 + 1) as u8).collect();
    // A UTF-16 mark followed by unpaired surrogates and controls.
    let marked: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain((0..200u16).flat_map(|i| (0xD800 + i % 3).to_le_bytes()))
        .collect();
    for (what, bytes) in [("png", png), ("controls", dense), ("utf-16 mark", marked)] {
        let err = decode(&bytes, &text_options()).expect_err(what);
        assert_eq!(err.code(), "binary", "{what}");
        assert!(
            matches!(err.kind(), ErrorKind::Binary { name } if name == "story.txt"),
            "{what}"
        );
        assert!(err.to_string().contains("story.txt"), "{what}: {err}");
    }
}

#[test]
fn empty_input_is_empty_utf8() {
    let got = decode(b"", &DecodeOptions::default()).unwrap();
    assert_eq!(
        (got.text.as_str(), got.encoding, got.bom),
        ("", "UTF-8", false)
    );
}

#[test]
fn control_characters_become_spaces_and_are_counted() {
    // A DOS end-of-file mark, an escape and a NUL deep in the text; tab, form
    // feed and line breaks are text.
    let mut bytes = b"Line one\tand\x0cmore\r\nword\x1bword\n".repeat(400);
    bytes.extend_from_slice(b"late\0nul\x1a");
    let got = decode(&bytes, &text_options()).unwrap();
    assert_eq!(got.encoding, "UTF-8");
    assert_eq!(got.controls, 400 + 2);
    assert!(got.text.starts_with("Line one\tand\x0cmore\r\nword word\n"));
    assert!(got.text.ends_with("late nul "));
    assert_eq!(got.text.chars().count(), bytes.len(), "one character each");
}

#[cfg(feature = "encodings")]
#[test]
fn a_page_is_read_in_the_charset_it_declares() {
    let page = [
        b"<meta charset=\"iso-8859-2\"><p>".as_slice(),
        &encode(
            "Prezydent powiedział w czwartek, że źródła są pewne.",
            "iso-8859-2",
        ),
    ]
    .concat();
    let html = DecodeOptions {
        name: "page.html".into(),
        html: true,
    };
    let got = decode(&page, &html).unwrap();
    assert_eq!((got.encoding, got.source), ("ISO-8859-2", Source::Declared));
    assert!(got.text.contains("powiedział w czwartek, że źródła"));
    // Not a page: the declaration is just text, and the detector decides.
    let got = decode(&page, &text_options()).unwrap();
    assert_eq!(got.source, Source::Detected);
}

/// Without the legacy encodings, anything not UTF-8 or UTF-16 is windows-1252.
#[cfg(not(feature = "encodings"))]
#[test]
fn without_the_feature_legacy_bytes_are_windows_1252() {
    for label in ["windows-1252", "iso-8859-1"] {
        let got = decode(&encode(FRENCH, label), &text_options()).unwrap();
        assert_eq!((got.encoding, got.text.as_str()), ("windows-1252", FRENCH));
    }
}

/// A character `decode` never leaves in a text.
fn stray(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')
}

proptest::proptest! {
    /// Any bytes: an answer, never a panic; a text without stray control characters,
    /// or a refusal that names the input.
    #[test]
    fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
        match decode(&bytes, &text_options()) {
            Ok(got) => proptest::prop_assert!(!got.text.chars().any(stray)),
            Err(err) => proptest::prop_assert_eq!(err.code(), "binary"),
        }
    }
}
