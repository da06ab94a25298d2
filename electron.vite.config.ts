import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { licencesPlugin } from './scripts/licences.mjs';

/**
 * Desktop shell bundles (`npm run build:desktop` = `electron-vite build`): main process and core worker into
 * out/desktop, preload into out/preload. The renderer is built once, by vite.renderer.config.ts into
 * out/renderer (`npm run build:renderer`), and the desktop shell serves that same folder over app://, so there
 * is no renderer section here (electron-vite prints "renderer config is missing"; that is expected).
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const at = (path: string) => resolve(root, path);

export default defineConfig({
  main: {
    // 关于 lists the components bundled here (out/desktop/licences.json): the installer leaves out/node out.
    plugins: [licencesPlugin()],
    build: {
      outDir: at('out/desktop'),
      // Bundle zod and everything else pure, so an installed app needs only better-sqlite3 from node_modules;
      // the addon cannot be bundled, and electron plus Node's builtins are external by electron-vite's preset.
      externalizeDeps: false,
      sourcemap: false,
      rolldownOptions: {
        // coreClient.ts starts `new URL('./core-worker.js', import.meta.url)`, so the worker must be an entry of
        // its own, named exactly so, in the same folder as main.js; the same for the daily check's thread, which
        // the core worker starts as `new URL('./daily-worker.js', import.meta.url)` (ledger/dailyReader.ts).
        input: {
          main: at('electron/desktop/main.ts'),
          'core-worker': at('electron/core/host/coreWorker.ts'),
          'daily-worker': at('electron/core/ledger/dailyWorker.ts'),
        },
        // playwright-core drives a separate browser for the browser shell and the CLI; the desktop prints with
        // Electron itself, so the import that loads it on first print is never reached there.
        external: ['better-sqlite3-multiple-ciphers', 'playwright-core'],
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          // Shared chunks stay beside the entries: whichever file the worker-starting code lands in, the
          // relative './core-worker.js' must still point at the worker.
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      // A sandboxed preload can require only `electron` and a few builtins, so the contract (and zod) is inlined.
      externalizeDeps: false,
      sourcemap: false,
      rolldownOptions: {
        input: { preload: at('electron/desktop/preload.ts') },
        output: {
          // Sandboxed preloads are loaded as CommonJS; .cjs because package.json says "type": "module".
          format: 'cjs',
          entryFileNames: '[name].cjs',
        },
      },
    },
  },
});
