// Bundles the Node entry points of the browser shell and the command line (and the core worker they start, and
// the daily check's thread it starts)
// into out/node. Dependencies stay in node_modules: better-sqlite3 is a native addon and cannot be bundled.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { packageOf, writeLicences } from './licences.mjs';

const common = {
  outdir: 'out/node',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
  metafile: true,
};

// Stale chunks from an earlier build would otherwise pile up beside the new ones.
rmSync('out/node/chunks', { recursive: true, force: true });

// The shells, one self-contained file each: coreClient.ts starts `new URL('./core-worker.js', import.meta.url)`,
// which holds only while its code sits in a file beside the worker, never in a chunk elsewhere.
const shells = await build({
  ...common,
  entryPoints: { web: 'electron/web/main.ts', cli: 'electron/cli/main.ts' },
  banner: { js: '#!/usr/bin/env node' },
});

// The core worker, split so that what it imports only on first use (the .docx writer) is a chunk of its own and
// its packages load with it, not when the worker starts.
const worker = await build({
  ...common,
  entryPoints: { 'core-worker': 'electron/core/host/coreWorker.ts' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
// The daily check's thread, one self-contained file: the core worker starts `new URL('./daily-worker.js',
// import.meta.url)` (ledger/dailyReader.ts), which its entry file above and this file, side by side, satisfy.
const daily = await build({
  ...common,
  entryPoints: { 'daily-worker': 'electron/core/ledger/dailyWorker.ts' },
});
chmodSync('out/node/cli.js', 0o755);

// 关于 lists the packages these bundles load from node_modules (all external here), with what they need in turn.
const external = new Set();
for (const { metafile } of [shells, worker, daily])
  for (const output of Object.values(metafile.outputs))
    for (const imported of output.imports) {
      const name = imported.external ? packageOf(imported.path) : null;
      if (name) external.add(name);
    }
writeLicences('out/node/licences.json', [], [...external]);
