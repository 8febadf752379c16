// Types of @parallax-news/parallax, written by hand from the Rust that produces
// each value (src/report.rs, src/text/*.rs, src/wasm.rs): wasm-bindgen can only
// say `any` for what crosses as a JavaScript value. tests/package/ keeps them
// true: it type-checks a real report against `Report` and refuses `any` here.

// ------------------------------------------------------------------ loading

// The loading types name host classes (Response, WebAssembly.Module, ...) through
// `globalThis`, so that the declarations compile with or without the DOM library
// (a Node project with `lib: ["es2022"]` and @types/node has no `RequestInfo` or
// `BufferSource`); a class the host lacks becomes `never`.
type HostClass<Name extends string> = typeof globalThis extends { [K in Name]: { prototype: infer C } } ? C : never;
type WasmClass<Name extends string> = typeof globalThis extends { WebAssembly: { [K in Name]: { prototype: infer C } } } ? C : never;

/** A compiled `WebAssembly.Module`. */
export type WasmModule = WasmClass<'Module'>;

/** The engine as bytes (`ArrayBuffer`, `Uint8Array`, a Node `Buffer`) or compiled. */
export type SyncInitInput = ArrayBuffer | ArrayBufferView | WasmModule;

/** What `init` can load the engine from: its URL, a fetch `Request` or `Response`, its bytes, or the module. */
export type InitInput = string | HostClass<'URL'> | HostClass<'Request'> | HostClass<'Response'> | SyncInitInput;

/** The engine's raw WebAssembly exports; only `memory` (a `WebAssembly.Memory`) is meant for callers. */
export interface InitOutput {
  readonly memory: [WasmClass<'Memory'>] extends [never] ? { readonly buffer: ArrayBuffer } : WasmClass<'Memory'>;
}

/**
 * Loads the engine. In a browser, with no argument, it fetches `parallax_bg.wasm`
 * next to the module (bundlers emit that file); pass `{ module_or_path }` to load
 * it from elsewhere. Under Node the engine is already loaded when the module is
 * imported, and this resolves at once. Calling it again does nothing.
 */
export default function init(
  options?: { module_or_path?: InitInput | Promise<InitInput> },
): Promise<InitOutput>;

/** Loads the engine synchronously from bytes or a compiled module. */
export function initSync(options: { module: SyncInitInput }): InitOutput;

// ------------------------------------------------------------------ input

/** One article to compare. */
export interface Article {
  /** A unique id. */
  id: string;
  /** Its headline, when known; otherwise the report uses the first line. */
  title?: string | null;
  /** The article's text. */
  text: string;
  /** The encoding its file was read in (`decode(...).encoding`); the report says it when not UTF-8. */
  encoding?: string | null;
  /** The reader's own verdicts on stretches of `text`, overriding boilerplate detection. */
  boilerplateOverrides?: BoilerplateOverride[];
}

/** A reader's verdict on a stretch of an article, in UTF-16 code units of its text. */
export interface BoilerplateOverride {
  start: number;
  end: number;
  /** `true`: treat it as boilerplate; `false`: treat it as story. */
  boilerplate: boolean;
}

/** Language, stop words, stemming and accents (shared by every function). */
export interface TextOptions {
  /** ISO 639-1 code (see `languages()`), or `"auto"` (the default) to detect it. */
  language?: string | null;
  /** Drop the language's stop words (default: `true` for statistics, `false` for `tokenize`). */
  stopWords?: boolean | null;
  /** The caller's own stop words, dropped besides the language's list. */
  extraStopWords?: string[];
  /** Reduce terms to their Snowball stem (default `false`). */
  stem?: boolean | null;
  /** Fold accents away (default `false`). */
  foldAccents?: boolean | null;
}

/** Options of `analyze` (and `alignTexts`, which reads the passage options). */
export interface Options extends TextOptions {
  /** How many top terms to list per article (default 20, at most 10000). */
  topTerms?: number;
  /** Words per shingle for containment and Jaccard, and the shortest exact match (1 to 32). */
  shingle?: number;
  /** The fewest words a shared passage has (at most 10000). */
  minPassageWords?: number;
  /** The lowest similarity of a shared passage, from 0 (paraphrases too) to 1 (copies only). */
  minPassageScore?: number;
  /** Leave boilerplate lines out of the overlap scores, passages and term statistics (default `true`). */
  excludeBoilerplate?: boolean;
  /** Up to this many articles every pair is aligned (default 50); above, only the pairs the candidate index proposes. */
  allPairsUpTo?: number;
  /** Which aligned pairs `pairs` lists: `auto` (default; every pair up to `allPairsUpTo`
   * articles, above only pairs with a shared passage), `all`, or `related` (only pairs
   * with a shared passage). */
  listPairs?: 'auto' | 'all' | 'related';
  /** Compute the comparison only (default `false`): pairs, passages, groups, neighbours,
   * shares, titles, meta data and boilerplate. The term statistics and the news answers
   * are left empty (the report's `comparisonOnly` says so), half the work on a large set:
   * show the comparison first, then analyze again in the same `Session`, which computes
   * only the rest. An article without words is not refused then. */
  comparisonOnly?: boolean;
}

/** Options of `concordance`. */
export interface ConcordanceOptions extends TextOptions {
  /** Characters of context on each side (default 40, at most 1000). */
  context?: number | null;
}

// ------------------------------------------------------------------ the report

/** A range of UTF-16 code units: `text.slice(start, end)`. */
export interface Span {
  /** First code unit. */
  start: number;
  /** One past the last code unit. */
  end: number;
}

/** Everything Parallax says about a set of articles. */
export interface Report {
  /** One entry per article, in the order given. */
  documents: DocumentReport[];
  /** One entry per unordered pair of articles (`a` before `b` in input order). */
  pairs: PairReport[];
  /** Terms every article uses, most frequent (over all articles) first. */
  sharedTerms: TermCount[];
  /** Passages shared by three or more articles. */
  groups: GroupReport[];
  /** Whether boilerplate was left out (the `excludeBoilerplate` option). */
  boilerplateExcluded: boolean;
  /** Quotes said in more than one article. */
  quoteMatches: QuoteMatch[];
  /** The likely relation of each related pair (independent pairs have none). */
  relations: Relation[];
  /** Whether only the comparison was computed (the `comparisonOnly` option): then each
   * document's term statistics (`language` null, `tokens` and `stats` zero, empty term
   * lists), `quotes`, `facts` and `unique`, and `sharedTerms`, `quoteMatches` and
   * `relations`, are empty because they were not asked for. */
  comparisonOnly: boolean;
}

/** What Parallax says about one article. */
export interface DocumentReport {
  /** The article's id. */
  id: string;
  /** Its title, or its first non-empty line when it has none. */
  title: string;
  /** Number of words. */
  tokens: number;
  /** The encoding its file was read in, when the article says one other than UTF-8; else `null`. */
  encoding: string | null;
  /** Its language (ISO 639-1), detected unless given; `null` when unknown. */
  language: string | null;
  /** Words, sentences, density, readability. */
  stats: Summary;
  /** Its most frequent content terms. */
  topTerms: TermScore[];
  /** Terms it uses more than the others (weighted log-odds z-score). */
  distinctiveTerms: Keyness[];
  /** Terms no other article uses, most frequent first. */
  uniqueTerms: TermCount[];
  /** Frequent bigrams and trigrams. */
  phrases: TermCount[];
  /** Capitalised multi-word names, variants grouped. */
  names: Name[];
  /** Share of its characters inside a passage shared with any other article, 0 to 1. */
  sharedShare: number;
  /** Title, byline, dateline and outlet as the text states them. */
  meta: Meta;
  /** Its direct quotations, in text order. */
  quotes: Quote[];
  /** Its boilerplate lines. */
  boilerplate: Boilerplate[];
  /** Its sentences no other article has. */
  unique: Span[];
  /** Facts only it states, or that others state differently. */
  facts: Fact[];
  /** Up to 5 articles holding the largest share of this one's shingles, nearest first. */
  neighbours: Neighbour[];
}

/** An article another one shares much with. */
export interface Neighbour {
  /** The other article's id. */
  id: string;
  /** Share of this article's shingles found in the other, 0 to 1. */
  containment: number;
  /** Passages the two share. */
  passages: number;
}

/** Words, sentences and readability of one article. */
export interface Summary {
  /** Words (a CJK bigram counts as one). */
  words: number;
  /** Distinct terms among them. */
  uniqueWords: number;
  /** Sentences with at least one word. */
  sentences: number;
  /** Unique words over words. */
  vocabularyDensity: number;
  /** Words per sentence. */
  meanSentenceLength: number;
  /** The readability score, when the measure applies to the language. */
  readability: number | null;
  /** Which measure `readability` is. */
  readabilityMeasure: ReadabilityMeasure;
}

/** `flesch-reading-ease` (English; higher is easier), `lix` (other alphabetic
 * languages; higher is harder) or `none` (scripts without spaces). */
export type ReadabilityMeasure = 'flesch-reading-ease' | 'lix' | 'none';

/** A term and how often it occurs. */
export interface TermCount {
  term: string;
  count: number;
}

/** A frequent term of one article. */
export interface TermScore {
  term: string;
  /** Occurrences in the article. */
  count: number;
  /** `count` over the article's words. */
  frequency: number;
  /** `frequency` times the smoothed inverse document frequency. */
  tfidf: number;
}

/** A distinctive term of one article. */
export interface Keyness {
  term: string;
  /** Its count in the article. */
  count: number;
  /** Its z-score: how much more the article uses it than the others do. */
  score: number;
}

/** A name and its written variants. */
export interface Name {
  /** The most frequent variant. */
  term: string;
  /** Occurrences of all variants. */
  count: number;
  /** Every variant, most frequent first. */
  variants: string[];
}

/** What an article's text states about itself (`null` where it says nothing). */
export interface Meta {
  title: string | null;
  byline: string | null;
  dateline: string | null;
  outlet: string | null;
}

/** A direct quotation. */
export interface Quote {
  /** The opening mark (an interrupting attribution is inside `start..end`). */
  start: number;
  /** One past the closing mark. */
  end: number;
  /** The quoted words only, one span per piece. */
  parts: Span[];
  /** Who said it, where the text says so. */
  speaker: Speaker | null;
}

/** Who said a quote. */
export interface Speaker {
  /** The person the attribution resolves to. */
  name: string;
  /** Start of the words the attribution rests on (the `he` in `he said`). */
  start: number;
  /** One past their end. */
  end: number;
}

/** Kinds of boilerplate line. */
export type BoilerplateKind = 'notice' | 'navigation' | 'header' | 'byline' | 'caption';

/** A boilerplate line. */
export interface Boilerplate {
  start: number;
  end: number;
  kind: BoilerplateKind;
}

/** Kinds of fact. */
export type FactKind = 'number' | 'name' | 'place' | 'date';

/** A fact only this article states, or that others state differently. */
export interface Fact {
  start: number;
  end: number;
  kind: FactKind;
  /** The normalized value. */
  value: string;
  /** `only` (no other article states it) or `differs`. */
  status: 'only' | 'differs';
  /** For `differs`: what the others state instead. */
  others: FactOther[];
}

/** What another article states instead. */
export interface FactOther {
  /** The other article's id. */
  id: string;
  value: string;
}

/** One quote said in several articles. */
export interface QuoteMatch {
  /** Where each article has it. */
  members: QuoteMember[];
  /** How alike the wordings are, from 0 to 1 (1: verbatim). */
  score: number;
}

/** One article's wording of a matched quote. */
export interface QuoteMember {
  /** The article's id. */
  id: string;
  /** Index into that article's `quotes`. */
  quote: number;
}

/** Kinds of relation between two articles. */
export type RelationKind = 'copy' | 'partial' | 'common-source';

/** The likely relation between two articles. */
export interface Relation {
  /** The source's id (for `common-source`, the first article). */
  from: string;
  /** The derived article's id (for `common-source`, the second). */
  to: string;
  kind: RelationKind;
  /** For `common-source`: the source, where the text names it. */
  source: string | null;
  /** Share of the derived article drawn from the source, 0 to 1. */
  share: number;
  /** Why, each item a sentence a reader can check. */
  evidence: string[];
}

/** What Parallax says about two articles. */
export interface PairReport {
  /** Id of the first article. */
  a: string;
  /** Id of the second article. */
  b: string;
  /** Share of each article's word shingles found in the other. */
  containment: Containment;
  /** Shared shingles over all distinct shingles of both. */
  jaccard: number;
  /** Cosine of the two articles' TF-IDF vectors. */
  cosine: number;
  /** The passages the two share, in order of their position in `a`. */
  passages: Passage[];
}

/** Containment in both directions, 0 to 1. */
export interface Containment {
  aInB: number;
  bInA: number;
}

/** A shared passage, in UTF-16 code units of each article's text. */
export interface Passage {
  a: Span;
  b: Span;
  /** How alike the two sides are, from 0 to 1. */
  score: number;
}

/** A passage shared by three or more articles. */
export interface GroupReport {
  /** One member per article, in input order. */
  members: GroupMember[];
}

/** Where one article holds a group's passage. */
export interface GroupMember {
  /** The article's id. */
  id: string;
  start: number;
  end: number;
}

// ------------------------------------------------------------------ other results

/** A word of `tokenize`. */
export interface Token {
  /** The normalized term. */
  term: string;
  start: number;
  end: number;
}

/** One occurrence found by `concordance`, offsets in UTF-16 code units of its article. */
export interface ConcordanceLine {
  /** The article's id. */
  id: string;
  start: number;
  end: number;
  /** Text before the match. */
  left: string;
  /** The matched text. */
  match: string;
  /** Text after the match. */
  right: string;
}

/** A passage found by `panAlign`, in code points (PAN's unit). */
export interface PanPassage {
  thisOffset: number;
  thisLength: number;
  sourceOffset: number;
  sourceLength: number;
}

/** What every function throws: an `Error` with a stable `code`. */
export interface ParallaxError extends Error {
  code:
    | 'too-few-articles'
    | 'empty-article'
    | 'too-large'
    | 'duplicate-id'
    | 'invalid-option'
    | 'binary'
    | 'invalid-input'
    | 'internal';
}

// ------------------------------------------------------------------ functions

/** Compares articles. Offsets in the report are UTF-16 code units. Throws a `ParallaxError`. */
export function analyze(articles: Article[], options?: Options | null): Report;

/**
 * Articles kept between analyses: each read once, each pair's passages kept, the
 * minimum passage length and similarity applied as filters, so a change of setting or
 * one article added computes only what it changes. `analyze` gives what the function
 * `analyze` gives for the same articles and options. `free()` releases its memory.
 */
export class Session {
  constructor();
  /** Replaces the articles; the unchanged ones are not read again. */
  setArticles(articles: Article[]): void;
  /** Adds an article, or replaces the one with its id in its place. */
  put(article: Article): void;
  /** Removes the article with this id; false when there is none. */
  remove(id: string): boolean;
  /** The ids of the articles kept, in order. */
  ids(): string[];
  /** The report on the articles kept. Throws a `ParallaxError`. */
  analyze(options?: Options | null): Report;
  /** `concordance` over the articles kept. */
  concordance(term: string, options?: ConcordanceOptions | null): ConcordanceLine[];
  /**
   * An analysis shared by two workers: computes and keeps what the next `analyze`
   * with these options reads of the texts alone (term statistics, quotes, meta,
   * facts) while a session with the same articles in another worker aligns the
   * pairs (`alignedPairs`); then `acceptPairs` with its answer, then `analyze`.
   */
  prepare(options?: Options | null): void;
  /** Every pair's passages before the thresholds, for `acceptPairs` in a session with the same articles. */
  alignedPairs(options?: Options | null): AlignedPairs;
  /**
   * Takes another session's `alignedPairs`, so that the next `analyze` with these
   * options does not align those pairs (its report is the same). Returns how many
   * pairs were taken: 0 when the articles differ from the ones they were aligned
   * from. Throws a `ParallaxError` (`invalid-option`) for arrays no session made.
   */
  acceptPairs(options: Options | null | undefined, aligned: AlignedPairs): number;
  free(): void;
}

/** `Session.alignedPairs`' answer: typed arrays, so that a worker can post or transfer them. */
export interface AlignedPairs {
  /** A fingerprint of each article's text as read, in order. */
  texts: BigUint64Array;
  /** The shingle size the pairs were aligned with. */
  shingle: number;
  /** Per pair: the two articles' places in the set and how many passages follow. */
  pairs: Uint32Array;
  /** Per pair: the shingle overlap (containment of the first in the second, of the second in the first, Jaccard). */
  overlaps: Float64Array;
  /** Per passage: start and end in the first text read, then in the second (bytes). */
  spans: Uint32Array;
  /** Per passage: its score. */
  scores: Float64Array;
}

/** The passages two texts share; reads `shingle`, `minPassageWords` and `minPassageScore`. */
export function alignTexts(a: string, b: string, options?: Options | null): Passage[];

/** PAN text alignment of one pair: the passages of `source` reused in `susp`. */
export function panAlign(susp: string, source: string): PanPassage[];

/** The words of `text`; every word is kept unless `stopWords: true` is given. */
export function tokenize(text: string, options?: TextOptions | null): Token[];

/** The content terms of `text` and their counts, most frequent first; stop words dropped unless `stopWords: false`. */
export function termFrequencies(text: string, options?: TextOptions | null): TermCount[];

/**
 * What `tokenize` is built from: the terms one after another in one string and,
 * per word, three numbers: its term's length (UTF-16 code units), its start and
 * its end. For code that wants the words as arrays rather than objects. The
 * text may be given as its UTF-8 bytes (`new TextEncoder().encode(text)`), which
 * cross into the engine in one copy; bytes that are not UTF-8 throw `invalid-input`.
 */
export function tokenizePacked(text: string | Uint8Array, options?: TextOptions | null): [terms: string, numbers: Uint32Array];

/**
 * What `termFrequencies` is built from: the terms one after another in one
 * string and, per term, two numbers: its length (UTF-16 code units) and its count.
 * The text as for `tokenizePacked`: a string or its UTF-8 bytes.
 */
export function termFrequenciesPacked(text: string | Uint8Array, options?: TextOptions | null): [terms: string, numbers: Uint32Array];

/** Every occurrence of `term` (a word or phrase) in `articles`, with its context. */
export function concordance(
  articles: Article[],
  term: string,
  options?: ConcordanceOptions | null,
): ConcordanceLine[];

/** The languages (ISO 639-1) the text engine has stop words for, sorted. */
export function languages(): string[];

/** The built-in stop words of `language`; empty when it has no list. Throws `invalid-option` for an unknown code. */
export function stopWordList(language: string): string[];

/** What Parallax reads from a web page. */
export interface Extracted {
  /** The page's headline, `null` when it has none. */
  title: string | null;
  /** Who wrote it, `null` when the page does not say. */
  byline: string | null;
  /** The article's main text, paragraphs separated by blank lines. */
  text: string;
}

/** Reads the article out of a web page (the HTML reader the CLI's `extract` uses). Never throws for a string (anything else: `invalid-input`). */
export function extract(html: string): Extracted;

/** How `decode` reads a file's bytes. */
export interface DecodeOptions {
  /** The file's name, said in the error when it is binary. */
  name?: string;
  /** The bytes are a web page: a charset its `<meta>` declares wins over the guess. */
  html?: boolean;
}

/** A file's bytes read as text. */
export interface Decoded {
  /** The text, without its byte order mark; stray control characters made spaces. */
  text: string;
  /** WHATWG name: `"UTF-8"`, `"UTF-16LE"`, `"windows-1252"` (also Latin-1's), `"Shift_JIS"`… */
  encoding: string;
  /** The bytes started with a byte order mark. */
  bom: boolean;
  /** How the encoding was chosen: a mark, valid UTF-8, the page's `<meta>`, UTF-16 by its NULs, or the detector's guess. */
  source: 'bom' | 'utf8' | 'declared' | 'nul' | 'detected';
  /** How many control characters (other than tab, line breaks, form feed) became spaces. */
  controls: number;
}

/**
 * Reads a file's bytes as text in whatever encoding it is in (a byte order mark,
 * UTF-8, a page's `<meta charset>`, else Firefox's detector, chardetng). Throws a
 * `ParallaxError` with code `binary` for a binary file.
 */
export function decode(bytes: Uint8Array, options?: DecodeOptions | null): Decoded;

/** The library's version. */
export function version(): string;
