import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default {
  root: here('.'),
  logLevel: 'warn',
  // `parallax` resolves to the wasm-pack output exactly as an installed package would.
  resolve: { alias: { parallax: here('../../pkg') } },
  server: { fs: { allow: [here('../..')] } },
  build: { outDir: here('dist'), emptyOutDir: true, target: 'es2022' },
};
