//! A forgiving HTML tokenizer: start tags with their attributes, end tags and
//! text; comments, doctypes and processing instructions are skipped. The
//! contents of raw-text elements (`script`, `style`, `title`, ...) come back as
//! one text token, undecoded where the browser would not decode them either.
//!
//! One pass over the input, never backtracking further than the current tag,
//! so it is linear in the input's length.

use super::entities::decode;

/// One piece of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
    /// `<name attr=value ...>`; the name and attribute names lower-cased,
    /// attribute values with entities decoded.
    Start {
        /// Tag name.
        name: String,
        /// Attributes in source order.
        attrs: Vec<(String, String)>,
    },
    /// `</name>`.
    End(String),
    /// Character data, as in the source (entities not yet decoded).
    Text(&'a str),
    /// The contents of a raw-text element such as `script` (never decoded).
    Raw(&'a str),
}

/// Elements whose contents are not markup. `title` and `textarea` are
/// "escapable" raw text (entities decoded), the others are not.
fn raw_text_kind(name: &str) -> Option<bool> {
    match name {
        "title" | "textarea" => Some(true),
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
        | "plaintext" => Some(false),
        _ => None,
    }
}

/// Splits `html` into tokens.
pub fn tokenize(html: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let bytes = html.as_bytes();
    let mut pos = 0;
    let mut text_start = 0;
    while let Some(offset) = memchr_lt(bytes.get(pos..).unwrap_or_default()) {
        let lt = pos + offset;
        let Some(tag) = read_markup(html, lt) else {
            // A `<` that starts nothing is text.
            pos = lt + 1;
            continue;
        };
        if let Some(text) = html.get(text_start..lt).filter(|t| !t.is_empty()) {
            tokens.push(Token::Text(text));
        }
        pos = tag.end;
        text_start = pos;
        match tag.token {
            Some(Token::Start { name, attrs }) => {
                let raw = raw_text_kind(&name);
                tokens.push(Token::Start {
                    name: name.clone(),
                    attrs,
                });
                if let Some(escapable) = raw {
                    let (body, after) = raw_body(html, pos, &name);
                    if !body.is_empty() {
                        tokens.push(if escapable {
                            Token::Text(body)
                        } else {
                            Token::Raw(body)
                        });
                    }
                    tokens.push(Token::End(name));
                    pos = after;
                    text_start = pos;
                }
            }
            Some(other) => tokens.push(other),
            None => {}
        }
    }
    if let Some(text) = html.get(text_start..).filter(|t| !t.is_empty()) {
        tokens.push(Token::Text(text));
    }
    tokens
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// A piece of markup that starts at a `<`: its token (none for comments and
/// the like) and the byte just after it.
struct Markup<'a> {
    token: Option<Token<'a>>,
    end: usize,
}

fn read_markup(html: &str, lt: usize) -> Option<Markup<'_>> {
    let rest = html.get(lt..)?;
    let next = *rest.as_bytes().get(1)?;
    if rest.starts_with("<!--") {
        // An unclosed comment runs to the end, as in a browser.
        let end = rest
            .get(4..)
            .and_then(|r| r.find("-->").map(|i| lt + 4 + i + 3))
            .unwrap_or(html.len());
        return Some(Markup { token: None, end });
    }
    if next == b'!' || next == b'?' {
        let end = rest.find('>').map(|i| lt + i + 1).unwrap_or(html.len());
        return Some(Markup { token: None, end });
    }
    let (closing, name_start) = if next == b'/' { (true, 2) } else { (false, 1) };
    if !rest.as_bytes().get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let mut cursor = Cursor {
        html,
        pos: lt + name_start,
    };
    let name = cursor.take_while(|b| !b.is_ascii_whitespace() && b != b'/' && b != b'>');
    let name = name.to_ascii_lowercase();
    let attrs = cursor.attributes();
    let end = cursor.pos;
    let token = if closing {
        Token::End(name)
    } else {
        Token::Start { name, attrs }
    };
    Some(Markup {
        token: Some(token),
        end,
    })
}

/// The contents of a raw-text element that started at `from`, and the byte
/// after its end tag (or the end of input when it is never closed).
fn raw_body<'a>(html: &'a str, from: usize, name: &str) -> (&'a str, usize) {
    let rest = html.get(from..).unwrap_or_default();
    let bytes = rest.as_bytes();
    let mut search = 0;
    while let Some(i) = bytes.get(search..).and_then(memchr_lt) {
        let at = search + i;
        let candidate = bytes.get(at + 2..at + 2 + name.len());
        if bytes.get(at + 1) == Some(&b'/')
            && candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes()))
        {
            let close = rest
                .get(at..)
                .and_then(|r| r.find('>'))
                .map(|j| from + at + j + 1)
                .unwrap_or(html.len());
            return (rest.get(..at).unwrap_or_default(), close);
        }
        search = at + 1;
    }
    (rest, html.len())
}

struct Cursor<'a> {
    html: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.html.as_bytes().get(self.pos).copied()
    }

    fn take_while(&mut self, keep: impl Fn(u8) -> bool) -> &'a str {
        let start = self.pos;
        while self.peek().is_some_and(&keep) {
            self.pos += 1;
        }
        // Only ASCII bytes stop the loop, so both ends are char boundaries.
        self.html.get(start..self.pos).unwrap_or_default()
    }

    fn skip_space(&mut self) {
        self.take_while(|b| b.is_ascii_whitespace());
    }

    /// Attributes up to and including the tag's `>`.
    fn attributes(&mut self) -> Vec<(String, String)> {
        let mut attrs = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None => return attrs,
                Some(b'>') => {
                    self.pos += 1;
                    return attrs;
                }
                Some(b'/') => {
                    self.pos += 1;
                    continue;
                }
                Some(_) => {}
            }
            let name = self
                .take_while(|b| !b.is_ascii_whitespace() && b != b'=' && b != b'>' && b != b'/')
                .to_ascii_lowercase();
            if name.is_empty() {
                // A stray `=`: skip it so the loop always advances.
                self.pos += 1;
                continue;
            }
            self.skip_space();
            let value = if self.peek() == Some(b'=') {
                self.pos += 1;
                self.skip_space();
                self.value()
            } else {
                String::new()
            };
            attrs.push((name, value));
        }
    }

    fn value(&mut self) -> String {
        match self.peek() {
            Some(quote @ (b'"' | b'\'')) => {
                self.pos += 1;
                let v = self.take_while(|b| b != quote);
                self.pos += usize::from(self.peek().is_some());
                decode(v).into_owned()
            }
            _ => decode(self.take_while(|b| !b.is_ascii_whitespace() && b != b'>')).into_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(name: &str, attrs: &[(&str, &str)]) -> Token<'static> {
        Token::Start {
            name: name.into(),
            attrs: attrs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    #[test]
    fn tags_attributes_and_text() {
        let t = tokenize("<P Class=\"a b\" id=x hidden>Hi &amp; bye</p><br/>");
        assert_eq!(
            t,
            vec![
                start("p", &[("class", "a b"), ("id", "x"), ("hidden", "")]),
                Token::Text("Hi &amp; bye"),
                Token::End("p".into()),
                start("br", &[]),
            ]
        );
    }

    #[test]
    fn scripts_are_raw_and_comments_vanish() {
        let t = tokenize("a<!-- <p>x</p> --><script>if (a<b) {}</script>b<title>T &amp; U</title>");
        assert_eq!(
            t,
            vec![
                Token::Text("a"),
                start("script", &[]),
                Token::Raw("if (a<b) {}"),
                Token::End("script".into()),
                Token::Text("b"),
                start("title", &[]),
                Token::Text("T &amp; U"),
                Token::End("title".into()),
            ]
        );
    }

    #[test]
    fn stray_brackets_and_cut_tags_do_not_panic() {
        assert_eq!(tokenize("1 < 2"), vec![Token::Text("1 < 2")]);
        for s in [
            "<",
            "<a",
            "<a href=\"",
            "</",
            "<!--",
            "<script>",
            "<a =>",
            "é<é>",
        ] {
            tokenize(s);
        }
    }
}
