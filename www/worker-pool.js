// A pool of engine workers sized to the machine (navigator.hardwareConcurrency),
// sharing independent requests: the bulk input's `decode` and `extract` of each file
// run on every core at once instead of one after another on the element's worker.
// Each worker is an ordinary engine worker (engine-loader.js: the wasm is compiled
// once by the main thread) speaking the protocol of worker-core.js; the pool only
// hands each request to the worker with the fewest unanswered ones.
//
// `analyze` is not shared here: a large one is split by the element's engine client
// between its worker and one helper worker (engine-client.js, `helpAlign`), since
// an analysis is two halves that each read every article (the texts' statistics and
// the pairs), not independent requests.
import { startEngineWorker, useFullEngine } from './engine-loader.js';

/** The most workers started, whatever the machine says: each holds its own wasm memory. */
const MAX_WORKERS = 8;

export class WorkerPool {
  /** @param {{size?: number, workerUrl?: string}} options */
  constructor({ size = poolSize(), workerUrl } = {}) {
    this.size = Math.max(1, Math.min(MAX_WORKERS, size));
    this.workerUrl = workerUrl;
    this.nextId = 1;
    /** [{worker: Promise<Worker>, pending: Map<id, {resolve, reject}>}] */
    this.slots = [];
    this.closed = false;
  }

  /** Sends `{type, ...payload}` to the least busy worker; resolves with its result, rejects with {code, message}. */
  run(type, payload = {}) {
    if (this.closed) return Promise.reject(errorOf({ code: 'cancelled', message: 'the worker pool was closed' }));
    const slot = this.pick();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.then((worker) => worker.postMessage({ id, type, ...payload }), (err) => {
        slot.pending.delete(id);
        reject(errorOf({ code: 'engine-unavailable', message: `the analysis engine could not be loaded (${err?.message ?? err})` }));
      });
    });
  }

  /** The slot with the fewest unanswered requests, starting another worker while there are fewer than `size`. */
  pick() {
    const idle = this.slots.find((s) => s.pending.size === 0);
    if (idle) return idle;
    if (this.slots.length < this.size) return this.start();
    return this.slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
  }

  start() {
    // The bulk input reads HTML and legacy encodings, which only the full engine
    // has (the lean first-load engine refuses them, src/lean.rs): from here on
    // every worker of the page gets the full one.
    useFullEngine();
    const slot = { pending: new Map(), worker: null };
    slot.worker = startEngineWorker(this.workerUrl).then((worker) => {
      worker.onmessage = ({ data: { id, ok, result, error } }) => {
        const entry = slot.pending.get(id);
        if (!entry) return;
        slot.pending.delete(id);
        if (ok) entry.resolve(result);
        else entry.reject(errorOf(error));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.fail(slot, { code: 'worker', message: `a worker of the pool failed: ${event.message || 'it could not start'}` });
      };
      if (this.closed) worker.terminate();
      slot.terminate = () => worker.terminate();
      return worker;
    });
    this.slots.push(slot);
    return slot;
  }

  fail(slot, error) {
    for (const { reject } of slot.pending.values()) reject(errorOf(error));
    slot.pending.clear();
  }

  /** Ends every worker; what they were doing rejects with code 'cancelled'. */
  terminate() {
    this.closed = true;
    for (const slot of this.slots) {
      slot.terminate?.();
      this.fail(slot, { code: 'cancelled', message: 'cancelled' });
    }
    this.slots = [];
  }
}

/** One worker per core the browser reports (2 when it does not say), at most MAX_WORKERS. */
export function poolSize() {
  return Math.min(MAX_WORKERS, Math.max(1, globalThis.navigator?.hardwareConcurrency || 2));
}

function errorOf({ code, message }) {
  return Object.assign(new Error(message), { code });
}
