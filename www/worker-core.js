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
//   type 'analyze'     {articles, options, helped?, early?} → {report, memoryBytes, timings: {analyzeMs, preparedMs?, waitedMs?, pairsTaken?, earlyMs?}}
//                      (`articles` left out: the articles kept, with new options). With
//                      `helped`, a helper worker aligns the pairs meanwhile: this worker
//                      first computes what reads the texts alone (`Session.prepare`), then
//                      waits for {type: 'pairs', id, aligned} (the helper's `alignPairs`
//                      answer, or null when it has none), takes them, and analyzes: the
//                      same report, in about the time of the longer half. With `early`, the
//                      worker first posts {type: 'early', id, result: {report}}: the comparison
//                      only (option `comparisonOnly`), then analyzes again for the whole
//                      report (the session then computes only what the first left empty).
//   type 'alignPairs'  {articles, options} → {texts, shingle, pairs, overlaps, spans, scores} (typed
//                      arrays): every pair's shingle overlap and passages before the thresholds, for the
//                      worker analyzing the same articles (`Session.alignedPairs`)
//   type 'concordance' {term, options}     → {lines} over the articles of the last analyze
//   type 'extract'     {html}              → {title, byline, text} (when the engine has `extract`)
//   type 'decode'      {bytes, options}    → {text, encoding, bom, source, controls} (when the engine has `decode`)
//   type 'info'                            → {version, languages, extract: boolean}
//   type 'memory'                          → {bytes}: the size of the wasm memory now
// The worker says {type: 'ready'} once the engine is instantiated (the page's load marks it).
// And two messages that are not answered: {type: 'articles', articles}, sent to a worker
// started in place of an ended one, so that `concordance` still covers the articles of
// the comparison on screen; and {type: 'pairs', id, aligned} (above).
// The worker keeps the articles in the engine's `Session` (when the engine has one): each
// article is read once, each pair's passages are kept, and the minimum passage length and
// similarity filter what is kept, so a change of setting or one article added recomputes
// only what it changes. (The texts still come with every 'analyze': a structured clone and
// a copy into wasm, about 1 ms per MB; the session compares them and reads only new ones.)
// `analyzeMs` is the engine's time for the analysis, the report's conversion included.
// `memoryBytes` and `memory` are there because wasm memory only grows: the client
// replaces a worker whose memory a huge input made large (engine-client.js).

/**
 * @param {DedicatedWorkerGlobalScope} scope
 * @param {{initSync, analyze, concordance, version, languages, extract?, decode?, Session?}} engine
 */
export function serveEngine(scope, engine) {
  let failure = Object.assign(new Error('the analysis engine was not given its wasm module'), { code: 'engine-unavailable' });
  let lastArticles = [];
  /** The engine's Session, once instantiated (an older engine has none: every analysis is then fresh). */
  let session = null;
  const keep = (articles) => {
    lastArticles = articles;
    session?.setArticles(articles);
  };
  /** The instance's exports (initSync returns them): their `memory` is measured. */
  let exports = null;
  const memoryBytes = () => exports?.memory?.buffer?.byteLength ?? 0;
  /** The helper's pairs for an analysis: the one that came before its analysis asked, or the one awaited. */
  let arrived = null;
  let awaited = null;
  const pairsFor = (id) => {
    if (arrived?.id === id) return Promise.resolve(arrived.aligned);
    return new Promise((resolve) => { awaited = { id, resolve }; });
  };
  const handlers = {
    info: () => ({ version: engine.version(), languages: engine.languages(), extract: typeof engine.extract === 'function' }),
    async analyze({ id, articles, options, helped, early }) {
      const started = performance.now();
      if (articles) keep(articles);
      const timings = {};
      if (helped && typeof session?.prepare === 'function') {
        session.prepare(options);
        timings.preparedMs = performance.now() - started;
        const aligned = await pairsFor(id);
        timings.waitedMs = performance.now() - started - timings.preparedMs;
        arrived = null;
        try {
          timings.pairsTaken = aligned ? session.acceptPairs(options, aligned) : 0;
        } catch {
          timings.pairsTaken = 0; // Not taken: the analysis aligns the pairs itself.
        }
      }
      if (early && session && !options?.comparisonOnly) {
        try {
          const report = session.analyze({ ...options, comparisonOnly: true });
          timings.earlyMs = performance.now() - started;
          scope.postMessage({ type: 'early', id, result: { report } });
        } catch {
          // An error is the whole analysis' to tell: it comes again just below.
        }
      }
      const report = session ? session.analyze(options) : engine.analyze(lastArticles, options);
      return { report, memoryBytes: memoryBytes(), timings: { analyzeMs: performance.now() - started, ...timings } };
    },
    alignPairs({ articles, options }) {
      if (typeof session?.alignedPairs !== 'function') throw Object.assign(new Error('this engine cannot align for another worker'), { code: 'unsupported' });
      keep(articles);
      return session.alignedPairs(options);
    },
    memory: () => ({ bytes: memoryBytes() }),
    concordance: ({ term, options }) => ({ lines: session ? session.concordance(term, options) : engine.concordance(lastArticles, term, options) }),
    extract({ html }) {
      if (typeof engine.extract !== 'function') throw Object.assign(new Error('this engine has no HTML reader'), { code: 'unsupported' });
      return engine.extract(html);
    },
    decode({ bytes, options }) {
      if (typeof engine.decode !== 'function') throw Object.assign(new Error('this engine has no decoder'), { code: 'unsupported' });
      return engine.decode(bytes, options);
    },
  };
  scope.onmessage = (event) => {
    const { id, type } = event.data;
    if (type === 'init') {
      try {
        exports = engine.initSync({ module: event.data.module });
        if (typeof engine.Session === 'function') {
          session = new engine.Session();
          try {
            session.setArticles(lastArticles);
          } catch {
            // Told by the next analysis, which is given the articles again.
          }
        }
        failure = null;
        scope.postMessage({ type: 'ready' });
      } catch (err) {
        failure = Object.assign(new Error(`the analysis engine could not be loaded (${err?.message ?? err})`), { code: 'engine-unavailable' });
      }
      return;
    }
    if (type === 'pairs') {
      if (awaited?.id === event.data.id) {
        awaited.resolve(event.data.aligned);
        awaited = null;
      } else arrived = { id: event.data.id, aligned: event.data.aligned };
      return;
    }
    if (type === 'articles') {
      try {
        keep(event.data.articles);
      } catch {
        lastArticles = event.data.articles; // Told by the next analysis, which reads them again.
      }
      return;
    }
    // A handler may wait (a helped analysis waits for the helper's pairs), so every
    // answer is posted when its promise settles; the engine's calls stay synchronous.
    Promise.resolve().then(() => {
      if (failure) throw failure;
      const handler = handlers[type];
      if (!handler) throw Object.assign(new Error(`unknown request ${type}`), { code: 'internal' });
      return handler(event.data);
    }).then((result) => scope.postMessage({ id, ok: true, result })).catch((err) => {
      // A trap (RuntimeError) leaves the wasm instance unusable: the client restarts the worker.
      const code = err instanceof WebAssembly.RuntimeError ? 'crashed' : (err?.code ?? 'internal');
      scope.postMessage({ id, ok: false, error: { code, message: String(err?.message ?? err) } });
    });
  };
}

/**
 * Reads the browser's locale data once, on the worker's thread, as soon as the worker
 * starts. The first `Intl` use in a page's process (a number formatted for the reader's
 * locale, a language's name) costs 15-30 ms in Chromium, once for the whole process:
 * it loads ICU's data. The page's own thread needs it first for the first view's counts,
 * just when it is busiest; a worker starts meanwhile with nothing to do until its wasm
 * comes, and once it has done this the page's first `Intl` use costs under 1 ms
 * (www/README.md, "Load"). Self-contained, like serveEngine: its source text is put in
 * the worker's script.
 */
export function warmLocaleData() {
  (0).toLocaleString();
}
