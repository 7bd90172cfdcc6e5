import type { Capability } from '@kapas/auth';
import { DomainError } from '../../errors';
import type { ApprovalState, ApprovalType } from './types';

export const DECISIONS = ['APPROVE', 'REJECT'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Types whose subject needs a specialist besides `partner:approve` (maker-checker by the right team). */
export const DECIDER_CAPABILITY: Partial<Record<ApprovalType, Capability>> = {
  CERTIFICATION: 'certification:verify',
  DOCUMENT: 'document:verify',
  USER_CREATION: 'user:manage',
  ROLE_ASSIGNMENT: 'user:manage',
};

export type DecisionCheck = {
  status: string;
  requestedByUserId: string | null;
  deciderId: string;
  alreadyDecided: boolean;
  decision: Decision;
  note: string | null;
};

/**
 * Whether this user may decide this request now, in the order a person would want to hear it:
 * a rejection needs a reason; nobody decides their own request; a closed request is closed; and
 * each approver decides once.
 */
export function assertMayDecide(c: DecisionCheck): void {
  if (c.decision === 'REJECT' && !c.note?.trim()) {
    throw new DomainError('BAD_REQUEST', 'Give a reason for the rejection.', {
      fieldErrors: { note: ['A reason is required to reject'] },
    });
  }
  if (c.requestedByUserId !== null && c.requestedByUserId === c.deciderId) {
    throw new DomainError('FORBIDDEN', 'You cannot approve or reject your own request; another approver must decide it.');
  }
  if (c.status !== 'PENDING') {
    throw new DomainError('CONFLICT', `This request is already ${c.status.toLowerCase()}.`, { state: c.status });
  }
  if (c.alreadyDecided) {
    throw new DomainError('CONFLICT', 'You have already decided on this request; another approver must add theirs.', {
      state: c.status,
    });
  }
}

export type Tally = { approvalsCount: number; status: ApprovalState; final: boolean };

/** One rejection closes the request; it is approved when the required number of approvals is reached. */
export function tally(current: { approvalsCount: number; requiredApprovals: number }, decision: Decision): Tally {
  if (decision === 'REJECT') return { approvalsCount: current.approvalsCount, status: 'REJECTED', final: true };
  const approvalsCount = current.approvalsCount + 1;
  const final = approvalsCount >= current.requiredApprovals;
  return { approvalsCount, status: final ? 'APPROVED' : 'PENDING', final };
}

/** Cancel: only while pending, by the requester or by staff. */
export function assertMayCancel(c: {
  status: string;
  requestedByUserId: string | null;
  actorId: string;
  isStaff: boolean;
}): void {
  if (!c.isStaff && c.requestedByUserId !== c.actorId) {
    throw new DomainError('FORBIDDEN', 'Only the requester or back-office staff can cancel this request.');
  }
  if (c.status !== 'PENDING') {
    throw new DomainError('CONFLICT', `This request is already ${c.status.toLowerCase()} and cannot be cancelled.`, {
      state: c.status,
    });
  }
}
