// A worker FILE for hosts whose Content-Security-Policy forbids blob: workers:
// `<parallax-compare worker-url="…/worker.js">` starts it as a module worker. It
// speaks the same protocol as the element's own blob: worker (worker-core.js) and
// finds the glue through engine-location.js, like the element.
import { glueUrl } from './engine-location.js';
import { serveEngine, warmLocaleData } from './worker-core.js';

// Messages that arrive while the glue loads (the compiled module first) wait here.
const early = [];
self.onmessage = (event) => early.push(event);
const glue = import(/* @vite-ignore */ glueUrl);
warmLocaleData(); // While the glue is fetched.
const engine = await glue;
serveEngine(self, engine);
for (const event of early) self.onmessage(event);
