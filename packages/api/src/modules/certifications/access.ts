import type { AccessRule } from '../../authorization';

/** Who may call each procedure of this module (see authorization.ts). */
export const CERTIFICATIONS_ACCESS: Record<string, AccessRule> = {
  'certifications.list': { access: 'signedIn', tenant: 'partner' },
  'certifications.get': { access: 'signedIn', tenant: 'partner' },
  'certifications.create': { access: 'company:manage', audience: 'PARTNER', tenant: 'partner' },
  'certifications.update': { access: 'company:manage', audience: 'PARTNER', tenant: 'partner' },
  'certifications.setVisibleInTrade': { access: 'company:manage', audience: 'PARTNER', tenant: 'partner' },
  'certifications.queue': { access: 'certification:verify', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'certifications.verify': { access: 'certification:verify', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'certifications.reject': { access: 'certification:verify', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'certifications.suspend': { access: 'certification:verify', audience: 'BACK_OFFICE', tenant: 'back-office' },
};
