// Passages shared by three or more articles (report `groups`, when present): the
// passage's text and the articles that carry it.
import { h, clear, count } from './dom.js';

const EXCERPT = 240;

/**
 * @param {HTMLElement} container
 * @param {{report, texts: Map<string, string>}} props
 */
export function renderGroups(container, { report, texts }) {
  clear(container);
  const groups = (report?.groups ?? []).filter((g) => g.members?.length >= 3);
  if (groups.length === 0) return;
  // Numbered as in the article list: syndicated copies often share a headline.
  const titles = new Map(report.documents.map((d, i) => [d.id, `${i + 1}. ${shorten(d.title || d.id, 50)}`]));
  const list = h('ol', { class: 'groups' });
  for (const group of groups) {
    const first = group.members[0];
    const passage = (texts.get(first.id) ?? '').slice(first.start, first.end).replace(/\s+/g, ' ').trim();
    list.append(h('li', { class: 'group' },
      h('blockquote', { text: passage.length > EXCERPT ? `${passage.slice(0, EXCERPT)}…` : passage }),
      h('p', { class: 'group-members', text: `In ${count(group.members.length)} articles: ${[...new Set(group.members.map((m) => titles.get(m.id) ?? m.id))].join('; ')}` })));
  }
  container.append(h('h3', { text: `Passages shared by three or more articles (${count(groups.length)})` }), list);
}

function shorten(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
