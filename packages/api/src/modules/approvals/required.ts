import type { Deps } from '../../context';
import type { ApprovalType } from './types';

/** Types whose approver count is the admin setting `approval.requiredApprovals` (DOMAIN §7); the rest need one. */
const SETTING_DRIVEN: ReadonlySet<ApprovalType> = new Set(['PARTNER_ONBOARDING', 'CHANGE_REQUEST']);

/** How many distinct approvers a new request of this type needs. Read before the transaction (settings use deps.db). */
export async function requiredApprovalsFor(deps: Deps, type: ApprovalType): Promise<number> {
  if (!SETTING_DRIVEN.has(type)) return 1;
  return Math.max(1, Math.floor(await deps.settings.number('approval.requiredApprovals', 1)));
}

/** Days until a new request expires (setting `approval.expiryDays`). Read before the transaction. */
export async function approvalExpiryDays(deps: Deps): Promise<number> {
  return deps.settings.number('approval.expiryDays', 30);
}
