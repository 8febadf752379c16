// Types for `import '…/widget'`: the <parallax-compare> element.

export interface ParallaxArticle {
  id: string;
  title?: string;
  text: string;
  /** The reader's verdicts on lines (UTF-16 offsets): boilerplate or story. */
  boilerplateOverrides?: ParallaxBoilerplateOverride[];
}

export interface ParallaxBoilerplateOverride { start: number; end: number; boilerplate: boolean }

export interface ParallaxTextOptions {
  language?: string;
  stopWords?: boolean;
  extraStopWords?: string[];
  stem?: boolean;
  foldAccents?: boolean;
}

export interface ParallaxSettings {
  metric: 'containment' | 'jaccard' | 'cosine';
  minPassageWords: number;
  minPassageScore: number;
  excludeBoilerplate: boolean;
  text: ParallaxTextOptions;
}

export interface ParallaxRange { start: number; end: number }

export interface ParallaxEventMap {
  'parallax-select-pair': CustomEvent<{ left: string; right: string }>;
  /** index -1: a claim opened from the quotes or adds view (`id` its article, its range in `a` or `b`). */
  'parallax-select-passage': CustomEvent<{ index: number; left: string; right: string; id?: string; a?: ParallaxRange; b?: ParallaxRange; score?: number }>;
  'parallax-boilerplate': CustomEvent<ParallaxBoilerplateOverride & { id: string; articles: ParallaxArticle[] }>;
  'parallax-report': CustomEvent<{ report: any }>;
  'parallax-busy': CustomEvent<{ busy: boolean }>;
  'parallax-settings': CustomEvent<{ settings: ParallaxSettings }>;
  'parallax-remove-article': CustomEvent<{ id: string }>;
  /** An analysis was stopped: by Cancel / `cancel()`, or by the `time-limit`. */
  'parallax-cancel': CustomEvent<{ reason: 'cancel' | 'time-limit' }>;
  'parallax-error': CustomEvent<{ code: string; message: string }>;
}

export interface ParallaxView {
  name: string;
  heading: string;
  create(container: HTMLElement, element: ParallaxCompare): void;
  update(container: HTMLElement, element: ParallaxCompare): void;
}

export declare class ParallaxCompare extends HTMLElement {
  static observedAttributes: string[];
  /** The articles compared; until set, the child <article data-title data-id> elements. */
  articles: ParallaxArticle[];
  /** Attribute `metric`. */
  metric: 'containment' | 'jaccard' | 'cosine';
  /** Attribute `min-passage-words`. */
  minPassageWords: number;
  /** Attribute `min-passage-score` (0–1). */
  minPassageScore: number;
  /** Attribute `exclude-boilerplate` (default true): boilerplate lines left out of the scores. */
  excludeBoilerplate: boolean;
  /** Attribute `worker-url`: a module worker file for hosts whose CSP forbids blob: workers. */
  workerUrl: string | null;
  /** Attribute `editable`: a Remove button per article. */
  editable: boolean;
  /** Attribute `time-limit`: seconds an analysis may run before it is stopped (default 60; 0: no limit). */
  timeLimit: number;
  textOptions: ParallaxTextOptions;
  settings: ParallaxSettings;
  /** The last report, or null. */
  readonly report: any;
  readonly busy: boolean;
  /** Stops the running analysis (its worker is replaced by a fresh one); the comparison shown and the articles stay. */
  cancel(): void;
  /** An article from a web page's HTML. */
  extract(html: string): Promise<{ title?: string; byline?: string; text: string; reader: 'engine' | 'fallback' }>;
  addEventListener<K extends keyof ParallaxEventMap>(type: K, listener: (this: ParallaxCompare, ev: ParallaxEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: ParallaxCompare, ev: HTMLElementEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** The views in reading order; one entry per view. */
export declare const VIEWS: ParallaxView[];

/** Defines the element as `tag` (default 'parallax-compare') unless that name is taken; returns the class. */
export declare function define(tag?: string): typeof ParallaxCompare;

declare global {
  interface HTMLElementTagNameMap {
    'parallax-compare': ParallaxCompare;
  }
  interface HTMLElementEventMap extends ParallaxEventMap {}
}
