// Bundles the Node entry points of the browser shell and the command line (and the core worker they start)
// into out/node. Dependencies stay in node_modules: better-sqlite3 is a native addon and cannot be bundled.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

await build({
  entryPoints: {
    web: 'electron/web/main.ts',
    cli: 'electron/cli/main.ts',
    'core-worker': 'electron/core/host/coreWorker.ts',
  },
  outdir: 'out/node',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync('out/node/cli.js', 0o755);
