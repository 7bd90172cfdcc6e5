import { allocateNumber, approvalRequests, type DbOrTx } from '@kapas/db';
import { appendEvent } from '../../realtime/outbox';
import { notifyStaffWith } from '../notifications/staff';
import type { ApprovalRequestRow, ApprovalType } from './types';

export const APPROVALS_TOPIC = 'approvals';

export type NewApprovalRequest = {
  type: ApprovalType;
  subjectType: string;
  subjectId: string;
  partnerId?: string | null;
  /** One line for the queue, e.g. "Onboard Rajkot Ginning (SELLER)". */
  summary: string;
  /** What will change, shown to the approver (e.g. { legalName: { from, to } }). */
  payload: Record<string, unknown>;
  requestedByUserId: string | null;
  requiredApprovals?: number;
  now: Date;
  expiresInDays: number;
};

/**
 * Opens an approval request inside the caller's transaction (numbers are gapless: AP-YYYY-NNNNN).
 * Use `requiredApprovalsFor(deps, type)` and `approvalExpiryDays(deps)` (read before the
 * transaction) for `requiredApprovals` and `expiresInDays`.
 */
export async function requestApproval(tx: DbOrTx, input: NewApprovalRequest): Promise<ApprovalRequestRow> {
  const number = await allocateNumber(tx, 'AP', input.now.getUTCFullYear(), 5);
  const [row] = await tx
    .insert(approvalRequests)
    .values({
      number,
      type: input.type,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      partnerId: input.partnerId ?? null,
      summary: input.summary,
      payload: input.payload,
      requiredApprovals: input.requiredApprovals ?? 1,
      requestedByUserId: input.requestedByUserId,
      expiresAt: new Date(input.now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    })
    .returning();
  // In-app only: approvers see it in their bell; email would flood them (they work from the queue).
  await notifyStaffWith(tx, 'partner:approve', {
    kind: 'approval.requested',
    title: `${number}: approval needed`,
    body: input.summary,
    link: `/approvals?selected=${row!.id}`,
    data: { approvalId: row!.id, type: input.type },
    now: input.now,
  });
  await appendEvent(tx, {
    audience: 'BACK_OFFICE',
    topic: APPROVALS_TOPIC,
    type: 'approval.requested',
    payload: { id: row!.id, number, type: input.type },
  });
  return row!;
}
