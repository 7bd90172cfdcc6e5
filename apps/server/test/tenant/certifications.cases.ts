import type { TenantModule } from './world';

/** R9 cases for the certifications module: one per partner-callable procedure. */
export const certificationsTenant: TenantModule = {
  name: 'certifications',
  setup: async () => ({}),
  cases: [],
};
