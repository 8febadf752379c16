// Where the engine is: the wasm-bindgen glue (`--target web`) and its wasm. The one
// module a packager replaces (the npm build writes its own; the offline file inlines
// both as `glueSource` and `wasmBase64`, which, when exported, win over the URLs).
export const glueUrl = new URL('./pkg/parallax.js', import.meta.url).href;
export const wasmUrl = new URL('./pkg/parallax_bg.wasm', import.meta.url).href;
