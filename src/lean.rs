//! The lean engine (feature `lean`): the page's first-load wasm, which leaves out
//! what only some inputs need (stop-word lists and stemmers of languages other
//! than English, legacy encodings, the normalization and word boundaries of scripts
//! other than Latin, Greek and Cyrillic: src/normal/, src/breaks/) and so is under
//! half the full engine's size.
//!
//! It must never answer differently from the full engine. So wherever it meets an
//! input that the left-out parts would handle, it notes it here instead of
//! guessing; the bindings (src/wasm.rs) then refuse the call with the code
//! `needs-full-engine`, and the page's engine client loads the full engine and
//! asks again. A call that notes nothing is answered as the full engine answers it.
//! Without the feature nothing is ever noted.

use std::cell::Cell;

thread_local! {
    /// Per thread, so that calls on other threads (tests run in parallel) cannot
    /// note for this one. The lean engine is a wasm build: one thread, and never
    /// the feature `parallel`, so a call's notes are all on its own thread.
    static NEEDED: Cell<bool> = const { Cell::new(false) };
}

/// The languages with a stop-word list in the full engine (feature `languages`).
pub const LISTED: &[&str] = &[
    "ar", "bg", "cs", "da", "de", "el", "en", "es", "fa", "fi", "fr", "he", "hi", "hu", "id", "it",
    "ja", "ko", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sv", "th", "tr", "uk", "vi", "zh",
];

/// The languages with a Snowball stemmer in the full engine (feature `stem`).
pub const STEMMED: &[&str] = &[
    "ar", "da", "nl", "en", "fi", "fr", "de", "el", "hu", "it", "no", "pt", "ro", "ru", "es", "sv",
    "ta", "tr",
];

/// Notes that the call met an input only the full engine handles (a no-op
/// without the feature `lean`).
pub(crate) fn need_full_engine() {
    if cfg!(feature = "lean") {
        NEEDED.with(|needed| needed.set(true));
    }
}

/// True when something was noted and not yet asked by [`full_engine_needed`]:
/// the answer being computed will be refused, so the rest of it is waste.
pub(crate) fn full_engine_noted() -> bool {
    cfg!(feature = "lean") && NEEDED.with(Cell::get)
}

/// True when something was noted since the last time this was asked (and forgets it).
pub fn full_engine_needed() -> bool {
    NEEDED.with(|needed| needed.replace(false))
}

#[cfg(all(test, feature = "lean"))]
mod tests {
    use crate::{term_frequencies, TextOptions};

    use super::*;

    /// The first word is the language the lean engine has; the rest need the full one.
    #[test]
    fn notes_what_the_lean_engine_lacks() {
        let english = "The minister said on Tuesday that the talks would resume next week in Geneva, after a pause of three months.";
        let german = "Der Minister sagte am Dienstag, dass die Gespräche nächste Woche in Genf nach einer Pause von drei Monaten wieder aufgenommen würden.";
        full_engine_needed();
        term_frequencies(english, &TextOptions::default()).unwrap();
        assert!(!full_engine_needed());
        let stem = TextOptions {
            stem: Some(true),
            ..TextOptions::default()
        };
        term_frequencies(english, &stem).unwrap();
        assert!(
            full_engine_needed(),
            "English stemming is the full engine's"
        );
        term_frequencies(german, &TextOptions::default()).unwrap();
        assert!(
            full_engine_needed(),
            "German stop words are the full engine's"
        );
        let quoted = "President Xi Jinping (习近平) said on Tuesday that the talks would resume.";
        term_frequencies(quoted, &TextOptions::default()).unwrap();
        assert!(
            full_engine_needed(),
            "Han characters are normalized by the full engine (src/normal/)"
        );
        term_frequencies("Zoë’s “naïve” café — 3½ km² 👍🏽", &TextOptions::default()).unwrap();
        assert!(!full_engine_needed());
        // The scripts whose trigram profiles the lean build of whatlang leaves out
        // (vendor/whatlang/PARALLAX.md): never answered by the lean engine.
        for other in [
            "قال الوزير يوم الثلاثاء إن المحادثات ستستأنف الأسبوع المقبل",
            "השר אמר ביום שלישי כי השיחות יתחדשו בשבוע הבא",
            "मंत्री ने मंगलवार को कहा कि बातचीत अगले सप्ताह फिर से शुरू होगी",
        ] {
            term_frequencies(other, &TextOptions::default()).unwrap();
            assert!(full_engine_needed(), "{other}");
            let mixed = format!("{english} {other}");
            term_frequencies(&mixed, &TextOptions::default()).unwrap();
            assert!(full_engine_needed(), "{mixed}");
        }
        crate::stop_word_list("fr").unwrap();
        assert!(full_engine_needed());
        crate::decode(b"caf\xe9 cr\xe8me", &crate::DecodeOptions::default()).unwrap();
        assert!(
            full_engine_needed(),
            "a legacy encoding is the full engine's"
        );
        crate::decode("café".as_bytes(), &crate::DecodeOptions::default()).unwrap();
        assert!(!full_engine_needed());
    }

    /// A set the lean engine cannot answer stops after the term statistics: its
    /// answer would be refused, so the pairs are not aligned twice (lean, then full).
    #[test]
    fn a_set_it_cannot_answer_stops_before_the_pairs() {
        let english = "The minister said on Tuesday that the talks would resume next week in Geneva, after a pause of three months.";
        let german = "Der Minister sagte am Dienstag, dass die Gespräche nächste Woche in Genf nach einer Pause von drei Monaten wieder aufgenommen würden.";
        let articles = [
            crate::Article::new("a", english),
            crate::Article::new("b", english),
        ];
        full_engine_needed();
        let report = crate::analyze(&articles, &crate::Options::default()).unwrap();
        assert!(!full_engine_needed());
        assert_eq!((report.documents.len(), report.pairs.len()), (2, 1));
        let articles = [
            crate::Article::new("a", english),
            crate::Article::new("b", german),
        ];
        let report = crate::analyze(&articles, &crate::Options::default()).unwrap();
        assert!(full_engine_needed());
        assert!(report.documents.is_empty() && report.pairs.is_empty());
    }
}
