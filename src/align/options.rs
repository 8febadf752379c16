//! How to align: the caller's choices ([`AlignOptions`]) and the method's tuned
//! constants ([`Params`]), in one place.

/// How to align.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Words per shingle: the shortest run of words that counts as shared.
    pub shingle: usize,
    /// The fewest words a passage has, in each text.
    pub min_passage_words: usize,
    /// The fewest characters (bytes) a passage has, in each text.
    pub min_passage_bytes: usize,
    /// The lowest score a passage has: 0 keeps paraphrases, 1 only word-for-word
    /// copies.
    pub min_score: f64,
    /// Sentences of difference tolerated between two seeds of one passage, in the
    /// first text and in the second.
    pub gap_sentences: (u32, u32),
    /// The same for summaries (the first text a summary of a long passage of the second).
    pub summary_gap_sentences: (u32, u32),
    /// The method's tuned constants.
    pub params: Params,
    /// Cut every passage that is word for word to its exact runs, however short.
    /// PAN's cases are long, and there only copies whose runs are long on average
    /// count as verbatim (short runs in an edited copy would cut it up); a news
    /// reader wants a shared quote marked exactly, not the sentences around it.
    pub exact_edges: bool,
}

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions {
            shingle: 5,
            min_passage_words: 8,
            min_passage_bytes: 0,
            min_score: 0.0,
            gap_sentences: (4, 4),
            summary_gap_sentences: (4, 24),
            params: Params::default(),
            exact_edges: true,
        }
    }
}

impl AlignOptions {
    /// The settings tuned on the PAN 2013 training corpus.
    pub fn pan() -> AlignOptions {
        AlignOptions {
            min_passage_words: 0,
            min_passage_bytes: 150,
            exact_edges: false,
            ..AlignOptions::default()
        }
    }
}

/// The method's constants, tuned on the PAN 2013 training corpus (see
/// `src/pan/TUNING.md`), by the stage that reads them.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    // Seeds: sentence pairs alike enough to start a passage.
    /// Least tf-isf cosine of a seed.
    pub cosine: f64,
    /// Least Dice coefficient of a seed.
    pub dice: f64,
    /// Least cosine of a whole fragment.
    pub validate: f64,

    // Edges of an edited copy.
    /// The least share of an edge sentence's content found on the other side for
    /// it to stay.
    pub edge_share: f64,
    /// The least share of a neighbouring sentence's content found on the other
    /// side for a passage to grow over it.
    pub grow_share: f64,
    /// How many sentences a passage grows by at most, at each edge.
    pub grow_steps: u32,

    // Summaries: a short passage of the first text drawn from a long one of the second.
    /// How many times longer the source side of a summary is.
    pub summary_ratio: usize,
    /// The least share of the source text a summary's source side covers: a
    /// summary draws on most of its source.
    pub summary_cover: f64,
    /// The least length of a summary's source side, in bytes.
    pub summary_min_bytes: usize,

    // Verbatim copies, cut to their exact runs.
    /// The shortest exact run that marks a verbatim copy's edge.
    pub trim_run: usize,
    /// Runs beyond this many (the longest kept) do not change a passage's edges much.
    pub max_trim_runs: usize,
    /// Words in neither run between two runs that split a verbatim copy in two.
    pub split_gap: usize,
    /// The share of words in exact runs, between the first run and the last, for a
    /// passage to count as a verbatim copy.
    pub verbatim_share: f64,
    /// ... and (without `exact_edges`) the least share of either side's words in runs,
    pub min_run_share: f64,
    /// ... and the least mean length of the runs: an edited copy keeps short runs
    /// between its edits.
    pub mean_run_words: usize,

    // Which passages are kept.
    /// Least length of both sides together, in percent of `min_passage_bytes`.
    pub min_total: usize,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            cosine: 0.33,
            dice: 0.33,
            validate: 0.34,
            edge_share: 0.2,
            grow_share: 0.45,
            grow_steps: 2,
            summary_ratio: 3,
            summary_cover: 0.5,
            summary_min_bytes: 2000,
            trim_run: 4,
            max_trim_runs: 64,
            split_gap: 12,
            verbatim_share: 0.95,
            min_run_share: 0.4,
            mean_run_words: 22,
            min_total: 300,
        }
    }
}
