import { kapasVitest } from '@kapas/vitest-preset';

// Timing-sensitive tests run separately (vitest.timing.config.ts), after these.
export default kapasVitest({ exclude: ['**/node_modules/**', 'test-timing/**'] });
