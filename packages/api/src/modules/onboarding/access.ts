import type { AccessRule } from '../../authorization';

/**
 * Who may call each procedure of this module (see authorization.ts). The applicant's procedures
 * are public: the resume token in the input is the credential; with an application id instead,
 * resolve.ts requires `partner:manage` (staff) or an active sub-broker that registered the partner.
 */
export const ONBOARDING_ACCESS: Record<string, AccessRule> = {
  'onboarding.start': { access: 'public', tenant: 'none' },
  'onboarding.get': { access: 'public', tenant: 'partner' },
  'onboarding.saveStep': { access: 'public', tenant: 'partner' },
  'onboarding.sendEmailCode': { access: 'public', tenant: 'partner' },
  'onboarding.verifyEmail': { access: 'public', tenant: 'partner' },
  'onboarding.sendMobileCode': { access: 'public', tenant: 'partner' },
  'onboarding.verifyMobile': { access: 'public', tenant: 'partner' },
  'onboarding.submit': { access: 'public', tenant: 'partner' },
  'onboarding.status': { access: 'public', tenant: 'partner' },
  'onboarding.createUpload': { access: 'public', tenant: 'partner' },
  'onboarding.documents': { access: 'public', tenant: 'partner' },
  'onboarding.createDraft': { access: 'partner:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'onboarding.drafts': { access: 'partner:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'onboarding.registerPartner': { access: 'partner:register', audience: 'PARTNER', tenant: 'partner' },
  'onboarding.myRegistrations': { access: 'partner:register', audience: 'PARTNER', tenant: 'partner' },
};
