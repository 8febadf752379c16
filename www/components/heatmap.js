// The large-set view, in place of the matrix when there are more articles than a
// table can show (components/large-set.js): a heatmap on a canvas of the articles
// that share passages, ordered by cluster so that copies sit together (row: how
// much of this article, column: is found in that one), and, for reading and for
// the keyboard, lists of buttons: the most related pairs and the chosen article's
// nearest neighbours. Titles reach the DOM as text only.
import { h, clear, count, percent } from './dom.js';
import { clusterOrder, neighboursOf, topPairs } from './large-set.js';

/** The canvas is at most this many CSS pixels wide; a cell is at least one device pixel. */
const MAX_SIZE = 640;

/**
 * @param {HTMLElement} container
 * @param {{report, selected?: {a, b}, focus?: string, onSelect?: (rowId, colId) => void}} props
 *   focus: the article whose nearest neighbours are listed (default: the chosen pair's first)
 */
export function renderHeatmap(container, { report, selected, focus, onSelect }) {
  clear(container);
  const { order, clusters, alone } = clusterOrder(report);
  const titles = new Map(report.documents.map((d) => [d.id, d.title || d.id]));
  const n = report.documents.length;
  const clustered = clusters.reduce((sum, c) => sum + c.length, 0);
  container.append(h('p', { class: 'heatmap-summary', text:
    `${count(n)} articles: ${count(order.length)} share passages with another; ${count(clustered)} of them form ${count(clusters.length)} cluster${clusters.length === 1 ? '' : 's'} (one sharing a quarter or more of itself with another); ${count(alone)} share nothing with the others. ` +
    `${count(report.pairs.length)} likely pairs were compared, of ${count((n * (n - 1)) / 2)}.` }));
  if (order.length > 0) container.append(drawMap(report, order, clusters, titles, selected, onSelect));
  const pick = (a, b) => onSelect?.(a, b);
  container.append(h('div', { class: 'neighbour-lists' },
    pairList('Most related pairs', topPairs(report, 20), titles, pick),
    neighbourList(report, focus ?? selected?.a ?? order[0], titles, pick)));
}

function drawMap(report, order, clusters, titles, selected, onSelect) {
  const m = order.length;
  const cell = Math.max(1, Math.floor(MAX_SIZE / m));
  const size = m * cell;
  const canvas = h('canvas', { class: 'heatmap', width: size, height: size, attrs: {
    role: 'img',
    'aria-label': `Heatmap of the ${m} articles that share passages, grouped by cluster. The lists below give the same pairs as buttons.`,
  } });
  canvas.style.width = `min(100%, ${Math.max(size, 240)}px)`;
  const index = new Map(order.map((id, i) => [id, i]));
  const share = new Map();
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size, size);
  const heat = (v) => `rgb(${Math.round(255 - v * 212)} ${Math.round(255 - v * 147)} ${Math.round(255 - v * 79)})`; // white → #2b6cb0
  for (const p of report.pairs) {
    const i = index.get(p.a);
    const j = index.get(p.b);
    if (i === undefined || j === undefined || p.passages.length === 0) continue;
    share.set(i * m + j, p.containment.aInB);
    share.set(j * m + i, p.containment.bInA);
    ctx.fillStyle = heat(p.containment.aInB);
    ctx.fillRect(j * cell, i * cell, cell, cell);
    ctx.fillStyle = heat(p.containment.bInA);
    ctx.fillRect(i * cell, j * cell, cell, cell);
  }
  // Each cluster's square on the diagonal, outlined.
  ctx.strokeStyle = '#a0aec0';
  ctx.lineWidth = 1;
  let at = 0;
  for (const c of clusters) {
    ctx.strokeRect(at * cell + 0.5, at * cell + 0.5, c.length * cell - 1, c.length * cell - 1);
    at += c.length;
  }
  if (selected && index.has(selected.a) && index.has(selected.b)) {
    ctx.strokeStyle = '#b83280';
    ctx.lineWidth = Math.max(2, cell / 2);
    const r = index.get(selected.a) * cell;
    const c = index.get(selected.b) * cell;
    ctx.strokeRect(c - 2, r - 2, cell + 4, cell + 4);
  }
  const cellAt = (event) => {
    const box = canvas.getBoundingClientRect();
    const i = Math.floor(((event.clientY - box.top) / box.height) * m);
    const j = Math.floor(((event.clientX - box.left) / box.width) * m);
    return i >= 0 && j >= 0 && i < m && j < m && i !== j ? { i, j, v: share.get(i * m + j) } : null;
  };
  canvas.addEventListener('mousemove', (event) => {
    const at = cellAt(event);
    canvas.title = at?.v === undefined ? '' : `${percent(at.v)} of “${titles.get(order[at.i])}” is found in “${titles.get(order[at.j])}”`;
  });
  canvas.addEventListener('click', (event) => {
    const at = cellAt(event);
    if (at?.v !== undefined) onSelect?.(order[at.i], order[at.j]);
  });
  return h('div', { class: 'heatmap-box' }, canvas,
    h('p', { class: 'hint', text: 'Row: how much of that article; column: is found in this one. Darker is more. Outlined squares are clusters of related articles; choose a dot to see the pair.' }));
}

function pairList(heading, pairs, titles, pick) {
  const items = pairs.map((p) => {
    const [from, to, v] = p.containment.aInB >= p.containment.bInA ? [p.a, p.b, p.containment.aInB] : [p.b, p.a, p.containment.bInA];
    return h('li', {}, h('button', { type: 'button', class: 'link', data: { a: from, b: to }, on: { click: () => pick(from, to) } },
      h('span', { class: 'share', text: percent(v) }), ` of “${titles.get(from)}” is in “${titles.get(to)}”`));
  });
  return h('section', { class: 'neighbour-list top-pairs' }, h('h3', { text: heading }),
    items.length ? h('ol', {}, items) : h('p', { class: 'empty', text: 'No two articles share a passage.' }));
}

function neighbourList(report, id, titles, pick) {
  const box = h('section', { class: 'neighbour-list nearest' });
  if (!id) return box;
  const near = neighboursOf(report, id, 10);
  box.append(h('h3', {}, 'Nearest to “', titles.get(id), '”'));
  if (near.length === 0) box.append(h('p', { class: 'empty', text: 'It shares no passage with another article.' }));
  else {
    box.append(h('ol', {}, near.map((nb) => h('li', {}, h('button', { type: 'button', class: 'link', data: { a: id, b: nb.id }, on: { click: () => pick(id, nb.id) } },
      h('span', { class: 'share', text: percent(nb.share) }), ` of it is in “${titles.get(nb.id)}” (${percent(nb.back)} the other way)`)))));
  }
  return box;
}
