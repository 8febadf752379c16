//! The overlap engine on hostile inputs: repetition, one huge word, storms of
//! combining marks, very many short lines (`benches/support/hostile.rs`). For each
//! shape and size, a text aligned against itself: the time (reading both texts
//! and aligning), the passages found and how much of each text they cover. Near
//! linear growth: doubling the words about doubles the time.
//!
//! `cargo bench --bench hostile`. A benchmark, not a timed test: it asserts the
//! answer (two identical texts are copies of each other), never the speed. A shape
//! whose size took longer than `GIVE_UP` seconds skips its larger sizes.

#[path = "support/hostile.rs"]
mod hostile;

use std::time::Instant;

use parallax::internals::align::{align, AlignOptions, Doc};

const SIZES: [usize; 4] = [25_000, 50_000, 100_000, 200_000];

const GIVE_UP: f64 = 20.0;

fn main() {
    println!(
        "{:<24} {:>8} {:>9} {:>9} {:>9}",
        "shape", "words", "seconds", "passages", "covered"
    );
    for shape in &hostile::SHAPES {
        let mut last: Option<(usize, f64)> = None;
        for words in SIZES {
            if last.is_some_and(|(_, s)| s > GIVE_UP) {
                println!("{:<24} {words:>8}   skipped", shape.name);
                continue;
            }
            let text = (shape.text)(words);
            let started = Instant::now();
            let (a, b) = (Doc::new(&text), Doc::new(&text));
            let passages = align(&a, &b, &AlignOptions::default());
            let seconds = started.elapsed().as_secs_f64();
            let covered: usize = passages.iter().map(|p| p.a.len()).sum();
            let share = covered as f64 / text.trim_end().len() as f64;
            let growth = last.map_or(String::new(), |(w, s)| {
                format!(
                    "  ×{:.1} time for ×{:.0} words",
                    seconds / s,
                    words as f64 / w as f64
                )
            });
            println!(
                "{:<24} {words:>8} {seconds:>9.3} {:>9} {:>8.1}%{growth}",
                shape.name,
                passages.len(),
                100.0 * share
            );
            last = Some((words, seconds));
        }
    }
}
