// A plain page's consumer of the package: no bundler, only the import map in
// index.html says where `@parallax-news/parallax` is.
import init, { analyze, version } from '%PACKAGE%';

const out = document.getElementById('result');
try {
  await init();
  const fetchText = async (name) => (await fetch(`./seeds/${name}`)).text();
  const original = await fetchText('002_da9d12f0e6c681db.txt');
  const copy = await fetchText('003_b401989aadad514e.txt');
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
