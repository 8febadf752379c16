// Many articles at once: a dropped or chosen folder, a .zip of text and HTML files,
// or a JSON Lines file of {id, title, text}. Every file's bytes go through the same
// decode path as a single file (`decodeFile`: the engine's decoder, which names the
// file when it refuses it); a bad entry is reported by its name and nothing else is
// lost. No dependency: a zip is read with its central directory and the browser's
// DecompressionStream('deflate-raw'), which is all a zip of text files needs.
//
//   const {articles, errors} = await readBulk(files, {decodeFile, extractHtml, onProgress, signal});

/** A file past this size is refused by name before it is read (the engine's article limit is 32 MiB). */
export const MAX_ENTRY_BYTES = 32 * 1024 * 1024;
/** Files read at once: enough to keep a pool of workers busy (worker-pool.js), few enough to hold little memory. */
const IN_FLIGHT = 16;
/** The most entries read from one drop: the engine compares at most 10,000 articles. */
export const MAX_ENTRIES = 10_000;

const TEXT_FILE = /\.(txt|md|markdown|html?|text)$/i;
const HTML_FILE = /\.html?$/i;
const ZIP_FILE = /\.zip$/i;
const JSONL_FILE = /\.(jsonl|ndjson)$/i;

/** True when a drop or a choice of files should go through the bulk path rather than one file at a time. */
export function isBulk(files, hadFolder = false) {
  return hadFolder || files.length > 5 || files.some((f) => ZIP_FILE.test(f.name) || JSONL_FILE.test(f.name));
}

/**
 * The files of a drop, folders walked (DataTransferItem.webkitGetAsEntry). Returns
 * {files: [{name, file}], folder: boolean}; `name` is the path inside the drop.
 * The entries must be taken from the items during the drop event, before any await.
 */
export async function filesOfDrop(dataTransfer) {
  const entries = [...(dataTransfer?.items ?? [])].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
  if (entries.length === 0) return { files: [...(dataTransfer?.files ?? [])].map((file) => ({ name: file.name, file })), folder: false };
  const files = [];
  for (const entry of entries) await walk(entry, files);
  return { files, folder: entries.some((e) => e.isDirectory) };
}

async function walk(entry, files) {
  if (files.length >= MAX_ENTRIES) return;
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    files.push({ name: entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  const reader = entry.createReader();
  // readEntries gives the entries in batches (100 in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    batch.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of batch) await walk(child, files);
  }
}

/** The files chosen with <input webkitdirectory> (or any file input), named by their path. */
export function filesOfInput(input) {
  return [...input.files].map((file) => ({ name: file.webkitRelativePath || file.name, file }));
}

/** Hidden files and the folders archivers add (.DS_Store, __MACOSX/) are not articles. */
function skipped(name) {
  return name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
}

/**
 * Reads `files` ([{name, file}] or Files) into articles. A .zip is opened and each
 * text or HTML entry read; a .jsonl file gives one article a line; other files are
 * read as one article each. Returns {articles: [{id, title?, text, encoding?}],
 * errors: [{name, message}]}.
 *
 * @param {{decodeFile: (bytes: Uint8Array, o: {name: string, html: boolean}) => Promise<{text: string, encoding?: string}>,
 *          extractHtml?: (html: string) => Promise<{title?: string, text: string}>,
 *          onProgress?: (p: {done: number, total: number, phase: string}) => void,
 *          signal?: AbortSignal}} how
 */
export async function readBulk(files, { decodeFile, extractHtml, onProgress = () => {}, signal } = {}) {
  const articles = [];
  const errors = [];
  const items = files.map((f) => (f instanceof Blob ? { name: f.name, file: f } : f)).filter((f) => !skipped(f.name));
  // A zip's entries join the list: the count the reader sees is of files, not archives.
  const sources = [];
  for (const item of items) {
    if (ZIP_FILE.test(item.name)) {
      try {
        const entries = await zipEntries(await bytesOf(item.file), item.name);
        for (const e of entries) {
          if (e.error) errors.push({ name: e.name, message: e.error });
          else if (!skipped(e.name)) sources.push(e);
        }
      } catch (err) {
        errors.push({ name: item.name, message: err.message });
      }
    } else sources.push({ name: item.name, read: () => bytesOf(item.file), size: item.file.size });
  }
  let done = 0;
  const total = Math.min(sources.length, MAX_ENTRIES);
  if (sources.length > MAX_ENTRIES) errors.push({ name: `${sources.length - MAX_ENTRIES} more files`, message: `only the first ${MAX_ENTRIES.toLocaleString()} files are read` });
  onProgress({ done, total, phase: 'read' });
  // Several files in flight, so that a pool of workers decodes them side by side;
  // the results keep the files' order.
  const results = new Array(total);
  let next = 0;
  const readNext = async () => {
    while (next < total) {
      const i = next++;
      signal?.throwIfAborted();
      results[i] = await readSource(sources[i], { decodeFile, extractHtml });
      signal?.throwIfAborted();
      done += 1;
      onProgress({ done, total, phase: 'read' });
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, total) }, readNext));
  for (const r of results) {
    for (const a of r.articles) articles.push(a);
    for (const e of r.errors) errors.push(e);
  }
  return { articles, errors };
}

/** One file's articles (one, or a JSON Lines file's) and errors; never throws but for an abort. */
async function readSource(source, { decodeFile, extractHtml }) {
  try {
    if (source.size > MAX_ENTRY_BYTES) throw new Error(`it is larger than ${MAX_ENTRY_BYTES / 1024 / 1024} MiB`);
    if (JSONL_FILE.test(source.name)) return await jsonLines(await source.read(), source.name, decodeFile);
    if (TEXT_FILE.test(source.name)) return { articles: [await articleOfFile(source, { decodeFile, extractHtml })], errors: [] };
    throw new Error('it is not a .txt, .md, .html, .jsonl or .zip file');
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
    return { articles: [], errors: [{ name: source.name, message: reason(err) }] };
  }
}

async function articleOfFile(source, { decodeFile, extractHtml }) {
  const html = HTML_FILE.test(source.name);
  const decoded = await decodeFile(await source.read(), { name: source.name, html });
  let { text } = decoded;
  let title;
  if (html && extractHtml) ({ title, text } = await extractHtml(text));
  else if (/\.(md|markdown)$/i.test(source.name)) title = /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
  if (!text.trim()) throw new Error('it is empty');
  const article = { id: source.name.replace(TEXT_FILE, ''), text };
  if (title) article.title = title;
  if (decoded.encoding && decoded.encoding !== 'UTF-8') article.encoding = decoded.encoding;
  return article;
}

/**
 * A JSON Lines file: one {id, title?, text} object a line; a bad line is reported by
 * file and line number. JSON Lines is UTF-8 by definition, so the browser's strict
 * UTF-8 decoder reads it (1 s less for 5 MB than the engine's detection); a file
 * that is not valid UTF-8 goes through `decodeFile` like any other.
 */
export async function jsonLines(bytes, name, decodeFile) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    ({ text } = await decodeFile(bytes, { name, html: false }));
  }
  const articles = [];
  const errors = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${name}, line ${i + 1}`;
    let value;
    try {
      value = JSON.parse(line);
    } catch {
      errors.push({ name: where, message: 'it is not JSON' });
      return;
    }
    if (!value || typeof value.text !== 'string') errors.push({ name: where, message: 'it has no "text" string' });
    else if (!value.text.trim()) errors.push({ name: where, message: 'its text is empty' });
    else {
      const article = { id: String(value.id ?? `${name.replace(JSONL_FILE, '')}-${i + 1}`), text: value.text };
      if (typeof value.title === 'string' && value.title.trim()) article.title = value.title.trim();
      articles.push(article);
    }
  });
  return { articles, errors };
}

function reason(err) {
  if (err?.code === 'binary') return 'it looks like a binary file (an image, a PDF or a word processor’s document), not text';
  if (err?.code === 'not-utf8') return 'it is not UTF-8 text';
  return String(err?.message ?? err);
}

async function bytesOf(blob) {
  return new Uint8Array(await blob.arrayBuffer());
}

// ---------------------------------------------------------------- zip

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip archive: [{name, size, read(): Promise<Uint8Array>}] for
 * files, [{name, error}] for entries that cannot be read (encrypted, a method other
 * than stored or deflate, ZIP64). Throws when `bytes` is not a zip.
 */
export function zipEntries(bytes, archive = 'the archive') {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) throw new Error(`${archive} is not a zip archive (or it is damaged)`);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = [];
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new Error(`${archive}'s list of files is damaged`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = `${archive}/${names.decode(bytes.subarray(at + 46, at + 46 + nameLength))}`;
    at += 46 + skip;
    if (name.endsWith('/')) continue; // a folder
    const problem = (flags & 1) ? 'it is encrypted'
      : method !== 0 && method !== 8 ? `it is compressed with method ${method} (only stored and deflate are read)`
      : packed === 0xffffffff || size === 0xffffffff || local === 0xffffffff ? 'it is in ZIP64 form, which this page does not read'
      : size > MAX_ENTRY_BYTES ? `it is larger than ${MAX_ENTRY_BYTES / 1024 / 1024} MiB` : null;
    if (problem) entries.push({ name, error: problem });
    else entries.push({ name, size, read: () => entryBytes(bytes, view, local, packed, size, method) });
  }
  return entries;
}

/** The End Of Central Directory record, searched from the end (a comment may follow it). */
function findEnd(view) {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

async function entryBytes(bytes, view, local, packed, size, method) {
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw new Error('its entry in the archive is damaged');
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + packed > bytes.length) throw new Error('its entry in the archive is cut short');
  const data = bytes.subarray(start, start + packed);
  if (method === 0) return data;
  return inflate(data, size);
}

/** Raw deflate → bytes, stopping past `size` (the declared size), so that a zip bomb cannot fill the memory. */
async function inflate(data, size) {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const chunks = [];
  let length = 0;
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    const chunk = r.value;
    length += chunk.length;
    if (length > size) {
      reader.cancel();
      throw new Error('it unpacks to more than its stated size');
    }
    chunks.push(chunk);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
