// The page's wiring: the store (articles, settings), the engine worker, and the view
// components. Each component only knows its container and the data passed to it.
import { Store } from './store.js';
import { EngineClient } from './engine-client.js';
import { Messages } from './components/messages.js';
import { renderArticleList } from './components/article-list.js';
import { renderAddArticle } from './components/add-article.js';
import { renderMatrix, METRICS } from './components/matrix.js';
import { PairView, applyOverride } from './components/pair-view.js';
import { renderTerms, renderConcordance, renderTextControls } from './components/terms-view.js';
import { renderGroups } from './components/groups-view.js';
import { renderExport } from './components/export.js';
import { h, clear } from './components/dom.js';
// news: the views of issue 7 (quotes, what each adds, relations).
import { renderQuotes } from './components/quotes-view.js';
import { renderAdds } from './components/adds-view.js';
import { renderRelations } from './components/relations-view.js';

const FIRST_COMPARISON = 'parallax:first-comparison';
const $ = (id) => document.getElementById(id);

const store = new Store();
const engine = new EngineClient();
const messages = new Messages($('messages'));
// Problems with what the reader is adding are told next to the form they are using.
const addMessages = new Messages($('add-messages'));
const state = {
  report: null,
  texts: new Map(),
  pair: null,
  metric: store.setting('metric', 'containment'),
  firstShown: false,
  /** Counts analyze() calls, so that only the latest one's answer is shown. */
  generation: 0,
  /** Option keys the engine refused as unknown. */
  /** Why there is no comparison, shown where the matrix would be. */
  reason: '',
};

// ---------------------------------------------------------------- busy state

engine.addEventListener('busy', () => {
  const busy = engine.busy;
  document.body.classList.toggle('busy', busy);
  $('busy').hidden = !busy;
  $('results').setAttribute('aria-busy', String(busy));
});

// ---------------------------------------------------------------- views

const pairView = new PairView($('pair'), {
  minPassageWords: store.setting('minPassageWords', 8),
  minPassageScore: store.setting('minPassageScore', 0),
  excludeBoilerplate: store.setting('excludeBoilerplate', true),
  onSensitivity({ minPassageWords, minPassageScore, excludeBoilerplate }) {
    store.setSetting('minPassageWords', minPassageWords);
    store.setSetting('minPassageScore', minPassageScore);
    store.setSetting('excludeBoilerplate', excludeBoilerplate);
    analyze();
  },
  // news: the reader's verdict on a line is kept with the article, and the change re-analyzes.
  onBoilerplate(verdict) {
    store.setArticles(store.articles.map((a) => (a.id === verdict.id
      ? { ...a, boilerplateOverrides: applyOverride(a.boilerplateOverrides, verdict) }
      : a)));
  },
});

const adder = renderAddArticle($('add'), {
  onAdd(article, { source, name }) {
    // A new paste settles the paste's earlier problem; problems with other files stay.
    addMessages.remove(source === 'paste' ? 'paste' : `file:${name}`);
    const id = store.add(article);
    addMessages.show(`Added “${article.title?.trim() || id}”.`, { kind: 'info', key: 'added' });
  },
  onError(text, { source, name }) {
    addMessages.remove('added');
    addMessages.show(text, { kind: 'error', key: source === 'paste' ? 'paste' : `file:${name}` });
  },
});

// A file dropped anywhere on the page is added, rather than opened in place of the page.
window.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types?.includes('Files')) event.preventDefault();
});
window.addEventListener('drop', (event) => {
  if (event.defaultPrevented || !event.dataTransfer?.files?.length) return;
  event.preventDefault();
  adder.addFiles([...event.dataTransfer.files]);
});

// The language choices come from the engine: the languages it has stop words for.
engine.info().then(({ languages }) => renderTextControls($('text-controls'), {
  languages,
  values: store.setting('text', {}),
  onChange(values) {
    store.setSetting('text', values);
    analyze();
  },
}), () => {}); // An engine that cannot load says so in the messages already.

const metricSelect = $('metric');
for (const [value, label] of Object.entries(METRICS)) metricSelect.append(h('option', { value, text: label, selected: value === state.metric }));
metricSelect.addEventListener('change', () => {
  state.metric = metricSelect.value;
  store.setSetting('metric', state.metric);
  showMatrix();
});

renderExport($('export'), {
  report: () => state.report,
  articles: () => store.articles,
});

$('reset').addEventListener('click', async () => {
  if (!confirmReset()) return;
  messages.clearAll();
  addMessages.clearAll();
  await loadSeeds();
});

store.addEventListener('change', () => {
  showArticles();
  persistWarning();
  analyze();
});

// ---------------------------------------------------------------- analysis

function textOptions() {
  const t = store.setting('text', {});
  const options = {};
  for (const key of ['language', 'stopWords', 'extraStopWords', 'stem', 'foldAccents']) if (key in t) options[key] = t[key];
  return options;
}

function analysisOptions() {
  return {
    minPassageWords: store.setting('minPassageWords', 8),
    minPassageScore: store.setting('minPassageScore', 0),
    excludeBoilerplate: store.setting('excludeBoilerplate', true),
    ...textOptions(),
  };
}

async function analyze() {
  // Only the latest call may show its result: an older one may describe removed articles.
  const generation = ++state.generation;
  const articles = store.articles.map(({ id, title, text, boilerplateOverrides }) => ({
    id, text, ...(title ? { title } : {}), ...(boilerplateOverrides?.length ? { boilerplateOverrides } : {}),
  }));
  if (articles.length === 0) {
    showNoReport('There are no articles. Add at least two articles to compare, or reset to the seed articles.');
    return;
  }
  messages.remove('count');
  if (articles.length === 1) messages.show('Only one article: add another article to compare.', { kind: 'warning', key: 'count' });
  let result;
  try {
    result = await engine.analyze(articles, analysisOptions());
  } catch (err) {
    if (generation !== state.generation) return;
    if (err.code === 'invalid-option' && state.report) {
      // A setting the engine cannot use should not take the comparison away.
      messages.show(`That setting cannot be used (${err.message}); the comparison shown is from before the change.`, { kind: 'error', key: 'analysis' });
      return;
    }
    showNoReport(`Could not compare: ${err.message}`, err.code);
    return;
  }
  if (!result || generation !== state.generation) return; // A newer analysis is on its way.
  messages.remove('analysis');
  state.reason = articles.length === 1 ? 'Only one article: add another article to compare.' : '';
  state.report = result.report;
  state.texts = new Map(articles.map((a) => [a.id, a.text]));
  showAll();
}

function showNoReport(text, code) {
  state.report = null;
  state.reason = text;
  messages.show(text, { kind: code ? 'error' : 'warning', key: code ? 'analysis' : 'count' });
  showAll();
}

// ---------------------------------------------------------------- rendering

function showAll() {
  showArticles();
  showMatrix();
  showPair();
  renderNews(state.report, state.texts);
  showTerms();
}

// ---------------------------------------------------------------- news views (issue 7)
// One block, so that it moves as one: the quotes, what each article adds and the
// relation graph, each claim opening its passage in the pair view.

function renderNews(report, texts) {
  renderRelations($('relations'), { report, onPair: openPair });
  renderQuotes($('quotes'), { report, texts, onSelect: openPassage });
  renderAdds($('adds'), { report, texts, onSelect: openPassage });
}

/** Shows `left` and `right` side by side, as a click on the matrix does. */
function openPair(left, right) {
  state.pair = { left, right };
  showMatrix();
  showPair();
  $('pair-section').scrollIntoView({ block: 'start' });
}

/**
 * Opens the passage `start`..`end` of article `id` in the pair view: beside the
 * article it shares most with (or in the pair already shown, when it is part of it),
 * scrolled to, highlighted and focused.
 */
function openPassage({ id, start, end }) {
  const report = state.report;
  if (!report || report.pairs.length === 0) return;
  if (!state.pair || (state.pair.left !== id && state.pair.right !== id)) {
    let best = null;
    for (const p of report.pairs) {
      if (p.a !== id && p.b !== id) continue;
      const other = p.a === id ? p.b : p.a;
      const share = p.a === id ? p.containment.aInB : p.containment.bInA;
      if (!best || share > best.share) best = { other, share };
    }
    if (!best) return;
    state.pair = { left: id, right: best.other };
    showMatrix();
    showPair();
  }
  $('pair-section').scrollIntoView({ block: 'start' });
  pairView.reveal(id, start, end);
}
// ---------------------------------------------------------------- end of news views

function showArticles() {
  const report = state.report && sameArticles(state.report) ? state.report : null;
  renderArticleList($('article-list'), {
    articles: store.articles,
    report,
    onRemove(id) {
      addMessages.remove('added');
      const index = store.articles.findIndex((a) => a.id === id);
      store.remove(id);
      // The button that had focus is gone: keep the keyboard user in the list.
      const buttons = document.querySelectorAll('#article-list button.remove');
      (buttons[Math.min(index, buttons.length - 1)] ?? $('articles-heading')).focus();
    },
  });
  $('article-count').textContent = `(${store.articles.length})`;
}

function sameArticles(report) {
  return report.documents.length === store.articles.length && report.documents.every((d, i) => d.id === store.articles[i].id);
}

function showMatrix() {
  const container = $('matrix');
  const report = state.report;
  renderGroups($('groups'), { report, texts: state.texts });
  if (!report || report.documents.length < 2) {
    clear(container).append(h('p', { class: 'empty', text: state.reason || 'No comparison yet.' }));
    return;
  }
  renderMatrix(container, {
    report,
    metric: state.metric,
    selected: state.pair && { a: state.pair.left, b: state.pair.right },
    onSelect(left, right) {
      state.pair = { left, right };
      showMatrix();
      showPair();
      $('pair-heading').focus({ preventScroll: true });
      $('pair-section').scrollIntoView({ block: 'start' });
    },
  });
  if (!state.firstShown) {
    state.firstShown = true;
    performance.mark(FIRST_COMPARISON);
  }
}

function showPair() {
  const report = state.report;
  if (!report || report.pairs.length === 0) {
    pairView.update(null, state.texts);
    return;
  }
  const ids = new Set(report.documents.map((d) => d.id));
  if (!state.pair || !ids.has(state.pair.left) || !ids.has(state.pair.right)) state.pair = mostShared(report);
  // news: the reader's own boilerplate verdicts are told apart from the detected lines.
  const overrides = new Map(store.articles.map((a) => [a.id, a.boilerplateOverrides ?? []]));
  pairView.update(report, state.texts, state.pair.left, state.pair.right, { overrides });
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

function showTerms() {
  const container = $('terms');
  if (!state.report) {
    clear(container).append(h('p', { class: 'empty', text: 'No terms yet.' }));
    clear($('kwic'));
    return;
  }
  renderTerms(container, { report: state.report, onTerm: showConcordance });
}

async function showConcordance(term) {
  const container = $('kwic');
  const titles = new Map((state.report?.documents ?? []).map((d) => [d.id, d.title]));
  try {
    const { lines } = await engine.concordance(term, textOptions());
    renderConcordance(container, { term, lines, titles });
    container.scrollIntoView({ block: 'nearest' });
  } catch (err) {
    messages.show(`Could not find “${term}” in context: ${err.message}`, { kind: 'error', key: 'kwic' });
  }
}

// ---------------------------------------------------------------- start

function persistWarning() {
  if (store.persisted) {
    messages.remove('persist');
    return;
  }
  const names = store.unsaved.map((id) => {
    const a = store.articles.find((x) => x.id === id);
    return `“${a?.title || id}”`;
  });
  messages.show(`Too large for this browser’s storage, so compared now but not kept after a reload: ${names.join(', ')}.`, { kind: 'warning', key: 'persist' });
}

function confirmReset() {
  // Resetting throws away the reader's own articles; the seeds alone need no question.
  const own = store.articles.filter((a) => !/^\d{3}_[0-9a-f]{16}$/.test(a.id));
  return own.length === 0 || window.confirm(`Replace the ${store.articles.length} articles with the five seed articles?`);
}

async function loadSeeds() {
  try {
    await store.loadSeeds(new URL('./seeds/', import.meta.url).href);
  } catch (err) {
    showNoReport(`The seed articles could not be loaded (${err.message}). Add articles by pasting or dropping .txt files.`);
  }
}

if (store.load()) {
  showArticles();
  analyze();
} else {
  loadSeeds();
}
