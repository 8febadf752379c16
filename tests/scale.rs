//! Large sets: which pairs the report lists (`listPairs`), each article's
//! neighbours, the JSON Lines report equal to the one value, and the same report on
//! any number of threads.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use parallax::{analyze, analyze_lines, Article, Options, PairList, Report, ReportLine};

const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mer", "tin", "sa", "vu", "der", "pol", "ri", "nak", "te", "zum", "bo", "fen",
    "gu", "hal",
];

/// A made-up text of `sentences` sentences, different for every `seed`.
fn text(seed: u64, sentences: usize) -> String {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as usize
    };
    (0..sentences)
        .map(|_| {
            let words: Vec<String> = (0..12)
                .map(|_| {
                    (0..3)
                        .map(|_| SYLLABLES[next() % SYLLABLES.len()])
                        .collect::<String>()
                })
                .collect();
            words.join(" ") + "."
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// 70 unrelated articles, and three that copy one each (`copies`: origin, copy).
fn articles() -> (Vec<Article>, [(usize, usize); 3]) {
    let mut articles: Vec<Article> = (0..70)
        .map(|i| Article::new(format!("a{i:02}"), text(i as u64 + 1, 8)))
        .collect();
    let copies = [(3, 70), (17, 71), (52, 72)];
    for (origin, _) in copies {
        let copy = format!("{} {}", text(900 + origin as u64, 2), articles[origin].text);
        articles.push(Article::new(format!("copy-of-{origin}"), copy));
    }
    (articles, copies)
}

fn pair_ids(report: &Report) -> Vec<(String, String)> {
    report
        .pairs
        .iter()
        .map(|p| (p.a.clone(), p.b.clone()))
        .collect()
}

#[test]
fn a_large_set_lists_only_related_pairs_unless_told_otherwise() {
    let (articles, copies) = articles();
    let options = Options::default();
    assert!(articles.len() > options.all_pairs_up_to);
    let report = analyze(&articles, &options).unwrap();
    assert!(report.pairs.iter().all(|p| !p.passages.is_empty()));
    let listed = pair_ids(&report);
    for (origin, copy) in copies {
        let key = (articles[origin].id.clone(), articles[copy].id.clone());
        assert!(listed.contains(&key), "{key:?} not listed");
    }
    // `all` lists every pair the index proposed, related or not: a superset.
    let all = Options {
        list_pairs: PairList::All,
        ..Options::default()
    };
    let every = pair_ids(&analyze(&articles, &all).unwrap());
    assert!(listed.iter().all(|p| every.contains(p)));
    assert!(every.len() >= listed.len());
}

#[test]
fn a_small_set_lists_every_pair_unless_told_only_related() {
    let (articles, _) = articles();
    let few = &articles[..20];
    assert_eq!(analyze(few, &Options::default()).unwrap().pairs.len(), 190);
    let related = Options {
        list_pairs: PairList::Related,
        ..Options::default()
    };
    // Twenty unrelated made-up texts share no passage.
    assert!(analyze(few, &related).unwrap().pairs.is_empty());
}

#[test]
fn an_article_s_nearest_neighbour_is_the_one_it_copies() {
    let (articles, copies) = articles();
    let report = analyze(&articles, &Options::default()).unwrap();
    for (origin, copy) in copies {
        let doc = &report.documents[copy];
        let first = doc.neighbours.first().expect("a copy has a neighbour");
        assert_eq!(first.id, articles[origin].id);
        assert!(first.containment > 0.7, "{}", first.containment);
        assert!(first.passages > 0);
        assert!(doc.neighbours.len() <= 5);
    }
}

#[test]
fn the_seeds_neighbours_are_ordered_and_name_other_articles() {
    let report = analyze(&common::seeds(), &Options::default()).unwrap();
    for doc in &report.documents {
        assert!(doc.neighbours.iter().all(|n| n.id != doc.id));
        let shares: Vec<f64> = doc.neighbours.iter().map(|n| n.containment).collect();
        assert!(shares.windows(2).all(|w| w[0] >= w[1]), "{shares:?}");
    }
}

/// The report as JSON Lines, gathered back into the one value's JSON.
fn from_lines(articles: &[Article], options: &Options) -> serde_json::Value {
    let mut lines = Vec::new();
    let mut stages = Vec::new();
    analyze_lines(
        articles,
        options,
        &mut |p| stages.push(p.stage),
        &mut |line| lines.push(line),
    )
    .unwrap();
    assert!(matches!(lines.last(), Some(ReportLine::Summary(_))));
    assert!(stages.contains(&"aligning"));
    let mut value = serde_json::json!({
        "documents": [], "pairs": [], "groups": [], "quoteMatches": [], "relations": [],
    });
    for line in lines {
        let (key, item) = match serde_json::to_value(&line).unwrap() {
            serde_json::Value::Object(map) => map.into_iter().next().unwrap(),
            other => panic!("{other}"),
        };
        let list = match key.as_str() {
            "summary" => {
                value["sharedTerms"] = item["sharedTerms"].clone();
                value["boilerplateExcluded"] = item["boilerplateExcluded"].clone();
                value["comparisonOnly"] = item["comparisonOnly"].clone();
                continue;
            }
            "document" => "documents",
            "pair" => "pairs",
            "group" => "groups",
            "quoteMatch" => "quoteMatches",
            "relation" => "relations",
            other => panic!("unknown line {other}"),
        };
        value[list].as_array_mut().unwrap().push(item);
    }
    value
}

#[test]
fn the_json_lines_report_holds_the_same_values() {
    for articles in [common::seeds(), articles().0] {
        let options = Options::default();
        let whole = serde_json::to_value(analyze(&articles, &options).unwrap()).unwrap();
        assert_eq!(from_lines(&articles, &options), whole);
    }
}

#[test]
fn a_large_set_may_exceed_one_value_s_article_count() {
    let many: Vec<Article> = (0..=parallax::MAX_ARTICLES)
        .map(|i| Article::new(format!("n{i}"), format!("word{i} and more")))
        .collect();
    let err = analyze(&many, &Options::default()).unwrap_err();
    assert_eq!(err.code(), "too-large");
    // The large-set door checks its own, higher limit (refused here only by an
    // option, so that the test does not analyze ten thousand articles).
    let bad = Options {
        shingle: 0,
        ..Options::default()
    };
    let err = analyze_lines(&many, &bad, &mut |_| {}, &mut |_| {}).unwrap_err();
    assert_eq!(err.code(), "invalid-option");
}

/// The same report on one thread and on four.
#[cfg(feature = "parallel")]
#[test]
fn the_report_is_the_same_on_any_number_of_threads() {
    let (articles, _) = articles();
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let options = Options {
                list_pairs: PairList::All,
                ..Options::default()
            };
            serde_json::to_string(&analyze(&articles, &options).unwrap()).unwrap()
        })
    };
    assert_eq!(on(1), on(4));
}
