//! What an article's text states about itself: title, byline, dateline, outlet.
//!
//! Read from the lines the boilerplate stage found and the lines around them:
//! the title is the headline (the first short line without a sentence end, not
//! boilerplate, before the story starts), the byline is a byline or credit line,
//! the dateline opens the first story paragraph, and the outlet is the one the
//! dateline names in parentheses or a copyright line names. Each is `None` when the
//! text does not say.

use super::boilerplate::{dateline, lines, title_index, Line};
use super::{Boilerplate, BoilerplateKind, Meta};
use crate::sort;

/// Lines at the top of an article where the first story paragraph (and its
/// dateline) is looked for.
const DATELINE_WITHIN: usize = 8;

/// The article's meta data, from its text and its boilerplate lines.
pub fn read(text: &str, boilerplate: &[Boilerplate]) -> Meta {
    let lines = lines(text);
    let kinds = line_kinds(&lines, boilerplate);
    let kind_of = |line: &Line| kinds.get(line.index).copied().flatten();
    let is_boilerplate = |i: usize| kinds.get(i).copied().flatten().is_some();
    let title = title_index(&lines, is_boilerplate)
        .and_then(|i| lines.get(i))
        .map(|l| clean(l.text.trim_end_matches([';', ':', ','])));
    let byline = lines
        .iter()
        .find(|l| kind_of(l) == Some(BoilerplateKind::Byline))
        .map(|l| clean(strip_by(l.text)));
    let opening = lines
        .iter()
        .take(DATELINE_WITHIN)
        .filter(|l| kind_of(l).is_none())
        .find_map(|l| dateline(l.text));
    let outlet = opening
        .and_then(|(_, outlet)| outlet)
        .map(clean)
        .or_else(|| lines.iter().find_map(|l| copyright_holder(l.text)));
    Meta {
        title,
        byline,
        dateline: opening.map(|(place, _)| clean(place)),
        outlet,
    }
}

/// Each line's boilerplate kind, if a boilerplate span touches it: one merge of two
/// sorted lists, so linear in the lines and spans.
fn line_kinds(lines: &[Line], boilerplate: &[Boilerplate]) -> Vec<Option<BoilerplateKind>> {
    let mut spans: Vec<&Boilerplate> = boilerplate.iter().collect();
    sort::by_key(&mut spans, |b| b.span);
    let mut next = 0;
    lines
        .iter()
        .map(|line| {
            // Spans that end before this line cannot touch any later line either.
            while spans
                .get(next)
                .is_some_and(|b| b.span.end <= line.span.start)
            {
                next += 1;
            }
            spans
                .get(next..)
                .unwrap_or(&[])
                .iter()
                .take_while(|b| b.span.start < line.span.end)
                .find(|b| b.span.end > line.span.start)
                .map(|b| b.kind)
        })
        .collect()
}

/// A byline without its leading `By`.
fn strip_by(text: &str) -> &str {
    match text.split_once(char::is_whitespace) {
        Some((by, rest)) if by.eq_ignore_ascii_case("by") => rest.trim(),
        _ => text,
    }
}

/// The holder a copyright line names: `© 2016 Cable News Network. All rights...`
/// gives `Cable News Network`.
fn copyright_holder(text: &str) -> Option<String> {
    let rest = if let Some(rest) = text.strip_prefix('©') {
        rest
    } else {
        let (first, rest) = text.split_once(char::is_whitespace)?;
        if !first.eq_ignore_ascii_case("copyright") {
            return None;
        }
        rest
    };
    // Past the symbol, the years and the connecting punctuation, up to the sentence end.
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '©' | '-' | '–' | ',' | '(' | ')')
    });
    let rest = rest.strip_prefix("c)").unwrap_or(rest).trim_start();
    let holder = rest.split(['.', ',', ';', '|']).next().unwrap_or("").trim();
    let named = holder.chars().next().is_some_and(char::is_uppercase);
    (named && holder.split_whitespace().count() <= 8).then(|| clean(holder))
}

/// `text` with its runs of white space (no-break spaces too) made single spaces.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copyright_lines_name_their_holder() {
        assert_eq!(
            copyright_holder("© 2016 Cable News Network. All rights reserved."),
            Some("Cable News Network".to_string())
        );
        assert_eq!(
            copyright_holder("Copyright 2016 The New York Times Company"),
            Some("The New York Times Company".to_string())
        );
        assert_eq!(copyright_holder("Copyright law changed."), None);
        assert_eq!(copyright_holder("©"), None);
    }

    #[test]
    fn by_is_left_out_of_the_byline() {
        assert_eq!(strip_by("By Jane Doe"), "Jane Doe");
        assert_eq!(strip_by("Jane Doe, Reuters"), "Jane Doe, Reuters");
    }
}
