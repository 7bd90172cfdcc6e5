import type { Capability } from '@kapas/auth';

/**
 * The single table that says who may call each procedure (ISSUE: one declarative map, checked by
 * the base procedure; a procedure missing here is refused, and a test fails).
 *  - `public`: anyone, signed in or not.
 *  - `signedIn`: any signed-in user (what they see is still limited by the tenant rule).
 *  - a capability: the caller's effective capabilities must include it.
 * `audience` restricts a procedure to back-office staff or partner users. `tenant` documents the
 * row filter the service applies (enforced in the data layer, verified by the tenant tests):
 *  - `none`: reference data or the caller's own identity, nothing partner-scoped;
 *  - `self`: only rows of the calling user;
 *  - `partner`: only rows of the caller's partner (and, for sub-users, their branches);
 *  - `back-office`: staff-only data across partners.
 */
export type AccessRule = {
  access: 'public' | 'signedIn' | Capability;
  audience?: 'BACK_OFFICE' | 'PARTNER';
  tenant: 'none' | 'self' | 'partner' | 'back-office';
};

export const ACCESS_RULES: Record<string, AccessRule> = {
  health: { access: 'public', tenant: 'none' },

  'auth.signIn': { access: 'public', tenant: 'none' },
  'auth.signOut': { access: 'signedIn', tenant: 'self' },
  'auth.me': { access: 'public', tenant: 'self' },
  'auth.verifySignIn': { access: 'public', tenant: 'none' },
  'auth.keepAlive': { access: 'signedIn', tenant: 'self' },
  'auth.passwordPolicy': { access: 'public', tenant: 'none' },
  'auth.changePassword': { access: 'signedIn', tenant: 'self' },
  'auth.requestPasswordReset': { access: 'public', tenant: 'none' },
  'auth.resetPassword': { access: 'public', tenant: 'none' },
  'auth.acceptInvite': { access: 'public', tenant: 'none' },

  'masters.commodities': { access: 'master:read', tenant: 'none' },
  'masters.commodity': { access: 'master:read', tenant: 'none' },
  'masters.createCommodity': { access: 'master:write', audience: 'BACK_OFFICE', tenant: 'none' },
  'masters.updateCommodity': { access: 'master:write', audience: 'BACK_OFFICE', tenant: 'none' },
  'masters.setCommodityActive': { access: 'master:write', audience: 'BACK_OFFICE', tenant: 'none' },
  'masters.items': { access: 'master:read', tenant: 'none' },
  'masters.createItem': { access: 'master:write', audience: 'BACK_OFFICE', tenant: 'none' },
  'masters.updateItem': { access: 'master:write', audience: 'BACK_OFFICE', tenant: 'none' },
  'masters.setItemActive': { access: 'master:write', audience: 'BACK_OFFICE', tenant: 'none' },
  'masters.locations': { access: 'master:read', tenant: 'none' },
  'masters.organizations': { access: 'master:read', tenant: 'none' },
  'masters.onChange': { access: 'master:read', tenant: 'none' },
};
