//! A session answers what a fresh `analyze` answers: after every change of a
//! threshold, of boilerplate, of the shingle or text options, of the pairs chosen
//! (every pair or the candidate index), and after articles
//! are added, changed and removed, on the seeds and on the news fixtures' sets.
#![cfg(not(target_arch = "wasm32"))] // Native only: reads files.

mod common;

use common::{news_fixture_sets, seeds};
use parallax::{analyze, Article, Options, Report, Session, TextOptions};

/// Reports compared whole, every field (the `Debug` form prints each float exactly).
fn same(session: &Report, fresh: &Report, what: &str) {
    assert_eq!(
        format!("{session:#?}"),
        format!("{fresh:#?}"),
        "session and analyze differ: {what}"
    );
}

/// The options a reader goes through: the sliders, boilerplate, the shingle, a language.
fn settings() -> Vec<(&'static str, Options)> {
    let base = Options::default;
    vec![
        ("default", base()),
        (
            "the comparison only",
            Options {
                comparison_only: true,
                ..base()
            },
        ),
        (
            "3 words",
            Options {
                min_passage_words: 3,
                ..base()
            },
        ),
        (
            "20 words",
            Options {
                min_passage_words: 20,
                ..base()
            },
        ),
        (
            "score 0.5",
            Options {
                min_passage_score: 0.5,
                ..base()
            },
        ),
        (
            "score 1",
            Options {
                min_passage_score: 1.0,
                ..base()
            },
        ),
        (
            "both",
            Options {
                min_passage_words: 12,
                min_passage_score: 0.8,
                ..base()
            },
        ),
        (
            "boilerplate in",
            Options {
                exclude_boilerplate: false,
                ..base()
            },
        ),
        (
            "boilerplate in, 4 words",
            Options {
                exclude_boilerplate: false,
                min_passage_words: 4,
                ..base()
            },
        ),
        (
            "shingle 3",
            Options {
                shingle: 3,
                ..base()
            },
        ),
        (
            "english, no stemming",
            Options {
                text: TextOptions {
                    language: Some("en".into()),
                    stem: Some(false),
                    ..TextOptions::default()
                },
                ..base()
            },
        ),
        (
            "top 5 terms",
            Options {
                top_terms: 5,
                ..base()
            },
        ),
        (
            "candidate index",
            Options {
                all_pairs_up_to: 2,
                ..base()
            },
        ),
        (
            "candidate index, 3 words",
            Options {
                all_pairs_up_to: 2,
                min_passage_words: 3,
                ..base()
            },
        ),
        ("default again", base()),
    ]
}

/// Walks one session through every setting, comparing each report with a fresh one.
fn walk(articles: Vec<Article>, name: &str) {
    let mut session = Session::new();
    session.set_articles(articles.clone());
    for (setting, options) in settings() {
        let fresh = analyze(&articles, &options);
        let kept = session.analyze(&options);
        match (kept, fresh) {
            (Ok(kept), Ok(fresh)) => same(&kept, &fresh, &format!("{name}, {setting}")),
            (Err(kept), Err(fresh)) => assert_eq!(kept.code(), fresh.code(), "{name}, {setting}"),
            (kept, fresh) => panic!(
                "{name}, {setting}: session {:?}, analyze {:?}",
                kept.err(),
                fresh.err()
            ),
        }
    }
}

#[test]
fn seeds_through_every_setting() {
    walk(seeds(), "seeds");
}

#[test]
fn fixture_sets_through_every_setting() {
    for (name, articles) in news_fixture_sets() {
        walk(articles, &name);
    }
}

/// A report of the comparison only is the full one with what reads each article in
/// depth emptied: the same pairs, groups, neighbours, shares, titles, meta data and
/// boilerplate.
#[test]
fn the_comparison_only_is_the_same_comparison() {
    let emptied = [
        "quotes",
        "facts",
        "unique",
        "topTerms",
        "distinctiveTerms",
        "uniqueTerms",
        "phrases",
        "names",
    ];
    for (name, articles) in
        std::iter::once(("seeds".to_string(), seeds())).chain(news_fixture_sets())
    {
        let full = analyze(&articles, &Options::default());
        let only = analyze(
            &articles,
            &Options {
                comparison_only: true,
                ..Options::default()
            },
        );
        let (full, only) = match (full, only) {
            (Ok(full), Ok(only)) => (full, only),
            // An article without words is refused by the full analysis only.
            (Err(full), Ok(_)) if full.code() == "empty-article" => continue,
            (Err(full), Err(only)) => {
                assert_eq!(full.code(), only.code(), "{name}");
                continue;
            }
            (full, only) => panic!("{name}: {:?} against {:?}", full.err(), only.err()),
        };
        assert!(!full.comparison_only && only.comparison_only, "{name}");
        let mut expected = serde_json::to_value(&full).unwrap();
        for doc in expected["documents"].as_array_mut().unwrap() {
            for field in emptied {
                doc[field] = serde_json::json!([]);
            }
            doc["language"] = serde_json::Value::Null;
            doc["tokens"] = serde_json::json!(0);
            doc["stats"] = serde_json::json!({
                "words": 0, "uniqueWords": 0, "sentences": 0, "vocabularyDensity": 0.0,
                "meanSentenceLength": 0.0, "readability": null, "readabilityMeasure": "none",
            });
        }
        for field in ["sharedTerms", "quoteMatches", "relations"] {
            expected[field] = serde_json::json!([]);
        }
        expected["comparisonOnly"] = serde_json::json!(true);
        assert_eq!(serde_json::to_value(&only).unwrap(), expected, "{name}");
    }
    // The seeds have every kind of answer: the comparison above empties real lists.
    let full = analyze(&seeds(), &Options::default()).unwrap();
    assert!(!full.relations.is_empty() && !full.quote_matches.is_empty());
    assert!(!full.shared_terms.is_empty());
    let count = |list: fn(&parallax::DocumentReport) -> usize| -> usize {
        full.documents.iter().map(list).sum()
    };
    assert!(count(|d| d.quotes.len()) > 0);
    assert!(count(|d| d.unique.len()) > 0);
    assert!(count(|d| d.facts.len()) > 0);
    assert!(count(|d| d.terms.names.len()) > 0);
}

#[test]
fn articles_added_changed_and_removed() {
    let all = seeds();
    let options = Options::default();
    let mut session = Session::new();
    let mut now: Vec<Article> = Vec::new();
    let check = |session: &mut Session, now: &[Article], what: &str| {
        assert_eq!(session.articles().len(), now.len());
        same(
            &session.analyze(&options).unwrap(),
            &analyze(now, &options).unwrap(),
            what,
        );
    };
    // One at a time, as a reader adds them.
    for article in &all {
        session.put(article.clone());
        now.push(article.clone());
        check(&mut session, &now, &format!("added {}", article.id));
    }
    // One changed in place keeps its place.
    let mut changed = all[2].clone();
    changed.text = changed.text.replacen("Syria", "Syrian Arab Republic", 3);
    session.put(changed.clone());
    now[2] = changed;
    check(&mut session, &now, "changed the third");
    // The reader marks a line as boilerplate.
    let marked: Article = serde_json::from_value(serde_json::json!({
        "id": now[1].id, "text": now[1].text,
        "boilerplateOverrides": [{"start": 0, "end": 40, "boilerplate": true}],
    }))
    .unwrap();
    session.put(marked.clone());
    now[1] = marked;
    check(&mut session, &now, "a line marked");
    // Removed, then the set it leaves.
    for id in [all[0].id.clone(), all[3].id.clone()] {
        assert!(session.remove(&id));
        now.retain(|a| a.id != id);
        check(&mut session, &now, &format!("removed {id}"));
    }
    assert!(!session.remove("no such id"));
    // Back to the seeds as given, in a new order.
    let mut reordered = all.clone();
    reordered.reverse();
    session.set_articles(reordered.clone());
    check(&mut session, &reordered, "the seeds reversed");
}

#[test]
fn errors_are_the_same() {
    let mut session = Session::new();
    assert_eq!(
        session.analyze(&Options::default()).unwrap_err().code(),
        analyze(&[], &Options::default()).unwrap_err().code()
    );
    let twins = vec![
        Article::new("a", "One text here."),
        Article::new("a", "Another text."),
    ];
    session.set_articles(twins.clone());
    assert_eq!(
        session.analyze(&Options::default()).unwrap_err().code(),
        "duplicate-id"
    );
    let bad = Options {
        min_passage_score: 2.0,
        ..Options::default()
    };
    session.set_articles(seeds());
    assert_eq!(session.analyze(&bad).unwrap_err().code(), "invalid-option");
    // An error leaves the session usable.
    same(
        &session.analyze(&Options::default()).unwrap(),
        &analyze(&seeds(), &Options::default()).unwrap(),
        "after errors",
    );
}

/// The analysis split between two sessions (the page's two workers): one aligns
/// the pairs while the other prepares what reads the texts alone, then takes the
/// first's passages; its report is the one `analyze` gives.
#[test]
fn pairs_aligned_by_another_session() {
    let mut sets = news_fixture_sets();
    sets.push(("seeds".into(), seeds()));
    let candidates = Options {
        all_pairs_up_to: 2, // the candidate index, as for a large set
        ..Options::default()
    };
    for (name, articles) in sets {
        for (setting, options) in [
            ("every pair", Options::default()),
            ("candidates", candidates.clone()),
        ] {
            let what = format!("{name}, {setting}");
            let (mut aligner, mut preparer) = (Session::new(), Session::new());
            aligner.set_articles(articles.clone());
            preparer.set_articles(articles.clone());
            let aligned = aligner.aligned_pairs(&options).unwrap();
            let fresh = analyze(&articles, &options);
            if let Err(fresh) = fresh {
                // A set analyze refuses (an article with no words) is refused alike.
                assert_eq!(
                    preparer.prepare(&options).unwrap_err().code(),
                    fresh.code(),
                    "{what}"
                );
                continue;
            }
            preparer.prepare(&options).unwrap();
            let taken = preparer.accept_pairs(&options, &aligned).unwrap();
            assert_eq!(taken * 3, aligned.pairs.len(), "{what}");
            same(&preparer.analyze(&options).unwrap(), &fresh.unwrap(), &what);
        }
    }
}

/// The seeds, and every pair's passages as a session aligns them with the default options.
fn seeds_aligned() -> (Vec<Article>, parallax::AlignedPairs) {
    let articles = seeds();
    let mut aligner = Session::new();
    aligner.set_articles(articles.clone());
    let aligned = aligner.aligned_pairs(&Options::default()).unwrap();
    (articles, aligned)
}

/// The passages handed over are the ones used (the taking session aligns none of
/// those pairs itself), and only for the texts they were aligned from.
#[test]
fn pairs_handed_over_are_used_only_for_their_texts() {
    let (articles, aligned) = seeds_aligned();
    let options = Options::default();
    assert!(!aligned.scores.is_empty(), "the seeds share passages");
    // Every pair handed over with no passage: the report then has none.
    let mut none = aligned.clone();
    for pair in none.pairs.chunks_exact_mut(3) {
        pair[2] = 0;
    }
    none.spans.clear();
    none.scores.clear();
    let mut taker = Session::new();
    taker.set_articles(articles.clone());
    assert_eq!(
        taker.accept_pairs(&options, &none).unwrap() * 3,
        none.pairs.len()
    );
    let report = taker.analyze(&options).unwrap();
    assert!(report.pairs.iter().all(|p| p.passages.is_empty()));
    // Another set's texts (one article changed): nothing is taken.
    let mut changed = articles.clone();
    changed[0].text.push_str("\nOne more line.");
    let mut other = Session::new();
    other.set_articles(changed.clone());
    assert_eq!(other.accept_pairs(&options, &aligned).unwrap(), 0);
    same(
        &other.analyze(&options).unwrap(),
        &analyze(&changed, &options).unwrap(),
        "changed",
    );
    // Nothing is taken for another shingle size either.
    let shingle = Options {
        shingle: 3,
        ..Options::default()
    };
    assert_eq!(other.accept_pairs(&shingle, &aligned).unwrap(), 0);
}

/// What no session could have made is refused whole, with the code of a bad argument.
#[test]
fn pairs_no_session_made_are_refused() {
    let (articles, aligned) = seeds_aligned();
    let options = Options::default();
    let mut broken: Vec<(&str, parallax::AlignedPairs)> = Vec::new();
    let mut outside = aligned.clone();
    outside.pairs[1] = 99;
    broken.push(("a place outside the set", outside));
    let mut reversed = aligned.clone();
    reversed.pairs.swap(0, 1);
    broken.push(("a pair in reverse", reversed));
    let mut long = aligned.clone();
    long.spans[1] = u32::MAX;
    broken.push(("a span past its text", long));
    let mut score = aligned.clone();
    score.scores[0] = f64::NAN;
    broken.push(("a score that is not one", score));
    let mut short = aligned.clone();
    short.scores.pop();
    broken.push(("arrays of different lengths", short));
    let mut overlap = aligned.clone();
    overlap.overlaps[2] = 1.5;
    broken.push(("an overlap that is not one", overlap));
    let mut few = aligned.clone();
    few.overlaps.pop();
    broken.push(("fewer overlaps than pairs", few));
    let mut extra = aligned.clone();
    extra.pairs[2] += 1;
    broken.push(("more passages than held", extra));
    for (what, aligned) in broken {
        let mut taker = Session::new();
        taker.set_articles(articles.clone());
        let error = taker.accept_pairs(&options, &aligned).unwrap_err();
        assert_eq!(error.code(), "invalid-option", "{what}");
        // The session is as it was: its report is analyze's.
        same(
            &taker.analyze(&options).unwrap(),
            &analyze(&articles, &options).unwrap(),
            what,
        );
    }
}
