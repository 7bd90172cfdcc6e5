import type { approvalRequests, Transaction } from '@kapas/db';
import type { Actor, Deps, RequestMeta } from '../../context';

export const APPROVAL_TYPES = [
  'PARTNER_ONBOARDING',
  'CHANGE_REQUEST',
  'CERTIFICATION',
  'DOCUMENT',
  'USER_CREATION',
  'ROLE_ASSIGNMENT',
  'SUB_USER',
  'HIGH_VALUE_TRADE',
] as const;
export type ApprovalType = (typeof APPROVAL_TYPES)[number];

export const APPROVAL_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export type ApprovalRequestRow = typeof approvalRequests.$inferSelect;

/** What an effect may use: it runs inside the transaction that records the final decision. */
export type EffectContext = { tx: Transaction; deps: Deps; actor: Actor; meta: RequestMeta; now: Date; note: string | null };

/** The change a request stands for, applied when the last required approval lands (or undone on rejection). */
export type ApprovalEffect = {
  onApproved(request: ApprovalRequestRow, ctx: EffectContext): Promise<void>;
  onRejected(request: ApprovalRequestRow, ctx: EffectContext): Promise<void>;
  /** The request was withdrawn before a decision: the subject returns to its own "withdrawn" state. */
  onCancelled?(request: ApprovalRequestRow, ctx: EffectContext): Promise<void>;
};
