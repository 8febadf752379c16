// Types of `@parallax-news/parallax/widget`: the <parallax-compare> element (its
// source is www/parallax-compare.js). Importing the module defines the element.
// Unlike www/widget.d.ts, the report is typed: `Report` from the package.
import type { Article, Report, Span, TextOptions } from '../parallax.js';

/** Which score the matrix shows. */
export type Metric = 'containment' | 'jaccard' | 'cosine';

/** Every setting of the element, as the `parallax-settings` event gives it. */
export interface CompareSettings {
  metric: Metric;
  minPassageWords: number;
  minPassageScore: number;
  text: TextOptions;
}

/** The events the element dispatches (they bubble and cross shadow roots). */
export interface ParallaxCompareEventMap {
  'parallax-report': CustomEvent<{ report: Report }>;
  'parallax-error': CustomEvent<{ code: string; message: string }>;
  'parallax-busy': CustomEvent<{ busy: boolean }>;
  /** An analysis was stopped: by Cancel / `cancel()`, or by the `time-limit`. */
  'parallax-cancel': CustomEvent<{ reason: 'cancel' | 'time-limit' }>;
  'parallax-select-pair': CustomEvent<{ left: string; right: string }>;
  'parallax-select-passage': CustomEvent<{ index: number; left: string; right: string; a: Span; b: Span; score?: number }>;
  'parallax-settings': CustomEvent<{ settings: CompareSettings }>;
  /** Cancelable: `preventDefault()` keeps the article. */
  'parallax-remove-article': CustomEvent<{ id: string }>;
}

/** The comparison of several articles, rendered into a shadow root; the engine runs in a Web Worker. */
export declare class ParallaxCompare extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The articles compared; until set, the child `<article data-id data-title>` elements. */
  get articles(): Article[];
  set articles(list: Article[]);
  /** The last report, or `null` before the first analysis. */
  report: Report | null;
  /** The `metric` attribute. */
  get metric(): Metric;
  set metric(value: Metric);
  /** The `min-passage-words` attribute. */
  get minPassageWords(): number;
  set minPassageWords(value: number);
  /** The `min-passage-score` attribute, 0 to 1. */
  get minPassageScore(): number;
  set minPassageScore(value: number);
  /** The `worker-url` attribute: a module worker file, for a CSP without `worker-src blob:`. */
  get workerUrl(): string | null;
  set workerUrl(value: string | null);
  /** The `editable` attribute: a Remove button per article. */
  get editable(): boolean;
  set editable(value: boolean);
  /** The `time-limit` attribute: seconds an analysis may run before it is stopped (default 60; 0: no limit). */
  get timeLimit(): number;
  set timeLimit(value: number);
  /** Language and stop-word options for the term statistics. */
  get textOptions(): TextOptions;
  set textOptions(value: TextOptions);
  /** Every setting in one object. */
  get settings(): CompareSettings;
  set settings(value: Partial<CompareSettings>);
  /** True while an analysis or another engine request runs. */
  get busy(): boolean;
  /** Stops the running analysis; the comparison shown stays. */
  cancel(): void;
  /** An article from a web page's HTML. */
  extract(html: string): Promise<{ title?: string; byline?: string; text: string; reader: 'engine' | 'fallback' }>;
  addEventListener<K extends keyof ParallaxCompareEventMap>(
    type: K,
    listener: (this: ParallaxCompare, event: ParallaxCompareEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** One view of the element (a `<section part="NAME">` in its shadow root). */
export interface ParallaxView {
  name: string;
  heading: string;
  create(container: HTMLElement, element: ParallaxCompare): void;
  update(container: HTMLElement, element: ParallaxCompare): void;
}

/** The views in reading order. */
export declare const VIEWS: ParallaxView[];

/** Defines the element as `tag` (default `parallax-compare`) unless that name is taken; returns the class under it. */
export function define(tag?: string): typeof ParallaxCompare;

declare global {
  interface HTMLElementTagNameMap {
    'parallax-compare': ParallaxCompare;
  }
  // The events bubble and cross shadow roots: any ancestor may listen.
  interface HTMLElementEventMap extends ParallaxCompareEventMap {}
}
