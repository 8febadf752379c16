//! `align_texts` on two texts cut from any bytes: never a panic, and every passage
//! is a non-empty UTF-16 range inside its text.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::align(data));
