// The module Web Worker that owns the wasm engine, so the page never freezes.
// Requests: {id, type, ...}; every answer carries the same id:
//   {id, ok: true, result} or {id, ok: false, error: {code, message}}.
//   type 'analyze'     {articles, options} → {report}
//   type 'concordance' {term, options}     → {lines} over the articles of the last analyze
//   type 'info'                            → {version, languages}
import init, * as engine from './pkg/parallax.js';

const ready = init().catch((err) => {
  throw Object.assign(new Error(`the analysis engine could not be loaded (${err?.message ?? err})`), { code: 'engine-unavailable' });
});
// Each request reports a failed start; this keeps it from also being logged as unhandled.
ready.catch(() => {});
let lastArticles = [];

self.onmessage = async (event) => {
  const { id, type } = event.data;
  try {
    await ready;
    const result = handlers[type](event.data);
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    // A trap (RuntimeError) leaves the wasm instance unusable: the page restarts the worker.
    const code = err instanceof WebAssembly.RuntimeError ? 'crashed' : (err?.code ?? 'internal');
    self.postMessage({ id, ok: false, error: { code, message: String(err?.message ?? err) } });
  }
};

const handlers = {
  info: () => ({ version: engine.version(), languages: engine.languages() }),

  analyze({ articles, options }) {
    lastArticles = articles;
    return { report: engine.analyze(articles, options) };
  },

  concordance({ term, options }) {
    return { lines: engine.concordance(lastArticles, term, options) };
  },
};
