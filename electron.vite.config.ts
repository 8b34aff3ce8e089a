import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Batch PDF worker: run as an Electron utilityProcess, or a worker thread in browser mode.
          'batch-worker': resolve(__dirname, 'electron/main/batch/worker-entry.ts'),
          // Workbook import: parsed in a worker thread with a capped heap.
          'xlsx-worker': resolve(__dirname, 'electron/main/import/xlsx-worker-entry.ts'),
          // The mission's sync server, shipped in the package: `node out/main/sync-server.js serve <LAN address> <port>`.
          'sync-server': resolve(__dirname, 'electron/sync-server/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    // Every `zod` import in the page goes through the module that turns zod's eval probe off (see it).
    resolve: { alias: [{ find: /^zod$/, replacement: resolve(__dirname, 'renderer/src/zod-jitless.ts') }] },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // The app is served from app:// and never fetches remote code; keep asset names stable and local.
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        output: {
          // Everything the first screen needs is one script: left to itself the bundler splits the modules the
          // lazy screens share into a dozen small chunks, and each is one more request before the app can start.
          codeSplitting: { groups: [{ name: 'app', test: /[\\/]renderer[\\/]src[\\/]main\.tsx$/ }] },
        },
      },
    },
  },
});
