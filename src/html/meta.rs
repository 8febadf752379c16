//! The article's title and byline, from what the page declares about itself:
//! `<meta>` tags (Open Graph, `author`), the `<title>`, the headline element,
//! and elements marked as the author (`rel=author`, `itemprop=author`, or a
//! class or id naming the byline).

use super::dom::{Dom, Node, NodeId};

/// Title and byline.
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The author line.
    pub byline: Option<String>,
}

/// Bylines longer than this are some other element that says "author".
const MAX_BYLINE_CHARS: usize = 100;

/// Reads the title and byline.
pub fn read(dom: &Dom) -> Meta {
    Meta {
        title: title(dom),
        byline: byline(dom),
    }
}

/// Every text under `id`, whitespace collapsed.
pub fn text_of(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    for n in dom.descendants(id) {
        if let Some(Node::Text(t)) = dom.nodes.get(n) {
            out.push_str(t);
            out.push(' ');
        }
    }
    collapse(&out)
}

fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn meta_content(dom: &Dom, keys: &[&str]) -> Option<String> {
    for key in keys {
        for id in dom.elements().filter(|&id| dom.name(id) == "meta") {
            let name = dom.attr(id, "property").or_else(|| dom.attr(id, "name"));
            if name.is_some_and(|n| n.eq_ignore_ascii_case(key)) {
                let content = collapse(dom.attr(id, "content").unwrap_or(""));
                if !content.is_empty() {
                    return Some(content);
                }
            }
        }
    }
    None
}

/// The headline: an `h1` that the `<title>` or `og:title` contains (sites put
/// their own name around it there), else `og:title`, else the longest part of
/// the `<title>` between separators.
fn title(dom: &Dom) -> Option<String> {
    let document_title = dom
        .elements()
        .find(|&id| dom.name(id) == "title")
        .map(|id| text_of(dom, id))
        .filter(|t| !t.is_empty());
    let og = meta_content(dom, &["og:title", "twitter:title"]);
    let declared: Vec<&str> = [document_title.as_deref(), og.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let headline = dom
        .elements()
        .filter(|&id| dom.name(id) == "h1")
        .map(|id| text_of(dom, id))
        .find(|h| !h.is_empty() && declared.iter().any(|d| d.contains(h.as_str())));
    headline
        .or(og)
        .or_else(|| document_title.map(|t| longest_part(&t)))
}

/// The longest part of a title split at " | ", " - ", " – ", " — ", " :: ".
fn longest_part(title: &str) -> String {
    let mut parts = vec![title];
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .max_by_key(|p| p.chars().count())
        .unwrap_or(title)
        .trim()
        .to_string()
}

/// The byline: `<meta name=author>` unless it is a link, else the first
/// short element marked as the author.
fn byline(dom: &Dom) -> Option<String> {
    if let Some(author) = meta_content(dom, &["author", "article:author", "byl", "dc.creator"]) {
        if !author.starts_with("http") {
            return Some(author);
        }
    }
    dom.elements()
        .filter(|&id| is_author_element(dom, id))
        .map(|id| text_of(dom, id))
        .find(|t| !t.is_empty() && t.chars().count() <= MAX_BYLINE_CHARS)
}

fn is_author_element(dom: &Dom, id: NodeId) -> bool {
    if dom.name(id) == "meta" {
        return false;
    }
    if dom.attr(id, "rel") == Some("author") || dom.attr(id, "itemprop") == Some("author") {
        return true;
    }
    [dom.attr(id, "class"), dom.attr(id, "id")]
        .into_iter()
        .flatten()
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .any(|token| token.eq_ignore_ascii_case("byline") || token.eq_ignore_ascii_case("author"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_prefers_the_headline_inside_the_declared_title() {
        let dom = Dom::parse("<title>Big news - The Site</title><h1>Other</h1><h1>Big news</h1>");
        assert_eq!(title(&dom).as_deref(), Some("Big news"));
        let dom = Dom::parse("<title>Site | A longer headline here</title>");
        assert_eq!(title(&dom).as_deref(), Some("A longer headline here"));
    }

    #[test]
    fn byline_from_meta_or_marked_element() {
        let dom = Dom::parse("<meta name=author content='Jane Roe'><p class=byline>By X</p>");
        assert_eq!(byline(&dom).as_deref(), Some("Jane Roe"));
        let dom = Dom::parse("<div class='story-byline'>By <a rel=author>John Doe</a></div>");
        assert_eq!(byline(&dom).as_deref(), Some("By John Doe"));
    }
}
