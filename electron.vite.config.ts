import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// main, preload and renderer bundles in out/; the browser host serves out/renderer as well.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // job-worker.js sits beside index.js: database/jobs/job-runner.ts starts it in a worker thread.
      // Their shared chunk sits there too (not in chunks/), because code in it finds files (the
      // migrations, the worker) relative to its own __dirname.
      rollupOptions: {
        input: { index: path.resolve(__dirname, 'electron/main/index.ts'), 'job-worker': path.resolve(__dirname, 'database/jobs/job-worker.ts') },
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
