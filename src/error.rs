//! The library's one error type.

use std::fmt;

use crate::limits::Limit;

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
    /// An input is over one of the limits (`crate::limits`).
    TooLarge {
        /// Which limit.
        limit: Limit,
        /// The article (or the concordance's term) it concerns; `None` for the
        /// limits on a whole call (article count, total size).
        id: Option<String>,
        /// The input's size, in the limit's unit before formatting (bytes or a count).
        size: usize,
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

    /// The article the error is about, by id, where it is about one (so a caller
    /// that read articles from files can name the file).
    pub fn article(&self) -> Option<&str> {
        match &self.kind {
            ErrorKind::EmptyArticle { id } | ErrorKind::DuplicateId { id } => Some(id),
            ErrorKind::TooLarge { id, .. } => id.as_deref(),
            _ => None,
        }
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
            ErrorKind::TooLarge { limit, id, size } => too_large(f, *limit, id.as_deref(), *size),
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

/// `article "x" is 33.00 MiB; the article size limit is 32 MiB`: what is over,
/// by how much, and the limit's name and value in its one unit.
fn too_large(
    f: &mut fmt::Formatter<'_>,
    limit: Limit,
    id: Option<&str>,
    size: usize,
) -> fmt::Result {
    let (name, max) = (limit.name(), limit.format(limit.max()));
    let size_text = limit.format(size);
    match (limit, id) {
        (Limit::TokenBytes, Some(id)) => write!(
            f,
            "article \"{id}\" has a word of {size_text} (an encoded blob?)"
        )?,
        (Limit::ConcordanceLines, Some(term)) => {
            return write!(
                f,
                "\"{term}\" occurs more than {} times; search for a rarer word or phrase \
                 (the {name} limit is {max})",
                limit.max()
            );
        }
        (_, Some(id)) => write!(f, "article \"{id}\" is {size_text}")?,
        (Limit::Articles | Limit::LargeSetArticles, None) => write!(f, "{size_text} were given")?,
        (_, None) => write!(f, "the articles are {size_text} together")?,
    }
    write!(f, "; the {name} limit is {max}")
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;
