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
import { renderAddArticle } from './components/add-article.js';
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

async function loadSeeds(fetched = seedArticles()) {
  try {
    const seeds = await fetched;
    performance.mark('parallax:seeds-read');
    store.setArticles(seeds);
  } catch (err) {
    pageMessages.show(`The seed articles could not be loaded (${err.message}). Add articles by pasting or dropping files.`, { kind: 'error', key: 'seeds' });
  }
}

async function start() {
  // The seeds (small) are fetched while the store opens: a first visit shows them.
  const seeds = seedArticles();
  seeds.catch(() => {}); // Told by loadSeeds when they are wanted.
  const hadArticles = await store.load();
  persistWarning(); // IndexedDB may be unavailable (a private window in some browsers).
  compare.settings = store.settings;
  if (hadArticles) compare.articles = store.articles;
  else await loadSeeds(seeds);
  // The service worker's install fetches every file: not while the first comparison loads.
  setTimeout(registerServiceWorker, 3000);
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
