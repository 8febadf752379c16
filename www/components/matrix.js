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
    docs.forEach((col, j) => {
      if (col.id === row.id) {
        tr.append(h('td', { class: 'diagonal', attrs: { 'aria-label': 'same article' }, text: '—' }));
        return;
      }
      // Above `allPairsUpTo` articles only the candidate pairs are aligned: the others share nothing found.
      if (!pairs.has(`${row.id}\n${col.id}`)) {
        tr.append(h('td', { class: 'diagonal', attrs: { 'aria-label': 'not compared: no rare word pairs in common' }, text: '·' }));
        return;
      }
      const { pair, share } = pairs.get(`${row.id}\n${col.id}`);
      const value = metric === 'containment' ? share : pair[metric];
      const isSelected = selected && ((selected.a === row.id && selected.b === col.id) || (selected.a === col.id && selected.b === row.id));
      const tip = `${percent(share)} of ${number.get(row.id)} “${label(row)}” is found in ${number.get(col.id)} “${label(col)}”. Jaccard ${pair.jaccard.toFixed(3)}, cosine ${pair.cosine.toFixed(3)}, ${pair.passages.length} shared passage${pair.passages.length === 1 ? '' : 's'}.`;
      const button = h('button', {
        type: 'button', class: 'cell', text: percent(value), title: tip,
        data: { row: row.id, col: col.id, r: String(i), c: String(j), value: String(value) },
        attrs: { 'aria-label': tip, 'aria-pressed': isSelected ? 'true' : 'false' },
        on: { click: () => onSelect?.(row.id, col.id) },
      });
      button.style.setProperty('--v', String(Math.max(0, Math.min(1, value))));
      if (value >= 0.5) button.classList.add('dark');
      tr.append(h('td', {}, button));
    });
    if (hasShared) {
      tr.append(h('td', { class: 'shared', data: { id: row.id }, text: typeof row.sharedShare === 'number' ? percent(row.sharedShare) : '' }));
    }
    body.append(tr);
  });

  const table = h('table', { class: 'matrix', on: { keydown: (event) => moveFocus(event, docs.length) } },
    h('caption', { text: metric === 'containment'
      ? 'Each cell: how much of the row’s article is found in the column’s article. Choose a cell to see the shared passages.'
      : `Each cell: ${METRICS[metric]} similarity of the two articles. Choose a cell to see the shared passages.` }),
    h('thead', {}, head), body);
  // One cell is in the Tab order (the chosen pair's, else the first); arrows move within.
  const cells = [...table.querySelectorAll('button.cell')];
  const current = cells.find((b) => b.getAttribute('aria-pressed') === 'true') ?? cells[0];
  for (const b of cells) b.tabIndex = b === current ? 0 : -1;
  container.append(h('div', { class: 'matrix-scroll' }, table));
}

const STEPS = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };

/** Arrow keys move between cells, stepping over the diagonal, as in a spreadsheet. */
function moveFocus(event, n) {
  const step = STEPS[event.key];
  const cell = event.target.closest?.('button.cell');
  if (!step || !cell) return;
  let r = Number(cell.dataset.r);
  let c = Number(cell.dataset.c);
  do {
    r += step[0];
    c += step[1];
  } while (r === c && r >= 0 && r < n);
  const next = event.currentTarget.querySelector(`button.cell[data-r="${r}"][data-c="${c}"]`);
  if (!next) return;
  event.preventDefault();
  cell.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
}

function shorten(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
