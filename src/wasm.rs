//! The WebAssembly bindings: the only module that knows JavaScript exists.
//!
//! It converts JavaScript values into the library's types and back, and every
//! library error into one `Error` with a `code` property.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::{Article, Options};

/// Compares articles (`[{id, title?, text}]`) and returns the report.
/// Offsets in the report are UTF-16 code units, as `String.prototype.slice` takes.
#[wasm_bindgen]
pub fn analyze(articles: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let articles: Vec<Article> = from_js(articles, "articles")?;
    let options: Options = options_from_js(options)?;
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

/// Reads options, refusing keys the library does not know: serde-wasm-bindgen
/// reads only the fields it knows, so a misspelt option would pass unnoticed.
/// (Going through JSON instead would cost 25 kB of gzipped wasm for serde_json.)
fn options_from_js(options: JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if let Some(object) = options.dyn_ref::<js_sys::Object>() {
        for key in js_sys::Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !Options::KEYS.contains(&key.as_str()) {
                let known = Options::KEYS.join(", ");
                return Err(into_error(
                    "invalid-input",
                    &format!("options: unknown option \"{key}\"; known options are {known}"),
                ));
            }
        }
    }
    from_js(options, "options")
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
