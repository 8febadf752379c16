// Messages: a list of short notices (error, warning, info) in a live region, each
// dismissible. Self-contained: give it a container, it owns what is inside.
import { h } from './dom.js';

export class Messages {
  constructor(container) {
    this.container = container;
    this.list = h('ul', { class: 'messages', attrs: { 'aria-live': 'polite', 'aria-relevant': 'additions text' } });
    container.append(this.list);
  }

  /** Shows `text` (kind: 'error' | 'warning' | 'info'); `key` replaces an earlier message with the same key. */
  show(text, { kind = 'info', key } = {}) {
    if (key) this.remove(key);
    const item = h('li', { class: `message message-${kind}`, data: { key: key ?? '', kind }, attrs: { role: kind === 'error' ? 'alert' : 'status' } },
      h('span', { class: 'message-text', text }),
      h('button', { type: 'button', class: 'message-close', text: '×', attrs: { 'aria-label': 'Dismiss message' }, on: { click: () => item.remove() } }));
    this.list.append(item);
    return item;
  }

  /** Removes the message with `key`. */
  remove(key) {
    for (const item of this.list.querySelectorAll('li')) if (item.dataset.key === key) item.remove();
  }

  clearAll() {
    this.list.replaceChildren();
  }
}
