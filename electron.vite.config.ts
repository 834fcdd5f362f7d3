import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          services: resolve(import.meta.dirname, 'electron/utility/services-process.ts'),
          // The CLI, run by `npm run hearth` when this build is current (electron/bootstrap/hearth.mjs).
          cli: resolve(import.meta.dirname, 'electron/cli/main.ts'),
          // Worker threads' entries (electron/services/worker-entry.ts finds them here).
          'recompute-worker': resolve(import.meta.dirname, 'electron/services/members/recompute-worker.ts'),
          'import-worker': resolve(import.meta.dirname, 'electron/services/import/import-worker.ts'),
          'checkpoint-worker': resolve(import.meta.dirname, 'electron/services/checkpoint-worker.ts'),
        },
        external: ['better-sqlite3', 'electron'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // A sandboxed preload can only be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
      chunkSizeWarningLimit: 2500,
    },
  },
});
