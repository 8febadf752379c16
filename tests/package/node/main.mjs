// A Node 20 consumer of the package, written as its README says: import by name,
// `await init()`, call. Prints what the test checks as one JSON line.
//   node main.mjs SEED_DIR SEED... -- NEWS_FIXTURE.json...
import init, * as parallax from '%PACKAGE%';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const [dir, ...files] = args.slice(0, args.indexOf('--'));
const fixtures = args.slice(args.indexOf('--') + 1);
const out = { entry: import.meta.resolve('%PACKAGE%'), exports: Object.keys(parallax).sort() };
try {
  await init();
  await init(); // harmless a second time
  const articles = files.map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
  out.report = parallax.analyze(articles, { minPassageWords: 8 });
  out.version = parallax.version();
  out.languages = parallax.languages();
  out.stopWords = parallax.stopWordList('en').length;
  out.tokens = parallax.tokenize('The cat sat.', { stopWords: true });
  out.frequencies = parallax.termFrequencies('cats and cats and dogs');
  out.concordance = parallax.concordance(articles, 'said', { context: 10 });
  out.aligned = parallax.alignTexts(articles[0].text, articles[0].text, { minPassageWords: 8 });
  out.pan = parallax.panAlign(articles[0].text, articles[0].text);
  try {
    parallax.analyze(articles, { noSuchOption: 1 });
  } catch (err) {
    out.errorCode = err.code;
  }
  // A number where a text goes: refused with a code, not a trap of the engine.
  for (const [name, call] of [['tokenize', () => parallax.tokenize(5)], ['extract', () => parallax.extract(5)], ['decode', () => parallax.decode('text')]]) {
    try {
      call();
      (out.notText ??= {})[name] = 'accepted';
    } catch (err) {
      (out.notText ??= {})[name] = err.code;
    }
  }
  out.fixtureErrors = [];
  out.fixtureReports = fixtures.flatMap(fixtureReports);
} catch (err) {
  out.error = String(err?.stack ?? err);
}
console.log(JSON.stringify(out));

// An article as `analyze` takes it: the fixtures' own keys (e.g. `expect`) left out.
function asArticle({ id, title, text, boilerplateOverrides }) {
  return { id, text, ...(title === undefined ? {} : { title }), ...(boilerplateOverrides === undefined ? {} : { boilerplateOverrides }) };
}

// The reports of every case of a news fixture file (a list of `{name, articles}`,
// or `{cases: [...]}`), so that the news fields are type-checked with content.
function fixtureReports(file) {
  const table = JSON.parse(readFileSync(file, 'utf8'));
  const cases = Array.isArray(table) ? table : (table.cases ?? []);
  return cases.flatMap(({ name, articles }) => {
    try {
      return [parallax.analyze(articles.map(asArticle))];
    } catch (err) {
      out.fixtureErrors.push(`${name}: ${err.message}`); // maybe a case about refused input
      return [];
    }
  });
}
