// Export: the whole report as JSON, and the containment matrix as CSV, downloaded
// from memory (a blob: link), so nothing leaves the page.
import { h, clear } from './dom.js';

/**
 * @param {HTMLElement} container
 * @param {{report: () => object|null, articles: () => {id, title?, text}[]}} props
 *   functions, so that the buttons always export what is shown now
 */
export function renderExport(container, { report, articles }) {
  clear(container);
  const json = h('button', { type: 'button', text: 'Download report (JSON)' });
  const csv = h('button', { type: 'button', text: 'Download matrix (CSV)' });
  json.addEventListener('click', () => {
    const r = report();
    if (r) download('parallax-report.json', 'application/json', JSON.stringify({ articles: articles().map(({ id, title }) => ({ id, title })), report: r }, null, 2));
  });
  csv.addEventListener('click', () => {
    const r = report();
    if (r) download('parallax-matrix.csv', 'text/csv', matrixCsv(r));
  });
  container.append(h('p', { class: 'export' }, json, ' ', csv));
}

/** Rows: how much of this article; columns: is found in that article (0–1). */
export function matrixCsv(report) {
  const ids = report.documents.map((d) => d.id);
  const share = new Map();
  for (const p of report.pairs) {
    share.set(`${p.a}\n${p.b}`, p.containment.aInB);
    share.set(`${p.b}\n${p.a}`, p.containment.bInA);
  }
  const lines = [['how much of \\ is found in', 'title', ...ids]];
  for (const d of report.documents) {
    lines.push([d.id, d.title, ...ids.map((col) => (col === d.id ? '' : (share.get(`${d.id}\n${col}`) ?? 0).toFixed(4)))]);
  }
  return `${lines.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value) {
  let s = String(value ?? '');
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
