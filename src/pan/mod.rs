//! PAN's text-alignment task: align suspicious documents with their candidate
//! sources, write detections in PAN's XML and score them with plagdet. Reading
//! and writing the corpus's folders is the CLI's (`src/bin/parallax/pan.rs`).
//!
//! Offsets in PAN's files are code points; the aligner's byte spans are converted
//! here with [`OffsetIndex::char_span`].

pub mod eval;
pub mod xml;

use crate::align::{self, AlignOptions, Doc};
use crate::span::OffsetIndex;
pub use eval::{PairResult, Scores};
pub use xml::Annotation;

/// A document read for PAN: its text, its alignment doc and its offset index.
pub struct PanDoc {
    /// The text.
    pub text: String,
    /// The text read for alignment.
    pub doc: Doc,
    /// Byte to code-point conversion.
    pub offsets: OffsetIndex,
}

impl PanDoc {
    /// Reads `text`.
    pub fn new(text: String) -> PanDoc {
        let doc = Doc::new(&text);
        let offsets = OffsetIndex::new(&text);
        PanDoc { text, doc, offsets }
    }
}

/// The passages of `source` reused in `susp`, in code points.
pub fn detect(susp: &PanDoc, source: &PanDoc, options: &AlignOptions) -> Vec<Annotation> {
    detect_docs(
        (&susp.doc, &susp.offsets),
        (&source.doc, &source.offsets),
        options,
    )
}

/// [`detect`] on two texts read just for this pair (what the wasm export does).
pub fn detect_texts(susp: &str, source: &str) -> Vec<Annotation> {
    let (sd, so) = (Doc::new(susp), OffsetIndex::new(susp));
    let (rd, ro) = (Doc::new(source), OffsetIndex::new(source));
    detect_docs((&sd, &so), (&rd, &ro), &AlignOptions::pan())
}

fn detect_docs(
    (susp, susp_offsets): (&Doc, &OffsetIndex),
    (source, source_offsets): (&Doc, &OffsetIndex),
    options: &AlignOptions,
) -> Vec<Annotation> {
    align::align(susp, source, options)
        .into_iter()
        .map(|p| {
            let this = susp_offsets.char_span(p.a);
            let src = source_offsets.char_span(p.b);
            Annotation {
                this_offset: this.start,
                this_length: this.end - this.start,
                source_offset: src.start,
                source_length: src.end - src.start,
            }
        })
        .collect()
}

/// The pairs a PAN `pairs` file lists: `(suspicious file, source file)` per line.
pub fn read_pairs(list: &str) -> Vec<(String, String)> {
    list.lines()
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            Some((parts.next()?.to_string(), parts.next()?.to_string()))
        })
        .collect()
}

/// The detection file name PAN expects for a pair.
pub fn detection_name(susp: &str, source: &str) -> String {
    let stem = |s: &str| s.strip_suffix(".txt").unwrap_or(s).to_string();
    format!("{}-{}.xml", stem(susp), stem(source))
}
