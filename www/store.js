// The article list and the settings, kept in localStorage so nothing is lost on
// reload. The store knows nothing of the page: it holds data and tells listeners
// when it changes.

const ARTICLES_KEY = 'parallax.articles.v1';
const SETTINGS_KEY = 'parallax.settings.v1';

export class Store extends EventTarget {
  constructor(storage = globalThis.localStorage) {
    super();
    this.storage = storage;
    this.articles = [];
    this.settings = {};
    /** False when the last save did not keep every article (storage full or unavailable). */
    this.persisted = true;
    /** Ids of the articles the last save could not keep. */
    this.unsaved = [];
  }

  /** Loads what was saved; returns false when nothing was (first visit or after a reset). */
  load() {
    this.settings = readJson(this.storage, SETTINGS_KEY) ?? {};
    const saved = readJson(this.storage, ARTICLES_KEY);
    if (!Array.isArray(saved)) return false;
    this.articles = saved.filter((a) => a && typeof a.id === 'string' && typeof a.text === 'string');
    return true;
  }

  /** Replaces the article list with the seed articles listed in `base/manifest.json`. */
  async loadSeeds(base = 'seeds/') {
    const manifest = await fetchOk(`${base}manifest.json`).then((r) => r.json());
    const articles = await Promise.all(manifest.map(async (file) => ({
      id: file.replace(/\.txt$/i, ''),
      text: await fetchOk(`${base}${file}`).then((r) => r.text()),
    })));
    this.setArticles(articles);
  }

  setArticles(articles) {
    this.articles = articles;
    this.save();
    this.changed();
  }

  /** Adds an article; returns its id (made unique). */
  add({ title, text, id }) {
    const base = slug(id || title || firstLine(text)) || 'article';
    let unique = base;
    for (let n = 2; this.articles.some((a) => a.id === unique); n++) unique = `${base}-${n}`;
    const article = { id: unique, text };
    if (title && title.trim()) article.title = title.trim();
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

  setSetting(name, value) {
    this.settings = { ...this.settings, [name]: value };
    writeJson(this.storage, SETTINGS_KEY, this.settings);
  }

  /**
   * Saves the list. When it does not fit in storage, saves it without its largest
   * articles, so that a reload loses as little as possible; `unsaved` names them.
   */
  save() {
    this.unsaved = [];
    let kept = this.articles;
    const bySize = [...this.articles].sort((x, y) => y.text.length - x.text.length);
    while (!writeJson(this.storage, ARTICLES_KEY, kept)) {
      const largest = bySize.shift();
      if (!largest) {
        // Storage is unavailable: a stale saved list would come back on reload instead of this one.
        try { this.storage?.removeItem(ARTICLES_KEY); } catch { /* storage unavailable */ }
        this.unsaved = this.articles.map((a) => a.id);
        break;
      }
      this.unsaved.push(largest.id);
      kept = kept.filter((a) => a !== largest);
    }
    this.persisted = this.unsaved.length === 0;
  }

  changed() {
    this.dispatchEvent(new Event('change'));
  }
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url} (${response.status})`);
  return response;
}

function readJson(storage, key) {
  try {
    const raw = storage?.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/** Returns false when the value does not fit (quota) or storage is unavailable. */
function writeJson(storage, key, value) {
  try {
    storage?.setItem(key, JSON.stringify(value));
    return Boolean(storage);
  } catch {
    return false;
  }
}

function firstLine(text) {
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 40);
}

function slug(s) {
  return String(s).toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}
