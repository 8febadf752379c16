// The README's advice for Vite's dev server, which pre-bundles dependencies and
// would leave the wasm behind. (`vite build` needs no config; the test builds
// without this file.)
export default { optimizeDeps: { exclude: ['%PACKAGE%'] } };
