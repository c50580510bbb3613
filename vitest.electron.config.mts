import { defineConfig } from 'vitest/config';

// The Electron end-to-end suite (e2e/electron): real Electron windows, one spec file at a time.
// `npm run test:electron` builds the app and runs this under xvfb-run where there is no display.
// Without the Electron binary every spec is skipped and the global setup prints one line saying so.
export default defineConfig({
  test: {
    include: ['e2e/electron/**/*.spec.ts'],
    globalSetup: ['e2e/electron/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
