// Starts the daily check's thread from its TypeScript source (tests, `npm run cli`, `npm run web`), as
// host/coreWorker.dev.mjs does for the core: a worker's execArgv `--import tsx` is not applied to the worker's own
// modules on Node 20 (nodejs/node#47747), so tsx is registered here first. Bundled builds start daily-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./dailyWorker.ts');
