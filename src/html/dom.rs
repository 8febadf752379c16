//! A small document tree built from the tokens, with the part of HTML's
//! tree-building rules that shapes text: void elements, paragraphs and list
//! items closed by what follows them, end tags that close what they match and
//! nothing else.

use super::entities::decode;
use super::lexer::{tokenize, Token};

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;

/// The deepest nesting kept; deeper elements become children of the last one
/// kept, so walks stay shallow and nothing recurses on hostile input.
const MAX_DEPTH: usize = 256;

/// An element or a run of text.
#[derive(Debug, Clone)]
pub enum Node {
    /// An element, with its children in order.
    Element {
        /// Lower-case tag name.
        name: String,
        /// Attributes in source order.
        attrs: Vec<(String, String)>,
        /// Child nodes.
        children: Vec<NodeId>,
    },
    /// Decoded text.
    Text(String),
    /// A raw-text element's contents (script, style).
    Raw(String),
}

/// The tree; node 0 is the document root.
#[derive(Debug, Clone)]
pub struct Dom {
    /// Every node, the root first.
    pub nodes: Vec<Node>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements whose start closes an open `p` (HTML's rule).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

impl Dom {
    /// Parses `html`. Never fails: whatever the input, some tree comes out.
    pub fn parse(html: &str) -> Dom {
        let mut dom = Dom {
            nodes: vec![Node::Element {
                name: "#root".into(),
                attrs: Vec::new(),
                children: Vec::new(),
            }],
        };
        let mut open: Vec<NodeId> = vec![0];
        for token in tokenize(html) {
            match token {
                Token::Start { name, attrs } => dom.start(&mut open, name, attrs),
                Token::End(name) => close(&dom, &mut open, &name),
                Token::Text(text) => {
                    let text = decode(text).into_owned();
                    dom.append(&open, Node::Text(text));
                }
                Token::Raw(text) => {
                    dom.append(&open, Node::Raw(text.to_owned()));
                }
            }
        }
        dom
    }

    fn start(&mut self, open: &mut Vec<NodeId>, name: String, attrs: Vec<(String, String)>) {
        if CLOSES_P.contains(&name.as_str()) {
            close_in_scope(self, open, "p");
        }
        match name.as_str() {
            "li" => close_sibling(self, open, &["li"], &["ul", "ol"]),
            "dt" | "dd" => close_sibling(self, open, &["dt", "dd"], &["dl"]),
            "tr" => close_sibling(self, open, &["tr", "td", "th"], &["table"]),
            "td" | "th" => close_sibling(self, open, &["td", "th"], &["tr", "table"]),
            "option" => close_sibling(self, open, &["option"], &["select"]),
            _ => {}
        }
        let void = VOID.contains(&name.as_str());
        let id = self.append(
            open,
            Node::Element {
                name,
                attrs,
                children: Vec::new(),
            },
        );
        if !void && open.len() < MAX_DEPTH {
            open.push(id);
        }
    }

    fn append(&mut self, open: &[NodeId], node: Node) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(node);
        let parent = open.last().copied().unwrap_or(0);
        if let Some(Node::Element { children, .. }) = self.nodes.get_mut(parent) {
            children.push(id);
        }
        id
    }

    /// The element's tag name, or "" for text.
    pub fn name(&self, id: NodeId) -> &str {
        match self.nodes.get(id) {
            Some(Node::Element { name, .. }) => name,
            _ => "",
        }
    }

    /// The value of attribute `key` on element `id`.
    pub fn attr(&self, id: NodeId, key: &str) -> Option<&str> {
        match self.nodes.get(id) {
            Some(Node::Element { attrs, .. }) => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// The children of `id` (none for text).
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        match self.nodes.get(id) {
            Some(Node::Element { children, .. }) => children,
            _ => &[],
        }
    }

    /// Elements in document order (pre-order), without recursion.
    pub fn elements(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.descendants(0)
            .filter(|&id| matches!(self.nodes.get(id), Some(Node::Element { .. })))
    }

    /// `id` and everything under it in document order, without recursion.
    pub fn descendants(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut stack = vec![id];
        std::iter::from_fn(move || {
            let next = stack.pop()?;
            stack.extend(self.children(next).iter().rev());
            Some(next)
        })
    }
}

/// Pops open elements down to and including the innermost `name`, if one is open.
fn close(dom: &Dom, open: &mut Vec<NodeId>, name: &str) {
    // Index 0 is the root, never closed.
    if let Some(at) = open.iter().rposition(|&id| dom.name(id) == name) {
        if at > 0 {
            open.truncate(at);
        }
    }
}

/// Closes an open `name` unless a table or other boundary stands between.
fn close_in_scope(dom: &Dom, open: &mut Vec<NodeId>, name: &str) {
    close_sibling(dom, open, &[name], &["table", "td", "th", "button"]);
}

/// Closes the innermost open element among `names`, unless one of `boundary`
/// is open inside it (a nested list keeps its parent item open).
fn close_sibling(dom: &Dom, open: &mut Vec<NodeId>, names: &[&str], boundary: &[&str]) {
    for at in (1..open.len()).rev() {
        let Some(&id) = open.get(at) else { break };
        let name = dom.name(id);
        if names.contains(&name) {
            open.truncate(at);
            return;
        }
        if boundary.contains(&name) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(dom: &Dom, id: NodeId) -> String {
        match dom.nodes.get(id) {
            Some(Node::Text(t)) => t.clone(),
            Some(Node::Raw(_)) => "raw".into(),
            Some(Node::Element { name, children, .. }) => {
                let inner: Vec<String> = children.iter().map(|&c| shape(dom, c)).collect();
                format!("{name}({})", inner.join(","))
            }
            None => String::new(),
        }
    }

    #[test]
    fn paragraphs_and_items_close_implicitly() {
        let dom = Dom::parse("<p>a<p>b<div>c</div><ul><li>d<li>e<ul><li>f</ul></ul>");
        assert_eq!(
            shape(&dom, 0),
            "#root(p(a),p(b),div(c),ul(li(d),li(e,ul(li(f)))))"
        );
    }

    #[test]
    fn stray_end_tags_are_ignored_and_entities_decoded() {
        let dom = Dom::parse("<div></span>x &amp; y</b></div>z<br>w");
        assert_eq!(shape(&dom, 0), "#root(div(x & y),z,br(),w)");
    }

    #[test]
    fn depth_is_capped() {
        let html = "<div>".repeat(10_000);
        let dom = Dom::parse(&html);
        assert_eq!(dom.nodes.len(), 10_001);
        assert!(dom.descendants(0).count() == 10_001);
    }
}
