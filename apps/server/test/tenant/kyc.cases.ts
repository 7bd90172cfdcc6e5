import type { TenantModule } from './world';

/** R9 cases for the kyc module: one per partner-callable procedure. */
export const kycTenant: TenantModule = {
  name: 'kyc',
  setup: async () => ({}),
  cases: [],
};
