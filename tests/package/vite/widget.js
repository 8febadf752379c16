// The package's element in a bundled app: one import defines <parallax-compare>;
// it is given the seed articles and should render their comparison.
import '%PACKAGE%/widget';
import { watchElement } from './watch-element.js';

const texts = import.meta.glob('./seeds/*.txt', { query: '?raw', import: 'default', eager: true });
watchElement(Object.entries(texts).map(([path, text]) => ({ id: path.split('/').pop(), text })));
