// The main thread's side of the engine worker: promises over request ids, "latest
// wins" for analysis (a burst of changes, such as a slider being dragged, runs at
// most one stale analysis instead of queueing every step), cancel and a time limit.
// The engine cannot be interrupted inside a call, so stopping an analysis ends its
// worker and starts another at once (the compiled wasm is kept, so that is quick);
// the new worker is given the articles of the last finished analysis.
import { startEngineWorker, markOnce, useFullEngine, usingFullEngine, onFullEngine, pageThreadEngine } from './engine-loader.js';

/** A running analysis that a newer one replaced is given this long from its start, then its worker is ended. */
export const SUPERSEDE_MS = 500;
/**
 * wasm memory never shrinks: a worker whose memory an analysis took past this is
 * replaced once that analysis is answered. The seeds run in ~20 MiB; a 6 MB article
 * takes the memory past it (www/README.md, "Memory").
 */
export const MEMORY_LIMIT = 256 * 1024 * 1024;

/**
 * From this many articles an analysis is shared with a helper worker, on a machine
 * with more than two cores: the helper aligns the pairs while the element's worker
 * computes what reads the texts alone (worker-core.js, `helped`). Below it a
 * second worker's start and reading of the texts costs more than it saves. On two
 * cores it is off: there the page's own thread and two busy workers share two
 * cores, and the element's half slowed by as much as the helper took off it
 * (measured: 1,000 articles in 4.19-5.03 s helped, 4.43-4.79 s alone; www/README.md).
 */
export const HELP_FROM = 200;

/**
 * From this many articles an analysis answers twice: first the comparison only (the
 * option `comparisonOnly`: pairs, passages, groups; half the work at 1,000
 * articles), so that the list, the matrix and the pair view are on screen sooner,
 * then the whole report (the worker's session computes only the rest the second
 * time: term statistics, quotes, facts, relations). Below it the rest takes too
 * little time to be worth a second report, except in a worker's first analysis:
 * V8 runs it on code from its baseline compiler, compiled as each function is first
 * called, and there the rest (60 % of the seeds' analysis) takes 100 ms or more
 * (benches/cold.mjs), so a fresh worker answers early whatever the count (a
 * client's first comparison of a small set comes from the page's own thread
 * instead: PAGE_THREAD_UP_TO).
 */
export const EARLY_FROM = 200;

/**
 * Up to this many characters (the articles' texts and titles), a client's first
 * analysis is compared on the page's own thread, where the wasm is compiled 40-50
 * ms before a fresh worker is up, while the worker starts; the worker then computes
 * only the whole report (`compareOnPageThread`). The seeds (27,500 characters) take
 * 25-60 ms there, once, before the page has a comparison to interact with; the
 * bound keeps that block short on a larger first set (www/README.md, "Load").
 */
export const PAGE_THREAD_UP_TO = 48_000;

/** HELP_FROM on a machine with more than two cores, else 0 (no helper). */
function defaultHelpFrom() {
  return (globalThis.navigator?.hardwareConcurrency ?? 2) > 2 ? HELP_FROM : 0;
}

const isAnalysis = (entry) => entry.type === 'analyze';

export class EngineClient extends EventTarget {
  /**
   * @param {{workerUrl?: string, memoryLimit?: number, supersedeMs?: number, helpFrom?: number}} options
   *   workerUrl: a worker file for hosts whose CSP forbids blob: workers
   *   helpFrom: articles from which a helper worker aligns the pairs (HELP_FROM above two cores; 0: never)
   *   earlyFrom: articles from which `analyze` calls `onEarly` with the comparison only first (EARLY_FROM; 0: never)
   */
  constructor({ workerUrl, memoryLimit = MEMORY_LIMIT, supersedeMs = SUPERSEDE_MS, helpFrom = defaultHelpFrom(), earlyFrom = EARLY_FROM } = {}) {
    super();
    this.workerUrl = workerUrl;
    /** Articles from which an analysis first answers with the comparison only (`onEarly`; 0: never). */
    this.earlyFrom = earlyFrom;
    /** Articles from which a helper worker shares an analysis (0: never). */
    this.helpFrom = helpFrom;
    /** The helper worker aligning the running analysis' pairs, or null. */
    this.helper = null;
    this.memoryLimit = memoryLimit;
    this.supersedeMs = supersedeMs;
    this.nextId = 1;
    /** id → {resolve, reject, type, message, sent} */
    this.pending = new Map();
    /** The analysis sent to the worker: {started, limitTimer, supersedeTimer}, or null. */
    this.running = null;
    this.queuedAnalysis = null;
    this.worker = null;
    /** True once the worker has answered an analysis (its first is answered early, see EARLY_FROM). */
    this.workerWarm = false;
    /** True once an analysis was considered for the page's own thread (`compareOnPageThread`: once per client). */
    this.pageThreadTried = false;
    this.starting = null;
    /** Bumped whenever the worker is ended: a worker that was still starting is then ended when it arrives. */
    this.workerGeneration = 0;
    /** How many workers this client has started and used (the first, and each one after a cancel, time limit or memory reset). */
    this.workersStarted = 0;
    this.broken = null;
    /** The articles of the last finished analysis: a replacement worker gets them for `concordance`. */
    this.articles = null;
    /** The worker's timings of the last finished analysis ({analyzeMs}), for benches. */
    this.lastTimings = null;
    /** performance.now() when the running analysis was sent, for the progress display. */
    this.analysisStarted = 0;
    // The page switched to the full engine (the bulk input, while it reads the files):
    // an idle lean worker is replaced now, so that the next analysis finds the full
    // engine started rather than starting it (0.1-0.2 s with 1,000 articles).
    this.stopListening = onFullEngine(() => {
      if (!this.busy) this.replaceLeanWorker();
    });
  }

  /** The worker, started on first use; resolves with null when it was replaced while starting or could not start. */
  ensureWorker() {
    if (this.starting) return this.starting;
    const generation = ++this.workerGeneration;
    const wanted = () => generation === this.workerGeneration;
    this.starting = startEngineWorker(this.workerUrl, wanted).then((worker) => {
      if (!worker || !wanted()) {
        worker?.terminate();
        return null;
      }
      this.workersStarted += 1;
      worker.onmessage = (event) => this.receive(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        // A worker that fails to load answers nothing more: refuse new requests rather than hang.
        this.broken = { code: 'worker', message: `the analysis worker failed: ${event.message || 'it could not start'}` };
        this.failAll(this.broken);
      };
      if (this.articles) worker.postMessage({ type: 'articles', articles: this.articles });
      this.worker = worker;
      this.flush();
      return worker;
    }, (err) => {
      if (generation !== this.workerGeneration) return null;
      this.broken = { code: 'engine-unavailable', message: `the analysis engine could not be loaded (${err?.message ?? err})` };
      this.failAll(this.broken);
      return null;
    });
    return this.starting;
  }

  /** True while any request is unanswered. */
  get busy() {
    return this.pending.size > 0 || this.queuedAnalysis !== null;
  }

  /** True while an analysis is with the worker. */
  get analysisRunning() {
    return this.running !== null;
  }

  /** `onSent` is called when the request is posted to a worker (again after the worker is replaced). */
  request(type, payload = {}, { onSent, onEarly } = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, type, message: { id, type, ...payload }, sent: false, onSent, onEarly });
      this.notify();
      this.ensureWorker().then(() => this.flush());
    });
  }

  /** Sends the requests not yet sent to the current worker (or fails them when the engine is broken). */
  flush() {
    if (this.broken) {
      this.failAll(this.broken);
      return;
    }
    if (!this.worker) return;
    for (const entry of this.pending.values()) {
      if (entry.sent) continue;
      entry.sent = true;
      this.worker.postMessage(entry.message);
      entry.onSent?.(this.worker, entry.message.id);
    }
  }

  receive({ id, type, ok, result, error }) {
    if (type === 'ready') {
      markOnce('parallax:worker-ready');
      return;
    }
    const entry = this.pending.get(id);
    if (!entry) return;
    if (type === 'early') {
      entry.onEarly?.(result);
      return;
    }
    if (!ok && this.askedFullEngine(error)) return;
    this.pending.delete(id);
    if (ok) entry.resolve(result);
    else {
      if (error.code === 'crashed') this.replaceWorker({ code: 'crashed', message: 'the engine stopped; it was restarted' });
      entry.reject(errorOf(error));
    }
    this.notify();
  }

  /**
   * The lean engine (the page's first load, src/lean.rs) refused an input that only
   * the full engine handles: from now on workers get the full engine, and every
   * pending request is sent again to one. False for any other answer.
   */
  askedFullEngine(error) {
    // Only the lean engine answers this code, so the worker was a lean one, even
    // when the page already switched (the bulk input's pool, another element).
    if (error?.code !== 'needs-full-engine') return false;
    useFullEngine();
    this.replaceWorker(null, () => false);
    return true;
  }

  /**
   * Ends the worker and starts another at once. The pending requests `drop` picks
   * reject with `error`; the others are sent again to the new worker.
   */
  replaceWorker(error, drop = () => true) {
    this.endWorker();
    for (const [id, entry] of this.pending) {
      if (error && drop(entry)) {
        this.pending.delete(id);
        entry.reject(errorOf(error));
      } else entry.sent = false;
    }
    this.notify();
    this.ensureWorker();
  }

  endWorker() {
    this.endHelper();
    this.workerGeneration += 1;
    this.worker?.terminate();
    this.worker = null;
    this.workerWarm = false; // The next worker is a fresh one.
    this.starting = null;
    this.broken = null;
  }

  failAll(error) {
    for (const { reject } of this.pending.values()) reject(errorOf(error));
    this.pending.clear();
    this.notify();
  }

  /** Stops the running work; its promises reject with code 'cancelled'. A new worker is started at once. */
  cancel() {
    if (this.queuedAnalysis) {
      this.queuedAnalysis.reject(errorOf({ code: 'cancelled', message: 'cancelled' }));
      this.queuedAnalysis = null;
    }
    if (this.pending.size > 0) this.replaceWorker({ code: 'cancelled', message: 'cancelled' });
    this.notify();
  }

  /**
   * Analyzes; resolves with `{report, memoryBytes}` or `null` when a newer request
   * made this one stale. `timeLimit` (ms, 0: none): after that long the worker is
   * ended and the promise rejects with code 'timeout'. From `earlyFrom` articles,
   * `onEarly({report})` is called first with the report of the comparison only (its
   * `comparisonOnly` is true), unless the options ask for that alone.
   */
  analyze(articles, options, { timeLimit = 0, onEarly } = {}) {
    return new Promise((resolve, reject) => {
      if (this.queuedAnalysis) this.queuedAnalysis.resolve(null);
      this.queuedAnalysis = { articles, options, timeLimit, onEarly, resolve, reject };
      this.notify();
      if (this.running) this.endSuperseded(this.running);
      this.pump();
    });
  }

  /**
   * The running analysis was replaced by a newer one. A short one is waited for (a
   * new worker costs more than it); one that has run `supersedeMs` is ended with its
   * worker, so that a runaway analysis does not hold up the one the reader wants.
   */
  endSuperseded(running) {
    if (running.supersedeTimer) return;
    const left = this.supersedeMs - (performance.now() - running.started);
    running.supersedeTimer = setTimeout(() => {
      if (this.running !== running || !this.queuedAnalysis) return;
      this.replaceWorker({ code: 'superseded', message: 'a newer analysis replaced it' }, isAnalysis);
    }, Math.max(0, left));
  }

  async pump() {
    if (this.running || !this.queuedAnalysis) return;
    const job = this.queuedAnalysis;
    this.queuedAnalysis = null;
    const running = { started: performance.now(), limitTimer: 0, supersedeTimer: 0 };
    this.running = running;
    this.analysisStarted = running.started;
    this.replaceLeanWorker();
    const helped = this.helpAlign(job);
    // The clocks start when the worker has the job: starting the first worker (compiling the wasm) is not the analysis.
    const sent = (worker, id) => {
      running.started = performance.now();
      this.analysisStarted = running.started;
      if (job.timeLimit > 0) this.limitTime(running, job.timeLimit);
      // The helper's pairs follow the request to whichever worker it was sent to
      // (again to a replacement); null when the helper has none.
      helped?.then((aligned) => worker.postMessage({ type: 'pairs', id, aligned }));
    };
    try {
      const wantsEarly = this.wantsEarly(job);
      // The comparison first: on the page's own thread when it can, else by the worker.
      const early = wantsEarly && !(await this.compareOnPageThread(job));
      const payload = { articles: job.articles, options: job.options, helped: Boolean(helped), early };
      // The comparison first, unless a newer analysis is already waiting.
      const onEarly = early ? (result) => { if (!this.queuedAnalysis) job.onEarly(result); } : undefined;
      const result = await this.request('analyze', payload, { onSent: sent, onEarly });
      this.articles = job.articles;
      this.workerWarm = true;
      this.lastTimings = result?.timings ?? null;
      job.resolve(this.queuedAnalysis ? null : result);
      if (result?.memoryBytes > this.memoryLimit) this.replaceWorker(null);
    } catch (err) {
      if (this.queuedAnalysis && err.code !== 'cancelled') job.resolve(null);
      else job.reject(err);
    } finally {
      this.endHelper();
      clearTimeout(running.limitTimer);
      clearTimeout(running.supersedeTimer);
      this.running = null;
      this.notify();
      this.pump();
    }
  }

  /**
   * Shows the comparison only of `job` (its `onEarly`), computed on the page's own
   * thread: once per client, for its first analysis, when the articles are small
   * enough (PAGE_THREAD_UP_TO) and the page's build has the engine's glue as code
   * (engine-loader.js, `pageThreadEngine`). True when shown; false leaves the early
   * answer to the worker (an input the lean engine refuses, `needs-full-engine`,
   * included).
   */
  async compareOnPageThread(job) {
    if (this.pageThreadTried || this.workerWarm) return false;
    this.pageThreadTried = true;
    const chars = job.articles.reduce((n, a) => n + String(a.text ?? '').length + String(a.title ?? '').length, 0);
    if (chars > PAGE_THREAD_UP_TO) return false;
    let report;
    try {
      const engine = await pageThreadEngine();
      if (!engine) return false;
      // One turn of the event loop first: the tasks that start the worker's thread
      // run before the comparison holds this thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.queuedAnalysis) return false;
      report = engine.analyze(job.articles, { ...job.options, comparisonOnly: true });
    } catch {
      return false;
    }
    markOnce('parallax:page-thread-comparison');
    job.onEarly({ report });
    return true;
  }

  /**
   * True when `job` should answer first with the comparison only (EARLY_FROM): new
   * articles to read, and many of them or a worker that has not analyzed yet. A
   * changed setting over the same articles is answered whole: the session
   * recomputes little of the rest, and the views that show it would only flash
   * "still reading".
   */
  wantsEarly(job) {
    const n = job.articles?.length ?? 0;
    return Boolean(job.onEarly) && this.earlyFrom > 0 && (n >= this.earlyFrom || !this.workerWarm)
      && !job.options?.comparisonOnly && !sameArticles(job.articles, this.articles);
  }

  /**
   * A helper worker for a large set (HELP_FROM): it aligns the pairs of `job` while
   * the element's worker prepares the rest. Resolves with its pairs (alignPairs'
   * answer), or null when it fails (the element's worker then aligns them itself);
   * null instead of a promise when the set is too small to share.
   */
  helpAlign(job) {
    if (!this.helpFrom || !job.articles || job.articles.length < this.helpFrom) return null;
    const helper = { worker: null, settle: null };
    this.helper = helper;
    return new Promise((resolve) => {
      helper.settle = (aligned) => {
        helper.worker?.terminate();
        if (this.helper === helper) this.helper = null;
        resolve(aligned);
      };
      startEngineWorker(this.workerUrl, () => this.helper === helper).then((worker) => {
        if (!worker) return helper.settle(null);
        helper.worker = worker;
        worker.onmessage = ({ data }) => {
          if (data.type !== 'ready') helper.settle(data.ok ? data.result : null);
        };
        worker.onerror = (event) => {
          event.preventDefault();
          helper.settle(null);
        };
        worker.postMessage({ id: 1, type: 'alignPairs', articles: job.articles, options: job.options });
      }, () => helper.settle(null));
    });
  }

  /** Ends the helper worker, if one is aligning: the analysis waiting for it goes on alone. */
  endHelper() {
    this.helper?.settle(null);
  }

  /**
   * The element's worker still has the lean engine although the page has switched to
   * the full one (the bulk input's pool, another element): an analysis of new articles
   * would likely be refused by it, so a worker with the full engine takes over first.
   */
  replaceLeanWorker() {
    if (this.worker && !this.worker.fullEngine && usingFullEngine()) this.replaceWorker(null);
  }

  /** After `ms` the running analysis is stopped with its worker: its promise rejects with code 'timeout'. */
  limitTime(running, ms) {
    clearTimeout(running.limitTimer);
    running.limitTimer = setTimeout(() => {
      if (this.running !== running) return;
      const seconds = Math.round(ms / 100) / 10;
      this.replaceWorker({ code: 'timeout', message: `the analysis took longer than the time limit (${seconds} s)` }, isAnalysis);
    }, ms);
  }

  concordance(term, options) {
    return this.request('concordance', { term, options });
  }

  info() {
    return this.request('info');
  }

  extract(html) {
    return this.request('extract', { html });
  }

  /** The size of the worker's wasm memory in bytes (a debugging aid: it never shrinks). */
  memory() {
    return this.request('memory').then(({ bytes }) => bytes);
  }

  /** A file's bytes (Uint8Array) read as text: {text, encoding, bom, source, controls}. */
  decode(bytes, options) {
    return this.request('decode', { bytes, options });
  }

  notify() {
    this.dispatchEvent(new Event('busy'));
  }

  /** Ends the worker for good (the element was removed); the next request starts another. */
  terminate() {
    this.stopListening();
    if (this.queuedAnalysis) {
      this.queuedAnalysis.reject(errorOf({ code: 'cancelled', message: 'the engine was closed' }));
      this.queuedAnalysis = null;
    }
    this.endWorker();
    this.failAll({ code: 'cancelled', message: 'the engine was closed' });
  }
}

/** True when `a` and `b` hold the same articles (ids and texts) in the same order. */
function sameArticles(a, b) {
  return Boolean(a && b) && a.length === b.length && a.every((x, i) => x.id === b[i].id && x.text === b[i].text);
}

function errorOf({ code, message }) {
  return Object.assign(new Error(message), { code });
}
