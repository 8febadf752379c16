// The terms view: per article, top and distinctive terms as bar charts, then unique
// terms, phrases and names when the report has them; terms every article uses. Any
// term is a button: choosing it asks for its keyword-in-context lines (`onTerm`).
import { h, clear, count } from './dom.js';

/**
 * @param {HTMLElement} container
 * @param {{report, onTerm?: (term: string) => void}} props
 */
export function renderTerms(container, { report, onTerm }) {
  clear(container);
  const term = (t, extra) => h('button', {
    type: 'button', class: 'term', text: t, data: { term: t },
    attrs: { 'aria-label': `${t}${extra ? `, ${extra}` : ''}: show in context` },
    on: { click: () => onTerm?.(t) },
  });

  if (report.sharedTerms?.length) {
    container.append(h('section', { class: 'terms-shared' },
      h('h3', { text: 'Terms every article uses' }),
      chips(report.sharedTerms, term)));
  }
  const grid = h('div', { class: 'terms-grid' });
  for (const doc of report.documents) {
    const card = h('section', { class: 'terms-card', data: { id: doc.id } },
      h('h3', { text: doc.title || doc.id }),
      doc.stats && stats(doc.stats),
      h('h4', { text: 'Top terms' }),
      bars((doc.topTerms ?? []).slice(0, BARS), (t) => t.count, (t) => count(t.count), term, 'count'));
    if (doc.distinctiveTerms?.length) {
      card.append(h('h4', { text: 'Distinctive terms' }),
        bars(doc.distinctiveTerms.slice(0, BARS), (t) => Math.max(0, t.score), (t) => t.score.toFixed(1), term, 'z-score'));
    }
    if (doc.uniqueTerms?.length) card.append(h('h4', { text: 'Only this article' }), chips(doc.uniqueTerms.slice(0, 40), term));
    if (doc.phrases?.length) card.append(h('h4', { text: 'Phrases' }), chips(doc.phrases.slice(0, 20), term));
    if (doc.names?.length) card.append(h('h4', { text: 'Names' }), chips(doc.names.slice(0, 20), term, (n) => n.variants?.length > 1 ? n.variants.join(' / ') : ''));
    grid.append(card);
  }
  container.append(grid);
}

/** The longest bar chart drawn. */
const BARS = 20;
/** The most keyword-in-context lines drawn; the count says how many there are. */
const KWIC_LINES = 500;

function bars(items, value, label, term, unit) {
  if (items.length === 0) return h('p', { class: 'empty', text: 'No terms.' });
  const max = Math.max(...items.map(value), 1e-9);
  const list = h('ol', { class: 'bars' });
  for (const item of items) {
    const bar = h('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } });
    bar.style.setProperty('--w', String(value(item) / max));
    list.append(h('li', {}, term(item.term, `${unit} ${label(item)}`), h('span', { class: 'bar-track' }, bar), h('span', { class: 'bar-value', text: label(item) })));
  }
  return list;
}

function chips(items, term, note = () => '') {
  return h('ul', { class: 'chips' }, items.map((t) => h('li', { title: note(t) || null },
    term(t.term, `count ${t.count}`), h('span', { class: 'chip-count', text: count(t.count) }))));
}

function stats(s) {
  const rows = [
    ['Words', s.words], ['Unique words', s.uniqueWords], ['Sentences', s.sentences],
    ['Vocabulary density', s.vocabularyDensity?.toFixed?.(2)],
    ['Words per sentence', s.meanSentenceLength?.toFixed?.(1)],
    [s.readabilityMeasure ? `Readability (${String(s.readabilityMeasure).replace(/[-_]/g, ' ')})` : 'Readability', s.readability?.toFixed?.(1)],
  ].filter(([, v]) => v !== undefined && v !== null);
  return h('dl', { class: 'stats' }, rows.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: typeof v === 'number' ? count(v) : v })]));
}

/**
 * Keyword-in-context lines for `term`.
 * @param {{term, lines: {id, left, match, right}[], titles: Map}} props
 */
export function renderConcordance(container, { term, lines, titles }) {
  clear(container);
  container.append(h('h3', { text: `“${term}” in context: ${count(lines.length)} line${lines.length === 1 ? '' : 's'}` }));
  if (lines.length === 0) {
    container.append(h('p', { class: 'empty', text: 'No occurrences found.' }));
    return;
  }
  if (lines.length > KWIC_LINES) container.append(h('p', { class: 'hint', text: `Showing the first ${count(KWIC_LINES)}.` }));
  const list = h('ol', { class: 'kwic' });
  for (const line of lines.slice(0, KWIC_LINES)) {
    list.append(h('li', { class: 'kwic-line', data: { id: line.id } },
      h('span', { class: 'kwic-source', text: titles.get(line.id) || line.id }),
      h('span', { class: 'kwic-left' }, h('span', { text: flat(line.left).slice(-80) })),
      h('mark', { class: 'kwic-match', text: line.match }),
      h('span', { class: 'kwic-right', text: flat(line.right).slice(0, 80) })));
  }
  container.append(list);
}

function flat(s) {
  return String(s ?? '').replace(/\s+/g, ' ');
}

let languageNames;

/** A language's name in the reader's own language (from the browser), or its code. */
function languageName(code) {
  try {
    // One for every name: each `Intl.DisplayNames` reads its locale data again.
    languageNames ??= new Intl.DisplayNames([navigator.language || 'en'], { type: 'language' });
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Language, stop words and stemming controls; `onChange(values)` at once on every change.
 * @param {{languages: string[], values: {language, stopWords, extraStopWords, stem, foldAccents}, onChange}} props
 *   `languages`: ISO 639-1 codes to offer besides "Detect".
 */
export function renderTextControls(container, { languages, values, onChange }) {
  clear(container);
  const state = { language: 'auto', stopWords: true, extraStopWords: [], stem: false, foldAccents: false, ...values };
  const choices = [['auto', 'Detect'], ...languages.map((code) => [code, `${languageName(code)} (${code})`])];
  const language = h('select', { name: 'language' }, choices.map(([code, text]) => h('option', { value: code, text, selected: state.language === code })));
  const stopWords = h('input', { type: 'checkbox', name: 'stopWords', checked: state.stopWords });
  const extra = h('textarea', { name: 'extraStopWords', rows: 2, value: state.extraStopWords.join(', '), attrs: { placeholder: 'e.g. said, monday' } });
  const stem = h('input', { type: 'checkbox', name: 'stem', checked: state.stem });
  const fold = h('input', { type: 'checkbox', name: 'foldAccents', checked: state.foldAccents });
  const emit = () => onChange({ ...state });
  language.addEventListener('change', () => { state.language = language.value; emit(); });
  stopWords.addEventListener('change', () => { state.stopWords = stopWords.checked; emit(); });
  stem.addEventListener('change', () => { state.stem = stem.checked; emit(); });
  fold.addEventListener('change', () => { state.foldAccents = fold.checked; emit(); });
  let timer;
  extra.addEventListener('input', () => {
    clearTimeout(timer);
    // Waits for a pause in typing so that half-typed words do not re-run the analysis.
    timer = setTimeout(() => { state.extraStopWords = parseWords(extra.value); emit(); }, 300);
  });
  container.append(h('form', { class: 'text-controls', on: { submit: (e) => e.preventDefault() } },
    h('label', {}, 'Language ', language),
    h('label', {}, stopWords, ' Leave out stop words'),
    h('label', { class: 'extra' }, 'My stop words (comma or line separated) ', extra),
    h('label', {}, stem, ' Stem words'),
    h('label', {}, fold, ' Fold accents')));
}

export function parseWords(s) {
  return [...new Set(s.split(/[\s,;]+/).map((w) => w.trim().toLowerCase()).filter(Boolean))];
}
