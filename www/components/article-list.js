// The article list: each article's title, word count, language and the share of its
// text found in any other article (when the report has them), with a remove button.
import { h, clear, count, percent } from './dom.js';

/**
 * @param {HTMLElement} container
 * @param {{articles: {id, title?, text, encoding?}[], report?: object, onRemove?: (id) => void}} props
 */
export function renderArticleList(container, { articles, report, onRemove }) {
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
  for (const article of articles) {
    const doc = docs.get(article.id);
    const title = doc?.title || article.title || firstLine(article.text) || article.id;
    const facts = [];
    if (doc) facts.push(`${count(doc.stats?.words ?? doc.tokens)} words`);
    else facts.push(`${count(article.text.length)} characters`);
    if (doc?.language) facts.push(doc.language);
    if (typeof doc?.sharedShare === 'number') facts.push(`${percent(doc.sharedShare)} shared elsewhere`);
    const encoding = doc?.encoding ?? article.encoding;
    if (encoding && encoding !== 'UTF-8') facts.push(`read as ${encoding}`);
    list.append(h('li', { class: 'article', data: { id: article.id } },
      h('div', { class: 'article-head' },
        h('span', { class: 'article-title', text: title }),
        h('span', { class: 'article-id', text: article.id })),
      h('div', { class: 'article-facts', text: facts.join(' · ') }),
      onRemove && h('button', {
        type: 'button', class: 'remove', text: 'Remove',
        attrs: { 'aria-label': `Remove “${title}”` },
        on: { click: () => onRemove(article.id) },
      })));
  }
  container.append(list);
  if (focusedId) list.querySelector(`li.article[data-id="${CSS.escape(focusedId)}"] button.remove`)?.focus();
}

function firstLine(text) {
  const line = (text.split('\n').find((l) => l.trim()) ?? '').trim();
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}
