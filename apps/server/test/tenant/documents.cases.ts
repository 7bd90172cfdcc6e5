import type { TenantModule } from './world';

/** R9 cases for the documents module: one per partner-callable procedure. */
export const documentsTenant: TenantModule = {
  name: 'documents',
  setup: async () => ({}),
  cases: [],
};
