// Starts engine workers. One way that works everywhere, file:// included (measured in
// Chromium: a module worker from a blob: URL and `new Worker('file.js')` are refused
// on file://, a classic worker from a blob: URL is not): the worker is a CLASSIC
// script made from the wasm-bindgen glue (its `export`s removed) followed by
// worker-core.js's `serveEngine`, and the main thread compiles the wasm once and
// posts the compiled module to every worker it starts.
// A host whose CSP forbids blob: workers passes `workerUrl` (a module worker file
// such as worker.js); it gets the same compiled module.
import * as location from './engine-location.js';
import { serveEngine, warmLocaleData } from './worker-core.js';

/** Compiled engines by URL ('' for the inline one), each compiled once per page. */
const modulePromises = new Map();
let blobUrlPromise = null;
/** The page's own thread's engine bound to its module (`pageThreadEngine`), once. */
let pageThreadBound = null;
/** Workers get the full engine: there is no lean one, or an input needed the full one. */
let fullEngine = !location.leanWasmUrl || Boolean(location.wasmBase64);

/** The compiled wasm the next worker gets: the lean engine until an input needs the full one. */
export function engineModule() {
  const url = fullEngine ? (location.wasmBase64 ? '' : location.wasmUrl) : location.leanWasmUrl;
  if (!modulePromises.has(url)) {
    modulePromises.set(url, compileWasm(url).then((module) => {
      markOnce('parallax:wasm-compiled');
      return module;
    }, (err) => {
      modulePromises.delete(url); // A later element may try again (the network may be back).
      throw err;
    }));
  }
  return modulePromises.get(url);
}

/**
 * The engine on the page's own thread, or null when the page's build did not
 * bundle the glue as code (engine-location.js, `pageThreadGlue`: only the page's
 * own bundle and the offline file do, so no host's use of the package's glue
 * shares its instance). Bound once, to the module the workers got then (the glue
 * holds one instance). For the first comparison of a small set
 * (EngineClient.compareOnPageThread); every other call goes to a worker. Its
 * memory (1.6 MB after the seeds) stays for the page's life.
 */
export async function pageThreadEngine() {
  const glue = location.pageThreadGlue;
  if (!glue) return null;
  pageThreadBound ??= engineModule().then((module) => glue.initSync({ module }));
  await pageThreadBound;
  return glue;
}

/** True when workers started now get the full engine. */
export function usingFullEngine() {
  return fullEngine;
}

/** Called when the page switches to the full engine, which happens once (EngineClient replaces an idle lean worker then). */
const fullEngineListeners = new Set();

/** Calls `listener()` when the page switches to the full engine; returns the function that stops it. */
export function onFullEngine(listener) {
  fullEngineListeners.add(listener);
  return () => fullEngineListeners.delete(listener);
}

/**
 * Every worker started from now on gets the full engine (the lean one answered
 * `needs-full-engine`, see src/lean.rs, or the bulk input started its pool). False
 * when they already do.
 */
export function useFullEngine() {
  if (fullEngine) return false;
  fullEngine = true;
  for (const listener of fullEngineListeners) listener();
  return true;
}

async function compileWasm(url) {
  if (!url) return compileInline(base64Bytes(location.wasmBase64));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  // compileStreaming needs the application/wasm type; some servers send another.
  if (response.headers.get('content-type')?.startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * The inline wasm compiled: gzip data (the offline file gzips the wasm: 118 kB less
 * gzipped, 960 kB less raw) is compiled as it decompresses, by streaming.
 */
function compileInline(bytes) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return WebAssembly.compile(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return WebAssembly.compileStreaming(new Response(stream, { headers: { 'content-type': 'application/wasm' } }));
}

function base64Bytes(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A performance mark for the first time a step of the page's load happens (benches/page.mjs reads them). */
export function markOnce(name) {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

/** The blob: URL of the classic worker script (made once per page). */
function workerBlobUrl() {
  blobUrlPromise ??= (async () => {
    const glue = location.glueSource ?? await fetch(location.glueUrl).then((r) => {
      if (!r.ok) throw new Error(`${location.glueUrl} answered ${r.status}`);
      return r.text();
    });
    const source = workerSource(glue);
    return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  })().catch((err) => {
    blobUrlPromise = null;
    throw err;
  });
  return blobUrlPromise;
}

/**
 * The classic worker script: the glue as a classic script, then serveEngine over the
 * glue's functions. `typeof` keeps functions an older or newer engine lacks optional.
 */
export function workerSource(glue) {
  const names = ['initSync', 'analyze', 'concordance', 'version', 'languages', 'extract', 'decode', 'Session'];
  const engine = names.map((n) => `${n}: typeof ${n} === 'function' ? ${n} : undefined`).join(', ');
  return `(${warmLocaleData.toString()})();\n${classicGlue(glue)}\n;(${serveEngine.toString()})(self, { ${engine} });\n`;
}

/**
 * wasm-bindgen's `--target web` glue as a classic script: `export` keywords and the
 * export list removed, `import.meta.url` (only read when init() is given no module)
 * replaced. An `import` in the glue (a JS snippet) cannot be made classic: refused.
 */
export function classicGlue(glue) {
  if (/^\s*import\s/m.test(glue)) throw new Error('the engine glue imports other modules; use a worker-url');
  return glue
    .replace(/^export\s*\{[^}]*\};?[ \t]*$/gm, '')
    .replace(/^export\s+default\s+/gm, 'const __wbg_default = ')
    .replace(/^export\s+(?=(async\s+)?function|class|const|let|var)/gm, '')
    .replace(/import\.meta\.url/g, 'self.location.href');
}

/**
 * A started worker that has been given the compiled engine. The worker is started as
 * soon as its script is there, so that it reads the glue while the wasm still compiles;
 * the module is posted when it is ready. Rejects when the glue or the wasm cannot be
 * loaded; null when `wanted()` says, once they are, that it is no longer needed (it was
 * replaced or closed while the wasm compiled).
 */
export async function startEngineWorker(workerUrl, wanted = () => true) {
  const full = fullEngine;
  const compiled = engineModule();
  compiled.catch(() => {}); // Told by the await below, or by the glue's failure.
  const url = workerUrl ?? await workerBlobUrl();
  if (!wanted()) return null;
  const worker = workerUrl ? new Worker(url, { type: 'module' }) : new Worker(url);
  let module;
  try {
    module = await compiled;
  } catch (err) {
    worker.terminate();
    throw err;
  }
  if (!wanted()) {
    worker.terminate();
    return null;
  }
  worker.postMessage({ type: 'init', module });
  /** Which engine it has (EngineClient.replaceLeanWorker reads it). */
  worker.fullEngine = full;
  return worker;
}
