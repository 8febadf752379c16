use std::sync::OnceLock;

use hashbrown::HashMap;

use super::utils::{TrigramsWithPositions, get_trigrams_with_positions};
use super::{ARABIC_LANGS, CYRILLIC_LANGS, DEVANAGARI_LANGS, HEBREW_LANGS, LATIN_LANGS};
use super::{LangProfile, LangProfileList};
use super::{MAX_TOTAL_DISTANCE, MAX_TRIGRAM_DISTANCE, Trigram};
use crate::Lang;
use crate::core::{FilterList, Info, InternalQuery, Text, calculate_confidence};
use crate::scripts::grouping::MultiLangScript;

#[derive(Debug)]
pub struct RawOutcome {
    pub trigrams_count: usize,
    #[allow(dead_code)]
    pub raw_distances: Vec<(Lang, u32)>,
    pub scores: Vec<(Lang, f64)>,
}

#[inline]
pub fn detect(iquery: &InternalQuery) -> Option<Info> {
    let raw_outcome = raw_detect(iquery);
    let RawOutcome {
        trigrams_count,
        scores,
        ..
    } = raw_outcome;

    let mut raw_scores_iter = scores.into_iter();

    let opt_lang_score1 = raw_scores_iter.next();
    let opt_lang_score2 = raw_scores_iter.next();

    // TODO: Logic is duplicated in alphabets. Consider refactoring
    opt_lang_score1.map(|(lang1, score1)| {
        let script = iquery.multi_lang_script.to_script();
        let confidence = if let Some((_, score2)) = opt_lang_score2 {
            calculate_confidence(score1, score2, trigrams_count)
        } else {
            1.0
        };
        Info::new(script, lang1, confidence)
    })
}

#[inline]
pub fn raw_detect(iquery: &InternalQuery) -> RawOutcome {
    let lang_profile_list = script_to_lang_profile_list(iquery.multi_lang_script);
    calculate_scores_in_profiles(&iquery.text, iquery.filter_list, lang_profile_list)
}

/// A script's profiles, indexed by trigram: what scoring a text asks of them.
struct Profiles {
    /// The languages in upstream's profile order, with their profile's length.
    langs: Vec<(Lang, u32)>,
    /// Each trigram of any profile and its number: `places[number]` is where it
    /// stands in each profile that has it, the language's index in `langs` and
    /// the trigram's rank in its profile. (A map of the type the text's trigrams
    /// already use: no second copy of the hash table's code in the wasm.)
    numbers: HashMap<Trigram, u32>,
    places: Vec<Vec<(u16, u16)>>,
}

impl Profiles {
    /// Where `trigram` stands in the profiles that have it.
    fn places(&self, trigram: &Trigram) -> &[(u16, u16)] {
        match self.numbers.get(trigram) {
            Some(&number) => &self.places[number as usize],
            None => &[],
        }
    }
}
/// Parallax's fork: the profiles are UTF-8 text (three characters per trigram, a
/// quarter of the bytes of `Trigram`s), decoded once per script at its first use
/// into an index by trigram, so that a text's trigrams are each looked up once
/// rather than every profile's trigram being looked up in the text's.
fn script_to_lang_profile_list(script: MultiLangScript) -> &'static Profiles {
    use MultiLangScript as MLS;
    static DECODED: [OnceLock<Profiles>; 5] = [const { OnceLock::new() }; 5];
    let (at, list) = match script {
        MLS::Latin => (0, LATIN_LANGS),
        MLS::Cyrillic => (1, CYRILLIC_LANGS),
        MLS::Arabic => (2, ARABIC_LANGS),
        MLS::Devanagari => (3, DEVANAGARI_LANGS),
        MLS::Hebrew => (4, HEBREW_LANGS),
    };
    DECODED[at].get_or_init(|| index(list))
}

/// The index of a script's profiles: each trigram numbered at its first sight.
fn index(list: LangProfileList) -> Profiles {
    let mut langs = Vec::with_capacity(list.len());
    let mut numbers: HashMap<Trigram, u32> = HashMap::new();
    let mut places: Vec<Vec<(u16, u16)>> = Vec::new();
    for (at, &(lang, profile)) in list.iter().enumerate() {
        let trigrams = decode(profile);
        langs.push((lang, trigrams.len() as u32));
        for (rank, trigram) in trigrams.into_iter().enumerate() {
            let next = places.len() as u32;
            let number = *numbers.entry(trigram).or_insert(next);
            if number == next {
                places.push(Vec::new());
            }
            places[number as usize].push((at as u16, rank as u16));
        }
    }
    Profiles {
        langs,
        numbers,
        places,
    }
}

/// A profile's trigrams from its text.
fn decode(profile: LangProfile) -> Vec<Trigram> {
    let mut chars = profile.chars();
    std::iter::from_fn(|| Some(Trigram(chars.next()?, chars.next()?, chars.next()?))).collect()
}

#[inline]
fn calculate_scores_in_profiles(
    text: &Text,
    filter_list: &FilterList,
    profiles: &Profiles,
) -> RawOutcome {
    let TrigramsWithPositions {
        trigram_positions, ..
    } = get_trigrams_with_positions(&text.lowercase());
    let unique_trigrams_count = trigram_positions.len();

    let distances = calculate_distances(profiles, &trigram_positions);
    let mut lang_distances: Vec<(Lang, u32)> = profiles
        .langs
        .iter()
        .zip(distances)
        .map(|(&(lang, _), dist)| (lang, dist))
        .filter(|&(lang, _)| filter_list.is_allowed(lang))
        .collect();

    // Sort languages by distance
    crate::utils::sort_by(&mut lang_distances, |a, b| a.1.cmp(&b.1));

    let max_dist = unique_trigrams_count as u32 * MAX_TRIGRAM_DISTANCE;

    let raw_scores = lang_distances
        .iter()
        .map(|&(lang, distance)| (lang, distance_to_raw_score(distance, max_dist)))
        .collect();

    RawOutcome {
        trigrams_count: unique_trigrams_count,
        scores: raw_scores,
        raw_distances: lang_distances,
    }
}

/// Each language's distance to the text, as upstream's `calculate_distance`
/// computes it (the sum over the profile's trigrams of the difference of ranks,
/// `MAX_TRIGRAM_DISTANCE` for one the text lacks), from the text's side: every
/// trigram starts missing, and each of the text's trigrams corrects the
/// profiles that have it.
fn calculate_distances(profiles: &Profiles, text_trigrams: &[(Trigram, u32)]) -> Vec<u32> {
    let max = i64::from(MAX_TRIGRAM_DISTANCE);
    let mut sums: Vec<i64> = profiles
        .langs
        .iter()
        .map(|&(_, len)| i64::from(len) * max)
        .collect();
    for (trigram, n) in text_trigrams {
        for &(at, rank) in profiles.places(trigram) {
            sums[usize::from(at)] += (i64::from(*n) - i64::from(rank)).abs() - max;
        }
    }
    let count = text_trigrams.len() as u32;
    sums.into_iter()
        .map(|sum| {
            let mut total_dist = sum as u32;
            if MAX_TRIGRAM_DISTANCE > count {
                let delta = MAX_TRIGRAM_DISTANCE - count;
                total_dist -= delta * MAX_TRIGRAM_DISTANCE;
            }
            total_dist.clamp(0, MAX_TOTAL_DISTANCE)
        })
        .collect()
}

#[inline]
fn distance_to_raw_score(distance: u32, max_distance: u32) -> f64 {
    let similarity = max_distance - distance;
    similarity as f64 / max_distance as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_when_german_is_given() {
        let text = "Die Ordnung muss für immer in diesem Codebase bleiben";
        let iq = InternalQuery {
            text: Text::new(text),
            filter_list: &FilterList::default(),
            multi_lang_script: MultiLangScript::Latin,
        };
        let raw_outcome = raw_detect(&iq);

        assert_eq!(raw_outcome.trigrams_count, 50);

        let &(first_lang, first_score) = raw_outcome.scores.first().unwrap();
        let &(_last_lang, last_score) = raw_outcome.scores.last().unwrap();

        assert_eq!(first_lang, Lang::Deu);

        assert!(first_score >= 0.0);
        assert!(first_score <= 1.0);

        assert!(last_score >= 0.0);
        assert!(last_score <= 1.0);
    }
}
