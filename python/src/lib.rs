//! The Python bindings: the only code that knows Python exists (PyO3).
//!
//! Like the wasm bindings, they only translate values: Python dicts and lists in
//! (through serde, by pythonize), the library's own checks and limits, and its
//! report out in the same shape and the same camelCase keys as `parallax compare
//! --json` and the npm package, so that `json.dumps(report)` is what the CLI prints.
//! Options come as Python keyword arguments in snake_case and are renamed to the
//! report's keys here, the one place that knows both spellings.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pythonize::{depythonize, pythonize};
use serde::de::DeserializeOwned;
use serde::Serialize;

use parallax::{distributed, Article, ConcordanceOptions, DecodeOptions, Options, TextOptions};

create_exception!(
    _parallax,
    ParallaxError,
    PyValueError,
    "An input or option Parallax refuses; `code` is the same stable code the CLI and the npm package give."
);

/// Compares articles (a list of dicts `{"id", "title"?, "text"}`) and returns the report.
#[pyfunction]
#[pyo3(signature = (articles, **options))]
fn analyze<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let articles: Vec<Article> = from_py(articles, "articles")?;
    let options: Options = options_from_py(options)?;
    let report = py
        .detach(|| parallax::analyze(&articles, &options))
        .map_err(|e| library_error(py, e))?;
    to_py(py, &report)
}

/// The passages two texts share: `[{"a": {"start", "end"}, "b": {...}, "score"}]`.
#[pyfunction]
#[pyo3(signature = (a, b, **options))]
fn align_texts<'py>(
    py: Python<'py>,
    a: &str,
    b: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options: Options = options_from_py(options)?;
    let passages = py
        .detach(|| parallax::align_texts(a, b, &options))
        .map_err(|e| library_error(py, e))?;
    to_py(py, &passages)
}

/// The words of `text`: `[{"term", "start", "end"}]`.
#[pyfunction]
#[pyo3(signature = (text, **options))]
fn tokenize<'py>(
    py: Python<'py>,
    text: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options: TextOptions = options_from_py(options)?;
    let words = parallax::tokenize(text, &options).map_err(|e| library_error(py, e))?;
    to_py(py, &words)
}

/// The content terms of `text` and their counts, most frequent first.
#[pyfunction]
#[pyo3(signature = (text, **options))]
fn term_frequencies<'py>(
    py: Python<'py>,
    text: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options: TextOptions = options_from_py(options)?;
    let terms = parallax::term_frequencies(text, &options).map_err(|e| library_error(py, e))?;
    to_py(py, &terms)
}

/// Every occurrence of `term` in `articles`, with its context.
#[pyfunction]
#[pyo3(signature = (articles, term, **options))]
fn concordance<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    term: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let articles: Vec<Article> = from_py(articles, "articles")?;
    let options: ConcordanceOptions = options_from_py(options)?;
    let lines =
        parallax::concordance(&articles, term, &options).map_err(|e| library_error(py, e))?;
    to_py(py, &lines)
}

/// The article in a web page: `{"title", "byline", "text"}`. Never raises on content.
#[pyfunction]
fn extract<'py>(py: Python<'py>, html: &str) -> PyResult<Bound<'py, PyAny>> {
    let page = py.detach(|| parallax::extract(html));
    to_py(py, &page)
}

/// A file's bytes read as text: `{"text", "encoding", "bom", "source", "controls"}`.
#[pyfunction]
#[pyo3(signature = (data, name = "", html = false))]
fn decode<'py>(
    py: Python<'py>,
    data: &[u8],
    name: &str,
    html: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let options = DecodeOptions {
        name: name.to_string(),
        html,
    };
    let decoded = parallax::decode(data, &options).map_err(|e| library_error(py, e))?;
    to_py(py, &decoded)
}

/// PAN text alignment of one pair, in code points (PAN's unit).
#[pyfunction]
fn pan_align<'py>(py: Python<'py>, susp: &str, source: &str) -> PyResult<Bound<'py, PyAny>> {
    let passages = py
        .detach(|| parallax::pan_align(susp, source))
        .map_err(|e| library_error(py, e))?;
    to_py(py, &passages)
}

/// The built-in stop words of `language` (ISO 639-1).
#[pyfunction]
fn stop_word_list(py: Python<'_>, language: &str) -> PyResult<Vec<String>> {
    parallax::stop_word_list(language).map_err(|e| library_error(py, e))
}

/// The library's version.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

// ------------------------------------------------------------ distributed
//
// `parallax::distributed`, the pieces of `analyze` the Spark job runs
// (`parallax/spark.py`). Hashes cross as signed 64-bit integers, Spark's `long`.

fn signed(h: u64) -> i64 {
    h as i64
}

fn unsigned(h: i64) -> u64 {
    h as u64
}

/// The repetition keys of an article's non-empty lines, in order.
#[pyfunction]
fn line_keys(py: Python<'_>, text: &str) -> Vec<i64> {
    py.detach(|| {
        distributed::line_keys(text)
            .into_iter()
            .map(signed)
            .collect()
    })
}

/// One quote as the matching reads it: `(quote, words, speaker)`.
type QuoteRow = (usize, Vec<String>, Option<String>);

/// One line key's occurrence: `(key, doc, line, before, after)`.
type OccurrenceRow = (i64, u64, u64, Option<i64>, Option<i64>);

/// One article read as `analyze` reads it, given the repeats of its line keys.
#[pyclass(module = "parallax._parallax", frozen)]
struct Document {
    inner: std::sync::RwLock<distributed::Document>,
    options: Options,
}

#[pymethods]
impl Document {
    #[new]
    #[pyo3(signature = (index, article, repeats, **options))]
    fn new(
        py: Python<'_>,
        index: u64,
        article: &Bound<'_, PyAny>,
        repeats: Vec<OccurrenceRow>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Document> {
        let article: Article = from_py(article, "article")?;
        let options: Options = options_from_py(options)?;
        let inner = py
            .detach(|| {
                let mut set = distributed::LineRepeats::default();
                for (key, doc, line, before, after) in repeats {
                    set.insert(
                        unsigned(key),
                        distributed::Occurrence {
                            doc: doc as usize,
                            line: line as usize,
                            before: before.map(unsigned),
                            after: after.map(unsigned),
                        },
                    );
                }
                distributed::Document::new(index as usize, &article, &set, &options)
            })
            .map_err(|e| library_error(py, e))?;
        Ok(Document {
            inner: std::sync::RwLock::new(inner),
            options,
        })
    }

    /// Its position in the set.
    #[getter]
    fn index(&self) -> usize {
        self.read().index()
    }

    /// Its distinct content stems.
    fn stems(&self) -> Vec<i64> {
        self.read().stems().into_iter().map(signed).collect()
    }

    /// Its kept shingles for the candidate index.
    fn candidate_shingles(&self) -> Vec<i64> {
        self.read()
            .candidate_shingles(&self.options)
            .into_iter()
            .map(signed)
            .collect()
    }

    /// Its quotes as the matching reads them: `(quote, words, speaker)`.
    fn quote_words(&self) -> Vec<QuoteRow> {
        self.read()
            .quote_words()
            .into_iter()
            .map(|q| (q.quote, q.words, q.speaker))
            .collect()
    }

    /// Its tf-idf weights among `n` articles, `df[k]` the document frequency of `stems[k]`.
    fn weigh(&self, n: u64, stems: Vec<i64>, df: Vec<u64>) {
        let df: std::collections::HashMap<u64, u64> =
            stems.into_iter().map(unsigned).zip(df).collect();
        self.inner
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .weigh(n, |s| df.get(&s).copied().unwrap_or(0));
    }

    /// `{"id", "title", "words", "language", "encoding", "meta"}`.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let summary = py
            .detach(|| self.read().summary(&self.options))
            .map_err(|e| library_error(py, e))?;
        to_py(py, &summary)
    }
}

impl Document {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, distributed::Document> {
        self.inner.read().unwrap_or_else(|e| e.into_inner())
    }
}

/// Compares the pairs `(docs[a[k]], docs[b[k]])` (the first of each first in set
/// order) of a set of `n`, the `k`th sharing `shared_quotes[k]` quotes; returns
/// `[(k, {"pair", "listed", "relation"})]` for the pairs the report lists or
/// relates only: one call for a task's pairs, most of which are neither.
#[pyfunction]
fn compare_pairs<'py>(
    py: Python<'py>,
    docs: Vec<PyRef<'py, Document>>,
    a: Vec<usize>,
    b: Vec<usize>,
    n: usize,
    shared_quotes: Vec<usize>,
) -> PyResult<Vec<(usize, Bound<'py, PyAny>)>> {
    if a.len() != b.len() || a.len() != shared_quotes.len() {
        return Err(invalid_input(py, "a, b and shared_quotes differ in length"));
    }
    if a.iter().chain(&b).any(|&d| d >= docs.len()) {
        return Err(invalid_input(py, "a pair names a document not given"));
    }
    let read: Vec<_> = docs.iter().map(|d| d.read()).collect();
    let mut out = Vec::new();
    for (k, ((&i, &j), &quotes)) in a.iter().zip(&b).zip(&shared_quotes).enumerate() {
        let result = distributed::compare(&read[i], &read[j], n, quotes, &docs[i].options);
        if result.listed || result.relation.is_some() {
            out.push((k, to_py(py, &result)?));
        }
    }
    Ok(out)
}

/// How many quotes each pair shares: `[(a, b, count)]` from `[(index, quote_words)]`.
#[pyfunction]
fn shared_quotes(
    py: Python<'_>,
    quotes: Vec<(usize, Vec<QuoteRow>)>,
) -> Vec<(usize, usize, usize)> {
    py.detach(|| {
        let quotes: Vec<(usize, Vec<distributed::QuoteWords>)> = quotes
            .into_iter()
            .map(|(index, qs)| {
                let qs = qs
                    .into_iter()
                    .map(|(quote, words, speaker)| distributed::QuoteWords {
                        quote,
                        words,
                        speaker,
                    })
                    .collect();
                (index, qs)
            })
            .collect();
        distributed::shared_quotes(&quotes)
    })
}

/// How the pairs of `n` articles are chosen: `{"all_pairs", "max_docs", "min_shared"}`.
#[pyfunction]
#[pyo3(signature = (n, **options))]
fn candidate_settings<'py>(
    py: Python<'py>,
    n: usize,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options: Options = options_from_py(options)?;
    options.check().map_err(|e| library_error(py, e))?;
    to_py(py, &distributed::candidate_settings(n, &options))
}

#[pymodule]
fn _parallax(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ParallaxError", m.py().get_type::<ParallaxError>())?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(align_texts, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(term_frequencies, m)?)?;
    m.add_function(wrap_pyfunction!(concordance, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(pan_align, m)?)?;
    m.add_function(wrap_pyfunction!(stop_word_list, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_class::<Document>()?;
    m.add_function(wrap_pyfunction!(line_keys, m)?)?;
    m.add_function(wrap_pyfunction!(compare_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(shared_quotes, m)?)?;
    m.add_function(wrap_pyfunction!(candidate_settings, m)?)?;
    m.add("EMPTY_LINE_KEY", distributed::EMPTY_LINE_KEY as i64)?;
    Ok(())
}

fn from_py<T: DeserializeOwned>(value: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    depythonize(value).map_err(|e| invalid_input(value.py(), &format!("{what}: {e}")))
}

/// Reads keyword options: snake_case names become the report's camelCase keys,
/// and a name the library does not know is refused with the known ones (serde
/// would skip it silently for options without `deny_unknown_fields`).
fn options_from_py<T: DeserializeOwned + Serialize + Default>(
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<T> {
    let Some(options) = options else {
        return Ok(T::default());
    };
    let py = options.py();
    let known: Vec<String> = option_names::<T>(py)?
        .iter()
        .map(|k| snake_case(k))
        .collect();
    let renamed = PyDict::new(py);
    for (key, value) in options.iter() {
        let key: String = key.extract()?;
        if !known.contains(&key) {
            return Err(invalid_input(
                py,
                &format!(
                    "options: unknown option \"{key}\"; known options are {}",
                    known.join(", ")
                ),
            ));
        }
        renamed.set_item(camel_case(&key), value)?;
    }
    from_py(renamed.as_any(), "options")
}

/// The option keys of `T`, as its serialized default names them (so they cannot
/// drift from the struct).
fn option_names<T: Serialize + Default>(py: Python<'_>) -> PyResult<Vec<String>> {
    let default = to_py(py, &T::default())?;
    let dict = default.cast::<PyDict>()?;
    dict.keys().iter().map(|k| k.extract()).collect()
}

fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        match (c, upper) {
            ('_', _) => upper = true,
            (c, true) => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            (c, false) => out.push(c),
        }
    }
    out
}

fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize(py, value).map_err(|e| error(py, "internal", &e.to_string()))
}

fn library_error(py: Python<'_>, e: parallax::Error) -> PyErr {
    error(py, e.code(), &e.to_string())
}

fn invalid_input(py: Python<'_>, message: &str) -> PyErr {
    error(py, "invalid-input", message)
}

/// The one conversion of an error into Python: a `ParallaxError` with `code`.
fn error(py: Python<'_>, code: &str, message: &str) -> PyErr {
    let err = ParallaxError::new_err(message.to_string());
    // Setting an attribute on a fresh exception instance cannot fail.
    let _ = err.value(py).setattr("code", code);
    err
}
