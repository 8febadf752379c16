// Adding articles: paste text (with an optional title) or drop / choose .txt files.
// Files are decoded as strict UTF-8; a file that is not text is refused by name and
// nothing else is lost.
import { h, uniqueId } from './dom.js';

/**
 * @param {HTMLElement} container
 * @param {{onAdd: (article: {title?, text, id?}, from: {source: 'paste'|'file'}) => void,
 *          onError: (message: string, from: {source: 'paste'|'file', name?: string}) => void}} props
 */
export function renderAddArticle(container, { onAdd, onError }) {
  const titleId = uniqueId('add-title');
  const textId = uniqueId('add-text');
  const fileId = uniqueId('add-file');
  const title = h('input', { id: titleId, type: 'text', name: 'title', autocomplete: 'off' });
  const text = h('textarea', { id: textId, name: 'text', rows: 6, attrs: { placeholder: 'Paste an article’s text here' } });
  const file = h('input', { id: fileId, type: 'file', multiple: true, accept: '.txt,text/plain' });

  const form = h('form', { class: 'add-article', attrs: { 'aria-label': 'Add an article' } },
    h('label', { htmlFor: titleId, text: 'Title (optional)' }), title,
    h('label', { htmlFor: textId, text: 'Article text' }), text,
    h('div', { class: 'add-actions' },
      h('button', { type: 'submit', class: 'primary', text: 'Add article' }),
      h('label', { class: 'file-label', htmlFor: fileId }, 'or choose .txt files ', file)),
    h('p', { class: 'hint', text: 'You can also drop .txt files here.' }));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problem = textProblem(text.value);
    if (problem) {
      onError(problem, { source: 'paste' });
      text.focus();
      return;
    }
    onAdd({ title: title.value, text: text.value }, { source: 'paste' });
    title.value = '';
    text.value = '';
  });
  file.addEventListener('change', async () => {
    await addFiles([...file.files], { onAdd, onError });
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
    addFiles([...(event.dataTransfer?.files ?? [])], { onAdd, onError });
  });
  container.append(form);
  return { form, addFiles: (files) => addFiles(files, { onAdd, onError }) };
}

/** Why `text` cannot be an article, or null when it can. */
export function textProblem(text, name) {
  const what = name ? `“${name}”` : 'The text';
  if (text.length === 0) return name ? `${what} is empty, so it was not added.` : 'The text box is empty: paste an article’s text first.';
  if (text.trim().length === 0) return `${what} has only spaces and line breaks: there is no article to add.`;
  return null;
}

async function addFiles(files, { onAdd, onError }) {
  for (const f of files) {
    let text;
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      // Valid UTF-8 can still be binary. Git's rule: a NUL in the first 8000
      // characters means binary; a stray NUL deep in a long text does not.
      if (text.slice(0, 8000).includes('\u0000')) throw new Error('binary');
    } catch {
      onError(`“${f.name}” is not UTF-8 text (it may be binary or in another encoding), so it was not added. Save it as UTF-8 text and try again.`, { source: 'file', name: f.name });
      continue;
    }
    const problem = textProblem(text, f.name);
    if (problem) {
      onError(problem, { source: 'file', name: f.name });
      continue;
    }
    onAdd({ id: f.name.replace(/\.txt$/i, ''), text }, { source: 'file', name: f.name });
  }
}
