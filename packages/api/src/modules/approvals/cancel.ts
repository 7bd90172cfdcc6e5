import { approvalRequests } from '@kapas/db';
import { eq, sql } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { APPROVAL_EFFECTS } from './effects';
import { APPROVALS_TOPIC } from './request';
import { assertMayCancel } from './rules';
import type { ApprovalType } from './types';

/**
 * Withdraws a pending request. Allowed to its requester and to staff; a partner user never sees
 * another partner's request (NOT_FOUND). The type's onRejected effect is not run: a cancellation
 * is a withdrawal, not a decision; its onCancelled effect (if any) withdraws the subject too.
 */
export async function cancelApproval(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { id: string; note?: string | undefined },
): Promise<{ id: string; status: string; version: number }> {
  const now = deps.clock();
  const note = input.note?.trim() || null;
  return transact(deps, async (tx) => {
    const [request] = await tx.select().from(approvalRequests).where(eq(approvalRequests.id, input.id)).for('update');
    const isStaff = actor.kind === 'BACK_OFFICE';
    if (!request || (!isStaff && request.partnerId !== actor.partnerId && request.requestedByUserId !== actor.userId)) {
      throw new DomainError('NOT_FOUND', 'Approval request not found.');
    }
    assertMayCancel({ status: request.status, requestedByUserId: request.requestedByUserId, actorId: actor.userId, isStaff });
    const [updated] = await tx
      .update(approvalRequests)
      .set({
        status: 'CANCELLED',
        decidedAt: now.toISOString(),
        decisionNote: note,
        version: sql`${approvalRequests.version} + 1`,
        updatedAt: now.toISOString(),
      })
      .where(eq(approvalRequests.id, request.id))
      .returning();
    await APPROVAL_EFFECTS[request.type as ApprovalType]?.onCancelled?.(request, { tx, deps, actor, meta, now, note });
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: 'approval.cancel',
        entityType: 'approval_request',
        entityId: request.id,
        partnerId: request.partnerId,
        oldValues: { status: request.status },
        newValues: { status: 'CANCELLED', note },
      },
    );
    await appendEvent(tx, {
      audience: 'BACK_OFFICE',
      topic: APPROVALS_TOPIC,
      type: 'approval.cancelled',
      payload: { id: request.id, number: request.number, status: 'CANCELLED' },
    });
    return { id: updated!.id, status: updated!.status, version: updated!.version };
  });
}
