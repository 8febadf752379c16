//! `analyze` on two or three articles cut from any bytes: an `Err` is fine, a panic is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::{analyze, Article, Options};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parts: Vec<&str> = text.splitn(3, '\u{1}').collect();
    let articles: Vec<Article> = parts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::new(i.to_string(), *t))
        .collect();
    let mut options = Options::default();
    options.text.stem = Some(data.first().is_some_and(|b| b & 1 == 1));
    let _ = analyze(&articles, &options);
});
