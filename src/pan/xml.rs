//! PAN's annotation files: one `<document>` with one `<feature>` per passage.
//!
//! The files are machine-written and flat, so a small attribute scanner reads them;
//! an XML library would add weight to the wasm build for nothing.

use std::fmt::Write;

/// One reused passage: where it is in the suspicious document and in the source,
/// in code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Annotation {
    /// First code point in the suspicious document.
    pub this_offset: usize,
    /// Length in code points in the suspicious document.
    pub this_length: usize,
    /// First code point in the source document.
    pub source_offset: usize,
    /// Length in code points in the source document.
    pub source_length: usize,
}

/// The features named `name` (`plagiarism` in truth files, `detected-plagiarism` in
/// detections) of one annotation file; features missing an offset are skipped.
pub fn parse(xml: &str, name: &str) -> Vec<Annotation> {
    let mut found = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<feature") {
        rest = &rest[at + "<feature".len()..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if attribute(tag, "name") != Some(name) {
            continue;
        }
        let number = |key| attribute(tag, key).and_then(|v| v.trim().parse::<usize>().ok());
        if let (Some(this_offset), Some(this_length), Some(source_offset), Some(source_length)) = (
            number("this_offset"),
            number("this_length"),
            number("source_offset"),
            number("source_length"),
        ) {
            found.push(Annotation {
                this_offset,
                this_length,
                source_offset,
                source_length,
            });
        }
    }
    found
}

/// The value of attribute `key` in the inside of a tag.
fn attribute<'x>(tag: &'x str, key: &str) -> Option<&'x str> {
    let mut rest = tag;
    while let Some(at) = rest.find(key) {
        let before_ok = at == 0 || rest.as_bytes()[at - 1].is_ascii_whitespace();
        let after = rest[at + key.len()..].trim_start();
        rest = &rest[at + key.len()..];
        if !before_ok {
            continue;
        }
        let Some(after) = after.strip_prefix('=') else {
            continue;
        };
        let after = after.trim_start();
        let quote = after.chars().next()?;
        if quote != '"' && quote != '\'' {
            continue;
        }
        let value = &after[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
    None
}

/// A detection file in PAN's shape, for the pair (`susp`, `source`) (file names).
pub fn write(susp: &str, source: &str, detections: &[Annotation]) -> String {
    let mut xml = format!("<document reference=\"{}\">\n", escape(susp));
    for d in detections {
        // Writing into a String cannot fail.
        let _ = writeln!(
            xml,
            "<feature name=\"detected-plagiarism\" this_offset=\"{}\" this_length=\"{}\" \
             source_reference=\"{}\" source_offset=\"{}\" source_length=\"{}\" />",
            d.this_offset,
            d.this_length,
            escape(source),
            d.source_offset,
            d.source_length
        );
    }
    xml.push_str("</document>\n");
    xml
}

/// Escapes an attribute value; `>` too, because readers (ours included) may end a
/// tag at the first `>`.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_truth_file() {
        let xml = r#"<document reference="suspicious-document00005.txt">
<feature name="plagiarism" obfuscation="none" source_length="698" source_offset="1300" source_reference="source-document01090.txt" this_length="698" this_offset="3593" type="artificial" />
<feature  name="about" authors="DUC2006" />
</document>"#;
        assert_eq!(
            parse(xml, "plagiarism"),
            vec![Annotation {
                this_offset: 3593,
                this_length: 698,
                source_offset: 1300,
                source_length: 698
            }]
        );
        assert!(parse(xml, "detected-plagiarism").is_empty());
    }

    #[test]
    fn writes_what_it_reads() {
        let d = Annotation {
            this_offset: 1,
            this_length: 2,
            source_offset: 3,
            source_length: 4,
        };
        let xml = write("s.txt", "o.txt", &[d, d]);
        assert_eq!(parse(&xml, "detected-plagiarism"), vec![d, d]);
        assert!(xml.contains("source_reference=\"o.txt\""));
    }

    #[test]
    fn junk_is_not_a_panic() {
        for junk in [
            "<feature",
            "<feature name=",
            "<feature name=\"plagiarism\" this_offset=\"x",
            "",
        ] {
            assert!(parse(junk, "plagiarism").is_empty());
        }
    }
}
