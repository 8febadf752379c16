//! Any bytes through the decoder: read as text with no stray control character
//! left, or refused as binary with the input's name in the message.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::decode(data));
