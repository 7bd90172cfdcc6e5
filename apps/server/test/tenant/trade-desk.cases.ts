import type { TenantModule } from './world';

/** R9 cases for the trade-desk module: one per partner-callable procedure. */
export const tradeDeskTenant: TenantModule = {
  name: 'trade-desk',
  setup: async () => ({}),
  cases: [],
};
