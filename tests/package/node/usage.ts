// Compiled with `tsc --strict --noEmit` in the fresh Node project: the package's
// types resolve through its `exports`, and they refuse what the engine refuses
// (each `@ts-expect-error` fails the compile if the line type-checks).
import init, { analyze, concordance, initSync, tokenize, type Options, type Report } from '%PACKAGE%';

await init();
const options: Options = { minPassageWords: 8, language: 'en', stopWords: true, excludeBoilerplate: false };
const report: Report = analyze([{ id: 'a', text: 'One two three.' }, { id: 'b', title: null, text: 'Four.' }], options);
const share: number = report.pairs[0].containment.aInB;
const measure: 'flesch-reading-ease' | 'lix' | 'none' = report.documents[0].stats.readabilityMeasure;
const speaker: string | undefined = report.documents[0].quotes[0]?.speaker?.name;
const lines: string[] = concordance([{ id: 'a', text: 'x' }], 'x', { context: 5 }).map((l) => l.match);
const terms: string[] = tokenize('x').map((t) => t.term);
console.log(share, measure, speaker, lines, terms);

// @ts-expect-error an unknown option
analyze([], { minPassageWord: 8 });
// @ts-expect-error an article needs a text
analyze([{ id: 'a' }]);
// @ts-expect-error an article has no such field
analyze([{ id: 'a', text: 'x', url: 'https://example.org' }]);
// @ts-expect-error the report has no such field
console.log(report.documents[0].sharedshare);
// @ts-expect-error a language is a string
tokenize('x', { language: 2 });

// Loading, typed against the DOM's classes here.
const output = initSync({ module: new Uint8Array(8) });
console.log(output.memory.buffer.byteLength, await init({ module_or_path: new URL('https://example.org/parallax_bg.wasm') }));
