// What each article adds: per article, what it says about itself (byline, dateline,
// outlet), its sentences no other article has, and its facts that no other article
// states or that others state differently. Every item opens its passage.
import { h, clear, count } from './dom.js';

/** Items shown before "Show all": a long article has many sentences of its own. */
const FIRST = 5;
const EXCERPT = 220;
const KIND_LABELS = { number: 'Number', name: 'Name', place: 'Place', date: 'Date' };

/**
 * @param {HTMLElement} container
 * @param {{report, texts: Map<string, string>,
 *   onSelect?: (where: {id: string, start: number, end: number}) => void}} props
 */
export function renderAdds(container, { report, texts, onSelect }) {
  clear(container);
  const documents = report?.documents ?? [];
  if (documents.length === 0) {
    container.append(h('p', { class: 'empty', text: 'No articles yet.' }));
    return;
  }
  const titles = new Map(documents.map((d, i) => [d.id, `${i + 1}. ${d.title || d.id}`]));
  container.append(h('div', { class: 'adds-grid' }, documents.map((d) => articleCard(d, { texts, titles, onSelect }))));
}

function articleCard(doc, { texts, titles, onSelect }) {
  const text = texts.get(doc.id) ?? '';
  const unique = (doc.unique ?? []).filter((u) => u.end > u.start);
  // Where sources disagree comes first: that is what a reader checks.
  const facts = [...(doc.facts ?? [])].sort((x, y) => (y.status === 'differs') - (x.status === 'differs') || x.start - y.start);
  const open = (start, end) => () => onSelect?.({ id: doc.id, start, end });
  return h('section', { class: 'adds-card', data: { id: doc.id }, attrs: { 'aria-label': `What ${titles.get(doc.id)} adds` } },
    h('h3', { text: titles.get(doc.id) }),
    metaList(doc.meta),
    h('h4', { text: `Sentences only here (${count(unique.length)})` }),
    unique.length === 0
      ? h('p', { class: 'empty', text: 'None: every sentence has a counterpart in another article.' })
      : expandable('unique-list', unique, (u) => h('li', {},
        h('button', {
          type: 'button', class: 'claim-link unique-sentence',
          data: { id: doc.id, start: String(u.start), end: String(u.end) },
          attrs: { title: 'Show this sentence in the article' },
          on: { click: open(u.start, u.end) },
          text: excerpt(text.slice(u.start, u.end)),
        }))),
    h('h4', { text: `Facts only here or stated differently (${count(facts.length)})` }),
    facts.length === 0
      ? h('p', { class: 'empty', text: 'None found.' })
      : expandable('fact-list', facts, (f) => factItem(f, doc.id, text, titles, open(f.start, f.end))));
}

/** The article's own statements about itself, where the text makes them. */
function metaList(meta) {
  const rows = [['Byline', meta?.byline], ['Dateline', meta?.dateline], ['Outlet', meta?.outlet]].filter(([, v]) => v);
  if (rows.length === 0) return null;
  return h('dl', { class: 'meta' }, rows.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
}

function factItem(fact, id, text, titles, open) {
  const differs = fact.status === 'differs';
  const others = (fact.others ?? []).map((o) => `${titles.get(o.id) ?? o.id}: “${o.value}”`);
  return h('li', { class: `fact fact-${differs ? 'differs' : 'only'}` },
    h('span', { class: 'fact-kind', text: KIND_LABELS[fact.kind] ?? fact.kind }), ' ',
    h('button', {
      type: 'button', class: 'claim-link fact-value',
      data: { id, start: String(fact.start), end: String(fact.end) },
      attrs: { title: `Show “${excerpt(text.slice(fact.start, fact.end))}” in the article` },
      on: { click: open },
      text: fact.value || excerpt(text.slice(fact.start, fact.end)),
    }), ' ',
    h('span', { class: 'fact-status', text: differs ? 'others differ:' : 'only this article' }),
    differs && others.length > 0 && h('ul', { class: 'fact-others' }, others.map((o) => h('li', { text: o }))));
}

/**
 * A list showing the first FIRST of `entries`, with a button for the rest. The rest
 * are made on the first "Show all": a 6 MB article has tens of thousands of sentences
 * of its own, and making them all took 2.4 s of the page's thread at every redraw.
 */
function expandable(className, entries, item) {
  const items = entries.slice(0, FIRST).map(item);
  const list = h('ul', { class: `claims ${className}` }, items);
  if (entries.length <= FIRST) return list;
  const hide = (hidden) => items.forEach((li, i) => { li.hidden = hidden && i >= FIRST; });
  const more = h('button', {
    type: 'button', class: 'show-all', attrs: { 'aria-expanded': 'false' }, text: `Show all ${count(entries.length)}`,
    on: {
      click() {
        const expanded = more.getAttribute('aria-expanded') !== 'true';
        if (expanded && items.length < entries.length) {
          const rest = entries.slice(items.length).map(item);
          items.push(...rest);
          list.append(...rest);
        }
        hide(!expanded);
        more.setAttribute('aria-expanded', String(expanded));
        more.textContent = expanded ? `Show the first ${FIRST}` : `Show all ${count(entries.length)}`;
      },
    },
  });
  return h('div', {}, list, more);
}

function excerpt(s) {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}
