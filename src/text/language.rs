//! Which language an article is written in, as an ISO 639-1 code.
//!
//! With the feature `detect` (part of the default `languages`), `whatlang` (trigram profiles of 70
//! languages, script detection for the rest). Without it, a script heuristic that
//! names the main language of the dominant script (Latin → `en`, Cyrillic → `ru`, …).

/// The most bytes read to detect a language, in [`WINDOWS`] windows spread over the
/// text: 1 KB decides it as well as the whole article does (on 5,057 PAN documents,
/// the article-extraction set's 181 bodies and the seeds, `cargo bench --bench text`
/// counts the disagreements: none at 1, 2 or 4 KB), and the cost stays flat however
/// long the article is. Reading the whole of a 10 KB article took as long as
/// tokenizing it. What is left is mostly fixed: whatlang scores every profile of
/// the script whatever the sample's size (1 KB: 0.16 ms natively, 2 KB: 0.18).
const SAMPLE_BYTES: usize = 1024;

/// Windows spread over the text (start, middle, end…) rather than its first bytes
/// alone, so that a heading, a byline or a quotation in another language at the top
/// does not decide for the whole article.
const WINDOWS: usize = 4;

/// Every code [`detect`] can return.
pub const CODES: &[&str] = &[
    "af", "ak", "am", "ar", "az", "be", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "eo",
    "es", "et", "fa", "fi", "fr", "gu", "he", "hi", "hr", "hu", "hy", "id", "it", "ja", "jv", "ka",
    "km", "kn", "ko", "la", "lt", "lv", "mk", "ml", "mr", "my", "ne", "nl", "no", "or", "pa", "pl",
    "pt", "ro", "ru", "si", "sk", "sl", "sn", "sr", "sv", "ta", "te", "th", "tk", "tl", "tr", "uk",
    "ur", "uz", "vi", "yi", "zh", "zu",
];

/// The language of `text` as an ISO 639-1 code, or `None` when it has no letters.
pub fn detect(text: &str) -> Option<&'static str> {
    detect_sampled(text, SAMPLE_BYTES)
}

/// [`detect`] reading at most `sample_bytes` of `text` (`usize::MAX`: all of it):
/// public for the benchmark that measures what the sample changes.
#[doc(hidden)]
pub fn detect_sampled(text: &str, sample_bytes: usize) -> Option<&'static str> {
    let sample = sample(text, sample_bytes);
    detect_sample(&sample).or_else(|| by_script(&sample))
}

/// `text` itself when it is short, else [`WINDOWS`] evenly spaced windows of it that
/// together hold about `bytes` bytes, each starting after a space so that no word
/// is cut at its start, joined by spaces.
fn sample(text: &str, bytes: usize) -> std::borrow::Cow<'_, str> {
    if text.len() <= bytes {
        return text.into();
    }
    let window = bytes / WINDOWS;
    let step = (text.len() - window) / (WINDOWS - 1).max(1);
    let mut out = String::with_capacity(bytes + WINDOWS);
    for i in 0..WINDOWS {
        let from = floor_char_boundary(text, i * step);
        let to = floor_char_boundary(text, from + window);
        let piece = &text[from..to];
        // The first window starts at the text's start; the others after a space.
        let piece = match piece.find(char::is_whitespace) {
            Some(space) if i > 0 => &piece[space..],
            _ => piece,
        };
        out.push_str(piece);
        out.push(' ');
    }
    out.into()
}

/// The largest char boundary of `text` at or before `i` (clamped to its length).
fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(feature = "detect")]
fn detect_sample(sample: &str) -> Option<&'static str> {
    use whatlang::Lang::*;
    let info = whatlang::detect(sample)?;
    // Short texts give unreliable guesses: the script's main language is then the
    // better bet (a wrong guess would apply another language's stop words).
    if !info.is_reliable() {
        return None;
    }
    let code = match info.lang() {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "no",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
    };
    Some(code)
}

#[cfg(not(feature = "detect"))]
fn detect_sample(_sample: &str) -> Option<&'static str> {
    None
}

/// The main language of the script most letters of `sample` are written in.
fn by_script(sample: &str) -> Option<&'static str> {
    let mut counts = [0usize; 11];
    const CODES: [&str; 11] = [
        "en", "ru", "el", "ar", "he", "hi", "zh", "ja", "ko", "th", "ka",
    ];
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        let i = match c as u32 {
            0x0000..=0x024F | 0x1E00..=0x1EFF => 0,
            0x0400..=0x052F => 1,
            0x0370..=0x03FF | 0x1F00..=0x1FFF => 2,
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFEFF => 3,
            0x0590..=0x05FF => 4,
            0x0900..=0x097F => 5,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF => 6,
            0x3040..=0x30FF => 7,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => 8,
            0x0E00..=0x0E7F => 9,
            0x10A0..=0x10FF => 10,
            _ => continue,
        };
        counts[i] += 1;
    }
    // Any kana means Japanese: Japanese text mixes kana with more numerous kanji.
    if counts[7] > 0 {
        return Some("ja");
    }
    let (best, n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (*n > 0).then_some(CODES[best])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        let cases = [
            ("en", "The talks between the two governments broke down on Monday after the delegates failed to agree."),
            ("ru", "Переговоры между двумя правительствами сорвались в понедельник, делегаты не смогли договориться."),
            ("zh", "两国政府之间的谈判周一破裂，代表们未能达成一致。"),
            ("ja", "両政府間の交渉は月曜日に決裂し、代表団は合意できなかった。"),
            ("ar", "انهارت المحادثات بين الحكومتين يوم الاثنين بعد أن فشل المندوبون في الاتفاق."),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text), Some(code), "{text}");
        }
    }

    /// The languages of one script told apart by their trigram profiles, for the
    /// scripts whose profiles only the full engine has (vendor/whatlang/PARALLAX.md).
    #[cfg(feature = "languages")]
    #[test]
    fn detects_languages_that_share_a_script() {
        let cases = [
            ("fa", "مذاکرات میان دو دولت روز دوشنبه پس از آنکه نمایندگان نتوانستند به توافق برسند، شکست خورد."),
            ("he", "השיחות בין שתי הממשלות קרסו ביום שני לאחר שהנציגים לא הצליחו להגיע להסכמה."),
            ("hi", "दोनों सरकारों के बीच वार्ता सोमवार को विफल हो गई जब प्रतिनिधि सहमत नहीं हो सके।"),
            ("mr", "दोन्ही सरकारांमधील चर्चा सोमवारी फिसकटली, कारण प्रतिनिधींचे एकमत होऊ शकले नाही. दोन्ही देशांच्या मंत्र्यांनी पुढील आठवड्यात पुन्हा भेटण्याचे ठरवले आहे, असे अधिकाऱ्यांनी सांगितले."),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text), Some(code), "{text}");
        }
    }

    #[test]
    fn samples_spread_over_the_text_and_keep_short_texts_whole() {
        let short = "Die Gespräche sind gescheitert.";
        assert_eq!(sample(short, 2048), short);
        // Multi-byte characters everywhere: every cut must land on a boundary.
        let long = "Переговоры сорвались, делегаты не смогли договориться. ".repeat(400);
        let s = sample(&long, 2048);
        assert!(s.len() <= 2048 + WINDOWS, "{}", s.len());
        assert!(s.len() >= 2048 / 2, "{}", s.len());
        assert_eq!(detect(&long), Some("ru"));
        // The windows reach the end of the text, not only its start.
        let mixed = format!(
            "{}{}",
            "The talks failed on Monday. ".repeat(300),
            "Les négociations ont échoué lundi. ".repeat(300)
        );
        assert!(sample(&mixed, 2048).contains("négociations"));
    }

    #[test]
    fn no_letters_no_language() {
        assert_eq!(detect("123 ... !!"), None);
        assert_eq!(detect(""), None);
    }
}
