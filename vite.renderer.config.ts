import react from '@vitejs/plugin-react';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { licencesPlugin } from './scripts/licences.mjs';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Libraries the first paint needs, apart from the app's own code so they stay cached across releases of the app. */
const INITIAL_VENDOR_GROUPS = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
  { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 1 },
].map((group) => ({ ...group, tags: ['$initial' as const] }));

/**
 * Writes .vite/modules.json beside vite's manifest: for each chunk, the packages and the app's own files in it. The
 * manifest says which chunks load first; this says what they hold, so the bundle test can tell that ECharts or the
 * Excel screens never join the first download (tests/support/rendererBundle.ts reads both).
 */
function chunkContents(): Plugin {
  return {
    name: 'yqyc-chunk-contents',
    apply: 'build',
    generateBundle(_options, bundle) {
      const contents: Record<string, string[]> = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const names = new Set<string>();
        for (const id of chunk.moduleIds) {
          const pkg = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
          if (pkg) names.add(`node_modules/${pkg[1]!.replace('\\', '/')}`);
          else if (!id.startsWith('\0')) names.add(relative(ROOT, id.split('?')[0]!).replaceAll('\\', '/'));
        }
        contents[chunk.fileName] = [...names].sort();
      }
      this.emitFile({ type: 'asset', fileName: '.vite/modules.json', source: JSON.stringify(contents) });
    },
  };
}

/** The renderer for the browser shell (and the same files for the desktop shell's app:// protocol). */
export default defineConfig({
  root: 'renderer',
  base: './',
  // licences.json: what 关于 lists for the page's own packages (React, antd …).
  plugins: [react(), chunkContents(), licencesPlugin()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
    // Which chunks index.html loads first (imports) and which on demand (dynamicImports): tests/bench/bundle.ts.
    manifest: true,
    rolldownOptions: {
      output: {
        // Only what the entry loads statically is grouped (tag $initial): libraries used by one lazy tab (the date
        // picker, the table, ECharts) stay in that tab's chunks instead of joining the first download.
        codeSplitting: { groups: INITIAL_VENDOR_GROUPS },
      },
    },
  },
});
