//! The HTML reader on any bytes: never a panic, and what it returns is text
//! (no markup left from a tag the reader opened).
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::html(data));
