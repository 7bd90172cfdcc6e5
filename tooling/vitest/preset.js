import { defineConfig } from 'vitest/config';

/**
 * Shared vitest settings. Every run also writes `test-results/vitest.json`, which `.ci/run`
 * sums into one "N passed, N failed" line. Database-backed tests get generous hook timeouts
 * (a fresh PGlite takes 2–3 s) and at most two workers (each PGlite holds ~0.5 GB).
 * Plain JavaScript because vitest loads config dependencies from node_modules without a TS loader.
 */
export function kapasVitest(test = {}) {
  return defineConfig({
    test: {
      hookTimeout: 60_000,
      testTimeout: 60_000,
      maxWorkers: 2,
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
      ...test,
    },
  });
}
