import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// The three runtimes live in top-level folders (main/, preload/, renderer/) rather than electron-vite's
// default src/ layout, so every entry is spelled out.
export default defineConfig({
  main: {
    build: {
      // lowdb and steno are ESM-only; bundling them lets the CommonJS main process load them.
      externalizeDeps: { exclude: ['lowdb', 'steno'] },
      // The search index runs in a worker thread: its entry is built beside index.js (store/search).
      lib: {
        entry: {
          index: resolve(__dirname, 'main/index.ts'),
          'search-worker': resolve(__dirname, 'main/store/search/search-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require npm packages at run time: bundle everything it uses.
      externalizeDeps: false,
      lib: { entry: resolve(__dirname, 'preload/index.ts') },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      minify: true,
      // zod (the contract's schemas), React and the phone-number metadata: one local bundle, never downloaded.
      chunkSizeWarningLimit: 800,
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
