// The package's entry under Node (the `node` condition of its exports).
//
// The entry elsewhere (index.js) loads the engine with the glue's `init`, which
// fetches the wasm: Node 20 cannot fetch a file: URL. Here the wasm is read from
// disk and compiled when the module is imported, so `analyze` works at once and
// `init()` only resolves.
import { readFileSync } from 'node:fs';
import { initSync } from './parallax.js';

export * from './index.js';

const output = initSync({ module: readFileSync(new URL('./parallax_bg.wasm', import.meta.url)) });

/** Nothing left to load under Node: resolves to the engine loaded on import. */
export default async function init() {
  return output;
}
