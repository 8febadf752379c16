//! The WebAssembly bindings: the only module that knows JavaScript exists.
//!
//! It converts JavaScript values into the library's types and back, and every
//! library error into one `Error` with a `code` property.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::sort;
use crate::{Article, ConcordanceOptions, Options, TextOptions};

/// Compares articles (`[{id, title?, text}]`) and returns the report.
/// Offsets in the report are UTF-16 code units, as `String.prototype.slice` takes.
#[wasm_bindgen]
pub fn analyze(articles: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    forget_earlier_notes();
    let articles: Vec<Article> = from_js(articles, "articles")?;
    let options: Options = options_from_js(options)?;
    let report = crate::analyze(&articles, &options).map_err(library_error)?;
    to_js(&report)
}

/// Articles kept between analyses (a worker holds one): each article is read once
/// and what was computed from it reused, so that a change of the minimum passage
/// length or similarity, or one article added or removed, computes only what it
/// changes. `analyze` gives the report the function `analyze` gives for the same
/// articles and options.
#[wasm_bindgen(js_name = Session)]
pub struct WasmSession {
    inner: crate::Session,
}

#[wasm_bindgen(js_class = Session)]
impl WasmSession {
    /// An empty session.
    #[wasm_bindgen(constructor)]
    pub fn new() -> WasmSession {
        WasmSession {
            inner: crate::Session::new(),
        }
    }

    /// Replaces the articles (`[{id, title?, text}]`); the unchanged ones are not read again.
    #[wasm_bindgen(js_name = setArticles)]
    pub fn set_articles(&mut self, articles: JsValue) -> Result<(), JsValue> {
        self.inner.set_articles(from_js(articles, "articles")?);
        Ok(())
    }

    /// Adds an article (`{id, title?, text}`), or replaces the one with its id in its place.
    pub fn put(&mut self, article: JsValue) -> Result<(), JsValue> {
        self.inner.put(from_js(article, "article")?);
        Ok(())
    }

    /// Removes the article with this id; false when there is none.
    pub fn remove(&mut self, id: JsValue) -> Result<bool, JsValue> {
        Ok(self.inner.remove(&string_from_js(&id, "id")?))
    }

    /// The ids of the articles kept, in order.
    pub fn ids(&self) -> Vec<String> {
        self.inner.articles().iter().map(|a| a.id.clone()).collect()
    }

    /// The report on the articles kept (options as for `analyze`).
    pub fn analyze(&mut self, options: JsValue) -> Result<JsValue, JsValue> {
        forget_earlier_notes();
        let options: Options = options_from_js(options)?;
        to_js(&self.inner.analyze(&options).map_err(library_error)?)
    }

    /// Computes and keeps what the next `analyze` with these options reads of the
    /// texts alone (term statistics, quotes, meta, facts), while a session with the
    /// same articles in another worker aligns the pairs (`alignedPairs`): see
    /// `acceptPairs`.
    pub fn prepare(&mut self, options: JsValue) -> Result<(), JsValue> {
        forget_earlier_notes();
        let options: Options = options_from_js(options)?;
        self.inner.prepare(&options).map_err(library_error)?;
        lean_checked(())
    }

    /// The passages (before the thresholds) of every pair `analyze` with these
    /// options aligns, for `acceptPairs` in a session with the same articles:
    /// `{texts: BigUint64Array, shingle, pairs: Uint32Array, overlaps:
    /// Float64Array, spans: Uint32Array, scores: Float64Array}` (see the library's `AlignedPairs`; typed arrays, so
    /// that a worker can transfer them).
    #[wasm_bindgen(js_name = alignedPairs)]
    pub fn aligned_pairs(&mut self, options: JsValue) -> Result<JsValue, JsValue> {
        forget_earlier_notes();
        let options: Options = options_from_js(options)?;
        let aligned = self.inner.aligned_pairs(&options).map_err(library_error)?;
        lean_checked(())?;
        let out = js_sys::Object::new();
        let fields: [(&str, JsValue); 6] = [
            (
                "texts",
                js_sys::BigUint64Array::from(&aligned.texts[..]).into(),
            ),
            ("shingle", aligned.shingle.into()),
            (
                "pairs",
                js_sys::Uint32Array::from(&aligned.pairs[..]).into(),
            ),
            (
                "overlaps",
                js_sys::Float64Array::from(&aligned.overlaps[..]).into(),
            ),
            (
                "spans",
                js_sys::Uint32Array::from(&aligned.spans[..]).into(),
            ),
            (
                "scores",
                js_sys::Float64Array::from(&aligned.scores[..]).into(),
            ),
        ];
        for (name, value) in fields {
            // Setting a property on a fresh plain object cannot fail.
            let _ = js_sys::Reflect::set(&out, &name.into(), &value);
        }
        Ok(out.into())
    }

    /// Takes the passages `alignedPairs` gave in another worker, so that the next
    /// `analyze` with these options does not align those pairs (its report is the
    /// same); how many pairs were taken: 0 when the articles differ from the ones
    /// they were aligned from.
    #[wasm_bindgen(js_name = acceptPairs)]
    pub fn accept_pairs(&mut self, options: JsValue, aligned: JsValue) -> Result<u32, JsValue> {
        let options: Options = options_from_js(options)?;
        let aligned = crate::AlignedPairs {
            texts: typed_field::<js_sys::BigUint64Array>(&aligned, "texts")?.to_vec(),
            shingle: js_sys::Reflect::get(&aligned, &"shingle".into())
                .ok()
                .and_then(|v| v.as_f64())
                .filter(|v| v.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(v))
                .ok_or_else(|| {
                    into_error("invalid-option", "aligned pairs: `shingle` is not a count")
                })? as u32,
            pairs: typed_field::<js_sys::Uint32Array>(&aligned, "pairs")?.to_vec(),
            overlaps: typed_field::<js_sys::Float64Array>(&aligned, "overlaps")?.to_vec(),
            spans: typed_field::<js_sys::Uint32Array>(&aligned, "spans")?.to_vec(),
            scores: typed_field::<js_sys::Float64Array>(&aligned, "scores")?.to_vec(),
        };
        let taken = self
            .inner
            .accept_pairs(&options, &aligned)
            .map_err(library_error)?;
        Ok(taken as u32)
    }

    /// `concordance` over the articles kept.
    pub fn concordance(&self, term: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let term = string_from_js(&term, "term")?;
        let term = term.as_str();
        let options: ConcordanceOptions = options_from_js(options)?;
        to_js(
            &self
                .inner
                .concordance(term, &options)
                .map_err(library_error)?,
        )
    }
}

impl Default for WasmSession {
    fn default() -> WasmSession {
        WasmSession::new()
    }
}

/// The words of `text`, packed for `tokenize` in the package's entry
/// (npm/index.js), which unpacks them into `[{term, start, end}]`, offsets in
/// UTF-16 code units: `[terms, numbers]`, the terms one after another in one
/// string and, per word, the UTF-16 length of its term, its start and its end.
/// Options: `{language, stopWords, extraStopWords, stem, foldAccents}`; unlike
/// `termFrequencies`, every word is kept unless `stopWords: true` is given.
#[wasm_bindgen(js_name = tokenizePacked)]
pub fn tokenize_packed(text: JsValue, options: JsValue) -> Result<js_sys::Array, JsValue> {
    let text = text_from_js(&text, "text")?;
    let text = text.as_str();
    let options: TextOptions = options_from_js(options)?;
    // About one word in six bytes of prose.
    let mut words = Packed::<2>::with_capacity(text.len() / 6);
    crate::api::tokenize_with(text, &options, |term, span| {
        words.push(term.as_str(), [span.start, span.end])
    })
    .map_err(library_error)?;
    words.into_js()
}

/// The content terms of `text` and their counts, most frequent first, packed for
/// `termFrequencies` in the package's entry, which unpacks them into `[{term,
/// count}]`: `[terms, numbers]`, the terms in one string and, per term, its
/// UTF-16 length and its count. Options as for `tokenize`; stop words are
/// dropped unless `stopWords: false`.
#[wasm_bindgen(js_name = termFrequenciesPacked)]
pub fn term_frequencies_packed(text: JsValue, options: JsValue) -> Result<js_sys::Array, JsValue> {
    let text = text_from_js(&text, "text")?;
    let text = text.as_str();
    let options: TextOptions = options_from_js(options)?;
    crate::api::term_frequencies_with(text, &options, |terms| {
        let mut packed = Packed::<1>::with_capacity(terms.len());
        for &(term, count) in terms {
            packed.push(term, [count]);
        }
        packed.into_js()
    })
    .map_err(library_error)?
}

/// Every occurrence of `term` (a word or phrase) in `articles` (`[{id, title?,
/// text}]`) with its context: `[{id, start, end, left, match, right}]`, offsets in
/// UTF-16 code units of the article's text. Options: the text options plus
/// `context` (characters on each side, default 40).
#[wasm_bindgen]
pub fn concordance(articles: JsValue, term: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let articles: Vec<Article> = from_js(articles, "articles")?;
    let term = string_from_js(&term, "term")?;
    let term = term.as_str();
    let options: ConcordanceOptions = options_from_js(options)?;
    to_js(&crate::concordance(&articles, term, &options).map_err(library_error)?)
}

/// The languages (ISO 639-1) the text engine has stop words for, sorted: the
/// choices a page offers for the `language` option besides `"auto"`.
#[wasm_bindgen]
pub fn languages() -> Vec<String> {
    let mut codes: Vec<String> = crate::text::stopwords::languages()
        .map(String::from)
        .collect();
    sort::by(&mut codes, Ord::cmp);
    codes
}

/// The built-in stop words of `language` (ISO 639-1), normalized as terms are;
/// empty when the language has no list. For a page that lets users edit the list
/// (pass additions as `extraStopWords`, or `stopWords: false` plus their own list).
/// An unknown code throws `invalid-option`, as it does for every other export.
#[wasm_bindgen(js_name = stopWordList)]
pub fn stop_word_list(language: JsValue) -> Result<Vec<String>, JsValue> {
    let language = string_from_js(&language, "language")?;
    let list = crate::stop_word_list(&language).map_err(library_error)?;
    lean_checked(list)
}

/// PAN text alignment of one pair: the passages of `source` reused in `susp`,
/// as `[{thisOffset, thisLength, sourceOffset, sourceLength}]` in code points
/// (PAN's unit), with the settings tuned on the PAN 2013 training corpus.
#[wasm_bindgen(js_name = panAlign)]
pub fn pan_align(susp: JsValue, source: JsValue) -> Result<JsValue, JsValue> {
    lean_leaves_out()?;
    let (susp, source) = (
        string_from_js(&susp, "susp")?,
        string_from_js(&source, "source")?,
    );
    to_js(&crate::pan_align(&susp, &source).map_err(library_error)?)
}

/// The passages two texts share, as `[{a: {start, end}, b: {start, end}, score}]`
/// in UTF-16 code units (what `String.prototype.slice` takes). `options` may set
/// `shingle` and `minPassageWords`, as for `analyze`.
#[wasm_bindgen(js_name = alignTexts)]
pub fn align_texts(a: JsValue, b: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let (a, b) = (string_from_js(&a, "a")?, string_from_js(&b, "b")?);
    let options: Options = options_from_js(options)?;
    let passages = crate::align_texts(&a, &b, &options).map_err(library_error)?;
    to_js(&passages)
}

/// Reads the article out of a web page: `{title, byline, text}` (title and
/// byline `null` when the page has none; the text's paragraphs are separated
/// by blank lines). Never throws for a string.
#[wasm_bindgen]
pub fn extract(html: JsValue) -> Result<JsValue, JsValue> {
    lean_leaves_out()?;
    to_js(&crate::extract(&string_from_js(&html, "html")?))
}

/// Reads a file's bytes (a `Uint8Array`) as text: `{text, encoding, bom, source,
/// controls}`, `encoding` the WHATWG name (`"UTF-8"`, `"windows-1252"`,
/// `"UTF-16LE"`…). Options: `{name, html}` (the file's name for errors; `html`
/// lets a page's `<meta charset>` decide). Throws `code: "binary"` for binary.
#[wasm_bindgen]
pub fn decode(bytes: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let bytes = bytes.dyn_into::<js_sys::Uint8Array>().map_err(|other| {
        let message = format!("bytes: expected a Uint8Array, got {}", js_type(&other));
        into_error("invalid-input", &message)
    })?;
    let options: crate::DecodeOptions = options_from_js(options)?;
    let decoded = crate::decode(&bytes.to_vec(), &options).map_err(library_error)?;
    to_js(&decoded)
}

/// The library's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// A string argument, or `invalid-input` naming it. Every text parameter is taken
/// as a `JsValue` and checked here: with a `&str` parameter, wasm-bindgen's glue
/// reads any value as a string, and a number or an object made the call trap
/// ("memory access out of bounds", no `code`).
fn string_from_js(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        let message = format!("{what}: expected a string, got {}", js_type(value));
        into_error("invalid-input", &message)
    })
}

/// A text as [`string_from_js`] takes it, or as its UTF-8 bytes (a `Uint8Array`,
/// refused when not UTF-8): the package's entry hands `tokenize` and
/// `termFrequencies` their text encoded by `TextEncoder`, one copy into the
/// engine's memory, where the glue copies a string a character at a time (a
/// tenth of a news-sized article's `tokenize`: instructions per round under
/// valgrind, 991 -> 875 M).
fn text_from_js(value: &JsValue, what: &str) -> Result<String, JsValue> {
    match value.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => String::from_utf8(bytes.to_vec()).map_err(|e| {
            let message = format!("{what}: the bytes are not UTF-8 ({e})");
            into_error("invalid-input", &message)
        }),
        None => string_from_js(value, what),
    }
}

/// What JavaScript's `typeof` says of `value`, `null` named as itself.
fn js_type(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    value.js_typeof().as_string().unwrap_or_default()
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| into_error("invalid-input", &format!("{what}: {e}")))
}

/// Reads options, refusing keys the library does not know: serde-wasm-bindgen
/// reads only the fields it knows, so a misspelt option would pass unnoticed.
/// The known keys are those of `T::default()` as JavaScript sees it, so they can
/// never drift from the struct. (Going through JSON instead would cost 25 kB of
/// gzipped wasm for serde_json.)
fn options_from_js<T: serde::de::DeserializeOwned + Serialize + Default + 'static>(
    options: JsValue,
) -> Result<T, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(T::default());
    }
    if let Some(object) = options.dyn_ref::<js_sys::Object>() {
        // Not through `to_js`: the lean engine's check is for answers.
        let default = || T::default().serialize(&serde_wasm_bindgen::Serializer::json_compatible());
        check_keys(object, std::any::TypeId::of::<T>(), &default)?;
    }
    from_js(options, "options")
}

/// Refuses a key of `object` that the options type `id` does not have. Its keys
/// (those of its `default()` in JavaScript) are made once per type: made at every
/// call they were most of the cost of passing options to a per-article
/// `tokenize` (7.7 against 3.7 µs a call on a short text, Node 20). Without a
/// type parameter, so that its code is in the wasm once.
fn check_keys(
    object: &js_sys::Object,
    id: std::any::TypeId,
    default: &dyn Fn() -> Result<JsValue, serde_wasm_bindgen::Error>,
) -> Result<(), JsValue> {
    thread_local! {
        // A handful of options types: a list is all the map this needs.
        static KNOWN: RefCell<Vec<(std::any::TypeId, Vec<String>)>> = const { RefCell::new(Vec::new()) };
    }
    KNOWN.with_borrow_mut(|known| {
        let at = match known.iter().position(|(t, _)| *t == id) {
            Some(at) => at,
            None => {
                let default = default().map_err(|e| into_error("internal", &e.to_string()))?;
                known.push((id, js_keys(&default)));
                known.len() - 1
            }
        };
        let keys = &known[at].1;
        match js_keys(object).into_iter().find(|key| !keys.contains(key)) {
            None => Ok(()),
            Some(key) => Err(into_error(
                "invalid-input",
                &format!(
                    "options: unknown option \"{key}\"; known options are {}",
                    keys.join(", ")
                ),
            )),
        }
    })
}

fn js_keys(object: &JsValue) -> Vec<String> {
    match object.dyn_ref::<js_sys::Object>() {
        Some(object) => js_sys::Object::keys(object)
            .iter()
            .filter_map(|k| k.as_string())
            .collect(),
        None => Vec::new(),
    }
}

/// A list of many small items handed over in bulk: their terms joined in one
/// string and their numbers in one `Uint32Array`, each item's term's UTF-16
/// length first (so that no character needs reserving as a separator), then its
/// `N` fields. Two crossings of the boundary whatever the number of items: as
/// JSON text for `JSON.parse` the same lists took a third of a news-sized
/// article's `termFrequencies` (a CPU profile under Node); serde-wasm-bindgen,
/// one crossing per field, was slower still. The package's entry builds the
/// objects (npm/index.js).
struct Packed<const N: usize> {
    /// The terms' bytes, back to back (`push_bytes`).
    terms: Vec<u8>,
    numbers: Vec<u32>,
}

impl<const N: usize> Packed<N> {
    fn with_capacity(items: usize) -> Packed<N> {
        Packed {
            terms: Vec::with_capacity(items * 8),
            numbers: Vec::with_capacity(items * (N + 1)),
        }
    }

    fn push(&mut self, term: &str, fields: [usize; N]) {
        let ascii = push_bytes(&mut self.terms, term.as_bytes());
        // An ASCII term is as long in UTF-16 code units (JavaScript's length) as in bytes.
        let units = match ascii {
            true => term.len(),
            false => term.chars().map(char::len_utf16).sum(),
        };
        self.numbers.push(units as u32);
        // Counts and offsets of a text within `limits::MAX_ARTICLE_BYTES`: u32 holds them.
        self.numbers.extend(fields.map(|n| n as u32));
    }

    fn into_js(self) -> Result<js_sys::Array, JsValue> {
        lean_checked(())?;
        // Whole terms back to back are UTF-8; checked (one fast pass), not assumed.
        let terms = std::str::from_utf8(&self.terms)
            .map_err(|_| into_error("internal", "packed terms are not UTF-8"))?;
        Ok(js_sys::Array::of2(
            &JsValue::from_str(terms),
            &js_sys::Uint32Array::from(&self.numbers[..]),
        ))
    }
}

/// Appends `bytes` to `out` eight at a time, true when they are all ASCII.
///
/// `extend_from_slice` of a length not known in advance is a `memory.copy`, which
/// V8 runs as a call out of wasm: for a term of a few bytes per word, 4 % of a
/// news-sized article's `tokenize` (timed, A/B). Eight bytes of a known length
/// are one store, and the same words say whether the term is ASCII, its UTF-16
/// length then its byte length (3 % more). Inlined: wasm-opt left it a call
/// per word (680 -> 661 M instructions a round of `tokenize`, and smaller).
#[inline(always)]
fn push_bytes(out: &mut Vec<u8>, bytes: &[u8]) -> bool {
    let mut high = 0;
    let words = bytes.chunks_exact(8);
    let rest = words.remainder();
    // Every chunk is eight bytes, so the conversion never fails; as arrays, their
    // length is known to the compiler (`as_chunks` is newer than the MSRV).
    for word in words.filter_map(|w| <[u8; 8]>::try_from(w).ok()) {
        out.extend_from_slice(&word);
        high |= u64::from_le_bytes(word);
    }
    if !rest.is_empty() {
        // The last bytes, zero-padded to eight and then cut back.
        let last = crate::text::tally::head(rest);
        high |= last;
        out.extend_from_slice(&last.to_le_bytes());
        out.truncate(out.len() - (8 - rest.len()));
    }
    high & 0x8080_8080_8080_8080 == 0
}

/// The typed array `object[name]` (`alignedPairs`' fields), or a clear error.
fn typed_field<T: JsCast>(object: &JsValue, name: &str) -> Result<T, JsValue> {
    js_sys::Reflect::get(object, &name.into())
        .ok()
        .and_then(|v| v.dyn_into::<T>().ok())
        .ok_or_else(|| {
            into_error(
                "invalid-option",
                &format!("aligned pairs: `{name}` is not the typed array alignedPairs gives"),
            )
        })
}

/// Every answer goes through here (or through `lean_checked`): the lean engine
/// refuses an answer it could get wrong.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    lean_checked(())?;
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| into_error("internal", &e.to_string()))
}

/// `value`, or the error `needs-full-engine` when the call met an input that only
/// the full engine handles (the lean engine, src/lean.rs: the page's engine
/// client then asks the full engine).
fn lean_checked<T>(value: T) -> Result<T, JsValue> {
    if crate::lean::full_engine_needed() {
        return Err(into_error(
            "needs-full-engine",
            "this input needs the full engine (another language or a legacy encoding)",
        ));
    }
    Ok(value)
}

/// An analysis stops early once the lean engine notes something (src/report.rs),
/// so a note left by an earlier call that was never answered must not count for it.
fn forget_earlier_notes() {
    crate::lean::full_engine_needed();
}

/// The lean engine leaves out what the page never asks before an article arrives
/// from the web (the HTML reader) and what it never asks at all (PAN alignment):
/// such calls go to the full engine.
fn lean_leaves_out() -> Result<(), JsValue> {
    if cfg!(feature = "lean") {
        return Err(into_error(
            "needs-full-engine",
            "the lean engine has no HTML reader or PAN alignment",
        ));
    }
    Ok(())
}

/// A library error as JavaScript sees it: its message and its code (or
/// `needs-full-engine`, as for an answer: the full engine may answer otherwise).
fn library_error(error: crate::Error) -> JsValue {
    match lean_checked(()) {
        Ok(()) => into_error(error.code(), &error.to_string()),
        Err(needs_full) => needs_full,
    }
}

/// The one conversion of an error into JavaScript: an `Error` with a stable `code`.
fn into_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.into());
    error.into()
}
