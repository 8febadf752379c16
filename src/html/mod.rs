//! The HTML reader: the article's main text, title and byline from a web page,
//! for the page, the npm package and the CLI alike.
//!
//! The page is tokenized and built into a small tree ([`dom`]), cut into
//! blocks of text ([`blocks`]), and the element under which the prose
//! concentrates is chosen as the article (`select`). Its blocks, less the
//! link lists among them, are the text, one paragraph a line with blank lines
//! between.
//!
//! ```
//! let page = "<html><head><title>Storm hits coast | Daily</title></head><body>\
//!     <nav><a href=/>Home</a></nav><article><h1>Storm hits coast</h1>\
//!     <p>The storm reached the coast on Monday, flooding roads, and cutting power.</p>\
//!     <p>Officials said the water would recede by Friday, weather permitting.</p>\
//!     </article></body></html>";
//! let got = parallax::extract(page);
//! assert_eq!(got.title.as_deref(), Some("Storm hits coast"));
//! assert!(got.text.starts_with("The storm reached the coast"));
//! assert!(!got.text.contains("Home"));
//! ```

pub mod blocks;
pub mod dom;
mod entities;
pub mod eval;
mod lexer;
mod meta;
mod select;

use dom::Dom;

/// The largest page read, in bytes; the rest is cut (at a character
/// boundary) so that reading time stays bounded. One of the library's limits.
pub use crate::limits::MAX_HTML_BYTES;

/// What the reader takes from a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The article's headline.
    pub title: Option<String>,
    /// Who wrote it, as the page says.
    pub byline: Option<String>,
    /// The article's text: paragraphs separated by blank lines.
    pub text: String,
}

/// Below this many characters, a text read with the furniture names skipped
/// is taken to have lost the article, and the page is read again without.
const MIN_STRICT_CHARS: usize = 500;

/// Reads the article out of an HTML page. Never panics; any input gives some result.
pub fn extract(html: &str) -> Extracted {
    let html = cut(html, MAX_HTML_BYTES);
    let dom = Dom::parse(html);
    let meta = meta::read(&dom);
    let parents = select::parents(&dom);
    let mut text = article_text(&dom, &parents, meta.title.as_deref(), true);
    if text.chars().count() < MIN_STRICT_CHARS {
        // Some sites name the story's own wrapper after the header or a menu.
        let lenient = article_text(&dom, &parents, meta.title.as_deref(), false);
        if lenient.chars().count() > text.chars().count() {
            text = lenient;
        }
    }
    Extracted {
        title: meta.title,
        byline: meta.byline,
        text,
    }
}

/// The article's paragraphs joined by blank lines.
fn article_text(dom: &Dom, parents: &[dom::NodeId], title: Option<&str>, strict: bool) -> String {
    let blocks = blocks::blocks(dom, strict);
    let totals = select::totals(dom, &blocks, parents);
    let scores = select::scores(dom, &blocks, parents, &totals);
    let roots = select::article_roots(dom, parents, &scores, &totals);
    let inside = inside(dom, &roots);
    let paragraphs: Vec<&str> = blocks
        .iter()
        .filter(|b| inside.get(b.owner) == Some(&true))
        // Link lists (related stories, tags) inside the article's box.
        .filter(|b| b.link_density() <= 0.5)
        // The headline is the title, not the text.
        .filter(|b| !(b.heading && title == Some(b.text.as_str())))
        // Captions describe the pictures, not the story (measured: F1 +0.004).
        .filter(|b| !matches!(dom.name(b.owner), "figcaption" | "figure"))
        .map(|b| b.text.as_str())
        .collect();
    paragraphs.join("\n\n")
}

/// Marks the roots and everything under them.
fn inside(dom: &Dom, roots: &[dom::NodeId]) -> Vec<bool> {
    let mut inside = vec![false; dom.nodes.len()];
    for &root in roots {
        for id in dom.descendants(root) {
            if let Some(flag) = inside.get_mut(id) {
                *flag = true;
            }
        }
    }
    inside
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn cut(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}
