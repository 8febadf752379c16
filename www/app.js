// The demo page: the <parallax-compare> element plus the page's own chrome around it:
// the store (articles and settings kept in IndexedDB), the add form, reset, and drop
// anywhere. The comparison itself (views, engine worker, busy state) is the element's.
// The load's first step: every module of the page is read and run (performance marks
// `parallax:*` time each step to the first comparison; benches/page.mjs reads them).
performance.mark('parallax:script');
import './widget.js';
import { Store } from './store.js';
import { seedArticles } from './seed-source.js';
import { Messages } from './components/messages.js';
import { renderAddArticle, decodeUtf8, textOfHtml } from './components/add-article.js';
import { renderBulkAdd } from './components/bulk-add.js';
import { readBulk, filesOfDrop, isBulk } from './bulk-input.js';
import { WorkerPool } from './worker-pool.js';
import { viewsSheet } from './components/styles.js';

const FIRST_COMPARISON = 'parallax:first-comparison';
const $ = (id) => document.getElementById(id);

// The add form is rendered here, in the page: it uses the views' stylesheet too.
document.adoptedStyleSheets = [...document.adoptedStyleSheets, viewsSheet()];

const store = new Store();
/** @type {import('./parallax-compare.js').ParallaxCompare} */
const compare = $('compare');
// Problems with what the reader is adding are told next to the form they are using.
const addMessages = new Messages($('add-messages'));
const pageMessages = new Messages($('messages'));
let firstShown = false;

const adder = renderAddArticle($('add'), {
  onAdd(article, { source, name }) {
    // A new paste settles the paste's earlier problem; problems with other files stay.
    addMessages.remove(source === 'paste' ? 'paste' : `${source}:${name}`);
    const id = store.add(article);
    const readAs = article.encoding ? ` (read as ${article.encoding})` : '';
    addMessages.show(`Added “${article.title?.trim() || id}”${readAs}.`, { kind: 'info', key: 'added' });
  },
  onError(text, { source, name }) {
    addMessages.remove('added');
    addMessages.show(text, { kind: 'error', key: source === 'paste' ? 'paste' : `${source}:${name}` });
  },
  decodeFile: (bytes, options) => compare.decode(bytes, options),
  async extractHtml(html) {
    const { title, text, reader } = await compare.extract(html);
    if (reader === 'fallback') {
      addMessages.show('This version reads HTML simply (the text of its paragraphs): check that the article’s text is complete.', { kind: 'info', key: 'reader' });
    }
    return { title, text };
  },
});

// Many articles at once (a folder, a .zip, a JSON Lines file): read on a pool of
// engine workers, one per core, then added in one change, so the set is analyzed once.
const bulkMessages = new Messages($('bulk-messages'));
let bulkReading = null;
const bulk = renderBulkAdd($('bulk'), {
  onFiles: (files, { folder }) => addBulk(files, folder),
  onCancel: () => bulkReading?.abort(),
});

async function addBulk(files, folder) {
  bulkReading?.abort();
  const reading = new AbortController();
  bulkReading = reading;
  const pool = new WorkerPool();
  reading.signal.addEventListener('abort', () => pool.terminate());
  bulkMessages.clearAll();
  $('bulk-details').open = true;
  bulk.start();
  const started = performance.now();
  try {
    const { articles, errors } = await readBulk(files, {
      decodeFile: (bytes, options) => poolDecode(pool, bytes, options),
      extractHtml: (html) => poolExtract(pool, html),
      onProgress: (p) => bulk.progress(p),
      signal: reading.signal,
    });
    performance.measure('parallax:bulk-read', { start: started });
    reportBulkErrors(errors);
    if (articles.length) store.addMany(articles);
    const from = folder ? 'the folder' : files.length === 1 ? `“${files[0].name}”` : `${files.length} files`;
    bulkMessages.show(`Added ${articles.length.toLocaleString()} article${articles.length === 1 ? '' : 's'} from ${from}${errors.length ? `; ${errors.length.toLocaleString()} could not be read (listed above)` : ''}.`, { kind: 'info', key: 'bulk-added' });
  } catch (err) {
    if (!reading.signal.aborted) throw err;
    bulkMessages.show('Reading the files was cancelled: nothing was added.', { kind: 'warning', key: 'bulk-cancelled' });
  } finally {
    pool.terminate();
    if (bulkReading === reading) bulkReading = null;
    bulk.finish();
  }
}

/** Each file that could not be read, by name: at most 20 listed, then how many more. */
function reportBulkErrors(errors) {
  const shown = errors.slice(0, 20).map((e) => `“${e.name}”: ${e.message}`);
  if (errors.length > 20) shown.push(`and ${(errors.length - 20).toLocaleString()} more`);
  if (shown.length) bulkMessages.show(`Not added: ${shown.join('; ')}.`, { kind: 'error', key: 'bulk-errors' });
}

async function poolDecode(pool, bytes, options) {
  try {
    return await pool.run('decode', { bytes, options });
  } catch (err) {
    if (!['unsupported', 'engine-unavailable', 'worker'].includes(err?.code)) throw err;
    return decodeUtf8(bytes, options);
  }
}

async function poolExtract(pool, html) {
  try {
    const { title, text } = await pool.run('extract', { html });
    return { title: title || undefined, text };
  } catch (err) {
    if (!['unsupported', 'engine-unavailable', 'worker'].includes(err?.code)) throw err;
    return textOfHtml(html);
  }
}

// A folder, an archive or many files dropped anywhere (the add form too) go the bulk
// way. Capture phase: this runs before the add form's own drop handler.
window.addEventListener('drop', (event) => {
  const dt = event.dataTransfer;
  if (!dt?.files?.length) return;
  const entries = [...(dt.items ?? [])].map((item) => item.webkitGetAsEntry?.());
  const folder = entries.some((e) => e?.isDirectory);
  if (!isBulk([...dt.files], folder)) return;
  event.preventDefault();
  event.stopPropagation();
  document.querySelector('.add-article.dragging')?.classList.remove('dragging');
  filesOfDrop(dt).then(({ files, folder: hadFolder }) => addBulk(files, hadFolder));
}, { capture: true });

// A file dropped anywhere on the page is added, rather than opened in place of the page.
window.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types?.includes('Files')) event.preventDefault();
});
window.addEventListener('drop', (event) => {
  if (event.defaultPrevented || !event.dataTransfer?.files?.length) return;
  event.preventDefault();
  adder.addFiles([...event.dataTransfer.files]);
});

$('reset').addEventListener('click', async () => {
  if (!confirmReset()) return;
  addMessages.clearAll();
  pageMessages.clearAll();
  await loadSeeds();
});

compare.addEventListener('parallax-remove-article', (event) => {
  // The store owns the list: it removes the article and gives the element the new list.
  event.preventDefault();
  addMessages.remove('added');
  store.remove(event.detail.id);
});
compare.addEventListener('parallax-settings', (event) => store.setSettings(event.detail.settings));
// The reader's verdict on a boilerplate line is kept with the article (IndexedDB).
compare.addEventListener('parallax-boilerplate', (event) => store.setArticles(event.detail.articles));
compare.addEventListener('parallax-busy', (event) => {
  document.body.classList.toggle('busy', event.detail.busy);
});
compare.addEventListener('parallax-report', () => {
  if (firstShown) return;
  firstShown = true;
  performance.mark(FIRST_COMPARISON);
  registerServiceWorker();
});

store.addEventListener('change', () => {
  compare.articles = store.articles;
});
function persistWarning() {
  if (store.persisted) pageMessages.remove('persist');
  else pageMessages.show('This browser would not keep the articles: they are compared now but will be gone after a reload.', { kind: 'warning', key: 'persist' });
}
store.addEventListener('persisted', persistWarning);

function confirmReset() {
  // Resetting throws away the reader's own articles; the seeds alone need no question.
  const own = store.articles.filter((a) => !/^\d{3}_[0-9a-f]{16}$/.test(a.id));
  return own.length === 0 || window.confirm(`Replace the ${store.articles.length} articles with the five seed articles?`);
}

/**
 * The seed articles, fetched once (a failed fetch is tried again when next asked):
 * a reset then replaces the list at once, so that articles added right after it
 * are not replaced by seeds that were still on their way.
 */
let seedsFetched = null;
function seeds() {
  seedsFetched ??= seedArticles().catch((err) => {
    seedsFetched = null;
    throw err;
  });
  return seedsFetched;
}

/** The seeds, or null once the page has said they could not be loaded. */
async function readSeeds() {
  try {
    const articles = await seeds();
    performance.mark('parallax:seeds-read');
    return articles;
  } catch (err) {
    pageMessages.show(`The seed articles could not be loaded (${err.message}). Add articles by pasting or dropping files.`, { kind: 'error', key: 'seeds' });
    return null;
  }
}

async function loadSeeds() {
  const articles = await readSeeds();
  if (articles) store.setArticles([...articles]); // The store keeps the list it is given: not the fetched one.
}

async function start() {
  seeds().catch(() => {}); // Told by loadSeeds when they are wanted.
  const firstVisit = !store.savedBefore();
  if (firstVisit) {
    // Nothing saved to read: the seeds are shown as soon as they are fetched, and
    // IndexedDB is opened once they are compared. Creating the database is 100 ms and
    // more of the browser's work, which shared the machine's cores with the first
    // comparison (www/README.md, "Load"). The store writes what changes meanwhile then.
    const articles = await readSeeds();
    if (articles && store.articles.length === 0) store.setArticles([...articles]);
    if (articles) await comparedOnce();
  }
  const hadArticles = await store.load();
  persistWarning(); // IndexedDB may be unavailable (a private window in some browsers).
  // Settings given again, even unchanged, would start the analysis again.
  if (hadArticles || Object.keys(store.settings).length > 0) compare.settings = store.settings;
  if (hadArticles) compare.articles = store.articles;
  else if (!firstVisit) await loadSeeds();
  // The service worker's install fetches every file: not while the first comparison loads.
  setTimeout(registerServiceWorker, 3000);
}

/** Resolves when the element has answered its first analysis (a report, an error or a cancel), or after 10 s. */
function comparedOnce() {
  return new Promise((resolve) => {
    const stop = new AbortController();
    const done = () => {
      stop.abort(); // The other two listeners go with the first answer.
      clearTimeout(timer);
      resolve();
    };
    for (const type of ['parallax-report', 'parallax-error', 'parallax-cancel']) compare.addEventListener(type, done, { signal: stop.signal });
    const timer = setTimeout(done, 10_000);
  });
}

/** Served over http(s), the page keeps working offline after this first visit. */
function registerServiceWorker() {
  if (registerServiceWorker.done) return;
  registerServiceWorker.done = true;
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch(() => {});
  }
}

start();
