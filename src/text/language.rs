//! Which language an article is written in, as an ISO 639-1 code.
//!
//! With the feature `detect` (part of the default `languages`), `whatlang` (trigram profiles of 70
//! languages, script detection for the rest). Without it, a script heuristic that
//! names the main language of the dominant script (Latin → `en`, Cyrillic → `ru`, …).

/// The most bytes read to detect a language: a few kilobytes decide it, and the
/// cost stays flat however long the article is.
const SAMPLE_BYTES: usize = 16 * 1024;

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
    let mut cut = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let sample = &text[..cut];
    detect_sample(sample).or_else(|| by_script(sample))
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

    #[test]
    fn no_letters_no_language() {
        assert_eq!(detect("123 ... !!"), None);
        assert_eq!(detect(""), None);
    }
}
