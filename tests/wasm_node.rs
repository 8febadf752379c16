//! The wasm bindings under Node (`wasm-pack test --node`).
#![cfg(target_arch = "wasm32")]

include!("common/wasm_cases.rs");
