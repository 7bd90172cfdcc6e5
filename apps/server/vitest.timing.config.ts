import { kapasVitest } from '@kapas/vitest-preset';

/** Timing-sensitive tests, alone on the machine: one file at a time, one worker. */
export default kapasVitest({
  include: ['test-timing/**/*.test.ts'],
  maxWorkers: 1,
  fileParallelism: false,
  reporters: ['default', ['json', { outputFile: 'test-results/vitest-timing.json' }]],
});
