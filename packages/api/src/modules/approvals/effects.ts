import { onboardingApprovalEffects } from '../onboarding/approval-effects';
import { partnerApprovalEffects } from '../partners/approval-effects';
import { roleAssignmentEffects } from './role-assignment-effect';
import type { ApprovalEffect, ApprovalType } from './types';

/** Every approval type's effect, by type; a type without an effect only records the decision. */
export const APPROVAL_EFFECTS: Partial<Record<ApprovalType, ApprovalEffect>> = {
  ...onboardingApprovalEffects,
  ...partnerApprovalEffects,
  ...roleAssignmentEffects,
};
