//! Alignment speed: the PAN 2013 training corpus (5,185 pairs) on one core, and
//! two long synthetic articles (1 MB and 2 MB each) to show near-linear growth.
//!
//! `cargo bench --bench align` (or `make bench-align`, which also runs the same
//! pairs through wasm under Node and prints the ratio). Set `PAN_TRAIN` to the
//! corpus folder; without it the corpus part is skipped. Writes the native
//! per-pair time to `target/align-bench.json` for `benches/align.mjs`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use parallax::internals::align::{align, AlignOptions, Doc};
use parallax::internals::pan::{self, PanDoc};

fn main() {
    let corpus = std::env::var_os("PAN_TRAIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pan13-train")
        });
    if corpus.join("pairs").exists() {
        corpus_bench(&corpus);
    } else {
        println!("corpus: {} not found, skipped", corpus.display());
    }
    long_bench();
}

fn corpus_bench(corpus: &Path) {
    let pairs = pan::read_pairs(&std::fs::read_to_string(corpus.join("pairs")).unwrap());
    let started = Instant::now();
    let mut texts: HashMap<String, String> = HashMap::new();
    for (susp, src) in &pairs {
        for (dir, name) in [("susp", susp), ("src", src)] {
            if !texts.contains_key(name) {
                let bytes = std::fs::read(corpus.join(dir).join(name)).unwrap();
                texts.insert(name.clone(), String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    let bytes: usize = texts.values().map(String::len).sum();
    println!(
        "corpus: {} pairs, {} documents, {:.1} MB read in {:.2} s",
        pairs.len(),
        texts.len(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    // The runner's way: every document read once, then every pair aligned.
    let started = Instant::now();
    let docs: HashMap<&str, PanDoc> = texts
        .iter()
        .map(|(name, text)| (name.as_str(), PanDoc::new(text.clone())))
        .collect();
    let scanned = started.elapsed().as_secs_f64();
    let options = AlignOptions::pan();
    let mut found = 0;
    for (susp, src) in &pairs {
        found += pan::detect(&docs[susp.as_str()], &docs[src.as_str()], &options).len();
    }
    let cached = started.elapsed().as_secs_f64();
    println!(
        "native, documents read once: {cached:.2} s ({scanned:.2} s scanning), {:.0} pairs/s, {found} detections",
        pairs.len() as f64 / cached
    );

    // The wasm export's way (`panAlign(susp, src)`): both texts read for every pair.
    let started = Instant::now();
    let mut found = 0;
    for (susp, src) in &pairs {
        found += pan::detect_texts(&texts[susp], &texts[src]).len();
    }
    let per_pair = started.elapsed().as_secs_f64();
    println!(
        "native, texts read per pair:  {per_pair:.2} s, {:.0} pairs/s, {found} detections",
        pairs.len() as f64 / per_pair
    );
    let json = format!(
        "{{\"pairs\": {}, \"perPairSeconds\": {per_pair:.4}, \"cachedSeconds\": {cached:.4}, \"detections\": {found}}}\n",
        pairs.len()
    );
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/align-bench.json");
    if let Err(e) = std::fs::write(&out, json) {
        println!("could not write {}: {e}", out.display());
    }
}

/// Two long articles that share a third of their text, some of it edited.
fn long_bench() {
    let mut times = Vec::new();
    for megabytes in [1, 2] {
        let (a, b) = long_pair(megabytes * 1_000_000);
        let started = Instant::now();
        let (da, db) = (Doc::new(&a), Doc::new(&b));
        let passages = align(&da, &db, &AlignOptions::default());
        let seconds = started.elapsed().as_secs_f64();
        let shared: usize = passages.iter().map(|p| p.a.len()).sum();
        println!(
            "long: two {megabytes} MB articles aligned in {seconds:.2} s, {} passages covering {:.0}% of the first",
            passages.len(),
            100.0 * shared as f64 / a.len() as f64
        );
        times.push(seconds);
    }
    println!(
        "long: 2 MB / 1 MB time ratio {:.2} (2.0 is linear, 4.0 quadratic)",
        times[1] / times[0]
    );
}

/// A deterministic text of about `bytes` bytes, and a second one that copies every
/// third paragraph of it (every other copy with a few words changed) between
/// paragraphs of its own.
fn long_pair(bytes: usize) -> (String, String) {
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let vocabulary: Vec<String> = (0..5000)
        .map(|i| {
            let letters = b"etaoinshrdlucmfwypvbgkqjxz";
            let mut w = String::new();
            let mut k = i + 7;
            for _ in 0..(3 + i % 7) {
                w.push(letters[k % 26] as char);
                k = k / 3 + k % 5 * 11;
            }
            w
        })
        .collect();
    // Zipf-like: low word indices far more often.
    let paragraph = |next: &mut dyn FnMut() -> u64| {
        let mut p = String::new();
        for _ in 0..(3 + next() % 4) {
            let n = 8 + next() % 18;
            for k in 0..n {
                let r = (next() % 1000) as f64 / 1000.0;
                let w = &vocabulary[(r * r * r * 4999.0) as usize];
                if k == 0 {
                    p.push_str(&w[..1].to_uppercase());
                    p.push_str(&w[1..]);
                } else {
                    p.push(' ');
                    p.push_str(w);
                }
            }
            p.push_str(". ");
        }
        p.push('\n');
        p
    };
    let (mut a, mut b) = (String::new(), String::new());
    let mut i = 0;
    while a.len() < bytes {
        let p = paragraph(&mut next);
        if i % 3 == 0 {
            let copy = if i % 2 == 0 {
                p.replacen(' ', " new ", 3)
            } else {
                p.clone()
            };
            b.push_str(&copy);
        } else {
            b.push_str(&paragraph(&mut next));
        }
        a.push_str(&p);
        i += 1;
    }
    (a, b)
}
