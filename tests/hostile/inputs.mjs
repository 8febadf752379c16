// The table of hostile inputs: files as people have them (legacy encodings, byte
// order marks, line ends, normal forms) and shapes that break naive code
// (repetition, one huge word, combining-mark storms, many short lines, deep quote
// nesting, binary, empty, over the limit). Each case says what a door must give:
// the text read (and its encoding named), two texts recognised as copies, or a
// refusal whose message names the file. tests/hostile/run.mjs runs every case
// through the CLI, the npm package and the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
const utf8 = (s) => Buffer.from(s, 'utf8');

/** A news paragraph with accents, curly quotes and names: what normal forms and line ends change. */
const STORY = [
  'Le président a rencontré jeudi à Genève son homologue pour une réunion consacrée à la Syrie.',
  '“We will try,” Zoë Müller said, “but not at any price.” José Núñez, the café owner, agreed.',
  'Les délégations n’ont pas réussi à s’entendre sur le calendrier d’un cessez-le-feu à Vienne.',
].join('\n\n') + '\n';

/** Every file in tests/fixtures/hostile/ with the text and encoding it must read as. */
function encodings() {
  const table = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));
  if (table.length < 10) throw new Error('tests/fixtures/hostile/expected.json: expected ten encoded files');
  return table.map(({ file, encoding, text }) => ({
    name: `encoding ${encoding}${file.includes('bom') ? ' with BOM' : ''} (${file})`,
    files: [{ name: file, bytes: readFileSync(join(FIXTURES, file)) }],
    expect: { read: true, text, encoding: encoding === 'UTF-8' ? null : encoding },
  }));
}

const copies = (name, texts, extra = {}) => ({
  name,
  files: texts.map((t, i) => ({ name: `${name.replace(/\W+/g, '-')}-${i + 1}.txt`, bytes: Buffer.isBuffer(t) ? t : utf8(t) })),
  expect: { read: true, copies: true, ...extra },
});

const readOne = (name, text) => ({
  name,
  files: [{ name: `${name.replace(/\W+/g, '-')}.txt`, bytes: utf8(text) }],
  expect: { read: true },
});

const refused = (name, fileName, bytes, says) => ({
  name,
  files: [{ name: fileName, bytes }],
  expect: { read: false, says },
});

export function cases() {
  const paragraph = STORY.split('\n\n')[1] + '\n\n';
  const softened = STORY.replace(/président/g, 'pré\u00adsi\u00addent').replace(/réunion/g, 'réu\u200bnion').replace(/Genève/g, 'Ge\u200dnève');
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(4000, 7)]);
  return [
    ...encodings(),
    copies('NFC and NFD', [STORY.normalize('NFC').repeat(3), STORY.normalize('NFD').repeat(3)]),
    copies('LF, CRLF and CR', [STORY.repeat(3), STORY.repeat(3).replace(/\n/g, '\r\n'), STORY.repeat(3).replace(/\n/g, '\r')]),
    copies('soft hyphens and zero-width characters', [STORY.repeat(3), softened.repeat(3)]),
    copies('a paragraph repeated 2,000 times', [paragraph.repeat(2000), paragraph.repeat(2000)]),
    copies('200,000 copies of one word', ['word '.repeat(200_000), 'word '.repeat(200_000)]),
    readOne('a word of 60 kB (under the word-length limit)', `A story ${'x'.repeat(60_000)} ends here.`),
    // A "word" past the word-length limit is junk (an encoded blob): refused by name.
    refused('one huge word (1 MB)', 'blob.txt', utf8('x'.repeat(1 << 20)), /blob\.txt/),
    readOne('a storm of combining marks', ('a' + '\u0301'.repeat(10_000) + ' ').repeat(20)),
    readOne('200,000 short lines', 'a line\n'.repeat(200_000)),
    // unicode-segmentation's sentence rules were quadratic in such runs (40,000
    // spaces after a full stop: 11 s in the CLI); src/breaks/ cuts them.
    copies('full stops, then 300,000 spaces, closing marks or no-break spaces', [0, 1].map(() =>
      `${STORY}Fin.${' '.repeat(300_000)}Puis.${')'.repeat(300_000)} Et.${'\u00a0'.repeat(300_000)}${STORY}`)),
    readOne('quotes nested 5,000 deep', '“'.repeat(5000) + 'he said' + '”'.repeat(5000)),
    refused('a binary file (PNG)', 'photo.png', png, /photo\.png/),
    refused('an empty file', 'empty.txt', Buffer.alloc(0), /empty\.txt/),
    refused('over the size limit (33 MiB)', 'huge.txt', Buffer.alloc(33 * 1024 * 1024, 'all work and no play '), /huge\.txt/),
  ];
}
