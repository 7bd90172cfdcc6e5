import type { AccessRule } from '../../authorization';

/** Who may call each procedure of this module (see authorization.ts). */
export const KYC_ACCESS: Record<string, AccessRule> = {
  'kyc.status': { access: 'signedIn', audience: 'PARTNER', tenant: 'partner' },
  'kyc.history': { access: 'signedIn', tenant: 'partner' },
  'kyc.submitRenewal': { access: 'company:manage', audience: 'PARTNER', tenant: 'partner' },
  'kyc.due': { access: 'partner:read', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'kyc.submissions': { access: 'kyc:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'kyc.sendReminder': { access: 'kyc:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'kyc.verify': { access: 'kyc:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'kyc.reject': { access: 'kyc:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
};
