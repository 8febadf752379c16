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
