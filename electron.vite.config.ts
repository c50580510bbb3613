import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** The migrations the bundles run ship beside them (out/main/migrations), so out/ alone is the app. */
function copyMigrations(): Plugin {
  return {
    name: 'dala-copy-migrations',
    closeBundle() {
      fs.cpSync(path.resolve(__dirname, 'database/migrations'), path.resolve(__dirname, 'out/main/migrations'), { recursive: true });
    },
  };
}

// main, preload and renderer bundles in out/; the browser host serves out/renderer as well.
export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      outDir: 'out/main',
      // The Electron main process, and for Node: the `dala` CLI (cli.js) and the browser host
      // (host.js), and the school hub (hub.js: `dala hub …`, Node and pg only, its migrations
      // embedded), with production dependencies only. job-worker.js sits beside them:
      // database/jobs/job-runner.ts starts it in a worker thread. Their shared chunks sit there too
      // (not in chunks/), because code in them finds files (the migrations, the worker) relative to
      // its own __dirname.
      rollupOptions: {
        input: {
          index: path.resolve(__dirname, 'electron/main/index.ts'),
          cli: path.resolve(__dirname, 'database/cli/entry.ts'),
          host: path.resolve(__dirname, 'host/entry.ts'),
          hub: path.resolve(__dirname, 'hub/entry.ts'),
          'job-worker': path.resolve(__dirname, 'database/jobs/job-worker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require anything but electron: bundle everything into one file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: { input: { index: path.resolve(__dirname, 'electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: path.resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: path.resolve(__dirname, 'out/renderer'),
      minify: true,
      emptyOutDir: true,
      rollupOptions: { input: path.resolve(__dirname, 'renderer/index.html') },
    },
  },
});
