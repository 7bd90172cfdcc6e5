import { kapasVitest } from '@kapas/vitest-preset';

// One browser test file at a time: each starts a server and Chromium, and they share the machine.
export default kapasVitest({
  include: ['src/**/*.test.ts'],
  globalSetup: ['./global-setup.ts'],
  testTimeout: 120_000,
  hookTimeout: 120_000,
  fileParallelism: false,
  pool: 'forks',
});
