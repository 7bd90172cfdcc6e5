import type { TenantModule } from './world';

/** R9 cases for the partners module: one per partner-callable procedure. */
export const partnersTenant: TenantModule = {
  name: 'partners',
  setup: async () => ({}),
  cases: [],
};
