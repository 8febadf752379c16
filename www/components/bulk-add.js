// Adding many articles at once: choose a folder (<input webkitdirectory>) or a .zip
// or JSON Lines file, and see the reading's progress with counts and a Cancel
// button. The reading itself is the caller's (`onFiles`, bulk-input.js): this
// component is the controls and the progress line.
import { h, count, uniqueId } from './dom.js';

/**
 * @param {HTMLElement} container
 * @param {{onFiles: (files: {name: string, file: File}[], from: {folder: boolean}) => void, onCancel: () => void}} props
 * @returns {{start(), progress({done, total}), finish()}}
 */
export function renderBulkAdd(container, { onFiles, onCancel }) {
  const folderId = uniqueId('bulk-folder');
  const archiveId = uniqueId('bulk-archive');
  const folder = h('input', { id: folderId, type: 'file', name: 'folder', multiple: true, attrs: { webkitdirectory: '' } });
  const archive = h('input', { id: archiveId, type: 'file', name: 'archive', multiple: true, accept: '.zip,.jsonl,.ndjson,application/zip' });
  folder.addEventListener('change', () => {
    onFiles([...folder.files].map((file) => ({ name: file.webkitRelativePath || file.name, file })), { folder: true });
    folder.value = '';
  });
  archive.addEventListener('change', () => {
    onFiles([...archive.files].map((file) => ({ name: file.name, file })), { folder: false });
    archive.value = '';
  });
  const text = h('span', { class: 'bulk-text' });
  const bar = h('progress', { max: 1, value: 0, attrs: { 'aria-label': 'Files read' } });
  const cancel = h('button', { type: 'button', class: 'cancel', text: 'Cancel', on: { click: () => onCancel() } });
  const status = h('div', { class: 'bulk-progress', hidden: true, attrs: { role: 'status' } }, text, bar, cancel);
  container.append(h('div', { class: 'bulk-add' },
    h('p', { class: 'bulk-head', text: 'Many articles at once' }),
    h('label', { htmlFor: folderId, class: 'file-label' }, 'A folder of .txt, .md or .html files ', folder),
    h('label', { htmlFor: archiveId, class: 'file-label' }, 'A .zip of such files, or a JSON Lines file (.jsonl, one {"id", "title", "text"} a line) ', archive),
    h('p', { class: 'hint', text: 'You can also drop a folder, a .zip or a .jsonl file anywhere on the page.' }),
    status));
  return {
    start() {
      status.hidden = false;
      text.textContent = 'Reading the files…';
      bar.removeAttribute('value');
    },
    progress({ done, total }) {
      bar.max = Math.max(1, total);
      bar.value = done;
      text.textContent = `Read ${count(done)} of ${count(total)} file${total === 1 ? '' : 's'}`;
    },
    finish() {
      status.hidden = true;
    },
  };
}
