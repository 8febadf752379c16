// Gives <parallax-compare> the articles and writes what it rendered into #result
// once its matrix has a row per article (or it reported an error, or 30 s passed).
export function watchElement(articles) {
  const out = document.getElementById('result');
  const el = document.querySelector('parallax-compare');
  const done = (result) => {
    if (out.dataset.done) return;
    out.textContent = JSON.stringify(result);
    out.dataset.done = 'true';
  };
  if (!el || !customElements.get('parallax-compare') || !(el instanceof customElements.get('parallax-compare'))) {
    done({ error: 'importing the widget did not define <parallax-compare>' });
    return;
  }
  let report = null;
  el.addEventListener('parallax-report', (event) => { report = event.detail.report; });
  el.addEventListener('parallax-error', (event) => done({ error: `parallax-error: ${event.detail.message}` }));
  el.articles = articles;
  const started = Date.now();
  const poll = setInterval(() => {
    const rows = el.shadowRoot?.querySelectorAll('.matrix tbody tr').length ?? 0;
    if ((rows === articles.length && report) || Date.now() - started > 30_000) {
      clearInterval(poll);
      done({
        articles: articles.length,
        rows,
        cells: [...(el.shadowRoot?.querySelectorAll('.matrix button.cell') ?? [])].map((b) => b.textContent),
        reportDocuments: report?.documents.length ?? 0,
      });
    }
  }, 100);
}
