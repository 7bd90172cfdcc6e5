import type { Capability } from '@kapas/auth';
import { APPROVALS_ACCESS } from './modules/approvals/access';
import { CERTIFICATIONS_ACCESS } from './modules/certifications/access';
import { DOCUMENTS_ACCESS } from './modules/documents/access';
import { JOBS_ACCESS } from './modules/jobs/access';
import { KYC_ACCESS } from './modules/kyc/access';
import { NOTIFICATIONS_ACCESS } from './modules/notifications/access';
import { ONBOARDING_ACCESS } from './modules/onboarding/access';
import { ORG_MASTERS_ACCESS } from './modules/org-masters/access';
import { PARTNERS_ACCESS } from './modules/partners/access';
import { TRADE_DESK_ACCESS } from './modules/trade-desk/access';

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

  'audit.list': { access: 'audit:read', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'audit.get': { access: 'audit:read', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'audit.exportCsv': { access: 'audit:read', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'audit.verify': { access: 'audit:read', audience: 'BACK_OFFICE', tenant: 'back-office' },

  'securityEvents.list': { access: 'audit:read', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'securityEvents.acknowledge': { access: 'user:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'securityEvents.onEvent': { access: 'audit:read', audience: 'BACK_OFFICE', tenant: 'back-office' },

  'outbox.list': { access: 'user:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },

  'settings.list': { access: 'settings:write', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'settings.update': { access: 'settings:write', audience: 'BACK_OFFICE', tenant: 'back-office' },

  'templates.list': { access: 'settings:write', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'templates.update': { access: 'settings:write', audience: 'BACK_OFFICE', tenant: 'back-office' },

  'account.profile': { access: 'signedIn', tenant: 'self' },
  'account.startVerification': { access: 'signedIn', tenant: 'self' },
  'account.confirmVerification': { access: 'signedIn', tenant: 'self' },

  'sessions.mine': { access: 'signedIn', tenant: 'self' },
  'sessions.end': { access: 'signedIn', tenant: 'self' },
  'sessions.endOthers': { access: 'signedIn', tenant: 'self' },
  'sessions.onEvent': { access: 'signedIn', tenant: 'self' },
  'sessions.list': { access: 'session:revoke', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'sessions.revoke': { access: 'session:revoke', audience: 'BACK_OFFICE', tenant: 'back-office' },

  'apiTokens.list': { access: 'token:manage', audience: 'PARTNER', tenant: 'self' },
  'apiTokens.create': { access: 'token:manage', audience: 'PARTNER', tenant: 'self' },
  'apiTokens.revoke': { access: 'token:manage', audience: 'PARTNER', tenant: 'self' },

  'users.list': { access: 'user:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'users.get': { access: 'user:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'users.createStaff': { access: 'user:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'users.setRoles': { access: 'user:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'users.addGrant': { access: 'user:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'users.removeGrant': { access: 'user:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'users.setActive': { access: 'user:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'users.roles': { access: 'user:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'users.updateRole': { access: 'role:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },

  'subUsers.list': { access: 'subuser:manage', audience: 'PARTNER', tenant: 'partner' },
  'subUsers.invite': { access: 'subuser:manage', audience: 'PARTNER', tenant: 'partner' },
  'subUsers.update': { access: 'subuser:manage', audience: 'PARTNER', tenant: 'partner' },
  'subUsers.setActive': { access: 'subuser:manage', audience: 'PARTNER', tenant: 'partner' },
  'subUsers.activity': { access: 'subuser:manage', audience: 'PARTNER', tenant: 'partner' },

  ...ONBOARDING_ACCESS,
  ...PARTNERS_ACCESS,
  ...APPROVALS_ACCESS,
  ...NOTIFICATIONS_ACCESS,
  ...JOBS_ACCESS,
  ...DOCUMENTS_ACCESS,
  ...CERTIFICATIONS_ACCESS,
  ...KYC_ACCESS,
  ...ORG_MASTERS_ACCESS,
  ...TRADE_DESK_ACCESS,
};
