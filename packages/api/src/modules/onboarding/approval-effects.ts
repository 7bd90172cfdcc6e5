import type { ApprovalEffect, ApprovalType } from '../approvals/types';

/** Effect of PARTNER_ONBOARDING approvals: activate the partner and create its primary user, or reject. */
export const onboardingApprovalEffects: Partial<Record<ApprovalType, ApprovalEffect>> = {};
