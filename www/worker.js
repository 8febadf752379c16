// The module Web Worker that owns the wasm engine, so the page never freezes.
// Requests: {id, type, ...}; every answer carries the same id:
//   {id, ok: true, result} or {id, ok: false, error: {code, message}}.
//   type 'analyze'     {articles, options} → {report, dropped: [option keys the engine does not know]}
//   type 'concordance' {term, options}     → {lines, fallback} over the articles of the last analyze
//   type 'info'                            → {version, exports}
import init, * as engine from './pkg/parallax.js';
import { concordance as concordanceFallback } from './fallback/concordance.js';

const ready = init().catch((err) => {
  throw Object.assign(new Error(`the analysis engine could not be loaded (${err?.message ?? err})`), { code: 'engine-unavailable' });
});
// Each request reports a failed start; this keeps it from also being logged as unhandled.
ready.catch(() => {});
/** Option keys this engine refused as unknown; never sent again. */
const unsupported = new Set();
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
  info: () => ({ version: engine.version?.() ?? '', exports: Object.keys(engine) }),

  analyze({ articles, options }) {
    lastArticles = articles;
    const dropped = [];
    if (articles.length === 1) return { report: analyzeOne(articles[0], options, dropped), dropped };
    return { report: withKnownOptions(options, dropped, (o) => engine.analyze(articles, o)), dropped };
  },

  concordance({ term, options }) {
    if (typeof engine.concordance !== 'function') {
      return { lines: concordanceFallback(lastArticles, term), fallback: true };
    }
    const dropped = [];
    const lines = withKnownOptions(options, dropped, (o) => engine.concordance(lastArticles, term, o));
    return { lines, fallback: false };
  },
};

/**
 * Calls `run(options)` without the keys this engine does not know: each refusal of an
 * unknown field (code 'invalid-input') drops that key and tries again.
 */
function withKnownOptions(options = {}, dropped, run) {
  let current = Object.fromEntries(Object.entries(options).filter(([k]) => !unsupported.has(k)));
  for (;;) {
    try {
      return run(current);
    } catch (err) {
      const key = err?.code === 'invalid-input' ? unknownOption(String(err.message)) : null;
      if (!key || !(key in current)) throw err;
      unsupported.add(key);
      dropped.push(key);
      const { [key]: _, ...rest } = current;
      current = rest;
    }
  }
}

/**
 * The option key an error message names as unknown: the engine's own check says
 * `unknown option "key"`, serde says ``unknown field `key` ``.
 */
function unknownOption(message) {
  return /unknown (?:option|field) ["`]([^"`]+)["`]/.exec(message)?.[1] ?? null;
}

/**
 * One article cannot be compared, but it can still be described: analyze it beside a
 * copy of itself and keep only its own document, without the fields that only mean
 * something relative to other articles.
 */
function analyzeOne(article, options, dropped) {
  const twin = { ...article, id: `${article.id}\u0000twin` };
  const report = withKnownOptions(options, dropped, (o) => engine.analyze([article, twin], o));
  const { sharedShare, distinctiveTerms, uniqueTerms, ...doc } = report.documents[0];
  return { documents: [doc], pairs: [], single: true };
}
