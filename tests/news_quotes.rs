//! Quotes and speakers (issue 7, section 1).
//!
//! - `fixtures_*`: the cases in tests/fixtures/news/quotes.json (also for the wasm
//!   and page tests), expectations written as the quoted substrings.
//! - `gold_precision_and_recall`: extraction and attribution measured against the
//!   hand annotation in tests/fixtures/news/quotes_gold.json (seeds and PAN source
//!   documents), printed per split; run with
//!   `cargo test --release --test news_quotes -- --nocapture`.
//! - `never_panics`: any input, spans on char boundaries, parts inside the span.
#![cfg(not(target_arch = "wasm32"))] // Native only: `wasm-pack test` compiles every test target.

use parallax::internals::news::{quotes, speakers, Quote};
use parallax::internals::span::ByteSpan;
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    articles: Vec<ArticleCase>,
    expect: Expect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleCase {
    id: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// Per article, every quote in text order.
    quotes: Vec<Vec<ExpectedQuote>>,
    /// Groups of (article index, quote index); omitted when not checked.
    #[serde(default)]
    matches: Option<Vec<ExpectedMatch>>,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct ExpectedQuote {
    /// The quoted words of each part.
    parts: Vec<String>,
    /// The name the speaker resolves to, null when there is none.
    speaker: Option<String>,
    /// The words the attribution rests on.
    #[serde(default, rename = "speakerWords")]
    speaker_words: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ExpectedMatch {
    members: Vec<(usize, usize)>,
    #[serde(rename = "minScore")]
    min_score: f64,
    #[serde(rename = "maxScore")]
    max_score: f64,
}

fn analyze(text: &str) -> Vec<Quote> {
    let mut qs = quotes::extract(text);
    speakers::attribute(text, &mut qs);
    qs
}

fn describe(text: &str, q: &Quote) -> ExpectedQuote {
    ExpectedQuote {
        parts: q.parts.iter().map(|p| p.slice(text).to_string()).collect(),
        speaker: q.speaker.as_ref().map(|s| s.name.clone()),
        speaker_words: q.speaker.as_ref().map(|s| s.span.slice(text).to_string()),
    }
}

fn cases() -> Vec<Case> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/news/quotes.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn fixtures_give_quotes_parts_and_speakers() {
    let cases = cases();
    assert!(cases.len() >= 20, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        assert_eq!(
            case.articles.len(),
            case.expect.quotes.len(),
            "{}",
            case.name
        );
        for (article, expected) in case.articles.iter().zip(&case.expect.quotes) {
            let got: Vec<ExpectedQuote> = analyze(&article.text)
                .iter()
                .map(|q| describe(&article.text, q))
                .collect();
            let same = got.len() == expected.len()
                && got.iter().zip(expected).all(|(g, e)| {
                    g.parts == e.parts
                        && g.speaker == e.speaker
                        && (e.speaker_words.is_none() || g.speaker_words == e.speaker_words)
                });
            if !same {
                failures.push(format!(
                    "{} / {}:\n  expected {:?}\n  got      {:?}",
                    case.name, article.id, expected, got
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Seed 002 opens a sentence with `Following Obama’s meeting`: the participle is
/// capitalised by its place, and no speaker may carry it.
#[test]
fn no_seed_speaker_starts_with_a_sentence_opening_participle() {
    // The page's committed copy of the seeds (tests/seeds.rs holds it to ../shared).
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/seeds/002_da9d12f0e6c681db.txt");
    let text = std::fs::read_to_string(&seed).expect("seed 002 is there");
    let quotes = analyze(&text);
    let names: Vec<&str> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref().map(|s| s.name.as_str()))
        .collect();
    assert!(names.contains(&"Barack Obama"), "{names:?}");
    assert!(
        !names.iter().any(|n| n.starts_with("Following")),
        "{names:?}"
    );
}

#[test]
fn fixtures_give_matches_across_articles() {
    let mut checked = 0;
    for case in cases() {
        let Some(expected) = &case.expect.matches else {
            continue;
        };
        let texts: Vec<&str> = case.articles.iter().map(|a| a.text.as_str()).collect();
        let all: Vec<Vec<Quote>> = texts.iter().map(|t| analyze(t)).collect();
        let got = quotes::matches(&texts, &all);
        let members: Vec<&Vec<(usize, usize)>> = got.iter().map(|m| &m.members).collect();
        let want: Vec<&Vec<(usize, usize)>> = expected.iter().map(|m| &m.members).collect();
        assert_eq!(members, want, "{}", case.name);
        for (g, e) in got.iter().zip(expected) {
            assert!(
                (e.min_score..=e.max_score).contains(&g.score),
                "{}: score {} not in {}..={}",
                case.name,
                g.score,
                e.min_score,
                e.max_score
            );
        }
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} match cases");
}

// ------------------------------------------------------------------ gold

#[derive(Deserialize)]
struct Gold {
    docs: Vec<GoldDoc>,
}

#[derive(Deserialize)]
struct GoldDoc {
    path: String,
    split: String,
    quotes: Vec<GoldQuote>,
}

#[derive(Deserialize)]
struct GoldQuote {
    text: String,
    speaker: Option<String>,
}

#[derive(Default, Debug, Clone, Copy)]
struct Tally {
    predicted: usize,
    predicted_right: usize,
    gold: usize,
    gold_found: usize,
    attributed: usize,
    attributed_right: usize,
    gold_speakers: usize,
    gold_speakers_right: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.predicted += o.predicted;
        self.predicted_right += o.predicted_right;
        self.gold += o.gold;
        self.gold_found += o.gold_found;
        self.attributed += o.attributed;
        self.attributed_right += o.attributed_right;
        self.gold_speakers += o.gold_speakers;
        self.gold_speakers_right += o.gold_speakers_right;
    }
    fn extraction(&self) -> (f64, f64) {
        (
            ratio(self.predicted_right, self.predicted),
            ratio(self.gold_found, self.gold),
        )
    }
    fn attribution(&self) -> (f64, f64) {
        (
            ratio(self.attributed_right, self.attributed),
            ratio(self.gold_speakers_right, self.gold_speakers),
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Speakers agree when their last words do (`Kerry` and `John F. Kerry`, `the
/// official` and `a US official`).
fn same_person(a: &str, b: &str) -> bool {
    let last = |s: &str| {
        s.trim_end_matches("’s")
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_lowercase()
    };
    last(a) == last(b)
}

fn score_doc(text: &str, doc: &GoldDoc, verbose: bool) -> Tally {
    let predicted = analyze(text);
    let mut t = Tally {
        predicted: predicted.len(),
        gold: doc.quotes.len(),
        ..Tally::default()
    };
    let holds = |q: &Quote, g: &GoldQuote| q.parts.iter().any(|p| p.slice(text).contains(&g.text));
    for q in &predicted {
        let golds: Vec<&GoldQuote> = doc.quotes.iter().filter(|g| holds(q, g)).collect();
        if !golds.is_empty() {
            t.predicted_right += 1;
        }
        if let Some(s) = &q.speaker {
            t.attributed += 1;
            let right = golds.iter().any(|g| {
                g.speaker
                    .as_deref()
                    .is_some_and(|n| same_person(n, &s.name))
            });
            if right {
                t.attributed_right += 1;
            }
        }
        if verbose && golds.is_empty() {
            println!("    extra: {:?}", describe(text, q));
        }
    }
    for g in &doc.quotes {
        // A quote whose part is exactly the gold text first: `close` is also inside
        // `close to agreement`.
        let exact = |q: &&Quote| {
            q.parts
                .iter()
                .any(|p| p.slice(text).trim_matches(|c: char| !c.is_alphanumeric()) == g.text)
        };
        let found = predicted
            .iter()
            .find(exact)
            .or_else(|| predicted.iter().find(|q| holds(q, g)));
        if found.is_some() {
            t.gold_found += 1;
        }
        if let Some(name) = &g.speaker {
            t.gold_speakers += 1;
            let got = found
                .and_then(|q| q.speaker.as_ref())
                .map(|s| s.name.as_str());
            if got.is_some_and(|n| same_person(name, n)) {
                t.gold_speakers_right += 1;
            } else if verbose {
                println!("    speaker: {:?} gold {:?} got {:?}", g.text, name, got);
            }
        }
        if verbose && found.is_none() {
            println!("    missed: {:?}", g.text);
        }
    }
    t
}

#[test]
fn gold_precision_and_recall() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/news/quotes_gold.json"
    );
    let gold: Gold = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // `QUOTES_VERBOSE=tune` lists the misses of that split only.
    let verbose_split = std::env::var("QUOTES_VERBOSE").unwrap_or_default();
    let mut by_split: Vec<(String, Tally)> = Vec::new();
    for doc in &gold.docs {
        let text = std::fs::read_to_string(&doc.path)
            .unwrap_or_else(|e| panic!("the gold's document {} is missing: {e}", doc.path));
        let verbose = verbose_split == doc.split;
        if verbose {
            println!("{} ({})", doc.path, doc.split);
        }
        let t = score_doc(&text, doc, verbose);
        match by_split.iter_mut().find(|(s, _)| *s == doc.split) {
            Some((_, total)) => total.add(t),
            None => by_split.push((doc.split.clone(), t)),
        }
    }
    println!("split     quotes(gold/pred)  extraction P / R   attribution P / R");
    for (split, t) in &by_split {
        let (ep, er) = t.extraction();
        let (ap, ar) = t.attribution();
        println!(
            "{split:<9} {:>4} / {:<4}         {ep:.2} / {er:.2}        {ap:.2} / {ar:.2}",
            t.gold, t.predicted
        );
    }
    let held = by_split
        .iter()
        .find(|(s, _)| s == "heldout")
        .map(|(_, t)| *t)
        .expect("a held-out split");
    assert!(held.gold >= 50, "held-out gold too small: {}", held.gold);
    // Floors well below the measured values (QUOTES.md): a regression trips them.
    let (ep, er) = held.extraction();
    let (ap, ar) = held.attribution();
    assert!(
        ep >= 0.8 && er >= 0.75,
        "held-out extraction P {ep:.2} R {er:.2}"
    );
    assert!(
        ap >= 0.6 && ar >= 0.5,
        "held-out attribution P {ap:.2} R {ar:.2}"
    );
}

// ------------------------------------------------------------------ properties

fn check_spans(text: &str, qs: &[Quote]) -> Result<(), TestCaseError> {
    let ok = |s: ByteSpan| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for q in qs {
        prop_assert!(ok(q.span), "span {:?}", q.span);
        prop_assert!(!q.parts.is_empty());
        for p in &q.parts {
            prop_assert!(ok(*p), "part {:?}", p);
            prop_assert!(q.span.start <= p.start && p.end <= q.span.end);
        }
        if let Some(s) = &q.speaker {
            prop_assert!(ok(s.span), "speaker {:?}", s.span);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,200}") {
        let qs = analyze(&text);
        check_spans(&text, &qs)?;
    }

    #[test]
    fn never_panics_on_quote_heavy_text(
        text in "([\"“”‘’'«» ,.:\n]|he said|said Mr\\. Obama|The official said|according to|[A-Z][a-z]{0,6}|é|日本){0,60}"
    ) {
        let qs = analyze(&text);
        check_spans(&text, &qs)?;
        let texts = [text.as_str(), text.as_str()];
        let all = vec![qs.clone(), qs];
        for m in quotes::matches(&texts, &all) {
            prop_assert!((0.0..=1.0).contains(&m.score));
            prop_assert!(m.members.len() >= 2);
        }
    }
}

/// Every PAN source document through extraction, attribution and matching: no
/// panic, and the time it takes (`--ignored`, release).
#[test]
#[ignore]
fn pan_sources_run() {
    let dir = "/work/shared/data/pan13-train/src";
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let started = std::time::Instant::now();
    let all: Vec<Vec<Quote>> = texts.iter().map(|t| analyze(t)).collect();
    let extracted = started.elapsed();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let groups = quotes::matches(&refs, &all);
    let quotes: usize = all.iter().map(Vec::len).sum();
    let attributed: usize = all.iter().flatten().filter(|q| q.speaker.is_some()).count();
    println!(
        "{} documents, {:.1} MB: {quotes} quotes ({attributed} attributed) in {:.2?} ({:.1} MB/s); {} matched groups in {:.2?} total",
        texts.len(),
        bytes as f64 / 1e6,
        extracted,
        bytes as f64 / 1e6 / extracted.as_secs_f64(),
        groups.len(),
        started.elapsed()
    );
    if std::env::var_os("QUOTES_VERBOSE").is_some() {
        for g in &groups {
            println!("score {:.2}", g.score);
            for &(d, i) in &g.members {
                let q = &all[d][i];
                let words: String = q.parts.iter().map(|p| p.slice(&texts[d])).collect();
                let cut: String = words.chars().take(90).collect();
                let who = q.speaker.as_ref().map(|s| s.name.as_str());
                println!("  {:?} {cut:?} {who:?}", paths[d].file_name().unwrap());
            }
        }
    }
    assert!(quotes > 1000);
}

/// Time per megabyte on the seeds repeated 8 and 32 times, and on quote-heavy
/// noise: it should stay flat (`--ignored`, release; printed, not asserted, as
/// the machine is shared).
#[test]
#[ignore]
fn time_grows_linearly() {
    let mut seeds = String::new();
    for entry in std::fs::read_dir("/work/shared/seeds").unwrap() {
        seeds.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
        seeds.push_str("\n\n");
    }
    let noise = "\"a “b ‘c’ d” ''e'' f\" he said, \"g\" — \n".repeat(2000);
    for (name, unit) in [("seeds", seeds.as_str()), ("noise", noise.as_str())] {
        for times in [8, 32] {
            let text = unit.repeat(times);
            let started = std::time::Instant::now();
            let qs = analyze(&text);
            let took = started.elapsed();
            println!(
                "{name} x{times}: {:.1} MB, {} quotes, {:.2?} ({:.1} MB/s)",
                text.len() as f64 / 1e6,
                qs.len(),
                took,
                text.len() as f64 / 1e6 / took.as_secs_f64()
            );
        }
    }
}
