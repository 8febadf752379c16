//! Above `allPairsUpTo` articles, `analyze` aligns only the pairs the candidate
//! index proposes: the copies are still found, and the other pairs are not listed.

use std::collections::HashSet;

use parallax::{analyze, Article, Options};

const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mer", "tin", "sa", "vu", "der", "pol", "ri", "nak", "te", "zum", "bo", "fen",
    "gu", "hal",
];

/// A made-up text of `sentences` sentences, different for every `seed`.
fn text(seed: u64, sentences: usize) -> String {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
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
            let mut sentence = words.join(" ");
            sentence[..1].make_ascii_uppercase();
            sentence + "."
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn articles() -> (Vec<Article>, Vec<(usize, usize)>) {
    let mut articles: Vec<Article> = (0..80)
        .map(|i| Article::new(format!("a{i:02}"), text(i as u64 + 1, 8)))
        .collect();
    // Three copies: a whole article with a new first sentence, and two passages.
    let copies = [(3, 40), (17, 66), (52, 79)];
    let whole = format!("{} {}", text(1000, 1), articles[3].text);
    articles[40].text = whole;
    let passage: String = articles[17].text.chars().take(300).collect();
    articles[66].text = format!("{} {passage}", articles[66].text);
    let passage: String = articles[52].text.chars().skip(200).take(400).collect();
    articles[79].text = format!("{passage} {}", articles[79].text);
    // One wire paragraph republished by 20 articles: more than the index's
    // default `max_docs` on PAN (10), fewer than `allPairsUpTo`.
    let wire = text(2000, 3);
    for article in &mut articles[20..40] {
        article.text = format!("{} {wire}", article.text);
    }
    (articles, copies.to_vec())
}

fn listed(report: &parallax::Report) -> HashSet<(String, String)> {
    report
        .pairs
        .iter()
        .map(|p| (p.a.clone(), p.b.clone()))
        .collect()
}

#[test]
fn above_the_threshold_only_proposed_pairs_are_aligned() {
    let (articles, copies) = articles();
    let options = Options::default();
    assert!(articles.len() > options.all_pairs_up_to);
    let report = analyze(&articles, &options).unwrap();
    let all = articles.len() * (articles.len() - 1) / 2;
    assert!(
        report.pairs.len() < all / 10,
        "{} of {all} pairs listed",
        report.pairs.len()
    );
    let pairs = listed(&report);
    for (a, b) in copies {
        let key = (articles[a].id.clone(), articles[b].id.clone());
        assert!(pairs.contains(&key), "copy {key:?} not proposed");
        let pair = report
            .pairs
            .iter()
            .find(|p| (p.a.clone(), p.b.clone()) == key)
            .unwrap();
        assert!(!pair.passages.is_empty(), "copy {key:?} has no passage");
    }
    for a in 20..40 {
        for b in a + 1..40 {
            let key = (articles[a].id.clone(), articles[b].id.clone());
            assert!(pairs.contains(&key), "wire copy {key:?} not proposed");
        }
    }
}

#[test]
fn up_to_the_threshold_every_pair_is_listed() {
    let (articles, copies) = articles();
    let few = &articles[..30];
    let report = analyze(few, &Options::default()).unwrap();
    assert_eq!(report.pairs.len(), 30 * 29 / 2);
    let options = Options {
        all_pairs_up_to: 80,
        ..Options::default()
    };
    let report = analyze(&articles, &options).unwrap();
    assert_eq!(report.pairs.len(), 80 * 79 / 2);
    let pairs = listed(&report);
    for (a, b) in copies {
        assert!(pairs.contains(&(articles[a].id.clone(), articles[b].id.clone())));
    }
}
