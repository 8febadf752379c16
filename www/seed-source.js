// The seed articles, read from seeds/ beside the page. The offline file replaces this
// module with one that carries the seeds inline (tools/build-dist.mjs).
export async function seedArticles() {
  const base = new URL('./seeds/', import.meta.url);
  const manifest = await fetchOk(new URL('manifest.json', base)).then((r) => r.json());
  return Promise.all(manifest.map(async (file) => ({
    id: file.replace(/\.txt$/i, ''),
    text: await fetchOk(new URL(file, base)).then((r) => r.text()),
  })));
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url} (${response.status})`);
  return response;
}
