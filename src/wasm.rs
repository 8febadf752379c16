//! The WebAssembly bindings: the only module that knows JavaScript exists.
//!
//! It converts JavaScript values into the library's types and back, and every
//! library error into one `Error` with a `code` property.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Article, Options};

/// Compares articles (`[{id, title?, text}]`) and returns the report.
/// Offsets in the report are UTF-16 code units, as `String.prototype.slice` takes.
#[wasm_bindgen]
pub fn analyze(articles: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let articles: Vec<Article> = from_js(articles, "articles")?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        from_js(options, "options")?
    };
    let report =
        crate::analyze(&articles, &options).map_err(|e| into_error(e.code(), &e.to_string()))?;
    to_js(&report)
}

/// PAN text alignment of one pair: the passages of `source` reused in `susp`,
/// as `[{thisOffset, thisLength, sourceOffset, sourceLength}]` in code points
/// (PAN's unit), with the settings tuned on the PAN 2013 training corpus.
#[wasm_bindgen(js_name = panAlign)]
pub fn pan_align(susp: &str, source: &str) -> Result<JsValue, JsValue> {
    let found: Vec<PanPassage> = crate::pan::detect_texts(susp, source)
        .into_iter()
        .map(|d| PanPassage {
            this_offset: d.this_offset,
            this_length: d.this_length,
            source_offset: d.source_offset,
            source_length: d.source_length,
        })
        .collect();
    to_js(&found)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PanPassage {
    this_offset: usize,
    this_length: usize,
    source_offset: usize,
    source_length: usize,
}

/// The passages two texts share, as `[{a: {start, end}, b: {start, end}, score}]`
/// in UTF-16 code units (what `String.prototype.slice` takes). `options` may set
/// `shingle` and `minPassageWords`, as for `analyze`.
#[wasm_bindgen(js_name = alignTexts)]
pub fn align_texts(a: &str, b: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        from_js(options, "options")?
    };
    let passages = crate::report::align_texts(a, b, &options)
        .map_err(|e| into_error(e.code(), &e.to_string()))?;
    to_js(&passages)
}

/// The library's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| into_error("invalid-input", &format!("{what}: {e}")))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| into_error("internal", &e.to_string()))
}

/// The one conversion of an error into JavaScript: an `Error` with a stable `code`.
fn into_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.into());
    error.into()
}
