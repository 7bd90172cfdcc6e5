import type { AccessRule } from '../../authorization';

const QUEUE: AccessRule = { access: 'partner:approve', audience: 'BACK_OFFICE', tenant: 'back-office' };

/** Who may call each procedure of this module (see authorization.ts). */
export const APPROVALS_ACCESS: Record<string, AccessRule> = {
  'approvals.list': QUEUE,
  'approvals.get': QUEUE,
  'approvals.decide': QUEUE,
  'approvals.bulkDecide': QUEUE,
  'approvals.onEvent': QUEUE,
  // The requester (a partner user, or staff) withdraws a pending request; the service enforces who.
  'approvals.cancel': { access: 'signedIn', tenant: 'partner' },
  // A partner's users follow their own partner's requests, read-only.
  'approvals.mine': { access: 'signedIn', audience: 'PARTNER', tenant: 'partner' },
};
