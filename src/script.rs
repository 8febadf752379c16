//! Facts about writing systems that both engines need.

/// True when `c` belongs to a script written without spaces between words (Han,
/// Hiragana, Thai, Lao, Myanmar, Khmer). Katakana is left out: UAX #29 keeps
/// Katakana words whole. Such text has no word boundaries to find, so the text
/// engine counts character bigrams and the overlap engine compares characters.
pub fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F // Han
        | 0x3005 | 0x3007 // 々 〇
        | 0x3040..=0x309F // Hiragana
        | 0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF) // Khmer
}
