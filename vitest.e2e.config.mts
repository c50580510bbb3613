import { defineConfig } from 'vitest/config';

// End-to-end specs: real Chromium against the real browser host, one spec file at a time
// (2 cores: parallel browsers only make each other flaky).
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    // The Electron specs need Electron and their own setup: vitest.electron.config.mts.
    exclude: ['e2e/electron/**', 'node_modules/**'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
