import type { TenantModule } from './world';

/** R9 cases for the notifications module: one per partner-callable procedure. */
export const notificationsTenant: TenantModule = {
  name: 'notifications',
  setup: async () => ({}),
  cases: [],
};
