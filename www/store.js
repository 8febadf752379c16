// The article list and the settings, kept in IndexedDB so that nothing is lost on
// reload whatever the articles' size (localStorage holds about 5 MB in all). The
// store knows nothing of the page: it holds data and tells listeners when it changes.
// Saving is asynchronous; `saved` is the promise of the last save.

const DB_NAME = 'parallax';
const DB_STORE = 'kv';
const ARTICLES_KEY = 'articles.v1';
const SETTINGS_KEY = 'settings.v1';
/** Where the first version kept its data (localStorage): read once, so that an update loses nothing. */
const LEGACY_ARTICLES = 'parallax.articles.v1';
const LEGACY_SETTINGS = 'parallax.settings.v1';
/** Set in localStorage once articles are saved here or found saved (see `savedBefore`). */
const SAVED_MARK = 'parallax.saved';

export class Store extends EventTarget {
  constructor({ indexedDB = globalThis.indexedDB, localStorage = globalThis.localStorage } = {}) {
    super();
    this.idb = indexedDB;
    this.local = localStorage;
    this.db = null;
    this.articles = [];
    this.settings = {};
    /** False when the last save failed (storage full or unavailable): kept for this visit only. */
    this.persisted = true;
    this.saved = Promise.resolve();
    /** True once `load` has tried to open the database. */
    this.opened = false;
    /**
     * What was set before then, by key: a first visit shows the seeds and opens the
     * database only once they are compared (app.js), and the reader may change the
     * list or the settings meanwhile. `load` writes it.
     */
    this.unwritten = new Map();
  }

  /**
   * Loads what was saved; resolves false when nothing was (first visit or after a
   * reset). Then writes what was set before: the settings set then over the saved
   * ones, and the list shown then unless one was saved (by a version before the
   * mark `savedBefore` reads), which replaces it, as the page showed it before.
   */
  async load() {
    try {
      this.db = await openDb(this.idb);
    } catch {
      this.db = null;
      this.persisted = false;
    }
    this.opened = true;
    // Both read at once: the first comparison waits on them.
    const read = (key) => (this.db ? get(this.db, key).catch(() => undefined) : undefined);
    let [articles, settings] = await Promise.all([read(ARTICLES_KEY), read(SETTINGS_KEY)]);
    let legacy = false;
    if (articles === undefined) {
      // The first version kept them in localStorage: moved to IndexedDB (written below).
      articles = readLegacy(this.local, LEGACY_ARTICLES);
      settings ??= readLegacy(this.local, LEGACY_SETTINGS);
      legacy = Array.isArray(articles);
    }
    this.settings = { ...(settings && typeof settings === 'object' ? settings : {}), ...this.settings };
    if (this.unwritten.has(SETTINGS_KEY)) this.unwritten.set(SETTINGS_KEY, this.settings);
    const found = Array.isArray(articles);
    if (found) {
      this.articles = articles.filter((a) => a && typeof a.id === 'string' && typeof a.text === 'string');
      this.unwritten.delete(ARTICLES_KEY);
      this.markSaved(); // Found saved: marked too (a version before the mark saved without it).
      if (legacy) this.save();
    }
    for (const [key, value] of this.unwritten) this.write(key, value);
    this.unwritten.clear();
    return found;
  }

  /**
   * False only where no articles were ever saved (a first visit), known at once:
   * localStorage is synchronous, and opening IndexedDB the first time (creating the
   * database) takes 100 ms or more, which the page need not wait for then.
   */
  savedBefore() {
    try {
      return !this.local || this.local.getItem(SAVED_MARK) !== null || this.local.getItem(LEGACY_ARTICLES) !== null;
    } catch {
      return true; // Unreadable: wait for IndexedDB.
    }
  }

  setArticles(articles) {
    this.articles = articles;
    this.save();
    this.changed();
  }

  /**
   * Adds many articles in one change (one analysis, one write): the bulk input's.
   * Ids are made unique as `add` makes them. Returns the ids.
   */
  addMany(list) {
    const taken = new Set(this.articles.map((a) => a.id));
    const added = list.map(({ title, text, id, encoding }) => {
      const base = slug(id || title || firstLine(text)) || 'article';
      let unique = base;
      for (let n = 2; taken.has(unique); n++) unique = `${base}-${n}`;
      taken.add(unique);
      const article = { id: unique, text };
      if (title && title.trim()) article.title = title.trim();
      if (encoding) article.encoding = encoding;
      return article;
    });
    this.articles = [...this.articles, ...added];
    this.save();
    this.changed();
    return added.map((a) => a.id);
  }

  /** Adds an article; returns its id (made unique). */
  add({ title, text, id, encoding }) {
    const base = slug(id || title || firstLine(text)) || 'article';
    let unique = base;
    for (let n = 2; this.articles.some((a) => a.id === unique); n++) unique = `${base}-${n}`;
    const article = { id: unique, text };
    if (title && title.trim()) article.title = title.trim();
    // The encoding its file was read in, when not UTF-8: the report and the list say it.
    if (encoding) article.encoding = encoding;
    this.articles = [...this.articles, article];
    this.save();
    this.changed();
    return unique;
  }

  remove(id) {
    this.articles = this.articles.filter((a) => a.id !== id);
    this.save();
    this.changed();
  }

  setting(name, fallback) {
    return name in this.settings ? this.settings[name] : fallback;
  }

  setSettings(values) {
    this.settings = { ...this.settings, ...values };
    this.write(SETTINGS_KEY, this.settings);
  }

  save() {
    this.write(ARTICLES_KEY, this.articles);
  }

  /** Writes in order (IndexedDB keeps the order of one connection's transactions). */
  write(key, value) {
    if (!this.opened) {
      this.unwritten.set(key, value);
      return;
    }
    if (!this.db) {
      this.persisted = false;
      return;
    }
    this.saved = put(this.db, key, value).then(() => {
      if (key !== ARTICLES_KEY) return;
      this.markSaved();
      this.setPersisted(true);
    }, () => this.setPersisted(false));
  }

  markSaved() {
    try {
      this.local?.setItem(SAVED_MARK, '1');
    } catch {
      // Without the mark the next visit waits for IndexedDB, as before it existed.
    }
  }

  setPersisted(ok) {
    if (this.persisted === ok) return;
    this.persisted = ok;
    this.dispatchEvent(new Event('persisted'));
  }

  changed() {
    this.dispatchEvent(new Event('change'));
  }
}

function openDb(idb) {
  return new Promise((resolve, reject) => {
    if (!idb) throw new Error('IndexedDB is unavailable');
    const request = idb.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(DB_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the database is blocked by another tab'));
  });
}

function get(db, key) {
  return new Promise((resolve, reject) => {
    const request = db.transaction(DB_STORE, 'readonly').objectStore(DB_STORE).get(key);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function put(db, key, value) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(DB_STORE, 'readwrite');
    tx.objectStore(DB_STORE).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function readLegacy(storage, key) {
  try {
    const raw = storage?.getItem(key);
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

function firstLine(text) {
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 40);
}

function slug(s) {
  return String(s).toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}
