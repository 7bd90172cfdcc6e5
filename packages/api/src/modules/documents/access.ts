import type { AccessRule } from '../../authorization';

/** Who may call each procedure of this module (see authorization.ts). Ownership is checked in ownership.ts. */
export const DOCUMENTS_ACCESS: Record<string, AccessRule> = {
  'documents.createUpload': { access: 'signedIn', tenant: 'partner' },
  'documents.list': { access: 'signedIn', tenant: 'partner' },
  'documents.downloadLink': { access: 'signedIn', tenant: 'partner' },
  'documents.verify': { access: 'document:verify', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'documents.reject': { access: 'document:verify', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'documents.queue': { access: 'document:verify', audience: 'BACK_OFFICE', tenant: 'back-office' },
};
