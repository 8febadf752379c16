//! PAN mode on any two texts: detection never panics, every detection lies inside
//! both documents (code points), and the detection file it writes reads back to
//! the same detections.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::pan(data));
