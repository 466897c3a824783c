import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The long runs (a minute of load) are `npm run test:soak` (vitest.soak.config.ts).
    exclude: ['test/bench/**', 'test/soak/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Engines are shared through the global setup; each file uses its own table.
    pool: 'forks',
  },
});
