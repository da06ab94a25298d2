// Starts the core worker from its TypeScript source (tests, `npm run cli`, `npm run web`). A worker's execArgv
// `--import tsx` is not applied to the worker's own modules on Node 20 (nodejs/node#47747), so tsx is registered
// here, inside the worker, before the .ts entry is loaded. Bundled builds start core-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./coreWorker.ts');
