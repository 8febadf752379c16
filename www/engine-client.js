// The page's side of the worker: promises over request ids, and "latest wins" for
// analysis, so a burst of changes (a slider being dragged) runs at most one stale
// analysis instead of queueing every step.

export class EngineClient extends EventTarget {
  constructor(workerUrl = new URL('./worker.js', import.meta.url)) {
    super();
    this.workerUrl = workerUrl;
    this.nextId = 1;
    this.pending = new Map();
    this.analysisRunning = false;
    this.queuedAnalysis = null;
    this.start();
  }

  start() {
    this.worker = new Worker(this.workerUrl, { type: 'module' });
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      // A worker that fails to load answers nothing more: refuse new requests rather than hang.
      this.broken = { code: 'worker', message: `the analysis worker failed: ${event.message || 'it could not start'}` };
      this.failAll(this.broken);
    };
    this.broken = null;
  }

  /** True while any request is unanswered. */
  get busy() {
    return this.pending.size > 0 || this.queuedAnalysis !== null;
  }

  request(type, payload = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.broken) {
        reject(Object.assign(new Error(this.broken.message), { code: this.broken.code }));
        return;
      }
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, type, ...payload });
      this.notify();
    });
  }

  receive({ id, ok, result, error }) {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (ok) entry.resolve(result);
    else {
      if (error.code === 'crashed') this.restart();
      entry.reject(Object.assign(new Error(error.message), { code: error.code }));
    }
    this.notify();
  }

  restart() {
    this.worker.terminate();
    this.failAll({ code: 'crashed', message: 'the engine stopped; it was restarted' });
    this.start();
  }

  failAll(error) {
    for (const { reject } of this.pending.values()) reject(Object.assign(new Error(error.message), { code: error.code }));
    this.pending.clear();
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
    try {
      const result = await this.request('analyze', { articles: job.articles, options: job.options });
      job.resolve(this.queuedAnalysis ? null : result);
    } catch (err) {
      if (this.queuedAnalysis) job.resolve(null);
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

  notify() {
    this.dispatchEvent(new Event('busy'));
  }

  terminate() {
    this.worker.terminate();
  }
}
