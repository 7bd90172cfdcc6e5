import type { TenantModule } from './world';

/** R9 cases for the onboarding module: one per partner-callable procedure. */
export const onboardingTenant: TenantModule = {
  name: 'onboarding',
  setup: async () => ({}),
  cases: [],
};
