import type { AccessRule } from '../../authorization';

const staffRead: AccessRule = { access: 'partner:read', audience: 'BACK_OFFICE', tenant: 'back-office' };
const staffManage: AccessRule = { access: 'partner:manage', audience: 'BACK_OFFICE', tenant: 'back-office' };

/** Who may call each procedure of this module (see authorization.ts). */
export const PARTNERS_ACCESS: Record<string, AccessRule> = {
  'partners.list': staffRead,
  'partners.get': staffRead,
  'partners.setStatus': staffManage,
  'partners.versions': staffRead,
  'partners.version': staffRead,
  'partners.diff': staffRead,
  'partners.asOf': staffRead,

  'company.get': { access: 'signedIn', audience: 'PARTNER', tenant: 'partner' },
  'company.proposeChange': { access: 'company:manage', audience: 'PARTNER', tenant: 'partner' },

  'changeRequests.mine': { access: 'signedIn', audience: 'PARTNER', tenant: 'partner' },
  'changeRequests.cancel': { access: 'company:manage', audience: 'PARTNER', tenant: 'partner' },
  'changeRequests.list': staffRead,
  'changeRequests.get': staffRead,
};
