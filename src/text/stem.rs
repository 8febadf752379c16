//! Stage 6 (optional): Snowball stemming, for the languages Snowball covers
//! (feature `stem`, part of the default `languages`; without it no language has a
//! stemmer).

use std::borrow::Cow;

/// A stemmer for one language.
pub struct Stemmer {
    #[cfg(feature = "stem")]
    inner: rust_stemmers::Stemmer,
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmer")
    }
}

impl Stemmer {
    /// The Snowball stemmer of `language` (ISO 639-1), if Snowball has one.
    #[cfg(feature = "stem")]
    pub fn new(language: &str) -> Option<Stemmer> {
        use rust_stemmers::Algorithm::*;
        let algorithm = match language {
            "ar" => Arabic,
            "da" => Danish,
            "nl" => Dutch,
            "en" => English,
            "fi" => Finnish,
            "fr" => French,
            "de" => German,
            "el" => Greek,
            "hu" => Hungarian,
            "it" => Italian,
            "no" => Norwegian,
            "pt" => Portuguese,
            "ro" => Romanian,
            "ru" => Russian,
            "es" => Spanish,
            "sv" => Swedish,
            "ta" => Tamil,
            "tr" => Turkish,
            _ => return None,
        };
        Some(Stemmer {
            inner: rust_stemmers::Stemmer::create(algorithm),
        })
    }

    /// No stemmers without the feature `languages` (the lean engine notes that
    /// the full engine has one, see src/lean.rs).
    #[cfg(not(feature = "stem"))]
    pub fn new(language: &str) -> Option<Stemmer> {
        if crate::lean::STEMMED.contains(&language) {
            crate::lean::need_full_engine();
        }
        None
    }

    /// The stem of `term` (borrowed when unchanged).
    pub fn stem<'t>(&self, term: Cow<'t, str>) -> Cow<'t, str> {
        #[cfg(feature = "stem")]
        {
            // Snowball expects no possessive: `obama's` stems as `obama`.
            let base = term.strip_suffix("'s").unwrap_or(&term);
            let stem = match self.inner.stem(base) {
                Cow::Borrowed(b) if b.len() == term.len() => None,
                stem => Some(stem.into_owned()),
            };
            stem.map_or(term, Cow::Owned)
        }
        #[cfg(not(feature = "stem"))]
        term
    }
}

#[cfg(all(test, feature = "stem"))]
mod tests {
    use super::*;

    #[test]
    fn stems_english_and_russian() {
        let en = Stemmer::new("en").unwrap();
        assert_eq!(en.stem("negotiations".into()), "negoti");
        assert_eq!(en.stem("obama's".into()), "obama");
        let ru = Stemmer::new("ru").unwrap();
        assert_eq!(ru.stem("переговоры".into()), "переговор");
        assert!(Stemmer::new("zh").is_none());
    }

    /// The lean engine's list of stemmed languages is this module's.
    #[test]
    fn lean_knows_every_stemmer() {
        for code in crate::text::language::CODES {
            let listed = crate::lean::STEMMED.contains(code);
            assert_eq!(Stemmer::new(code).is_some(), listed, "{code}");
        }
    }
}
