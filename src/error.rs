//! The library's one error type.

use std::fmt;

/// What went wrong, and with which input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// The kinds of error the library reports.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// No article was given: there is nothing to analyze.
    TooFewArticles {
        /// How many were given.
        given: usize,
    },
    /// An article has no words at all (empty, whitespace or punctuation only).
    EmptyArticle {
        /// The article's id.
        id: String,
    },
    /// An article is larger than the library accepts.
    TooLarge {
        /// The article's id.
        id: String,
        /// Its size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// Two articles share one id.
    DuplicateId {
        /// The repeated id.
        id: String,
    },
    /// An option has a value the library cannot use.
    InvalidOption {
        /// The option's name.
        name: String,
        /// Why the value is refused.
        reason: String,
    },
    /// An input is binary (an image, a PDF, a word processor's file), not text.
    Binary {
        /// The input's name (a file name).
        name: String,
    },
}

impl Error {
    /// An error of `kind`.
    pub fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// A short stable code for programs (`"too-few-articles"`, …).
    pub fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::TooFewArticles { .. } => "too-few-articles",
            ErrorKind::EmptyArticle { .. } => "empty-article",
            ErrorKind::TooLarge { .. } => "too-large",
            ErrorKind::DuplicateId { .. } => "duplicate-id",
            ErrorKind::InvalidOption { .. } => "invalid-option",
            ErrorKind::Binary { .. } => "binary",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::TooFewArticles { given } => {
                write!(
                    f,
                    "need at least one article to analyze, got {given}; add an article"
                )
            }
            ErrorKind::EmptyArticle { id } => {
                write!(f, "article \"{id}\" has no words (it is empty or only whitespace and punctuation)")
            }
            ErrorKind::TooLarge { id, bytes, limit } => write!(
                f,
                "article \"{id}\" is {:.1} MB, more than the {:.0} MB limit",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            ErrorKind::DuplicateId { id } => {
                write!(f, "two articles have the id \"{id}\"; ids must be unique")
            }
            ErrorKind::InvalidOption { name, reason } => {
                write!(f, "option \"{name}\" is invalid: {reason}")
            }
            ErrorKind::Binary { name } => write!(
                f,
                "{name} looks like a binary file (NUL bytes or control characters near its start), not text"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;
