// Where the engine is: the wasm-bindgen glue (`--target web`) and its wasm (one glue
// serves both the full and the lean engine, the Makefile checks it). The one
// module a packager replaces (the npm build writes its own). `glueSource` and
// `wasmBase64` (the wasm, or the wasm gzipped, in base64), when not null, win over
// the URLs: the offline file inlines both.
// (Bundlers resolve `new URL('…', import.meta.url)` and emit both files as assets.)
export const glueUrl = new URL('./pkg/parallax.js', import.meta.url).href;
export const wasmUrl = new URL('./pkg/parallax_bg.wasm', import.meta.url).href;
// The lean engine (src/lean.rs), which workers get first: the full engine's answers
// for the inputs it has everything for, `needs-full-engine` for the others. Null:
// no lean engine, `wasmUrl` (or `wasmBase64`) from the start.
export const leanWasmUrl = new URL('./pkg/parallax_lean_bg.wasm', import.meta.url).href;
export const glueSource = null;
export const wasmBase64 = null;
// The glue as code, for the page's first comparison on its own thread
// (engine-loader.js, `pageThreadEngine`); the page's bundle sets it
// (tools/build-page.mjs), null elsewhere: a host's page may use the package's glue
// itself, and the glue holds one instance.
export const pageThreadGlue = null;
