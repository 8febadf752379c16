// Writes www/app.bundle.js: the demo page's modules (app.js and everything it
// imports) as ONE module script, which index.html loads. The page's 30 modules,
// even all preloaded, took until about 300 ms after navigation to arrive and run
// on this machine (two cores shared with the browser's other processes); as one
// file they run at about 160 ms (`node benches/page.mjs`, www/README.md "Load").
// The modules stay in www/ as they are: the element's npm copy (pkg/widget/), the
// offline file (tools/build-dist.mjs) and the tests use them one by one.
//
// The engine's glue (www/pkg/parallax.js) is in the bundle too, as engine-location.js's
// `glueSource`: the engine's worker is made of it (engine-loader.js), and fetching it
// waited on the page's busy main thread (its response and its text are main-thread
// tasks), so the worker started after the wasm had compiled; inline it starts at once
// and is ready about 30 ms sooner (www/README.md, "Load"). The glue is in it as code
// too (`pageThreadGlue`): the first comparison of a small set runs on the page's own
// thread while the worker starts. The wasm stays a file: it compiles as it streams in.
//
//   node tools/build-page.mjs          (make build; needs esbuild and www/pkg/parallax.js)
//   import { bundlePage } from './build-page.mjs'   (the bundle's text, not written)
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WWW = fileURLToPath(new URL('../www/', import.meta.url));
export const BUNDLE = 'app.bundle.js';

/** How the page's modules are bundled, here and in the offline file (tools/build-dist.mjs, which adds its plugin). */
export const PAGE_BUILD = {
  entryPoints: [join(WWW, 'app.js')],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  write: false,
  legalComments: 'none',
};

/** engine-location.js with the glue inline (`glueSource`); the URLs as they are. */
const inlineGlue = {
  name: 'parallax-inline-glue',
  setup(b) {
    b.onLoad({ filter: /[\\/]www[\\/]engine-location\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const glue = readFileSync(join(WWW, 'pkg/parallax.js'), 'utf8');
      const inlined = source.replace(/^export const glueSource = null;$/m, () => `export const glueSource = ${JSON.stringify(glue)};`);
      if (inlined === source) throw new Error('engine-location.js: no `export const glueSource = null;` line to replace');
      // The glue as code too, for the first comparison on the page's own thread: no
      // other script on this page uses it.
      const withCode = inlined.replace(/^export const pageThreadGlue = null;$/m, "export * as pageThreadGlue from './pkg/parallax.js';");
      if (withCode === inlined) throw new Error('engine-location.js: no `export const pageThreadGlue = null;` line to replace');
      return { contents: withCode, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/** The bundle's text: the same for the same sources and glue (the e2e tests compare it with the file). */
export async function bundlePage() {
  const result = await build({ ...PAGE_BUILD, plugins: [inlineGlue] });
  return result.outputFiles[0].text;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = await bundlePage();
  writeFileSync(join(WWW, BUNDLE), text);
  console.log(`www/${BUNDLE}: ${text.length} bytes`);
}
