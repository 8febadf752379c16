// The service worker: the page works offline after its first visit. Every file the
// page needs is cached when the worker installs; answers come from the network
// when it is there (so a new version shows at once) and from the cache when not.
const CACHE = 'parallax-v3';
const FILES = [
  // The page loads its modules and the engine glue as one file (tools/build-page.mjs), no other script.
  './', 'index.html', 'style.css', 'icon.svg', 'app.bundle.js',
  'pkg/parallax_lean_bg.wasm', 'pkg/parallax_bg.wasm',
  'seeds/manifest.json', 'seeds/000_aaec0683a191aa9f.txt', 'seeds/001_003faba2e54198a4.txt',
  'seeds/002_da9d12f0e6c681db.txt', 'seeds/003_b401989aadad514e.txt', 'seeds/004_c9f0a2cf9aed5e51.txt',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Only the page's own files: a fetched article (another origin) is not kept.
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) cache.put(request, response.clone());
      return response;
    } catch (err) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw err;
    }
  })());
});
