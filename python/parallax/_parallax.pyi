# Types of the extension, written by hand from the Rust that produces each value
# (src/report.rs, src/api.rs, src/decode.rs): the same shapes and camelCase keys as
# the npm package's npm/parallax.d.ts. python/tests/test_types.py holds them to real
# values (mypy --strict over code that reads a real report).
from typing import Any, List, Literal, Optional, Tuple, TypedDict

class ParallaxError(ValueError):
    code: Literal[
        "too-few-articles",
        "empty-article",
        "too-large",
        "duplicate-id",
        "invalid-option",
        "binary",
        "invalid-input",
        "internal",
    ]

# ------------------------------------------------------------------ input

class BoilerplateOverride(TypedDict):
    start: int
    end: int
    boilerplate: bool

class _ArticleRequired(TypedDict):
    id: str
    text: str

class Article(_ArticleRequired, total=False):
    title: Optional[str]
    encoding: Optional[str]
    boilerplateOverrides: List[BoilerplateOverride]

# ------------------------------------------------------------------ the report

class Span(TypedDict):
    start: int
    end: int

class TermCount(TypedDict):
    term: str
    count: int

class TermScore(TypedDict):
    term: str
    count: int
    frequency: float
    tfidf: float

class Keyness(TypedDict):
    term: str
    count: int
    score: float

class Name(TypedDict):
    term: str
    count: int
    variants: List[str]

class Summary(TypedDict):
    words: int
    uniqueWords: int
    sentences: int
    vocabularyDensity: float
    meanSentenceLength: float
    readability: Optional[float]
    readabilityMeasure: Literal["flesch-reading-ease", "lix", "none"]

class Meta(TypedDict):
    title: Optional[str]
    byline: Optional[str]
    dateline: Optional[str]
    outlet: Optional[str]

class Speaker(TypedDict):
    name: str
    start: int
    end: int

class Quote(TypedDict):
    start: int
    end: int
    parts: List[Span]
    speaker: Optional[Speaker]

class Boilerplate(TypedDict):
    start: int
    end: int
    kind: Literal["notice", "navigation", "header", "byline", "caption"]

class FactOther(TypedDict):
    id: str
    value: str

class Fact(TypedDict):
    start: int
    end: int
    kind: Literal["number", "name", "place", "date"]
    value: str
    status: Literal["only", "differs"]
    others: List[FactOther]

class Neighbour(TypedDict):
    id: str
    containment: float
    passages: int

class DocumentReport(TypedDict):
    id: str
    title: str
    tokens: int
    encoding: Optional[str]
    language: Optional[str]
    stats: Summary
    topTerms: List[TermScore]
    distinctiveTerms: List[Keyness]
    uniqueTerms: List[TermCount]
    phrases: List[TermCount]
    names: List[Name]
    sharedShare: float
    meta: Meta
    quotes: List[Quote]
    boilerplate: List[Boilerplate]
    unique: List[Span]
    facts: List[Fact]
    neighbours: List[Neighbour]

class Containment(TypedDict):
    aInB: float
    bInA: float

class Passage(TypedDict):
    a: Span
    b: Span
    score: float

class PairReport(TypedDict):
    a: str
    b: str
    containment: Containment
    jaccard: float
    cosine: float
    passages: List[Passage]

class GroupMember(TypedDict):
    id: str
    start: int
    end: int

class GroupReport(TypedDict):
    members: List[GroupMember]

class QuoteMember(TypedDict):
    id: str
    quote: int

class QuoteMatch(TypedDict):
    members: List[QuoteMember]
    score: float

# `from` is a Python keyword, so this one is spelt the functional way.
Relation = TypedDict(
    "Relation",
    {
        "from": str,
        "to": str,
        "kind": Literal["copy", "partial", "common-source"],
        "source": Optional[str],
        "share": float,
        "evidence": List[str],
    },
)

class Report(TypedDict):
    documents: List[DocumentReport]
    pairs: List[PairReport]
    sharedTerms: List[TermCount]
    groups: List[GroupReport]
    boilerplateExcluded: bool
    quoteMatches: List[QuoteMatch]
    relations: List[Relation]
    comparisonOnly: bool

# ------------------------------------------------------------------ other results

class Token(TypedDict):
    term: str
    start: int
    end: int

class ConcordanceLine(TypedDict):
    id: str
    start: int
    end: int
    left: str
    match: str
    right: str

class PanPassage(TypedDict):
    thisOffset: int
    thisLength: int
    sourceOffset: int
    sourceLength: int

class Extracted(TypedDict):
    title: Optional[str]
    byline: Optional[str]
    text: str

class Decoded(TypedDict):
    text: str
    encoding: str
    bom: bool
    source: Literal["bom", "utf8", "declared", "nul", "detected"]
    controls: int

# ------------------------------------------------------------------ functions
# Options are keyword arguments in snake_case; an unknown one raises ParallaxError
# with code "invalid-input".

def analyze(
    articles: List[Article],
    *,
    top_terms: int = ...,
    shingle: int = ...,
    min_passage_words: int = ...,
    min_passage_score: float = ...,
    exclude_boilerplate: bool = ...,
    all_pairs_up_to: int = ...,
    list_pairs: Literal["auto", "all", "related"] = ...,
    comparison_only: bool = ...,
    language: Optional[str] = ...,
    stop_words: Optional[bool] = ...,
    extra_stop_words: List[str] = ...,
    stem: Optional[bool] = ...,
    fold_accents: Optional[bool] = ...,
) -> Report: ...
def align_texts(
    a: str,
    b: str,
    *,
    shingle: int = ...,
    min_passage_words: int = ...,
    min_passage_score: float = ...,
) -> List[Passage]: ...
def tokenize(
    text: str,
    *,
    language: Optional[str] = ...,
    stop_words: Optional[bool] = ...,
    extra_stop_words: List[str] = ...,
    stem: Optional[bool] = ...,
    fold_accents: Optional[bool] = ...,
) -> List[Token]: ...
def term_frequencies(
    text: str,
    *,
    language: Optional[str] = ...,
    stop_words: Optional[bool] = ...,
    extra_stop_words: List[str] = ...,
    stem: Optional[bool] = ...,
    fold_accents: Optional[bool] = ...,
) -> List[TermCount]: ...
def concordance(
    articles: List[Article],
    term: str,
    *,
    context: Optional[int] = ...,
    language: Optional[str] = ...,
    stem: Optional[bool] = ...,
    fold_accents: Optional[bool] = ...,
) -> List[ConcordanceLine]: ...
def extract(html: str) -> Extracted: ...
def decode(data: bytes, name: str = "", html: bool = False) -> Decoded: ...
def pan_align(susp: str, source: str) -> List[PanPassage]: ...
def stop_word_list(language: str) -> List[str]: ...
def version() -> str: ...

# ------------------------------------------------------------------ distributed
# `parallax::distributed`: `analyze` in phases, for the Spark job (parallax.spark).
# Hashes are signed 64-bit integers (Spark's long). Options as for `analyze`.

EMPTY_LINE_KEY: int

class DocumentSummary(TypedDict):
    id: str
    title: str
    words: int
    language: Optional[str]
    encoding: Optional[str]
    meta: Meta

class PairResult(TypedDict):
    pair: PairReport
    listed: bool
    relation: Optional[Relation]

class CandidateSettings(TypedDict):
    all_pairs: bool
    max_docs: int
    min_shared: int

# One occurrence of a line key: (key, doc, line, key before, key after).
OccurrenceRow = Tuple[int, int, int, Optional[int], Optional[int]]
# One quote as the matching reads it: (index among the article's quotes, words, speaker).
QuoteWords = Tuple[int, List[str], Optional[str]]

def line_keys(text: str) -> List[int]: ...

class Document:
    def __init__(
        self, index: int, article: Article, repeats: List[OccurrenceRow], **options: Any
    ) -> None: ...
    @property
    def index(self) -> int: ...
    def stems(self) -> List[int]: ...
    def candidate_shingles(self) -> List[int]: ...
    def quote_words(self) -> List[QuoteWords]: ...
    def weigh(self, n: int, stems: List[int], df: List[int]) -> None: ...
    def summary(self) -> DocumentSummary: ...

def compare_pairs(
    docs: List[Document], a: List[int], b: List[int], n: int, shared_quotes: List[int]
) -> List[Tuple[int, PairResult]]: ...
def shared_quotes(quotes: List[Tuple[int, List[QuoteWords]]]) -> List[Tuple[int, int, int]]: ...
def candidate_settings(n: int, **options: Any) -> CandidateSettings: ...
