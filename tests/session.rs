//! A session answers what a fresh `analyze` answers: after every change of a
//! threshold, of boilerplate, of the shingle or text options, and after articles
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
