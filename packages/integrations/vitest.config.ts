import { kapasVitest } from '@kapas/vitest-preset';

export default kapasVitest();
