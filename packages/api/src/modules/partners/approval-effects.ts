import type { ApprovalEffect, ApprovalType } from '../approvals/types';

/** Effects of the approval types this module owns (CHANGE_REQUEST). */
export const partnerApprovalEffects: Partial<Record<ApprovalType, ApprovalEffect>> = {};
