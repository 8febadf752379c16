// The element's entry: importing it defines <parallax-compare> (unless that name is
// taken already); `define(tag)` defines it under another name.
import { ParallaxCompare } from './parallax-compare.js';

export { ParallaxCompare, VIEWS } from './parallax-compare.js';

/** Defines the element as `tag`; returns the class defined under that name. */
export function define(tag = 'parallax-compare') {
  if (!customElements.get(tag)) {
    // One class can be defined once: another name gets its own subclass.
    const existing = [...definedNames].length > 0;
    customElements.define(tag, existing ? class extends ParallaxCompare {} : ParallaxCompare);
    definedNames.add(tag);
  }
  return customElements.get(tag);
}

const definedNames = new Set();

define();
