import { defineConfig } from 'vitest/config';

/**
 * `npm run test:soak`: the long reliability runs, outside `npm test` — a minute of load, a
 * ten-second storage outage, more races and a much longer fuzz (a new seed each run).
 */
export default defineConfig({
  test: {
    include: ['test/soak/**/*.test.ts', 'test/reliability/**/*.test.ts', 'test/functions/http/security/fuzz.test.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    env: {
      LOAD_SECONDS: process.env.LOAD_SECONDS ?? '60',
      OUTAGE_SECONDS: process.env.OUTAGE_SECONDS ?? '10',
      RACE_TASKS: process.env.RACE_TASKS ?? '300',
      FUZZ_RUNS: process.env.FUZZ_RUNS ?? '300',
      FUZZ_SEED: process.env.FUZZ_SEED ?? String(Date.now() % 1_000_000),
    },
    testTimeout: 600_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
