import { approvalRequests } from '@kapas/db';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Deps, RequestMeta } from '../../context';
import { appendEvent } from '../../realtime/outbox';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { notifyUsers } from '../notifications/notify';
import { APPROVALS_TOPIC } from './request';

const JOB_META: RequestMeta = { requestId: 'job:approval-expiry', ip: null, userAgent: null };

/**
 * Marks pending requests past their expiry EXPIRED and tells the requester. The type's
 * onRejected effect is deliberately not run (nobody decided). Each request in its own
 * transaction, re-checked under the row lock so a decision landing meanwhile wins.
 */
export async function expireApprovals(deps: Deps, now: Date): Promise<{ expired: number }> {
  const due = await deps.db
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.status, 'PENDING'), lte(approvalRequests.expiresAt, now.toISOString())))
    .orderBy(asc(approvalRequests.expiresAt))
    .limit(500);
  let expired = 0;
  for (const { id } of due) {
    const done = await transact(deps, async (tx) => {
      const [request] = await tx.select().from(approvalRequests).where(eq(approvalRequests.id, id)).for('update');
      if (request?.status !== 'PENDING' || !request.expiresAt || new Date(request.expiresAt) > now) return false;
      await tx
        .update(approvalRequests)
        .set({
          status: 'EXPIRED',
          decidedAt: now.toISOString(),
          version: sql`${approvalRequests.version} + 1`,
          updatedAt: now.toISOString(),
        })
        .where(eq(approvalRequests.id, id));
      await appendAudit(
        tx,
        { actor: null, meta: JOB_META, now },
        {
          action: 'approval.expire',
          entityType: 'approval_request',
          entityId: id,
          partnerId: request.partnerId,
          oldValues: { status: 'PENDING' },
          newValues: { status: 'EXPIRED' },
        },
      );
      if (request.requestedByUserId) {
        await notifyUsers(tx, [request.requestedByUserId], {
          kind: 'approval.expired',
          title: `${request.number} expired`,
          body: `${request.summary}: nobody decided it before ${request.expiresAt.slice(0, 10)}. Submit it again if it is still needed.`,
          link: null,
          data: { approvalId: id, status: 'EXPIRED' },
          email: true,
          now,
        });
      }
      await appendEvent(tx, {
        audience: 'BACK_OFFICE',
        topic: APPROVALS_TOPIC,
        type: 'approval.expired',
        payload: { id, number: request.number, status: 'EXPIRED' },
      });
      return true;
    });
    if (done) expired++;
  }
  return { expired };
}
