//! Any bytes, decoded lossily: tokenization, every option, term statistics and the
//! concordance never panic, and every token's span slices back to its surface in
//! bytes and in UTF-16 units.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::tokenize(data));
