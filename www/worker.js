// A worker FILE for hosts whose Content-Security-Policy forbids blob: workers:
// `<parallax-compare worker-url="…/worker.js">` starts it as a module worker. It
// speaks the same protocol as the element's own blob: worker (worker-core.js).
import * as engine from './pkg/parallax.js';
import { serveEngine } from './worker-core.js';

serveEngine(self, engine);
