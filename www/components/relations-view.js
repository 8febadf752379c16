// The relation graph: the articles as nodes on a circle, an arrow from source to
// derived article for a copy or a partial copy (labelled with the share drawn), a
// dashed line for two articles drawing on a common source. Focusing or hovering an
// edge or a node shows its evidence beside the graph; Enter on an edge opens the
// pair. A list under the graph says the same in sentences.
import { h, clear, percent } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 440;
const NODE = 24;
/** Node labels this long at most, so that they fit beside the circle. */
const LABEL = 18;
const KIND_NAMES = { copy: 'copy', partial: 'partial copy', 'common-source': 'common source' };

/**
 * @param {HTMLElement} container
 * @param {{report, onPair?: (left: string, right: string) => void}} props
 *   `onPair(source, derived)`: the reader asked to see the two side by side.
 */
export function renderRelations(container, { report, onPair }) {
  clear(container);
  const documents = report?.documents ?? [];
  if (documents.length < 2) {
    container.append(h('p', { class: 'empty', text: 'Relations need two articles or more.' }));
    return;
  }
  const ids = new Set(documents.map((d) => d.id));
  const relations = (report.relations ?? []).filter((r) => ids.has(r.from) && ids.has(r.to) && r.from !== r.to);
  const numbers = new Map(documents.map((d, i) => [d.id, i + 1]));
  const name = (id) => `${numbers.get(id)}. ${shorten(documents[numbers.get(id) - 1]?.title || id, 50)}`;
  const evidence = h('div', { class: 'relation-evidence', attrs: { 'aria-live': 'polite' } });
  const show = (item) => showEvidence(evidence, item, { name, onPair });
  const graph = drawGraph(documents, relations, { numbers, name, show, onPair });
  const intro = relations.length === 0
    ? 'No article appears drawn from another, and none shares a source with another: they read as independent reports.'
    : 'Focus or hover an arrow or an article to see the evidence; press Enter on an arrow to compare the two side by side.';
  container.append(
    h('p', { class: 'hint', text: intro }),
    h('div', { class: 'relations-layout' }, graph, evidence),
    legend(),
    relationList(relations, { name, onPair }));
  show(null);
}

/** The sentence that states a relation. */
export function relationSentence(r, name) {
  const share = typeof r.share === 'number' ? percent(r.share) : null;
  if (r.kind === 'copy') return `${name(r.to)} is a copy of ${name(r.from)}${share ? `: ${share} of its text is drawn from there` : ''}.`;
  if (r.kind === 'partial') return `${name(r.to)} draws ${share ?? 'part'} of its text from ${name(r.from)}.`;
  const source = r.source ? `: ${r.source}` : ' (not named in the texts)';
  return `${name(r.from)} and ${name(r.to)} draw on a common source${source}.`;
}

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

function drawGraph(documents, relations, { numbers, name, show, onPair }) {
  const n = documents.length;
  // Room is left around the circle for the labels, which sit outside it.
  const radius = HEIGHT / 2 - 60;
  const across = WIDTH / 2 - 170;
  const place = new Map(documents.map((d, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [d.id, { x: WIDTH / 2 + across * Math.cos(angle), y: HEIGHT / 2 + radius * Math.sin(angle), angle }];
  }));
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'relation-graph', role: 'group', 'aria-label': 'Relation graph of the articles' },
    svg('defs', {},
      ['copy', 'partial'].map((kind) => svg('marker', {
        id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 14, markerHeight: 14, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse',
      }, svg('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow arrow-${kind}` })))));
  // Marker ids must be unique in the page: the graph may be drawn more than once.
  const suffix = Math.random().toString(36).slice(2, 8);
  for (const m of root.querySelectorAll('marker')) m.id = `${m.id}-${suffix}`;

  for (const r of relations) {
    const a = place.get(r.from);
    const b = place.get(r.to);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy) || 1;
    const ux = dx / length;
    const uy = dy / length;
    const x1 = a.x + ux * (NODE + 2);
    const y1 = a.y + uy * (NODE + 2);
    const x2 = b.x - ux * (NODE + 4);
    const y2 = b.y - uy * (NODE + 4);
    const directed = r.kind === 'copy' || r.kind === 'partial';
    const sentence = relationSentence(r, name);
    const label = r.kind === 'common-source' || typeof r.share !== 'number' ? KIND_NAMES[r.kind] ?? r.kind : `${KIND_NAMES[r.kind] ?? r.kind} ${percent(r.share)}`;
    const edge = svg('g', {
      // The name starts with the label shown on the edge, so that speech input finds it.
      class: `edge edge-${r.kind}`, tabindex: 0, role: 'button', 'aria-label': `${label}: ${sentence}`,
      'data-from': r.from, 'data-to': r.to,
    },
    // A wide transparent line: an easier target for the pointer than the thin one drawn.
    svg('line', { x1, y1, x2, y2, class: 'edge-hit' }),
    svg('line', { x1, y1, x2, y2, class: 'edge-line', 'marker-end': directed ? `url(#arrow-${r.kind}-${suffix})` : null }),
    svg('text', { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 6, class: 'edge-label', 'text-anchor': 'middle' }, label),
    svg('title', {}, sentence));
    const item = { relation: r, sentence };
    edge.addEventListener('focus', () => show(item));
    edge.addEventListener('mouseenter', () => show(item));
    edge.addEventListener('click', () => onPair?.(r.from, r.to));
    edge.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onPair?.(r.from, r.to);
      }
    });
    root.append(edge);
  }

  for (const d of documents) {
    const p = place.get(d.id);
    const mine = relations.filter((r) => r.from === d.id || r.to === d.id);
    const summary = mine.length === 0 ? 'no relation found' : mine.map((r) => relationSentence(r, name)).join(' ');
    // Labels sit outside the circle: beside a node on the left or right, above or below the others.
    const cos = Math.cos(p.angle);
    const side = Math.abs(cos) > 0.5;
    const anchor = side ? (cos > 0 ? 'start' : 'end') : 'middle';
    const lx = side ? p.x + Math.sign(cos) * (NODE + 6) : p.x;
    const ly = side ? p.y + 5 : Math.sin(p.angle) > 0 ? p.y + NODE + 18 : p.y - NODE - 8;
    const node = svg('g', { class: 'node', tabindex: 0, role: 'img', 'aria-label': `${name(d.id)}: ${summary}`, 'data-id': d.id },
      svg('circle', { cx: p.x, cy: p.y, r: NODE }),
      svg('text', { x: p.x, y: p.y + 6, class: 'node-number', 'text-anchor': 'middle' }, String(numbers.get(d.id))),
      svg('text', { x: lx, y: ly, class: 'node-label', 'text-anchor': anchor }, shorten(d.title || d.id, LABEL)),
      svg('title', {}, name(d.id)));
    const item = { node: d.id, relations: mine };
    node.addEventListener('focus', () => show(item));
    node.addEventListener('mouseenter', () => show(item));
    root.append(node);
  }
  return h('div', { class: 'graph-box' }, root);
}

/** The evidence panel: for an edge its sentence and evidence, for a node its relations. */
function showEvidence(panel, item, { name, onPair }) {
  clear(panel);
  if (!item) {
    panel.append(h('p', { class: 'hint', text: 'The evidence for a relation appears here.' }));
    return;
  }
  if (item.relation) {
    panel.append(relationDetail(item.relation, { name, onPair }));
    return;
  }
  panel.append(h('h4', { text: name(item.node) }));
  if (item.relations.length === 0) panel.append(h('p', { text: 'No relation to another article found.' }));
  for (const r of item.relations) panel.append(relationDetail(r, { name, onPair }));
}

function relationDetail(r, { name, onPair }) {
  const evidence = (r.evidence ?? []).filter(Boolean);
  return h('div', { class: `relation relation-${r.kind}` },
    h('p', { class: 'relation-sentence', text: relationSentence(r, name) }),
    evidence.length
      ? h('ul', { class: 'evidence' }, evidence.map((e) => h('li', { text: e })))
      : h('p', { class: 'empty', text: 'No evidence given.' }),
    onPair && h('button', {
      type: 'button', class: 'compare-pair', data: { from: r.from, to: r.to },
      on: { click: () => onPair(r.from, r.to) },
    }, 'Compare side by side', h('span', { class: 'sr-only', text: `: ${name(r.from)} and ${name(r.to)}` })));
}

function legend() {
  const sample = (kind, text) => h('li', {},
    svg('svg', { viewBox: '0 0 40 12', width: 40, height: 12, class: `legend-line edge-${kind}`, 'aria-hidden': 'true' },
      svg('line', { x1: 2, y1: 6, x2: 38, y2: 6, class: 'edge-line' })),
    ` ${text}`);
  return h('ul', { class: 'relation-legend' },
    sample('copy', 'copy (thick arrow, from source to copy)'),
    sample('partial', 'partial copy (arrow)'),
    sample('common-source', 'common source (dashed)'));
}

function relationList(relations, { name, onPair }) {
  if (relations.length === 0) return null;
  // Closed at first: it says what the graph shows, for whoever prefers sentences.
  return h('details', { class: 'relation-list' },
    h('summary', { text: `The relations in words (${relations.length})` }),
    h('ul', {}, relations.map((r) => h('li', {}, relationDetail(r, { name, onPair })))));
}

function shorten(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
