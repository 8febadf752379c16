// <parallax-compare>: the comparison of several articles as a custom element. It
// renders the views (components/) into its shadow root and runs the engine in a
// Web Worker it starts itself when connected and ends when disconnected.
//
// Articles: the `articles` property ([{id, title?, text}]) or, until it is set, the
// element's child <article data-title="…" data-id="…">text</article> elements.
// Article text and titles only ever reach the DOM as text nodes.
import { EngineClient } from './engine-client.js';
import { markOnce } from './engine-loader.js';
import { viewsSheet } from './components/styles.js';
import { h, clear } from './components/dom.js';
import { Messages } from './components/messages.js';
import { renderArticleList } from './components/article-list.js';
import { renderMatrix, METRICS } from './components/matrix.js';
import { PairView, applyOverride } from './components/pair-view.js';
import { renderTerms, renderConcordance, renderTextControls } from './components/terms-view.js';
import { renderGroups } from './components/groups-view.js';
import { renderExport } from './components/export.js';
import { textOfHtml, decodeUtf8 } from './components/add-article.js';
import { renderQuotes } from './components/quotes-view.js';
import { renderAdds } from './components/adds-view.js';
import { renderRelations } from './components/relations-view.js';
import { renderHeatmap } from './components/heatmap.js';
import { isLargeSet, focusReport, focusIds, neighboursOf } from './components/large-set.js';

const DEFAULTS = { metric: 'containment', minPassageWords: 8, minPassageScore: 0, excludeBoilerplate: true, text: {} };
/** Seconds an analysis may run before it is stopped (the `time-limit` attribute; 0: no limit). */
const TIME_LIMIT_S = 60;
/** The progress bar shows only for an analysis longer than this (ms): a quick one does not flash it. */
const PROGRESS_DELAY_MS = 300;
/** The views above the fold, drawn (and painted) before the others when a report arrives. */
const FIRST_VIEWS = ['articles', 'matrix'];
/**
 * How long a fresh element's views wait for its first comparison, so that the list and
 * the matrix are drawn and painted in one frame: drawn alone first (with its sizes in
 * the reader's locale, whose number format costs 20-35 ms the first time), the list
 * delayed the comparison on two cores (www/README.md, "Load"). Until the first wait
 * ends the views are not shown at all (`revealed`): a frame of them empty, with the
 * page's forms below, made the whole page jump when the list came. A longer comparison
 * shows the list at this time.
 */
const FIRST_LIST_WAIT_MS = 300;
/** What the list and the matrix say meanwhile. */
const READING = 'Reading the articles…';
/** The views drawn first for every later report: where the reader changes settings and pairs. */
const CHANGED_VIEWS = ['matrix', 'pair'];
/** What a `full` view says while a large set's comparison is shown alone (EngineClient's `onEarly`). */
const FULL_PENDING = 'Still reading each article: terms, quotes, facts and relations…';
/** … and once that analysis was stopped (Cancel, the time limit). */
const FULL_STOPPED = 'Not read: the comparison was stopped before the terms, quotes, facts and relations.';
const TEXT_KEYS = ['language', 'stopWords', 'extraStopWords', 'stem', 'foldAccents'];

/**
 * The views, in reading order. Each gets a <section part="NAME" data-view="NAME"> with
 * its heading, `create(container, el)` once, and `update(container, el)` whenever the
 * report, the articles or the chosen pair change; a view marked `full` reads what only
 * the whole report has (terms, news answers), and says it is coming while the report
 * shown is the comparison only (`comparisonOnly`; its `pending(container, text)`, when
 * it has one, says where). Adding a view is one entry here (and its CSS in
 * components/styles.js); `el` gives `report`, `texts`, `pair`,
 * `settings`, `select(left, right)`, `emit(name, detail)` and `engine`.
 */
export const VIEWS = [
  {
    name: 'articles',
    heading: 'Articles',
    create(container, el) {
      container.append(h('div', { class: 'article-list-box' }), h('slot', { name: 'side' }));
    },
    update(container, el) {
      el.headingOf('articles').querySelector('.count').textContent = ` (${el.articles.length})`;
      const box = container.querySelector('.article-list-box');
      if (el.listWaits) {
        clear(box).append(h('p', { class: 'empty', text: READING }));
        return;
      }
      renderArticleList(box, {
        articles: el.articles,
        report: el.reportMatchesArticles() ? el.report : null,
        onRemove: el.editable ? (id) => el.requestRemove(id) : undefined,
        onOpen: el.report && isLargeSet(el.report) ? (id) => el.openArticle(id) : undefined,
      });
    },
  },
  {
    name: 'matrix',
    heading: 'How much they share',
    create(container, el) {
      const select = h('select', { name: 'metric' }, Object.entries(METRICS).map(([value, text]) => h('option', { value, text })));
      select.addEventListener('change', () => { el.metric = select.value; el.settingsChanged(); });
      container.append(h('label', { class: 'metric' }, 'Show ', select), h('div', { class: 'matrix-box' }), h('div', { class: 'groups-box' }), h('div', { class: 'export-box' }));
      renderExport(container.querySelector('.export-box'), { report: () => el.report, articles: () => el.articles });
    },
    update(container, el) {
      container.querySelector('select[name=metric]').value = el.metric;
      const box = container.querySelector('.matrix-box');
      const large = isLargeSet(el.report);
      // A large set has a heatmap of containment instead of the table: no metric to choose.
      container.querySelector('label.metric').hidden = large;
      renderGroups(container.querySelector('.groups-box'), { report: el.report, texts: el.texts });
      if (!el.report || el.report.documents.length < 2) {
        clear(box).append(h('p', { class: 'empty', text: el.reason || 'No comparison yet.' }));
        return;
      }
      if (large) {
        renderHeatmap(box, {
          report: el.report,
          selected: el.pair && { a: el.pair.left, b: el.pair.right },
          focus: el.focusId ?? el.pair?.left,
          onSelect: (left, right) => el.select(left, right, { focus: true }),
        });
        return;
      }
      renderMatrix(box, {
        report: el.report,
        metric: el.metric,
        selected: el.pair && { a: el.pair.left, b: el.pair.right },
        onSelect: (left, right) => el.select(left, right, { focus: true }),
      });
    },
  },
  {
    name: 'pair',
    heading: 'Side by side',
    create(container, el) {
      el.pairView = new PairView(container, {
        minPassageWords: el.minPassageWords,
        minPassageScore: el.minPassageScore,
        excludeBoilerplate: el.excludeBoilerplate,
        onSensitivity({ minPassageWords, minPassageScore, excludeBoilerplate }) {
          el.minPassageWords = minPassageWords;
          el.minPassageScore = minPassageScore;
          el.excludeBoilerplate = excludeBoilerplate;
          el.settingsChanged();
        },
        onPassage: (detail) => el.emit('parallax-select-passage', detail),
        onBoilerplate: (verdict) => el.overruleBoilerplate(verdict),
      });
    },
    update(container, el) {
      const report = el.report;
      if (!report || report.pairs.length === 0 || !el.pair) el.pairView.update(null, el.texts);
      else {
        // The reader's own boilerplate verdicts are told apart from the detected lines.
        const overrides = new Map(el.articles.map((a) => [a.id, a.boilerplateOverrides ?? []]));
        el.pairView.update(report, el.texts, el.pair.left, el.pair.right, { overrides });
      }
    },
  },
  {
    name: 'relations',
    heading: 'Who drew on whom',
    full: true,
    create() {},
    update(container, el) {
      renderRelations(el.focusBox(container), { report: el.focusedReport(), onPair: (left, right) => el.select(left, right, { focus: true }) });
    },
  },
  {
    name: 'quotes',
    heading: 'Quotes',
    full: true,
    create() {},
    update(container, el) {
      renderQuotes(el.focusBox(container), { report: el.focusedReport(), texts: el.texts, onSelect: (claim) => el.openPassage(claim) });
    },
  },
  {
    name: 'adds',
    heading: 'What each article adds',
    full: true,
    create() {},
    update(container, el) {
      renderAdds(el.focusBox(container), { report: el.focusedReport(), texts: el.texts, onSelect: (claim) => el.openPassage(claim) });
    },
  },
  {
    name: 'terms',
    heading: 'Terms',
    full: true,
    create(container) {
      container.append(h('div', { class: 'text-controls-box' }), h('div', { class: 'kwic-panel', attrs: { 'aria-live': 'polite' } }), h('div', { class: 'terms-box' }));
    },
    pending(container, text) {
      showPending(container.querySelector('.terms-box'), text);
      clear(container.querySelector('.kwic-panel'));
    },
    update(container, el) {
      const box = container.querySelector('.terms-box');
      if (!el.report) {
        clear(box).append(h('p', { class: 'empty', text: 'No terms yet.' }));
        clear(container.querySelector('.kwic-panel'));
        return;
      }
      renderTerms(box, { report: el.focusedReport(), onTerm: (term) => el.showConcordance(term, container.querySelector('.kwic-panel')) });
    },
  },
];

/** The views that read what only the full report has (not the comparison only). */
const FULL_VIEWS = VIEWS.filter((v) => v.full).map((v) => v.name);

export class ParallaxCompare extends HTMLElement {
  static observedAttributes = ['metric', 'min-passage-words', 'min-passage-score', 'exclude-boilerplate', 'worker-url', 'editable', 'time-limit'];

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.adoptedStyleSheets = [viewsSheet()];
    /** Set through the `articles` property; null: read the child <article> elements. */
    this._articles = null;
    this._childArticles = [];
    this._text = {};
    this.report = null;
    /** id → text of the articles the report describes. */
    this.texts = new Map();
    /** The chosen pair {left, right}. */
    this.pair = null;
    /** Why there is no comparison, shown where the matrix would be. */
    this.reason = '';
    this.engine = null;
    this.generation = 0;
    this.languages = null;
    /** A fresh element's list waits for its first comparison (waitForFirstList, FIRST_LIST_WAIT_MS). */
    this.listWaits = false;
    this.firstListTimer = null;
    /** False until the first wait ends: the views are hidden meanwhile (`.layout.waiting`), until `revealBy` at the latest. */
    this.revealed = false;
    this.revealBy = null;
    this.build();
  }

  // ---------------------------------------------------------------- properties

  /** @returns {{id: string, title?: string, text: string}[]} */
  get articles() {
    return this._articles ?? this._childArticles;
  }

  set articles(list) {
    this._articles = normalize(list);
    this.changed();
  }

  get metric() { return this.getAttribute('metric') in METRICS ? this.getAttribute('metric') : DEFAULTS.metric; }
  set metric(v) { this.setAttribute('metric', String(v)); }
  get minPassageWords() { return numberAttr(this, 'min-passage-words', DEFAULTS.minPassageWords); }
  set minPassageWords(v) { this.setAttribute('min-passage-words', String(v)); }
  get minPassageScore() { return numberAttr(this, 'min-passage-score', DEFAULTS.minPassageScore); }
  set minPassageScore(v) { this.setAttribute('min-passage-score', String(v)); }
  /** Boilerplate lines (detected or marked by the reader) left out of the scores; on unless `exclude-boilerplate="false"`. */
  get excludeBoilerplate() { return this.getAttribute('exclude-boilerplate') !== 'false'; }
  set excludeBoilerplate(v) { this.setAttribute('exclude-boilerplate', String(v !== false && v !== 'false')); }
  /** A module worker file (such as worker.js) for hosts whose CSP forbids blob: workers. */
  get workerUrl() { return this.getAttribute('worker-url'); }
  set workerUrl(v) { if (v) this.setAttribute('worker-url', String(v)); else this.removeAttribute('worker-url'); }
  /** Shows a Remove button per article (the `parallax-remove-article` event). */
  get editable() { return this.hasAttribute('editable'); }
  set editable(v) { this.toggleAttribute('editable', Boolean(v)); }
  /** Seconds an analysis may run before it is stopped and its worker replaced (default 60; 0: no limit). */
  get timeLimit() { return Math.max(0, numberAttr(this, 'time-limit', TIME_LIMIT_S)); }
  set timeLimit(v) { this.setAttribute('time-limit', String(v)); }

  /** Language and stop word options: {language, stopWords, extraStopWords, stem, foldAccents}. */
  get textOptions() { return { ...this._text }; }
  set textOptions(v) {
    this._text = Object.fromEntries(Object.entries(v ?? {}).filter(([k]) => TEXT_KEYS.includes(k)));
    this.renderTextControls();
    this.scheduleAnalysis();
  }

  /** Every setting in one object, as the `parallax-settings` event gives it. */
  get settings() {
    return { metric: this.metric, minPassageWords: this.minPassageWords, minPassageScore: this.minPassageScore, excludeBoilerplate: this.excludeBoilerplate, text: this.textOptions };
  }

  set settings(s) {
    const v = { ...DEFAULTS, ...s };
    this.metric = v.metric;
    this.minPassageWords = v.minPassageWords;
    this.minPassageScore = v.minPassageScore;
    this.excludeBoilerplate = v.excludeBoilerplate;
    this.textOptions = v.text;
    this.pairView?.setSensitivity?.(this.minPassageWords, this.minPassageScore, this.excludeBoilerplate);
  }

  /** True while an analysis or another engine request runs. */
  get busy() { return Boolean(this.engine?.busy); }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (name === 'worker-url' && this.engine) {
      this.stopEngine();
      if (this.isConnected) this.scheduleAnalysis();
    } else if (name === 'metric') this.render();
    else if (name === 'editable') this.render();
    else if (name.startsWith('min-passage') || name === 'exclude-boilerplate') {
      this.pairView?.setSensitivity(this.minPassageWords, this.minPassageScore, this.excludeBoilerplate);
      this.scheduleAnalysis();
    }
  }

  connectedCallback() {
    this.observer ??= new MutationObserver(() => this.readChildren());
    this.observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-title', 'data-id'] });
    // A host usually gives its articles just after connecting: the views wait for them too.
    if (!this.revealed) this.waitForFirstList();
    this.readChildren();
    // The worker starts now, not at the first analysis: the wasm compiles while the host loads its articles.
    this.startEngine();
    this.scheduleAnalysis();
  }

  disconnectedCallback() {
    this.endListWait();
    this.observer?.disconnect();
    this.stopEngine();
  }

  /** Stops the running analysis (its worker is replaced by a fresh one); the comparison shown and the articles stay. */
  cancel() {
    // The Cancel button is about to be hidden: keep the keyboard user near the result.
    if (this.shadowRoot.activeElement === this.cancelButton) this.headingOf('matrix').focus({ preventScroll: true });
    this.engine?.cancel();
  }

  // ---------------------------------------------------------------- frame

  build() {
    this.statusText = h('span', { class: 'status-text', text: 'Comparing…' });
    // The seconds apart from the text: on a narrow screen the text is cut short, never the time.
    this.statusSeconds = h('span', { class: 'status-seconds' });
    this.cancelButton = h('button', { type: 'button', class: 'cancel', text: 'Cancel', attrs: { part: 'cancel' }, on: { click: () => this.cancel() } });
    this.status = h('div', { class: 'status', hidden: true, attrs: { part: 'status' } },
      h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), this.statusText, this.statusSeconds,
      h('progress', { attrs: { 'aria-label': 'Analysis in progress' } }), this.cancelButton);
    const messageBox = h('div', { attrs: { part: 'messages' } });
    this.messages = new Messages(messageBox);
    // The announcement is a separate live region: the elapsed seconds must not be read out every second.
    this.announcer = h('p', { class: 'visually-hidden', attrs: { role: 'status' } });
    const layout = h('div', { class: 'layout', attrs: { part: 'layout' } }, h('div', { class: 'status-area' }, this.status, messageBox, this.announcer));
    this.layout = layout;
    this.sections = new Map();
    for (const view of VIEWS) {
      const headingId = `parallax-${view.name}-heading`;
      const heading = h('h2', { id: headingId, attrs: { tabindex: '-1' } }, view.heading, h('span', { class: 'count' }));
      const body = h('div', { class: 'view-body' });
      const section = h('section', { data: { view: view.name }, attrs: { part: view.name, 'aria-labelledby': headingId } }, heading, body);
      layout.append(section);
      this.sections.set(view.name, { view, section, heading, body });
      view.create(body, this);
    }
    this.shadowRoot.append(layout);
    this.render();
  }

  headingOf(name) {
    return this.sections.get(name).heading;
  }

  /** Draws the views, or `only` those named, or all `except` those named. */
  render({ only, except } = {}) {
    for (const { view, body } of this.sections.values()) {
      if (only && !only.includes(view.name)) continue;
      if (except?.includes(view.name)) continue;
      if (view.full && this.report?.comparisonOnly) (view.pending ?? showPending)(body, this.busy ? FULL_PENDING : FULL_STOPPED);
      else view.update(body, this);
    }
  }

  renderTextControls() {
    const box = this.shadowRoot.querySelector('.text-controls-box');
    if (!box || !this.languages) return;
    renderTextControls(box, {
      languages: this.languages,
      values: this._text,
      onChange: (values) => {
        this._text = values;
        this.settingsChanged();
      },
    });
  }

  // ---------------------------------------------------------------- articles

  readChildren() {
    const children = [...this.querySelectorAll(':scope > article')];
    const list = children.map((a, i) => ({ id: a.dataset.id || a.id || `article-${i + 1}`, title: a.dataset.title, text: dedent(a.textContent ?? '') }));
    this._childArticles = normalize(list);
    if (this._articles === null) this.changed();
  }

  changed() {
    this.scheduleAnalysis();
    if (!this.drawnOnce && this.articles.length > 1) this.waitForFirstList();
    this.render();
  }

  /** No report drawn yet: the list waits for its comparison (FIRST_LIST_WAIT_MS at most), hidden until the first wait ends. */
  waitForFirstList() {
    this.listWaits = true;
    this.reason = READING;
    // Hidden, the views are shown FIRST_LIST_WAIT_MS after the first wait began at the latest,
    // however often the articles change meanwhile (a host adding them one by one).
    if (!this.revealed) this.layout.classList.add('waiting');
    this.revealBy ??= performance.now() + FIRST_LIST_WAIT_MS;
    const wait = this.revealed ? FIRST_LIST_WAIT_MS : Math.max(0, this.revealBy - performance.now());
    clearTimeout(this.firstListTimer);
    this.firstListTimer = setTimeout(() => {
      this.endListWait();
      this.render();
    }, wait);
  }

  /** The list is drawn, and the views shown, from now on: a report came, the analysis ended without one, or the wait is over. */
  endListWait() {
    this.listWaits = false;
    clearTimeout(this.firstListTimer);
    this.revealed = true;
    this.layout.classList.remove('waiting');
  }

  /** The Remove button: the host may handle it (preventDefault) or the element removes the article. */
  requestRemove(id) {
    const index = this.articles.findIndex((a) => a.id === id);
    const event = new CustomEvent('parallax-remove-article', { detail: { id }, bubbles: true, composed: true, cancelable: true });
    if (this.dispatchEvent(event)) this.articles = this.articles.filter((a) => a.id !== id);
    // The button that had focus is gone: keep the keyboard user in the list.
    const buttons = this.shadowRoot.querySelectorAll('[data-view=articles] button.remove');
    (buttons[Math.min(index, buttons.length - 1)] ?? this.headingOf('articles')).focus();
  }

  reportMatchesArticles() {
    const r = this.report;
    return Boolean(r) && r.documents.length === this.articles.length && r.documents.every((d, i) => d.id === this.articles[i].id);
  }

  // ---------------------------------------------------------------- engine

  startEngine() {
    if (this.engine) return this.engine;
    this.engine = new EngineClient({ workerUrl: this.workerUrl ?? undefined });
    this.engine.addEventListener('busy', () => this.showBusy());
    this.engine.info().then(({ languages }) => {
      this.languages = languages;
      this.renderTextControls();
    }, () => {}); // An engine that cannot load says so through the analysis.
    return this.engine;
  }

  stopEngine() {
    // An analysis the stopped worker was running is not the reader's cancel: nothing to say about it.
    this.generation += 1;
    const engine = this.engine;
    this.engine = null;
    engine?.terminate();
    this.showBusy();
  }

  showBusy() {
    const busy = this.busy;
    if (busy === Boolean(this.busyShown)) return;
    this.busyShown = busy;
    this.toggleAttribute('busy', busy);
    this.layout.setAttribute('aria-busy', String(busy));
    clearTimeout(this.progressDelay);
    clearInterval(this.ticker);
    if (busy) this.progressDelay = setTimeout(() => this.showProgress(), PROGRESS_DELAY_MS);
    else {
      this.status.hidden = true;
      this.announcer.textContent = '';
    }
    this.emit('parallax-busy', { busy });
  }

  /** The progress bar with Cancel, for work that takes longer than a moment. */
  showProgress() {
    const n = this.articles.length;
    const chars = this.articles.reduce((sum, a) => sum + a.text.length, 0);
    const what = this.engine?.analysisRunning || this.engine?.queuedAnalysis
      ? `Comparing ${n.toLocaleString()} article${n === 1 ? '' : 's'} (${size(chars)}${isLargeSet(n) ? '; the likely pairs of the set' : ''})…`
      : 'Working…';
    this.progressText = what;
    this.announcer.textContent = what;
    this.showStatusText();
    this.statusSeconds.textContent = '';
    this.status.hidden = false;
    const started = performance.now() - PROGRESS_DELAY_MS;
    // The engine cannot report its own progress from inside one call: the elapsed time shows it is working.
    this.ticker = setInterval(() => {
      this.showStatusText();
      this.statusSeconds.textContent = `${Math.round((performance.now() - started) / 1000)} s`;
    }, 500);
  }

  /** The status line's text (`progressText`), whole in its tooltip where a narrow screen cuts it short. */
  showStatusText() {
    this.statusText.textContent = this.progressText;
    this.statusText.title = this.progressText;
  }

  scheduleAnalysis() {
    if (this.analysisScheduled || !this.isConnected) return;
    this.analysisScheduled = true;
    // Several properties set in one task (articles, then settings) give one analysis.
    queueMicrotask(() => {
      this.analysisScheduled = false;
      if (this.isConnected) this.analyze();
    });
  }

  options() {
    return { minPassageWords: this.minPassageWords, minPassageScore: this.minPassageScore, excludeBoilerplate: this.excludeBoilerplate, ...this._text };
  }

  async analyze() {
    // Only the latest call may show its result: an older one may describe removed articles.
    const generation = ++this.generation;
    const articles = this.articles.map(({ id, title, text, boilerplateOverrides, encoding }) => ({
      id, text, ...(title ? { title } : {}), ...(boilerplateOverrides?.length ? { boilerplateOverrides } : {}), ...(encoding ? { encoding } : {}),
    }));
    this.messages.remove('count');
    if (articles.length === 0) {
      // Before any article is given (the host may still be loading them) there is nothing to warn about.
      if (this._articles === null) {
        this.report = null;
        this.reason = 'No articles yet.';
        this.render();
      } else this.showNoReport('There are no articles. Add at least two articles to compare.');
      return;
    }
    if (articles.length === 1) this.messages.show('Only one article: add another article to compare.', { kind: 'warning', key: 'count' });
    let result;
    markOnce('parallax:analyze-asked');
    try {
      // New articles of a large set, or a fresh worker's first: the comparison only is shown first, then the whole report.
      const onEarly = ({ report }) => {
        markOnce('parallax:comparison-done');
        if (generation === this.generation) this.showReport(report, articles, generation);
      };
      result = await this.startEngine().analyze(articles, this.options(), { timeLimit: this.timeLimit * 1000, onEarly });
    } catch (err) {
      if (generation !== this.generation) return;
      if (err.code === 'cancelled' || err.code === 'timeout') {
        this.showStopped(err.code === 'timeout' ? 'time-limit' : 'cancel');
        return;
      }
      if (err.code === 'invalid-option' && this.report) {
        // A setting the engine cannot use should not take the comparison away.
        this.messages.show(`That setting cannot be used (${err.message}); the comparison shown is from before the change.`, { kind: 'error', key: 'analysis' });
        return;
      }
      this.emit('parallax-error', { code: err.code, message: err.message });
      this.showNoReport(`Could not compare: ${err.message}`, err.code);
      return;
    }
    if (!result || generation !== this.generation) return; // A newer analysis is on its way.
    markOnce('parallax:analyze-done');
    await this.showReport(result.report, articles, generation);
    if (generation !== this.generation) return;
    this.emit('parallax-report', { report: this.report });
  }

  /**
   * Shows the report of analysis `generation`. After the same analysis' comparison
   * only (`comparisonOnly`, shown first), only the article list and the `full` views
   * change: the rest of the two reports is the same (tests/session.rs).
   */
  showReport(report, articles, generation) {
    const restOnly = this.earlyShown === generation && !report.comparisonOnly;
    this.earlyShown = report.comparisonOnly ? generation : null;
    this.report = report;
    if (report.comparisonOnly && this.busyShown) {
      this.progressText = FULL_PENDING;
      this.announcer.textContent = `Comparison shown. ${FULL_PENDING}`;
    }
    if (restOnly) {
      this.render({ only: ['articles', ...FULL_VIEWS] });
      return Promise.resolve();
    }
    this.messages.remove('analysis');
    this.reason = articles.length === 1 ? 'Only one article: add another article to compare.' : '';
    this.texts = new Map(articles.map((a) => [a.id, a.text]));
    this.keepPair();
    return this.renderFirstViewsFirst();
  }

  /**
   * A new report: the views a reader sees first (`FIRST_VIEWS`: the list and the
   * matrix) are drawn and painted, then the others, so that the comparison is on
   * screen without waiting for the views below it (the pair view's word diff, the
   * quotes, the terms). Resolves when every view is drawn.
   */
  renderFirstViewsFirst() {
    // After the first, a report answers a change the reader made in the matrix or the pair view.
    const first = this.drawnOnce ? CHANGED_VIEWS : FIRST_VIEWS;
    this.drawnOnce = true;
    this.endListWait();
    this.render({ only: first });
    markOnce('parallax:views-built');
    return new Promise((done) => {
      afterNextFrame(() => {
        // This frame paints the first comparison: its time is the load's end.
        markOnce('parallax:first-view');
        // Every report's (benches/page-1000.mjs reads the last).
        performance.mark('parallax:comparison-painted');
        setTimeout(() => {
          this.render({ except: first });
          done();
        });
      });
    });
  }

  /**
   * An analysis was stopped (Cancel, or the time limit): the comparison from before
   * stays, or the views say why there is none; the articles are kept.
   */
  showStopped(reason) {
    this.endListWait();
    const what = reason === 'time-limit'
      ? `The comparison took longer than the time limit (${this.timeLimit} s) and was stopped`
      : 'Comparison cancelled';
    // Stopped after the comparison was shown alone (a large set): it is this analysis', without the rest.
    const partial = this.report?.comparisonOnly && this.earlyShown === this.generation;
    const said = partial ? `${what} before the terms, quotes, facts and relations were read: only the comparison is shown.`
      : this.report ? `${what}: the comparison shown is from before the last change.` : `${what}.`;
    this.messages.show(said, { kind: 'warning', key: 'analysis' });
    if (partial) this.render({ only: FULL_VIEWS });
    if (!this.report) {
      this.reason = `${what}.`;
      this.render();
    }
    this.emit('parallax-cancel', { reason });
  }

  showNoReport(text, code) {
    this.endListWait();
    this.report = null;
    this.reason = text;
    this.messages.show(text, { kind: code ? 'error' : 'warning', key: code ? 'analysis' : 'count' });
    this.render();
  }

  /** Keeps the chosen pair when both articles are still there, else the likeliest copy. */
  keepPair() {
    const report = this.report;
    if (!report || report.pairs.length === 0) {
      this.pair = null;
      return;
    }
    const ids = new Set(report.documents.map((d) => d.id));
    if (!this.pair || !ids.has(this.pair.left) || !ids.has(this.pair.right)) this.pair = mostShared(report);
  }

  /**
   * The report the views that list every article read: the whole report for a
   * small set; for a large one, only the chosen pair and the nearest neighbours of
   * its first article (components/large-set.js), so that they stay readable and quick.
   */
  focusedReport() {
    const report = this.report;
    if (!report || !isLargeSet(report)) return report;
    if (this.focused?.report !== report || this.focused.pair !== this.pair) {
      this.focused = { report, pair: this.pair, value: focusReport(report, focusIds(report, this.pair)) };
    }
    return this.focused.value;
  }

  /**
   * Where a view that reads `focusedReport()` renders: the container itself for a
   * small set; for a large one, a box under a note that says which articles it shows.
   */
  focusBox(container) {
    if (!isLargeSet(this.report)) return container;
    let box = container.querySelector(':scope > .focus-box');
    if (!box) {
      box = h('div', { class: 'focus-box' });
      clear(container).append(h('p', { class: 'hint focus-note' }), box);
    }
    const n = this.focusedReport().documents.length;
    container.querySelector(':scope > .focus-note').textContent =
      `With ${this.report.documents.length.toLocaleString()} articles, this shows the chosen pair and its nearest neighbours (${n} articles). Choose another pair or article to change it.`;
    return box;
  }

  /** A large set's article list: an article's title chooses it and its nearest neighbour. */
  openArticle(id) {
    this.focusId = id;
    const nearest = this.report && neighboursOf(this.report, id, 1)[0];
    if (nearest) this.select(id, nearest.id, { focus: false });
    else this.render();
    this.sections.get('matrix').section.scrollIntoView({ block: 'start' });
  }

  /** Chooses the pair shown side by side; `parallax-select-pair` tells the host. */
  select(left, right, { focus = false } = {}) {
    this.focusId = left;
    this.pair = { left, right };
    // Only these views show the chosen pair.
    this.render({ only: ['matrix', 'pair'] });
    this.emit('parallax-select-pair', { left, right });
    if (focus) {
      this.headingOf('pair').focus({ preventScroll: true });
      this.sections.get('pair').section.scrollIntoView({ block: 'start' });
    }
  }

  /**
   * Opens the passage `start`..`end` (UTF-16) of article `id` in the pair view: beside
   * the article it shares most with, or in the pair already shown when it is part of
   * it; highlighted, scrolled to and focused. Tells the host with `parallax-select-passage`.
   */
  openPassage({ id, start, end }) {
    const report = this.report;
    if (!report || report.pairs.length === 0) return;
    if (!this.pair || (this.pair.left !== id && this.pair.right !== id)) {
      const other = closestTo(report, id);
      if (!other) return;
      this.select(id, other);
    }
    this.sections.get('pair').section.scrollIntoView({ block: 'start' });
    this.pairView.reveal(id, start, end);
    const { left, right } = this.pair;
    const range = { start, end };
    this.emit('parallax-select-passage', { index: -1, left, right, id, ...(left === id ? { a: range } : { b: range }) });
  }

  /**
   * The reader overruled the boilerplate detection for one line: the verdict is kept in
   * the article's `boilerplateOverrides` and the articles analyzed again. The host hears
   * `parallax-boilerplate` {id, start, end, boilerplate, articles} to keep the new list.
   */
  overruleBoilerplate(verdict) {
    const articles = this.articles.map((a) => (a.id === verdict.id
      ? { ...a, boilerplateOverrides: applyOverride(a.boilerplateOverrides, verdict) }
      : a));
    this.articles = articles;
    this.emit('parallax-boilerplate', { ...verdict, articles: this.articles });
  }

  async showConcordance(term, container) {
    const titles = new Map((this.report?.documents ?? []).map((d) => [d.id, d.title]));
    try {
      const { lines } = await this.startEngine().concordance(term, this._text);
      renderConcordance(container, { term, lines, titles });
      container.scrollIntoView({ block: 'nearest' });
    } catch (err) {
      this.messages.show(`Could not find “${term}” in context: ${err.message}`, { kind: 'error', key: 'kwic' });
    }
  }

  /**
   * An article from a web page's HTML: {title, text, byline?, reader}. The engine's
   * HTML reader when it has one (reader 'engine'), else the stand-in that keeps the
   * text of the page's paragraphs (reader 'fallback').
   */
  async extract(html) {
    const engine = this.startEngine();
    const info = await engine.info().catch(() => ({}));
    if (info.extract) {
      const { title, byline, text } = await engine.extract(html);
      return { title: title || undefined, byline, text, reader: 'engine' };
    }
    return { ...(await textOfHtml(html)), reader: 'fallback' };
  }

  /**
   * A file's bytes (Uint8Array) read as text in whatever encoding it is in:
   * {text, encoding, bom, source, controls}, by the engine's decoder; strict UTF-8
   * when the engine has none or cannot start. Rejects with code 'binary' (the
   * message names the file) for a binary file.
   */
  async decode(bytes, { name = '', html = false } = {}) {
    try {
      return await this.startEngine().decode(bytes, { name, html });
    } catch (err) {
      if (!['unsupported', 'engine-unavailable', 'worker', 'crashed'].includes(err?.code)) throw err;
      return decodeUtf8(bytes, { name });
    }
  }

  settingsChanged() {
    this.emit('parallax-settings', { settings: this.settings });
    // The metric is drawn at once; the other settings are shown by the analysis they start.
    this.render({ only: ['matrix'] });
    this.scheduleAnalysis();
  }

  emit(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

/** A `full` view's place while the report shown is the comparison only: `text` says why. */
function showPending(box, text) {
  clear(box).append(h('p', { class: 'empty pending', text }));
}

/** Calls `fn` at the next frame, or after 100 ms where no frame comes (a page in the background). */
function afterNextFrame(fn) {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    fn();
  };
  requestAnimationFrame(once);
  setTimeout(once, 100);
}

/** The pair direction with the highest containment: the likeliest copy, shown first. */
function mostShared(report) {
  let best = null;
  for (const p of report.pairs) {
    for (const [left, right, v] of [[p.a, p.b, p.containment.aInB], [p.b, p.a, p.containment.bInA]]) {
      if (!best || v > best.v) best = { left, right, v };
    }
  }
  return { left: best.left, right: best.right };
}

/** The article that shares the most of article `id`'s text, or null. */
function closestTo(report, id) {
  let best = null;
  for (const p of report.pairs) {
    if (p.a !== id && p.b !== id) continue;
    const share = p.a === id ? p.containment.aInB : p.containment.bInA;
    if (!best || share > best.share) best = { other: p.a === id ? p.b : p.a, share };
  }
  return best?.other ?? null;
}

/** Articles as the engine wants them: string ids (unique), text, an optional title and the reader's boilerplate verdicts. */
function normalize(list) {
  const seen = new Set();
  return (Array.isArray(list) ? list : []).filter((a) => a && typeof a.text === 'string').map((a, i) => {
    let id = String(a.id ?? `article-${i + 1}`);
    for (let n = 2; seen.has(id); n++) id = `${a.id}-${n}`;
    seen.add(id);
    const article = a.title ? { id, title: String(a.title), text: a.text } : { id, text: a.text };
    if (Array.isArray(a.boilerplateOverrides) && a.boilerplateOverrides.length) article.boilerplateOverrides = a.boilerplateOverrides;
    // The encoding its file was read in (from `decode`): the report and the list say it.
    if (typeof a.encoding === 'string' && a.encoding) article.encoding = a.encoding;
    return article;
  });
}

/** Characters as a reader counts text: "860 characters", "1.2 million characters". */
function size(chars) {
  return chars < 1e6 ? `${chars.toLocaleString()} characters` : `${(chars / 1e6).toLocaleString(undefined, { maximumFractionDigits: 1 })} million characters`;
}

function numberAttr(el, name, fallback) {
  const v = Number.parseFloat(el.getAttribute(name));
  return Number.isFinite(v) ? v : fallback;
}

/** Text written inside an indented <article> in HTML: the common indentation removed. */
function dedent(text) {
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}
