import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'database/**/*.test.ts', 'host/**/*.test.ts', 'hub/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', 'out', 'e2e'],
    // Real SQLite files with synchronous=FULL and spawned CLI processes: give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
