//! The page as a sequence of text blocks: each run of text between two
//! block-level boundaries, with the element that holds it and how much of it
//! is link text. Elements that never hold an article's prose (scripts, forms'
//! controls, navigation, hidden parts) are skipped whole.

use super::dom::{Dom, Node, NodeId};

/// A run of text inside one block-level element.
#[derive(Debug, Clone)]
pub struct Block {
    /// The innermost block-level element around the text.
    pub owner: NodeId,
    /// The text, whitespace collapsed to single spaces (line breaks from `br` kept).
    pub text: String,
    /// Characters of `text` inside links.
    pub link_chars: usize,
    /// Characters of `text`.
    pub chars: usize,
    /// Whether the owner is a heading (`h1`..`h6`).
    pub heading: bool,
}

impl Block {
    /// Share of the text that is link text.
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// Elements that start a new block of text.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "#root"
            | "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "th"
            | "thead"
            | "tfoot"
            | "tr"
            | "ul"
            | "html"
            | "head"
            | "caption"
    )
}

/// Elements whose contents are never the article's prose.
fn is_skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "button"
            | "select"
            | "textarea"
            | "input"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "nav"
            | "aside"
            | "footer"
            | "dialog"
            | "menu"
            | "title"
    )
}

/// ARIA roles of page furniture.
fn is_furniture_role(role: &str) -> bool {
    matches!(
        role,
        "navigation"
            | "complementary"
            | "contentinfo"
            | "banner"
            | "menu"
            | "menubar"
            | "dialog"
            | "alert"
            | "alertdialog"
            | "search"
            | "toolbar"
            | "tablist"
    )
}

/// Whether the element (not its ancestors) is left out of the text; with
/// `strict`, elements whose class or id names furniture are left out too.
pub fn is_skipped(dom: &Dom, id: NodeId, strict: bool) -> bool {
    let name = dom.name(id);
    if is_skipped_tag(name) {
        return true;
    }
    if dom.attr(id, "hidden").is_some() || dom.attr(id, "aria-hidden") == Some("true") {
        return true;
    }
    if dom.attr(id, "role").is_some_and(is_furniture_role) {
        return true;
    }
    if strict && is_unlikely(dom, id) {
        return true;
    }
    dom.attr(id, "style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let s = s.to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Markup words for page furniture in `class` and `id` (Readability's
/// "unlikely candidates"): such an element is skipped unless its names also
/// say it holds the story's box. These name parts of the page's layout; they
/// are not phrases of its text.
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];
const MAYBE_CONTENT: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

fn is_unlikely(dom: &Dom, id: NodeId) -> bool {
    if matches!(dom.name(id), "body" | "a" | "html" | "article" | "main") {
        return false;
    }
    let names = format!(
        "{} {}",
        dom.attr(id, "class").unwrap_or(""),
        dom.attr(id, "id").unwrap_or("")
    )
    .to_ascii_lowercase();
    UNLIKELY.iter().any(|u| names.contains(u)) && !MAYBE_CONTENT.iter().any(|m| names.contains(m))
}

/// Splits the page into blocks, in document order (see [`is_skipped`] for `strict`).
pub fn blocks(dom: &Dom, strict: bool) -> Vec<Block> {
    let mut walker = Walker {
        dom,
        strict,
        out: Vec::new(),
        text: String::new(),
        link_chars: 0,
        owners: vec![0],
        links: 0,
    };
    walker.walk();
    walker.out
}

struct Walker<'a> {
    dom: &'a Dom,
    strict: bool,
    out: Vec<Block>,
    text: String,
    link_chars: usize,
    /// Open block-level elements, innermost last.
    owners: Vec<NodeId>,
    /// How many links are open.
    links: usize,
}

enum Step {
    Enter(NodeId),
    Leave(NodeId),
}

impl Walker<'_> {
    fn walk(&mut self) {
        let mut stack = vec![Step::Enter(0)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(id) => {
                    let Some(node) = self.dom.nodes.get(id) else {
                        continue;
                    };
                    match node {
                        Node::Text(t) => self.push_text(t),
                        Node::Raw(_) => {}
                        Node::Element { name, children, .. } => {
                            if id != 0 && is_skipped(self.dom, id, self.strict) {
                                continue;
                            }
                            self.enter(id, name);
                            stack.push(Step::Leave(id));
                            stack.extend(children.iter().rev().map(|&c| Step::Enter(c)));
                        }
                    }
                }
                Step::Leave(id) => self.leave(id),
            }
        }
        self.flush();
    }

    fn enter(&mut self, id: NodeId, name: &str) {
        if is_block(name) {
            self.flush();
            self.owners.push(id);
        } else if name == "br" {
            self.text.push('\n');
        } else if name == "a" {
            self.links += 1;
        }
    }

    fn leave(&mut self, id: NodeId) {
        let name = self.dom.name(id);
        if is_block(name) {
            self.flush();
            self.owners.pop();
        } else if name == "a" {
            self.links = self.links.saturating_sub(1);
        } else if name == "img" {
            self.push_text(" ");
        }
    }

    fn push_text(&mut self, t: &str) {
        let mut pushed = 0;
        for c in t.chars() {
            let c = if c == '\u{a0}' { ' ' } else { c };
            if c.is_whitespace() {
                if !self.text.ends_with([' ', '\n']) && !self.text.is_empty() {
                    self.text.push(' ');
                    pushed += 1;
                }
            } else if c != '\u{ad}' && c != '\u{200b}' {
                self.text.push(c);
                pushed += 1;
            }
        }
        if self.links > 0 {
            self.link_chars += pushed;
        }
    }

    fn flush(&mut self) {
        let text = tidy_lines(&self.text);
        self.text.clear();
        let link_chars = std::mem::take(&mut self.link_chars);
        if text.is_empty() {
            return;
        }
        let owner = self.owners.last().copied().unwrap_or(0);
        let chars = text.chars().count();
        self.out.push(Block {
            owner,
            heading: matches!(
                self.dom.name(owner),
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            ),
            link_chars: link_chars.min(chars),
            chars,
            text,
        });
    }
}

/// Trims each line and drops empty ones.
fn tidy_lines(text: &str) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_split_at_block_elements_and_skip_furniture() {
        let dom = Dom::parse(
            "<body><nav>Home</nav><div>Lead <b>in</b><p>One,\n two <a href=x>link</a></p>tail\
             <div hidden>secret</div><div role=navigation>menu</div></div></body>",
        );
        let b = blocks(&dom, true);
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Lead in", "One, two link", "tail"]);
        assert_eq!(b.get(1).map(|b| b.link_chars), Some(4));
        assert_eq!(dom.name(b[1].owner), "p");
        assert_eq!(dom.name(b[2].owner), "div");
    }
}
