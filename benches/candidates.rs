//! Candidate pairs on the whole PAN 2013 training corpus: every document of `src/`
//! and `susp/` (5,057) in one set, as if they were articles of one analysis.
//!
//! `cargo bench --bench candidates` (or `make bench-candidates`). `PAN_TRAIN` is
//! the corpus folder (default `../shared/data/pan13-train`). Prints, per design and
//! setting: time, candidate pairs against all pairs, and the share of each truth
//! folder's pairs proposed. Then, for the default setting, plagdet over PAN's
//! given pairs when only the proposed ones are aligned (a given pair not proposed
//! counts as no detection) against every given pair aligned. Alignment is
//! deterministic per pair, so the given pairs are aligned once and the proposed
//! run keeps the detections of the proposed pairs only.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use parallax::internals::align::{AlignOptions, Doc};
use parallax::internals::candidates::{
    candidates, minhash_candidates, Candidate, CandidateOptions,
};
use parallax::internals::pan::{self, eval, xml, Annotation, PairResult, PanDoc};

const FOLDERS: [&str; 5] = [
    "01-no-plagiarism",
    "02-no-obfuscation",
    "03-random-obfuscation",
    "04-translation-obfuscation",
    "05-summary-obfuscation",
];

fn main() {
    let corpus = std::env::var_os("PAN_TRAIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pan13-train")
        });
    assert!(
        corpus.join("pairs").exists(),
        "{}: PAN corpus not found (set PAN_TRAIN)",
        corpus.display()
    );
    let started = Instant::now();
    let (names, docs) = read_all(&corpus);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "{} documents, {:.1} MB, read and scanned in {:.2} s",
        docs.len(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let index: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let folders: Vec<(&str, Vec<(usize, usize)>)> = FOLDERS
        .iter()
        .map(|f| (*f, folder_pairs(&corpus.join(f), &index)))
        .collect();
    let all_pairs = docs.len() * (docs.len() - 1) / 2;
    let aligned_docs: Vec<Doc> = docs.iter().map(|d| d.doc.clone()).collect();

    println!("all pairs: {all_pairs}");
    println!(
        "| design | time s | peak RSS +MB | candidates | {} |",
        FOLDERS.join(" | ")
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    // Settings `shingle,sample,maxDocs,minShared` separated by `;` in
    // CANDIDATE_SETTINGS replace the default sweep.
    let sweep = std::env::var("CANDIDATE_SETTINGS").unwrap_or_else(|_| {
        "2,1,40,2;2,1,40,3;2,1,20,3;2,1,10,2;2,1,10,3;2,1,5,2;2,2,40,2;3,1,10,1".into()
    });
    for options in sweep.split(';').filter_map(parse_setting) {
        let CandidateOptions {
            shingle,
            sample,
            max_docs,
            min_shared,
        } = options;
        let name = format!(
            "index n={shingle} 1/{sample} maxDocs={max_docs} minShared={min_shared}{}",
            if options == CandidateOptions::default() {
                " (default)"
            } else {
                ""
            }
        );
        measure(&name, &folders, || candidates(&aligned_docs, &options));
    }
    for (shingle, bands, rows) in [(3, 32, 2), (2, 64, 1)] {
        let options = CandidateOptions {
            shingle,
            sample: 1,
            ..CandidateOptions::default()
        };
        let name = format!("minhash n={shingle} bands={bands} rows={rows}");
        measure(&name, &folders, || {
            minhash_candidates(&aligned_docs, &options, bands, rows)
        });
    }

    // CANDIDATE_CHOICE (same format) scores another setting than the default.
    let chosen = std::env::var("CANDIDATE_CHOICE")
        .ok()
        .and_then(|s| parse_setting(&s))
        .unwrap_or_default();
    println!("\nchosen: {chosen:?}");
    let found = candidates(&aligned_docs, &chosen);
    align_time(&docs, &found);
    let proposed: HashSet<(usize, usize)> = found.iter().map(|c| (c.a, c.b)).collect();
    plagdet(&corpus, &docs, &index, &proposed);
}

fn parse_setting(text: &str) -> Option<CandidateOptions> {
    let n: Vec<u64> = text
        .split(',')
        .map(|v| v.trim().parse().ok())
        .collect::<Option<_>>()?;
    match n[..] {
        [shingle, sample, max_docs, min_shared] => Some(CandidateOptions {
            shingle: shingle as usize,
            sample,
            max_docs: max_docs as usize,
            min_shared: min_shared as u32,
        }),
        _ => None,
    }
}

/// Aligns every 50th candidate pair and extrapolates to all of them (aligning all
/// of them is the point of the index, but would take minutes here).
fn align_time(docs: &[PanDoc], found: &[Candidate]) {
    let options = AlignOptions::default();
    let started = Instant::now();
    let mut sampled = 0;
    for c in found.iter().step_by(50) {
        let _ = parallax::internals::align::align(&docs[c.a].doc, &docs[c.b].doc, &options);
        sampled += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "aligned {sampled} of {} candidates in {seconds:.1} s: all of them would take ~{:.0} s (all pairs ~{:.0} s)",
        found.len(),
        seconds / sampled.max(1) as f64 * found.len() as f64,
        seconds / sampled.max(1) as f64 * (docs.len() * (docs.len() - 1) / 2) as f64,
    );
}

/// Every document of `src/` and `susp/`, read for PAN, with its file name.
fn read_all(corpus: &Path) -> (Vec<String>, Vec<PanDoc>) {
    let mut names = Vec::new();
    let mut docs = Vec::new();
    for dir in ["src", "susp"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            names.push(file.file_name().unwrap().to_string_lossy().into_owned());
            docs.push(PanDoc::new(String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    (names, docs)
}

/// The pairs a folder's `pairs` file lists, as document indices (smaller first).
fn folder_pairs(folder: &Path, index: &HashMap<&str, usize>) -> Vec<(usize, usize)> {
    let list = std::fs::read_to_string(folder.join("pairs")).unwrap();
    pan::read_pairs(&list)
        .iter()
        .map(|(susp, src)| {
            let (a, b) = (index[susp.as_str()], index[src.as_str()]);
            (a.min(b), a.max(b))
        })
        .collect()
}

fn measure(
    name: &str,
    folders: &[(&str, Vec<(usize, usize)>)],
    propose: impl FnOnce() -> Vec<Candidate>,
) {
    let before = rss_mb();
    let started = Instant::now();
    let found = propose();
    let seconds = started.elapsed().as_secs_f64();
    let grown = rss_mb() - before;
    let proposed: HashSet<(usize, usize)> = found.iter().map(|c| (c.a, c.b)).collect();
    let recalls: Vec<String> = folders
        .iter()
        .map(|(_, pairs)| {
            let hit = pairs.iter().filter(|p| proposed.contains(p)).count();
            format!(
                "{:.4} ({hit}/{})",
                hit as f64 / pairs.len() as f64,
                pairs.len()
            )
        })
        .collect();
    println!(
        "| {name} | {seconds:.2} | {grown:.0} | {} | {} |",
        found.len(),
        recalls.join(" | ")
    );
}

/// Peak resident memory so far, in MB (Linux; 0 elsewhere).
fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Plagdet per folder: every given pair aligned, and only the proposed ones.
fn plagdet(
    corpus: &Path,
    docs: &[PanDoc],
    index: &HashMap<&str, usize>,
    proposed: &HashSet<(usize, usize)>,
) {
    let options = AlignOptions::pan();
    let started = Instant::now();
    let mut detections: HashMap<String, Vec<Annotation>> = HashMap::new();
    let given = pan::read_pairs(&std::fs::read_to_string(corpus.join("pairs")).unwrap());
    for (susp, src) in &given {
        let (s, r) = (index[susp.as_str()], index[src.as_str()]);
        let found = pan::detect(&docs[s], &docs[r], &options);
        detections.insert(pan::detection_name(susp, src), found);
    }
    println!(
        "\naligned {} given pairs in {:.1} s ({} of them proposed)",
        given.len(),
        started.elapsed().as_secs_f64(),
        given
            .iter()
            .filter(|(s, r)| {
                let (a, b) = (index[s.as_str()], index[r.as_str()]);
                proposed.contains(&(a.min(b), a.max(b)))
            })
            .count()
    );
    println!("| folder | plagdet all given | plagdet proposed only | difference |");
    println!("|---|---|---|---|");
    let (mut all_every, mut all_proposed) = (Vec::new(), Vec::new());
    for folder in FOLDERS {
        let (every, only) = folder_results(&corpus.join(folder), index, &detections, proposed);
        let (a, b) = (eval::score(&every), eval::score(&only));
        println!(
            "| {folder} | {:.4} | {:.4} | {:+.4} |",
            a.plagdet,
            b.plagdet,
            b.plagdet - a.plagdet
        );
        all_every.extend(every);
        all_proposed.extend(only);
    }
    let (a, b) = (eval::score(&all_every), eval::score(&all_proposed));
    println!(
        "| overall | {:.4} | {:.4} | {:+.4} |",
        a.plagdet,
        b.plagdet,
        b.plagdet - a.plagdet
    );
}

/// Each truth file of `folder` with the detections of its pair: all of them, and
/// only when the pair was proposed.
fn folder_results(
    folder: &Path,
    index: &HashMap<&str, usize>,
    detections: &HashMap<String, Vec<Annotation>>,
    proposed: &HashSet<(usize, usize)>,
) -> (Vec<PairResult>, Vec<PairResult>) {
    let list = std::fs::read_to_string(folder.join("pairs")).unwrap();
    let (mut every, mut only) = (Vec::new(), Vec::new());
    for (susp, src) in pan::read_pairs(&list) {
        let name = pan::detection_name(&susp, &src);
        let truth = std::fs::read_to_string(folder.join(&name)).unwrap();
        let cases = xml::parse(&truth, "plagiarism");
        let found = detections.get(&name).cloned().unwrap_or_default();
        let (a, b) = (index[susp.as_str()], index[src.as_str()]);
        let kept = if proposed.contains(&(a.min(b), a.max(b))) {
            found.clone()
        } else {
            Vec::new()
        };
        every.push(PairResult {
            cases: cases.clone(),
            detections: found,
        });
        only.push(PairResult {
            cases,
            detections: kept,
        });
    }
    (every, only)
}
