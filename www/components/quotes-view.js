// The quotes: one row per quote (a quote said in several articles is one row), one
// column per article. Each cell holds that article's wording, with the words that
// differ from the row's first wording marked, and opens the quote in its article.
import { h, clear, count, percent } from './dom.js';
import { diffFragment } from './word-diff.js';

/**
 * Rows drawn before "Show all": an article of megabytes can hold thousands of
 * quotations, and laying out their table took over a second of the page's thread.
 */
const FIRST_ROWS = 40;

/**
 * @param {HTMLElement} container
 * @param {{report, texts: Map<string, string>,
 *   onSelect?: (where: {id: string, start: number, end: number}) => void}} props
 */
export function renderQuotes(container, { report, texts, onSelect }) {
  clear(container);
  const documents = report?.documents ?? [];
  const rows = quoteRows(report);
  if (rows.length === 0) {
    container.append(h('p', { class: 'empty', text: documents.length ? 'No direct quotations found in these articles.' : 'No articles yet.' }));
    return;
  }
  const numbers = new Map(documents.map((d, i) => [d.id, i + 1]));
  const label = (id) => `${numbers.get(id)}. ${documents[numbers.get(id) - 1]?.title || id}`;
  const shared = rows.filter((r) => r.members.length > 1).length;
  const table = h('table', { class: 'quotes' },
    h('caption', { text: `${count(rows.length)} quotation${rows.length === 1 ? '' : 's'}, ${count(shared)} of them in more than one article. `
      + 'Words that differ from the first wording in the row are marked: inserted ones underlined, missing ones struck through. Choose a wording to see it in its article.' }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: 'Speaker' }),
      documents.map((d) => h('th', { scope: 'col', class: 'col-head', attrs: { title: label(d.id) } },
        h('span', { class: 'num', text: String(numbers.get(d.id)) }), ' ',
        h('span', { class: 'short', text: shorten(d.title || d.id, 40) }))))),
    h('tbody', {}));
  const body = table.querySelector('tbody');
  const draw = (from, to) => body.append(...rows.slice(from, to).map((row, i) => quoteRow(row, from + i, { documents, texts, label, onSelect })));
  draw(0, FIRST_ROWS);
  container.append(h('div', { class: 'quotes-scroll', attrs: { role: 'region', 'aria-label': 'Quotes by article', tabindex: '0' } }, table));
  if (rows.length > FIRST_ROWS) {
    // Shared quotations come first, so the rows left for "Show all" are each in one article only.
    const more = h('button', {
      type: 'button', class: 'show-all', text: `Show all ${count(rows.length)} quotations`,
      on: {
        click() {
          draw(FIRST_ROWS, rows.length);
          more.remove();
          body.rows[FIRST_ROWS]?.querySelector('button')?.focus();
        },
      },
    });
    container.append(more);
  }
}

/**
 * The table's rows: every matched quote, then every quote in no match, each as
 * {members: [{id, quote, index}], score}. Members whose article or quote is missing
 * from the report are left out, so a report from another version still renders.
 */
export function quoteRows(report) {
  const documents = report?.documents ?? [];
  const byId = new Map(documents.map((d) => [d.id, d]));
  const matched = new Set();
  const rows = [];
  for (const match of report?.quoteMatches ?? []) {
    const members = (match.members ?? [])
      .map((m) => ({ id: m.id, index: m.quote, quote: byId.get(m.id)?.quotes?.[m.quote] }))
      .filter((m) => m.quote);
    if (members.length === 0) continue;
    for (const m of members) matched.add(`${m.id}\n${m.index}`);
    rows.push({ members, score: match.score });
  }
  for (const d of documents) {
    (d.quotes ?? []).forEach((quote, index) => {
      if (!matched.has(`${d.id}\n${index}`)) rows.push({ members: [{ id: d.id, index, quote }], score: null });
    });
  }
  return rows;
}

/** A quote's words as the article gives them: its parts, joined by an ellipsis where the attribution interrupts. */
export function wording(text, quote) {
  const parts = quote.parts?.length ? quote.parts : [{ start: quote.start, end: quote.end }];
  return parts.map((p) => text.slice(p.start, p.end).replace(/\s+/g, ' ').trim()).filter(Boolean).join(' … ');
}

function quoteRow(row, i, { documents, texts, label, onSelect }) {
  const first = row.members[0];
  const reference = wording(texts.get(first.id) ?? '', first.quote);
  const speaker = h('th', { scope: 'row', class: 'speaker' },
    speakerNames(row.members, { label, onSelect }),
    h('span', { class: 'quote-meta', text: row.members.length > 1
      ? `In ${count(row.members.length)} articles${typeof row.score === 'number' ? `, ${percent(row.score)} alike` : ''}`
      : 'In one article' }));
  const cells = documents.map((d) => {
    const members = row.members.filter((m) => m.id === d.id);
    if (members.length === 0) {
      return h('td', { class: 'no-quote', data: { label: label(d.id) } },
        h('span', { attrs: { 'aria-hidden': 'true' }, text: '—' }), h('span', { class: 'sr-only', text: 'not in this article' }));
    }
    return h('td', { data: { label: label(d.id) } }, members.map((m) => wordingButton(m, m === first, reference, { texts, label, onSelect, row: i })));
  });
  return h('tr', { data: { row: String(i) } }, speaker, cells);
}

/**
 * Who said it: each name the articles give, as a button opening the words the
 * attribution rests on (the first article's), or "Unattributed".
 */
function speakerNames(members, { label, onSelect }) {
  const first = new Map();
  for (const m of members) {
    const s = m.quote.speaker;
    if (s?.name && !first.has(s.name)) first.set(s.name, { id: m.id, speaker: s });
  }
  if (first.size === 0) return h('span', { class: 'speaker-name unattributed', text: 'Unattributed' });
  return [...first.values()].map(({ id, speaker }) => (speaker.end > speaker.start
    ? h('button', {
      type: 'button', class: 'speaker-name claim-link', text: speaker.name,
      data: { id, start: String(speaker.start), end: String(speaker.end) },
      attrs: { title: `Show the attribution to ${speaker.name} in ${label(id)}` },
      on: { click: () => onSelect?.({ id, start: speaker.start, end: speaker.end }) },
    })
    : h('span', { class: 'speaker-name', text: speaker.name })));
}

function wordingButton(member, isFirst, reference, { texts, label, onSelect, row }) {
  const text = texts.get(member.id) ?? '';
  const words = wording(text, member.quote);
  const speaker = member.quote.speaker?.name;
  const body = isFirst ? document.createTextNode(words) : diffFragment(reference, words);
  return h('button', {
    type: 'button', class: `quote-wording${isFirst ? ' reference' : ''}`,
    data: { id: member.id, start: String(member.quote.start), end: String(member.quote.end), row: String(row) },
    attrs: { title: `Show this quote in ${label(member.id)}${speaker ? ` (attributed to ${speaker})` : ''}` },
    on: { click: () => onSelect?.({ id: member.id, start: member.quote.start, end: member.quote.end }) },
  },
  h('q', {}, body),
  isFirst && h('span', { class: 'sr-only', text: ' (first wording)' }));
}

function shorten(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
