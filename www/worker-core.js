// The engine's side of the worker protocol, shared by every way a worker is started:
// the element's classic worker from a blob: URL (this function's source text is put
// after the wasm-bindgen glue, see engine-loader.js) and the module worker file
// `worker.js` for hosts whose Content-Security-Policy forbids blob: workers.
// So this function must be self-contained: it reads nothing from its module scope.
// (Vite's and esbuild's default builds keep it so; esbuild's `keepNames` would add a
// helper call inside it, which the blob: worker does not have.)
//
// Messages in: {type: 'init', module: WebAssembly.Module} first, then requests
// {id, type, ...}; every answer carries the same id:
//   {id, ok: true, result} or {id, ok: false, error: {code, message}}.
//   type 'analyze'     {articles, options} → {report, memoryBytes}
//   type 'concordance' {term, options}     → {lines} over the articles of the last analyze
//   type 'extract'     {html}              → {title, byline, text} (when the engine has `extract`)
//   type 'info'                            → {version, languages, extract: boolean}
//   type 'memory'                          → {bytes}: the size of the wasm memory now
// and one message that is not answered: {type: 'articles', articles}, sent to a worker
// started in place of an ended one, so that `concordance` still covers the articles of
// the comparison on screen.
// `memoryBytes` and `memory` are there because wasm memory only grows: the client
// replaces a worker whose memory a huge input made large (engine-client.js).

/**
 * @param {DedicatedWorkerGlobalScope} scope
 * @param {{initSync, analyze, concordance, version, languages, extract?}} engine
 */
export function serveEngine(scope, engine) {
  let failure = Object.assign(new Error('the analysis engine was not given its wasm module'), { code: 'engine-unavailable' });
  let lastArticles = [];
  /** The instance's exports (initSync returns them): their `memory` is measured. */
  let exports = null;
  const memoryBytes = () => exports?.memory?.buffer?.byteLength ?? 0;
  const handlers = {
    info: () => ({ version: engine.version(), languages: engine.languages(), extract: typeof engine.extract === 'function' }),
    analyze({ articles, options }) {
      lastArticles = articles;
      const report = engine.analyze(articles, options);
      return { report, memoryBytes: memoryBytes() };
    },
    memory: () => ({ bytes: memoryBytes() }),
    concordance: ({ term, options }) => ({ lines: engine.concordance(lastArticles, term, options) }),
    extract({ html }) {
      if (typeof engine.extract !== 'function') throw Object.assign(new Error('this engine has no HTML reader'), { code: 'unsupported' });
      return engine.extract(html);
    },
  };
  scope.onmessage = (event) => {
    const { id, type } = event.data;
    if (type === 'init') {
      try {
        exports = engine.initSync({ module: event.data.module });
        failure = null;
      } catch (err) {
        failure = Object.assign(new Error(`the analysis engine could not be loaded (${err?.message ?? err})`), { code: 'engine-unavailable' });
      }
      return;
    }
    if (type === 'articles') {
      lastArticles = event.data.articles;
      return;
    }
    try {
      if (failure) throw failure;
      const handler = handlers[type];
      if (!handler) throw Object.assign(new Error(`unknown request ${type}`), { code: 'internal' });
      scope.postMessage({ id, ok: true, result: handler(event.data) });
    } catch (err) {
      // A trap (RuntimeError) leaves the wasm instance unusable: the client restarts the worker.
      const code = err instanceof WebAssembly.RuntimeError ? 'crashed' : (err?.code ?? 'internal');
      scope.postMessage({ id, ok: false, error: { code, message: String(err?.message ?? err) } });
    }
  };
}
