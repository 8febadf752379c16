// Adding articles: paste text (with an optional title), drop or choose .txt, .md and
// .html files, or give a URL. Files are read as bytes and decoded by `decodeFile`
// (the engine's decoder: any encoding, detected); a file that is not text is refused
// by name and nothing else is lost. HTML (a file or a fetched page) goes through
// `extractHtml`, which returns {title, text}.
import { h, uniqueId } from './dom.js';

const ACCEPT = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';
/**
 * A pasted text longer than this is kept aside instead of put into the text box:
 * laying out megabytes in a <textarea> freezes the page for seconds (23 s for 6 MB,
 * measured in Chromium), the one freeze the engine's worker cannot prevent.
 */
const LARGE_PASTE = 200_000;

/**
 * @param {HTMLElement} container
 * @param {{onAdd: (article: {title?, text, id?}, from: {source: 'paste'|'file'|'url', name?: string}) => void,
 *          onError: (message: string, from: {source: 'paste'|'file'|'url', name?: string}) => void,
 *          extractHtml?: (html: string) => Promise<{title?: string, text: string}>,
 *          decodeFile?: (bytes: Uint8Array, options: {name: string, html: boolean}) => Promise<{text: string, encoding: string}>}} props
 */
export function renderAddArticle(container, { onAdd, onError, extractHtml = textOfHtml, decodeFile = decodeUtf8 }) {
  const titleId = uniqueId('add-title');
  const textId = uniqueId('add-text');
  const fileId = uniqueId('add-file');
  const title = h('input', { id: titleId, type: 'text', name: 'title', autocomplete: 'off' });
  const text = h('textarea', { id: textId, name: 'text', rows: 6, attrs: { placeholder: 'Paste an article’s text here' } });
  const file = h('input', { id: fileId, type: 'file', multiple: true, accept: ACCEPT });

  const form = h('form', { class: 'add-article', attrs: { 'aria-label': 'Add an article' } },
    h('label', { htmlFor: titleId, text: 'Title (optional)' }), title,
    h('label', { htmlFor: textId, text: 'Article text' }), text,
    h('div', { class: 'add-actions' },
      h('button', { type: 'submit', class: 'primary', text: 'Add article' }),
      h('label', { class: 'file-label', htmlFor: fileId }, 'or choose .txt, .md or .html files ', file)),
    h('p', { class: 'hint', text: 'You can also drop files here.' }));
  const urlId = uniqueId('add-url');
  const url = h('input', { id: urlId, type: 'url', name: 'url', autocomplete: 'off', attrs: { placeholder: 'https://…' } });
  const urlForm = h('form', { class: 'add-url-form', attrs: { 'aria-label': 'Add an article from a web address' } },
    h('label', { htmlFor: urlId, text: 'Or the article’s web address' }),
    h('div', { class: 'add-url' }, url, h('button', { type: 'submit', text: 'Fetch' })),
    h('p', { class: 'hint', text: 'Most news sites do not let other pages read their articles; then save the page and add the file.' }));
  urlForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const address = url.value.trim();
    if (!address) return;
    const added = await addUrl(address, { onAdd, onError, extractHtml, decodeFile });
    if (added) url.value = '';
  });

  /** A large pasted text, kept here rather than in the text box. */
  let aside = null;
  const asideNote = h('p', { class: 'hint pasted-aside', hidden: true, attrs: { 'aria-live': 'polite' } });
  text.after(asideNote);
  const keepAside = (value) => {
    aside = value;
    asideNote.hidden = value === null;
    asideNote.textContent = value === null ? '' : `Pasted ${value.length.toLocaleString()} characters: ready to add (not shown in the box, to keep the page quick).`;
  };
  text.addEventListener('paste', (event) => {
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    if (pasted.length <= LARGE_PASTE) return;
    event.preventDefault();
    text.value = '';
    keepAside(pasted);
  });
  // Typing in the box again means the reader wants what they type.
  text.addEventListener('input', () => keepAside(null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = aside ?? text.value;
    const problem = textProblem(value);
    if (problem) {
      onError(problem, { source: 'paste' });
      text.focus();
      return;
    }
    onAdd({ title: title.value, text: value }, { source: 'paste' });
    title.value = '';
    text.value = '';
    keepAside(null);
  });
  file.addEventListener('change', async () => {
    await addFiles([...file.files], { onAdd, onError, extractHtml, decodeFile });
    file.value = '';
  });
  form.addEventListener('dragover', (event) => {
    event.preventDefault();
    form.classList.add('dragging');
  });
  form.addEventListener('dragleave', () => form.classList.remove('dragging'));
  form.addEventListener('drop', (event) => {
    event.preventDefault();
    form.classList.remove('dragging');
    addFiles([...(event.dataTransfer?.files ?? [])], { onAdd, onError, extractHtml, decodeFile });
  });
  container.append(form, urlForm);
  return { form, addFiles: (files) => addFiles(files, { onAdd, onError, extractHtml, decodeFile }) };
}

/** Why `text` cannot be an article, or null when it can. */
export function textProblem(text, name) {
  const what = name ? `“${name}”` : 'The text';
  if (text.length === 0) return name ? `${what} is empty, so it was not added.` : 'The text box is empty: paste an article’s text first.';
  if (text.trim().length === 0) return `${what} has only spaces and line breaks: there is no article to add.`;
  return null;
}

const isHtml = (name, type) => /\.html?$/i.test(name) || /html/.test(type ?? '');

async function addFiles(files, { onAdd, onError, extractHtml, decodeFile }) {
  for (const f of files) {
    const html = isHtml(f.name, f.type);
    let decoded;
    try {
      decoded = await decodeFile(new Uint8Array(await f.arrayBuffer()), { name: f.name, html });
    } catch (err) {
      onError(unreadable(f.name, err), { source: 'file', name: f.name });
      continue;
    }
    let { text } = decoded;
    let title;
    if (html) ({ title, text } = await extractHtml(text));
    else if (/\.(md|markdown)$/i.test(f.name)) title = /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
    const problem = textProblem(text, f.name);
    if (problem) {
      onError(problem, { source: 'file', name: f.name });
      continue;
    }
    const encoding = decoded.encoding && decoded.encoding !== 'UTF-8' ? decoded.encoding : undefined;
    onAdd({ id: f.name.replace(/\.(txt|md|markdown|html?)$/i, ''), title, text, encoding }, { source: 'file', name: f.name });
  }
}

/** Why a file could not be read, for the reader. */
function unreadable(name, err) {
  if (err?.code === 'binary') return `“${name}” looks like a binary file (an image, a PDF or a word processor’s document), not text, so it was not added.`;
  if (err?.code === 'not-utf8') return `“${name}” is not UTF-8 text, so it was not added. Save it as UTF-8 text and try again.`;
  return `“${name}” could not be read (${err?.message ?? err}), so it was not added.`;
}

/**
 * A stand-in for the engine's decoder, for an engine without one: strict UTF-8 (a
 * UTF-8 byte order mark dropped). Valid UTF-8 can still be binary: Git's rule, a
 * NUL in the first 8000 characters means binary; a stray NUL deep in a long text
 * does not. Rejects with code 'binary' or 'not-utf8'.
 */
export async function decodeUtf8(bytes, { name = 'the file' } = {}) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw Object.assign(new Error(`${name} is not UTF-8 text`), { code: 'not-utf8' });
  }
  if (text.slice(0, 8000).includes('\u0000')) throw Object.assign(new Error(`${name} looks like a binary file`), { code: 'binary' });
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text, encoding: 'UTF-8', bom, source: bom ? 'bom' : 'utf8', controls: 0 };
}

/** Fetches `address` and adds its article; false (with a message) when it cannot. */
async function addUrl(address, { onAdd, onError, extractHtml, decodeFile }) {
  const from = { source: 'url', name: address };
  let target;
  try {
    target = new URL(address);
    if (!/^https?:$/.test(target.protocol)) throw new Error('scheme');
  } catch {
    onError(`“${address}” is not a web address (it should start with https://).`, from);
    return false;
  }
  let response;
  try {
    response = await fetch(target, { credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'follow' });
  } catch {
    // The browser does not say why: the site does not allow it (CORS), this page's policy does not, or the network is down.
    onError(`The site of “${address}” does not let this page read it (or there is no network). Save the article from your browser as a file and add the file instead.`, from);
    return false;
  }
  if (!response.ok) {
    onError(`“${address}” answered ${response.status}: nothing was added.`, from);
    return false;
  }
  const type = response.headers.get('content-type') ?? '';
  let text;
  let encoding;
  try {
    ({ text, encoding } = await decodeResponse(response, type, target, decodeFile));
  } catch (err) {
    onError(unreadable(address, err), from);
    return false;
  }
  let title;
  if (isHtml(target.pathname, type) || /^\s*</.test(text)) ({ title, text } = await extractHtml(text));
  const problem = textProblem(text, address);
  if (problem) {
    onError(problem, from);
    return false;
  }
  if (encoding === 'UTF-8') encoding = undefined;
  onAdd({ id: title || target.hostname, title, text, encoding }, from);
  return true;
}

/**
 * A fetched page's text: in the charset its Content-Type names when the browser
 * knows it (`Response.text()` would read every page as UTF-8), else by `decodeFile`.
 */
async function decodeResponse(response, type, target, decodeFile) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const label = /charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
  if (label) {
    try {
      const decoder = new TextDecoder(label);
      return { text: decoder.decode(bytes), encoding: decoder.encoding === 'utf-8' ? 'UTF-8' : decoder.encoding };
    } catch {
      // A label the browser does not know: detect instead.
    }
  }
  return decodeFile(bytes, { name: target.href, html: isHtml(target.pathname, type) });
}

/**
 * A stand-in for the engine's HTML reader: the document's text without scripts,
 * styles and page furniture. DOMParser builds an inert document: nothing in it runs
 * or loads.
 */
export async function textOfHtml(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of doc.querySelectorAll('script, style, noscript, template, nav, header, footer, aside, form, iframe, svg')) el.remove();
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  const blocks = [...(root?.querySelectorAll('h1, h2, h3, h4, p, li, blockquote, pre') ?? [])]
    .filter((el) => !el.parentElement?.closest('p, li, blockquote, pre'))
    .map((el) => el.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const text = blocks.length ? blocks.join('\n\n') : (root?.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
  return { title: doc.title?.trim() || undefined, text };
}
