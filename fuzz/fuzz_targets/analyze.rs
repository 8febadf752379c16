//! `analyze` on two or three articles cut from any bytes: an `Err` is fine, a panic is not.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::analyze(data));
