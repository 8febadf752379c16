// A tiny DOM builder shared by the components. Text is only ever set through text
// nodes (never innerHTML), so article text is data, not markup.

/**
 * Creates an element. `props`: `class`, `text`, `attrs` (attributes), `data`
 * (data-* values), `on` (event listeners), any other key is set as a property.
 * Children may be nodes, strings (become text nodes), or null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'attrs') for (const [a, v] of Object.entries(value)) { if (v !== undefined && v !== null && v !== false) el.setAttribute(a, String(v)); }
    else if (key === 'data') Object.assign(el.dataset, value);
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else el[key] = value;
  }
  append(el, children);
  return el;
}

/** Appends children (nodes, strings, arrays, nulls skipped) to `el`. */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Removes every child of `el`. */
export function clear(el) {
  el.replaceChildren();
  return el;
}

/** `0.987` → `"99 %"`. */
export function percent(share) {
  return `${Math.round(share * 100)} %`;
}

/** Thousands separators, in the reader's locale. */
export function count(n) {
  return Number(n).toLocaleString();
}

let uid = 0;
/** A document-unique id with a readable prefix, for label/aria wiring. */
export function uniqueId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}
