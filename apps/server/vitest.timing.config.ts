import { kapasVitest } from '@kapas/vitest-preset';

/**
 * Timing-sensitive tests, alone on the machine: one file at a time, one worker. A sample set can
 * still catch a burst of outside noise, so a failed comparison is measured afresh up to twice; a
 * real difference between the cases fails every attempt.
 */
export default kapasVitest({
  retry: 2,
  include: ['test-timing/**/*.test.ts'],
  maxWorkers: 1,
  fileParallelism: false,
  reporters: ['default', ['json', { outputFile: 'test-results/vitest-timing.json' }]],
});
