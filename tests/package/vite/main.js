// A consumer of the npm package, as another project would write it: import by
// package name (run.mjs writes it for %PACKAGE%), let the bundler find and emit
// the wasm (no wasm plugin), call the API.
import init, { analyze, version } from '%PACKAGE%';
import original from './seeds/002_da9d12f0e6c681db.txt?raw';
import copy from './seeds/003_b401989aadad514e.txt?raw';

const out = document.getElementById('result');
try {
  await init();
  const report = analyze([
    { id: 'original', text: original },
    { id: 'copy', title: 'The copy', text: copy },
  ]);
  const pair = report.pairs[0];
  const first = pair.passages[0];
  out.textContent = JSON.stringify({
    version: version(),
    titles: report.documents.map((d) => d.title),
    copyInOriginal: pair.containment.bInA,
    firstPassage: [original.slice(first.a.start, first.a.end), copy.slice(first.b.start, first.b.end)],
  });
} catch (err) {
  out.textContent = JSON.stringify({ error: String(err) });
}
out.dataset.done = 'true';
