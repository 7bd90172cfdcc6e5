import { approvalRequests, changeRequests, type DbOrTx, partners } from '@kapas/db';
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { isUniqueViolation } from '../../shared/db-errors';
import { offsetOf, type Page } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { APPROVALS_TOPIC, requestApproval } from '../approvals/request';
import { appendAudit } from '../audit/append';
import { loadSnapshot } from './aggregate';
import { applyChanges } from './apply';
import { branchScope } from './branch-scope';
import { aggregateErrors } from './rules/aggregate';
import { changeKeys, changesBetween, propose } from './rules/changes';
import { isHighRisk, riskScore, routeFor } from './rules/risk';
import type { listChangeRequestsInput, mineChangeRequestsInput, ProposeChangeInput } from './schemas';
import { PARTNERS_TOPIC } from './service';
import type { Changes } from './snapshot';
import { ownPartnerId } from './tenant';
import { latestVersionNumber, writePartnerVersion } from './versions';

type Origin = { deps: Deps; actor: Actor; meta: RequestMeta };
export type ChangeRequestRow = typeof changeRequests.$inferSelect;

/** A partner's GSTIN is unique across partners: a taken one is a field error, not an internal error. */
function gstinTaken(): DomainError {
  return new DomainError('CONFLICT', 'This GSTIN belongs to another partner.', {
    fieldErrors: { 'profile.gstin': ['This GSTIN belongs to another partner'] },
  });
}

/**
 * The partner proposes new values for whole sections of its profile. Only real differences are
 * stored; contact-only changes apply at once (with a new version), anything else opens an
 * approval request carrying the diff.
 */
export async function proposeChange(o: Origin, input: ProposeChangeInput): Promise<ChangeRequestRow> {
  const partnerId = ownPartnerId(o.actor);
  if (branchScope(o.actor))
    throw new DomainError('FORBIDDEN', 'Only users with access to every branch can change the company profile.');
  const [expiryDays, highRiskApprovals] = await Promise.all([
    o.deps.settings.number('approval.expiryDays', 7),
    o.deps.settings.number('approval.requiredApprovals', 1),
  ]);
  const now = o.deps.clock();
  try {
    return await transact(o.deps, async (tx) => {
      // Lock the partner: two proposals at once must not both read the same base version.
      const [partner] = await tx.select().from(partners).where(eq(partners.id, partnerId)).for('update');
      if (!partner) throw new DomainError('NOT_FOUND', 'Partner not found.');
      const current = await loadSnapshot(tx, partnerId);
      const proposed = propose(current, input);
      const errors = aggregateErrors(proposed);
      if (Object.keys(errors).length) throw new DomainError('BAD_REQUEST', 'Some fields are invalid', { fieldErrors: errors });
      const changes = changesBetween(current, proposed);
      const keys = changeKeys(changes);
      if (keys.length === 0)
        throw new DomainError('BAD_REQUEST', 'Nothing changed.', { fieldErrors: { _: ['Nothing changed'] } });
      const route = routeFor(keys);
      const [row] = await tx
        .insert(changeRequests)
        .values({
          partnerId,
          requestedByUserId: o.actor.userId,
          changes: changes as Record<string, { from: unknown; to: unknown }>,
          riskScore: riskScore(keys),
          route,
          status: route === 'AUTO' ? 'APPROVED' : 'PENDING',
          baseVersion: await latestVersionNumber(tx, partnerId),
          reason: input.note ?? null,
          decidedAt: route === 'AUTO' ? now.toISOString() : null,
          createdAt: now.toISOString(),
        })
        .returning();
      let saved = row!;
      if (route === 'AUTO') {
        await applyChanges(tx, partnerId, changes, now);
        await writePartnerVersion(tx, partnerId, { changeRequestId: saved.id, userId: o.actor.userId }, now);
      } else {
        const approval = await requestApproval(tx, {
          type: 'CHANGE_REQUEST',
          subjectType: 'change_request',
          subjectId: saved.id,
          partnerId,
          summary: `Change ${keys.join(', ')} of ${partner.tradeName ?? partner.legalName}`,
          payload: { changeRequestId: saved.id, changes, riskScore: saved.riskScore, baseVersion: saved.baseVersion },
          requestedByUserId: o.actor.userId,
          requiredApprovals: isHighRisk(keys) ? highRiskApprovals : 1,
          now,
          expiresInDays: expiryDays,
        });
        saved = { ...saved, approvalRequestId: approval.id };
        await tx.update(changeRequests).set({ approvalRequestId: approval.id }).where(eq(changeRequests.id, saved.id));
      }
      await appendAudit(
        tx,
        { actor: o.actor, meta: o.meta, now },
        {
          action: route === 'AUTO' ? 'partner.change.auto_apply' : 'partner.change.propose',
          entityType: 'change_request',
          entityId: saved.id,
          newValues: { keys, route, riskScore: saved.riskScore },
          partnerId,
        },
      );
      await appendEvent(tx, {
        audience: 'PARTNER',
        audienceId: partnerId,
        topic: PARTNERS_TOPIC,
        type: route === 'AUTO' ? 'change_request.applied' : 'change_request.created',
        payload: { id: saved.id, partnerId },
      });
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw gstinTaken();
    throw error;
  }
}

async function page(db: DbOrTx, where: SQL | undefined, p: { page: number; pageSize: number }): Promise<Page<ChangeRequestRow>> {
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(changeRequests)
      .where(where)
      .orderBy(desc(changeRequests.createdAt), desc(changeRequests.id))
      .limit(p.pageSize)
      .offset(offsetOf(p)),
    db.select({ n: count() }).from(changeRequests).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}

export function listMine(db: DbOrTx, actor: Actor, input: z.infer<typeof mineChangeRequestsInput>) {
  const partnerId = ownPartnerId(actor);
  const where = and(eq(changeRequests.partnerId, partnerId), input.status ? eq(changeRequests.status, input.status) : undefined);
  return page(db, where, input);
}

export function listAll(db: DbOrTx, input: z.infer<typeof listChangeRequestsInput>) {
  const where = and(
    input.partnerId ? eq(changeRequests.partnerId, input.partnerId) : undefined,
    input.status ? eq(changeRequests.status, input.status) : undefined,
  );
  return page(db, where, input);
}

/** Staff see any request; a partner user only its own partner's (another partner's is NOT_FOUND). */
export async function getChangeRequest(db: DbOrTx, actor: Actor, id: string): Promise<ChangeRequestRow> {
  const [row] = await db.select().from(changeRequests).where(eq(changeRequests.id, id));
  if (!row || (actor.kind === 'PARTNER' && row.partnerId !== actor.partnerId)) {
    throw new DomainError('NOT_FOUND', 'Change request not found.');
  }
  return row;
}

/** The partner withdraws its own pending request; its approval request is cancelled with it. */
export async function cancelChangeRequest(o: Origin, id: string): Promise<ChangeRequestRow> {
  const partnerId = ownPartnerId(o.actor);
  const now = o.deps.clock();
  return transact(o.deps, async (tx) => {
    const [row] = await tx
      .select()
      .from(changeRequests)
      .where(and(eq(changeRequests.id, id), eq(changeRequests.partnerId, partnerId)))
      .for('update');
    if (!row) throw new DomainError('NOT_FOUND', 'Change request not found.');
    if (row.status !== 'PENDING')
      throw new DomainError('CONFLICT', `This change request is ${row.status}; only PENDING ones can be cancelled.`, {
        state: row.status,
      });
    const [saved] = await tx
      .update(changeRequests)
      .set({ status: 'CANCELLED', decidedAt: now.toISOString() })
      .where(eq(changeRequests.id, id))
      .returning();
    if (row.approvalRequestId) {
      // Withdrawn, not decided: the approval leaves the queue without running its effect.
      const [approval] = await tx
        .update(approvalRequests)
        .set({
          status: 'CANCELLED',
          decidedAt: now.toISOString(),
          updatedAt: now.toISOString(),
          version: sql`${approvalRequests.version} + 1`,
        })
        .where(and(eq(approvalRequests.id, row.approvalRequestId), eq(approvalRequests.status, 'PENDING')))
        .returning({ id: approvalRequests.id, number: approvalRequests.number });
      if (approval) {
        await appendEvent(tx, {
          audience: 'BACK_OFFICE',
          topic: APPROVALS_TOPIC,
          type: 'approval.cancelled',
          payload: { id: approval.id, number: approval.number, status: 'CANCELLED' },
        });
      }
    }
    await appendAudit(
      tx,
      { actor: o.actor, meta: o.meta, now },
      {
        action: 'partner.change.cancel',
        entityType: 'change_request',
        entityId: id,
        oldValues: { status: row.status },
        partnerId,
      },
    );
    return saved!;
  });
}

export type DecisionContext = { tx: DbOrTx; actor: Actor; meta: RequestMeta; now: Date; note: string | null };

export async function lockPendingRequest(tx: DbOrTx, id: string): Promise<ChangeRequestRow> {
  const [row] = await tx.select().from(changeRequests).where(eq(changeRequests.id, id)).for('update');
  if (!row) throw new DomainError('NOT_FOUND', 'Change request not found.');
  if (row.status !== 'PENDING') throw new DomainError('CONFLICT', `This change request is ${row.status}.`, { state: row.status });
  return row;
}

export type { Changes };
