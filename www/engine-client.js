// The main thread's side of the engine worker: promises over request ids, "latest
// wins" for analysis (a burst of changes, such as a slider being dragged, runs at
// most one stale analysis instead of queueing every step), and cancel: the engine
// cannot be interrupted inside a call, so cancelling ends the worker and the next
// request starts a new one (the compiled wasm is kept, so that is quick).
import { startEngineWorker } from './engine-loader.js';

export class EngineClient extends EventTarget {
  /** @param {{workerUrl?: string}} options a worker file for hosts whose CSP forbids blob: workers */
  constructor({ workerUrl } = {}) {
    super();
    this.workerUrl = workerUrl;
    this.nextId = 1;
    this.pending = new Map();
    this.analysisRunning = false;
    this.queuedAnalysis = null;
    this.worker = null;
    this.starting = null;
    this.broken = null;
    /** performance.now() when the running analysis was sent, for the progress display. */
    this.analysisStarted = 0;
  }

  /** The worker, started on first use. */
  ensureWorker() {
    this.starting ??= startEngineWorker(this.workerUrl).then((worker) => {
      worker.onmessage = (event) => this.receive(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        // A worker that fails to load answers nothing more: refuse new requests rather than hang.
        this.broken = { code: 'worker', message: `the analysis worker failed: ${event.message || 'it could not start'}` };
        this.failAll(this.broken);
      };
      this.worker = worker;
      return worker;
    }, (err) => {
      this.broken = { code: 'engine-unavailable', message: `the analysis engine could not be loaded (${err?.message ?? err})` };
      throw err;
    });
    return this.starting;
  }

  /** True while any request is unanswered. */
  get busy() {
    return this.pending.size > 0 || this.queuedAnalysis !== null;
  }

  request(type, payload = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, type });
      this.notify();
      this.ensureWorker().then((worker) => {
        if (this.pending.has(id)) worker.postMessage({ id, type, ...payload });
      }, () => this.failAll(this.broken));
    });
  }

  receive({ id, ok, result, error }) {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (ok) entry.resolve(result);
    else {
      if (error.code === 'crashed') this.stop({ code: 'crashed', message: 'the engine stopped; it was restarted' });
      entry.reject(Object.assign(new Error(error.message), { code: error.code }));
    }
    this.notify();
  }

  /** Ends the worker, failing what it was doing with `error`; the next request starts another. */
  stop(error) {
    this.worker?.terminate();
    this.worker = null;
    this.starting = null;
    this.broken = null;
    this.failAll(error);
  }

  failAll(error) {
    for (const { reject } of this.pending.values()) reject(Object.assign(new Error(error.message), { code: error.code }));
    this.pending.clear();
    this.notify();
  }

  /** Stops the running work; its promises reject with code 'cancelled'. */
  cancel() {
    if (this.queuedAnalysis) {
      this.queuedAnalysis.reject(Object.assign(new Error('cancelled'), { code: 'cancelled' }));
      this.queuedAnalysis = null;
    }
    if (this.pending.size > 0) this.stop({ code: 'cancelled', message: 'cancelled' });
    this.notify();
  }

  /**
   * Analyzes; resolves with `{report}` or `null` when a newer request made
   * this one stale before it was sent.
   */
  analyze(articles, options) {
    return new Promise((resolve, reject) => {
      if (this.queuedAnalysis) this.queuedAnalysis.resolve(null);
      this.queuedAnalysis = { articles, options, resolve, reject };
      this.notify();
      this.pump();
    });
  }

  async pump() {
    if (this.analysisRunning || !this.queuedAnalysis) return;
    const job = this.queuedAnalysis;
    this.queuedAnalysis = null;
    this.analysisRunning = true;
    this.analysisStarted = performance.now();
    try {
      const result = await this.request('analyze', { articles: job.articles, options: job.options });
      job.resolve(this.queuedAnalysis ? null : result);
    } catch (err) {
      if (this.queuedAnalysis && err.code !== 'cancelled') job.resolve(null);
      else job.reject(err);
    } finally {
      this.analysisRunning = false;
      this.notify();
      this.pump();
    }
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

  /** A file's bytes (Uint8Array) read as text: {text, encoding, bom, source, controls}. */
  decode(bytes, options) {
    return this.request('decode', { bytes, options });
  }

  notify() {
    this.dispatchEvent(new Event('busy'));
  }

  terminate() {
    this.stop({ code: 'cancelled', message: 'the engine was closed' });
  }
}
