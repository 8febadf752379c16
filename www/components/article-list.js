// The article list: each article's title, word count, language and the share of its
// text found in any other article (when the report has them), with a remove button.
import { h, clear, count, percent } from './dom.js';
import { isLargeSet } from './large-set.js';

/** Rows of the virtualised list (a large set): fixed height, so that the visible ones are found by arithmetic. */
const ROW_PX = 68;
/** Rows drawn above and below the visible ones, so that a quick scroll shows no gap. */
const OVERSCAN = 6;

/**
 * @param {HTMLElement} container
 * @param {{articles: {id, title?, text, encoding?}[], report?: object, onRemove?: (id) => void, onOpen?: (id) => void}} props
 *   onOpen: in a large set, the title is a button that chooses the article (its nearest neighbours are shown)
 */
export function renderArticleList(container, { articles, report, onRemove, onOpen }) {
  if (isLargeSet(articles.length)) {
    renderVirtualList(container, { articles, report, onRemove, onOpen });
    return;
  }
  delete container.virtualList;
  // Re-rendering replaces the buttons: keep the keyboard focus on the same article's.
  // Inside a shadow root the focused element is the root's, not the document's.
  const active = container.getRootNode().activeElement;
  const focusedId = active && container.contains(active) ? active.closest('li.article')?.dataset.id : null;
  clear(container);
  const docs = new Map((report?.documents ?? []).map((d) => [d.id, d]));
  if (articles.length === 0) {
    container.append(h('p', { class: 'empty', text: 'No articles yet.' }));
    return;
  }
  const list = h('ol', { class: 'article-list' });
  for (const article of articles) list.append(articleRow(article, docs.get(article.id), { onRemove }));
  container.append(list);
  if (focusedId) list.querySelector(`li.article[data-id="${CSS.escape(focusedId)}"] button.remove`)?.focus();
}

/** One article's row: title, id, facts, and the Remove button (and the title as a button, given `onOpen`). */
function articleRow(article, doc, { onRemove, onOpen }) {
  const title = doc?.title || article.title || firstLine(article.text) || article.id;
  const facts = [];
  // A report of the comparison only (a large set's first) has not counted the words.
  const words = doc?.stats?.words ?? doc?.tokens;
  if (words) facts.push(`${count(words)} words`);
  else facts.push(`${count(article.text.length)} characters`);
  if (doc?.language) facts.push(doc.language);
  if (typeof doc?.sharedShare === 'number') facts.push(`${percent(doc.sharedShare)} shared elsewhere`);
  const encoding = doc?.encoding ?? article.encoding;
  if (encoding && encoding !== 'UTF-8') facts.push(`read as ${encoding}`);
  const heading = onOpen
    ? h('button', { type: 'button', class: 'article-title article-open', text: title, attrs: { 'aria-label': `Show the articles nearest to “${title}”` }, on: { click: () => onOpen(article.id) } })
    : h('span', { class: 'article-title', text: title });
  return h('li', { class: 'article', data: { id: article.id } },
    h('div', { class: 'article-head' }, heading, h('span', { class: 'article-id', text: article.id })),
    h('div', { class: 'article-facts', text: facts.join(' · ') }),
    onRemove && h('button', {
      type: 'button', class: 'remove', text: 'Remove',
      attrs: { 'aria-label': `Remove “${title}”` },
      on: { click: () => onRemove(article.id) },
    }));
}

/**
 * A large set's list: only the rows in view (and a few around) are in the DOM,
 * placed by their index in a scroll box of the whole list's height. The box is
 * kept across renders, so that the reader's scroll position stays.
 */
function renderVirtualList(container, { articles, report, onRemove, onOpen }) {
  let state = container.virtualList;
  if (!state) {
    const spacer = h('ol', { class: 'article-list virtual-rows', attrs: { 'aria-label': 'Articles' } });
    const box = h('div', { class: 'virtual-scroll', tabIndex: 0, attrs: { role: 'region', 'aria-label': 'Article list (scrolls)' } }, spacer);
    state = { box, spacer, drawn: '', frame: 0 };
    box.addEventListener('scroll', () => {
      cancelAnimationFrame(state.frame);
      state.frame = requestAnimationFrame(() => drawRows(state));
    });
    clear(container).append(h('p', { class: 'hint virtual-note', attrs: { 'aria-live': 'polite' } }), box);
    container.virtualList = state;
  }
  state.articles = articles;
  state.docs = new Map((report?.documents ?? []).map((d) => [d.id, d]));
  state.props = { onRemove, onOpen };
  state.drawn = '';
  state.spacer.style.height = `${articles.length * ROW_PX}px`;
  container.querySelector('.virtual-note').textContent = `${count(articles.length)} articles; the list scrolls.`;
  drawRows(state);
}

function drawRows(state) {
  const { box, spacer, articles } = state;
  const height = box.clientHeight || 480;
  const first = Math.max(0, Math.floor(box.scrollTop / ROW_PX) - OVERSCAN);
  const last = Math.min(articles.length, Math.ceil((box.scrollTop + height) / ROW_PX) + OVERSCAN);
  const key = `${first}:${last}`;
  if (key === state.drawn) return;
  state.drawn = key;
  // Re-drawing replaces the buttons: keep the keyboard focus on the same article's.
  const active = box.getRootNode().activeElement;
  const focused = active && box.contains(active) ? { id: active.closest('li.article')?.dataset.id, cls: active.className } : null;
  const rows = [];
  for (let i = first; i < last; i++) {
    const article = articles[i];
    const row = articleRow(article, state.docs.get(article.id), state.props);
    row.classList.add('virtual-row');
    row.style.top = `${i * ROW_PX}px`;
    row.style.counterSet = `art ${i + 1}`; // counter-set applies after the row's counter-increment
    row.setAttribute('aria-setsize', String(articles.length));
    row.setAttribute('aria-posinset', String(i + 1));
    rows.push(row);
  }
  spacer.replaceChildren(...rows);
  if (focused?.id) spacer.querySelector(`li.article[data-id="${CSS.escape(focused.id)}"] .${CSS.escape(focused.cls.split(' ').pop())}`)?.focus({ preventScroll: true });
}

function firstLine(text) {
  const line = (text.split('\n').find((l) => l.trim()) ?? '').trim();
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}
