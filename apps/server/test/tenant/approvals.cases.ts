import type { TenantModule } from './world';

/** R9 cases for the approvals module: one per partner-callable procedure. */
export const approvalsTenant: TenantModule = {
  name: 'approvals',
  setup: async () => ({}),
  cases: [],
};
