//! The options the exports take, as JavaScript and the CLI give them (serde,
//! camelCase), and the one check of their language. The engines take their own
//! plain types (`text::AnalyzerOptions`); the conversion is here.

use crate::error::{Error, ErrorKind, Result};
use crate::text::{self, AnalyzerOptions};

/// The text options of the JavaScript exports and the report (camelCase), each
/// optional so that every entry point keeps its own defaults.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct TextOptions {
    /// ISO 639-1 code, or `"auto"` (the default) to detect it.
    pub language: Option<String>,
    /// Drop the language's stop words.
    pub stop_words: Option<bool>,
    /// The user's own stop words.
    pub extra_stop_words: Vec<String>,
    /// Reduce terms to their Snowball stem.
    pub stem: Option<bool>,
    /// Fold accents away.
    pub fold_accents: Option<bool>,
}

impl TextOptions {
    /// These options for the analyzer, the language checked; `stop_words` is the
    /// default for stop words.
    pub(crate) fn analyzer(&self, stop_words: bool) -> Result<AnalyzerOptions> {
        Ok(AnalyzerOptions {
            language: checked_language(self.language.as_deref())?,
            stop_words: self.stop_words.unwrap_or(stop_words),
            extra_stop_words: self.extra_stop_words.clone(),
            stem: self.stem.unwrap_or(false),
            fold_accents: self.fold_accents.unwrap_or(false),
        })
    }
}

/// The concordance's options from JavaScript (camelCase): the text options, and
/// how many characters of context to show on each side (default 40).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ConcordanceOptions {
    /// Language, stemming and accents decide what matches the term; stop words
    /// are accepted for symmetry with the other exports, and the term asked for
    /// is always found.
    #[serde(flatten)]
    pub text: TextOptions,
    /// Characters of context on each side.
    pub context: Option<usize>,
}

impl ConcordanceOptions {
    /// The analyzer options these name, the language checked: never a stop word
    /// left out.
    pub(crate) fn analyzer(&self) -> Result<AnalyzerOptions> {
        Ok(AnalyzerOptions {
            extra_stop_words: Vec::new(),
            ..self.text.analyzer(false)?
        })
    }

    /// Characters of context on each side (at most 1000).
    pub(crate) fn context(&self) -> usize {
        self.context.unwrap_or(40).min(1000)
    }
}

/// The one check of the text options every export takes (`analyze` through
/// `Options::check`): the language is `"auto"` or a code the engine knows. An
/// unknown code is refused, never read as "no language".
pub(crate) fn check_text_options(options: &TextOptions) -> Result<()> {
    checked_language(options.language.as_deref()).map(drop)
}

/// The language the engine is to read: `None` to detect it (`"auto"`, empty or
/// not given), else the code of one it knows; an unknown code is an error.
pub(crate) fn checked_language(language: Option<&str>) -> Result<Option<&'static str>> {
    let language = language.unwrap_or("auto").trim();
    if language == "auto" || language.is_empty() {
        return Ok(None);
    }
    if let Some(code) = text::language_code(language) {
        return Ok(Some(code));
    }
    Err(Error::new(ErrorKind::InvalidOption {
        name: "language".into(),
        reason: format!(
            "\"{language}\" is not \"auto\" or an ISO 639-1 code the text engine knows (en, de, zh, ...)"
        ),
    }))
}
