// The matrix of pairwise scores. Row: "how much of this article"; column: "is found
// in that article", so both containment directions read at a glance. Jaccard and
// cosine are in each cell's tooltip, or shown instead with the metric toggle.
import { h, clear, percent } from './dom.js';

export const METRICS = {
  containment: 'Containment (row in column)',
  jaccard: 'Jaccard',
  cosine: 'Cosine',
};

/**
 * @param {HTMLElement} container
 * @param {{report, metric?: string, selected?: {a, b}, onSelect?: (a, b) => void}} props
 */
export function renderMatrix(container, { report, metric = 'containment', selected, onSelect }) {
  clear(container);
  const docs = report.documents;
  const pairs = new Map();
  for (const p of report.pairs) {
    pairs.set(`${p.a}\n${p.b}`, { pair: p, share: p.containment.aInB });
    pairs.set(`${p.b}\n${p.a}`, { pair: p, share: p.containment.bInA });
  }
  const hasShared = docs.some((d) => typeof d.sharedShare === 'number');
  const label = (d) => d.title || d.id;
  const number = new Map(docs.map((d, i) => [d.id, i + 1]));

  const head = h('tr', {}, h('th', { class: 'corner', attrs: { scope: 'col' } },
    h('span', { class: 'corner-rows', text: 'How much of ↓' }),
    h('span', { class: 'corner-cols', text: 'is found in →' })));
  docs.forEach((d, j) => head.append(h('th', { class: 'col-head', attrs: { scope: 'col', title: label(d) } },
    h('span', { class: 'num', text: String(j + 1) }), ' ', h('span', { class: 'short', text: shorten(label(d), 24) }))));
  if (hasShared) head.append(h('th', { attrs: { scope: 'col' }, text: 'Shared with any' }));

  const body = h('tbody');
  docs.forEach((row, i) => {
    const tr = h('tr', { data: { id: row.id } }, h('th', { class: 'row-head', attrs: { scope: 'row', title: label(row) } },
      h('span', { class: 'num', text: String(i + 1) }), ' ', h('span', { class: 'short', text: shorten(label(row), 40) })));
    for (const col of docs) {
      if (col.id === row.id) {
        tr.append(h('td', { class: 'diagonal', attrs: { 'aria-label': 'same article' }, text: '—' }));
        continue;
      }
      const { pair, share } = pairs.get(`${row.id}\n${col.id}`);
      const value = metric === 'containment' ? share : pair[metric];
      const isSelected = selected && ((selected.a === row.id && selected.b === col.id) || (selected.a === col.id && selected.b === row.id));
      const tip = `${percent(share)} of ${number.get(row.id)} “${label(row)}” is found in ${number.get(col.id)} “${label(col)}”. Jaccard ${pair.jaccard.toFixed(3)}, cosine ${pair.cosine.toFixed(3)}, ${pair.passages.length} shared passage${pair.passages.length === 1 ? '' : 's'}.`;
      const button = h('button', {
        type: 'button', class: 'cell', text: percent(value), title: tip,
        data: { row: row.id, col: col.id, value: String(value) },
        attrs: { 'aria-label': tip, 'aria-pressed': isSelected ? 'true' : 'false' },
        on: { click: () => onSelect?.(row.id, col.id) },
      });
      button.style.setProperty('--v', String(Math.max(0, Math.min(1, value))));
      if (value >= 0.5) button.classList.add('dark');
      tr.append(h('td', {}, button));
    }
    if (hasShared) {
      tr.append(h('td', { class: 'shared', data: { id: row.id }, text: typeof row.sharedShare === 'number' ? percent(row.sharedShare) : '' }));
    }
    body.append(tr);
  });

  container.append(h('div', { class: 'matrix-scroll' }, h('table', { class: 'matrix' },
    h('caption', { text: metric === 'containment'
      ? 'Each cell: how much of the row’s article is found in the column’s article. Choose a cell to see the shared passages.'
      : `Each cell: ${METRICS[metric]} similarity of the two articles. Choose a cell to see the shared passages.` }),
    h('thead', {}, head), body)));
}

function shorten(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
