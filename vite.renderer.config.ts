import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer for the browser shell (and the same files for the desktop shell's app:// protocol). */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
});
