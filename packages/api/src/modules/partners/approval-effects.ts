import { changeRequests, partners } from '@kapas/db';
import { eq } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { isUniqueViolation } from '../../shared/db-errors';
import type { ApprovalEffect, ApprovalRequestRow, ApprovalType, EffectContext } from '../approvals/types';
import { appendAudit } from '../audit/append';
import { notifyPartner } from '../notifications/notify';
import { loadSnapshot } from './aggregate';
import { applyChanges } from './apply';
import { lockPendingRequest } from './change-requests';
import { aggregateErrors } from './rules/aggregate';
import { applyTo, changeKeys, staleKeys } from './rules/changes';
import type { Changes } from './snapshot';
import { writePartnerVersion } from './versions';

/**
 * Applies an approved change request in the deciding transaction. If the partner has moved on
 * since the request was made on any of the same keys (their value is no longer the request's
 * `from`), applying it would silently undo that change: refuse with CONFLICT instead.
 */
async function approve(request: ApprovalRequestRow, ctx: EffectContext): Promise<void> {
  const { tx, now } = ctx;
  const cr = await lockPendingRequest(tx, request.subjectId);
  await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, cr.partnerId)).for('update');
  const changes = cr.changes as Changes;
  const current = await loadSnapshot(tx, cr.partnerId);
  const stale = staleKeys(current, changes);
  if (stale.length) {
    throw new DomainError(
      'CONFLICT',
      `The partner's ${stale.join(', ')} changed after this request was made (base version ${cr.baseVersion}); reject it and ask for a new one.`,
      { stale, baseVersion: cr.baseVersion },
    );
  }
  // Rules may have been broken by other approved changes meanwhile (e.g. a new PAN vs an old GSTIN).
  const errors = aggregateErrors(applyTo(current, changes));
  if (Object.keys(errors).length)
    throw new DomainError('CONFLICT', 'These changes no longer fit the partner.', { fieldErrors: errors });
  try {
    await applyChanges(tx, cr.partnerId, changes, now);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'This GSTIN belongs to another partner.');
    throw error;
  }
  const version = await writePartnerVersion(tx, cr.partnerId, { changeRequestId: cr.id, userId: ctx.actor.userId }, now);
  await tx.update(changeRequests).set({ status: 'APPROVED', decidedAt: now.toISOString() }).where(eq(changeRequests.id, cr.id));
  await appendAudit(
    tx,
    { actor: ctx.actor, meta: ctx.meta, now },
    {
      action: 'partner.change.apply',
      entityType: 'change_request',
      entityId: cr.id,
      oldValues: Object.fromEntries(changeKeys(changes).map((k) => [k, changes[k]?.from ?? null])),
      newValues: { version: version.version, ...Object.fromEntries(changeKeys(changes).map((k) => [k, changes[k]?.to ?? null])) },
      partnerId: cr.partnerId,
    },
  );
  await notifyPartner(tx, cr.partnerId, {
    kind: 'change_request.decided',
    title: 'Your change request was approved',
    body: `Updated: ${changeKeys(changes).join(', ')}.`,
    link: '/company',
    data: { changeRequestId: cr.id, version: version.version },
  });
}

async function reject(request: ApprovalRequestRow, ctx: EffectContext): Promise<void> {
  const { tx, now } = ctx;
  const cr = await lockPendingRequest(tx, request.subjectId);
  await tx
    .update(changeRequests)
    .set({ status: 'REJECTED', reason: ctx.note ?? cr.reason, decidedAt: now.toISOString() })
    .where(eq(changeRequests.id, cr.id));
  await appendAudit(
    tx,
    { actor: ctx.actor, meta: ctx.meta, now },
    {
      action: 'partner.change.reject',
      entityType: 'change_request',
      entityId: cr.id,
      newValues: { note: ctx.note },
      partnerId: cr.partnerId,
    },
  );
  await notifyPartner(tx, cr.partnerId, {
    kind: 'change_request.decided',
    title: 'Your change request was rejected',
    body: ctx.note ?? 'No reason was given.',
    link: '/company',
    data: { changeRequestId: cr.id },
  });
}

/** Withdrawn through the approval queue: the change request is withdrawn with it. */
async function cancel(request: ApprovalRequestRow, ctx: EffectContext): Promise<void> {
  const cr = await lockPendingRequest(ctx.tx, request.subjectId);
  await ctx.tx
    .update(changeRequests)
    .set({ status: 'CANCELLED', decidedAt: ctx.now.toISOString() })
    .where(eq(changeRequests.id, cr.id));
}

/** Effects of the approval types this module owns (CHANGE_REQUEST). */
export const partnerApprovalEffects: Partial<Record<ApprovalType, ApprovalEffect>> = {
  CHANGE_REQUEST: { onApproved: approve, onRejected: reject, onCancelled: cancel },
};
