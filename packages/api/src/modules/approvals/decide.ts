import { approvalDecisions, approvalRequests, type Transaction } from '@kapas/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { notifyUsers } from '../notifications/notify';
import { APPROVAL_EFFECTS } from './effects';
import { APPROVALS_TOPIC } from './request';
import { assertMayDecide, DECIDER_CAPABILITY, type Decision, tally } from './rules';
import type { ApprovalRequestRow, ApprovalType } from './types';

export type DecideCommand = { id: string; version: number | null; decision: Decision; note?: string | undefined };
export type DecideResult = {
  id: string;
  number: string;
  status: string;
  approvalsCount: number;
  requiredApprovals: number;
  version: number;
};

/**
 * Records one approver's decision. The request row is locked FOR UPDATE so concurrent approvers
 * queue behind each other; when the decision is final the type's effect runs in this same
 * transaction, so the decision and its effect commit together or not at all.
 * `version: null` (bulk decisions) decides whatever is current; a number must match.
 */
export async function decide(deps: Deps, meta: RequestMeta, actor: Actor, cmd: DecideCommand): Promise<DecideResult> {
  const now = deps.clock();
  const note = cmd.note?.trim() ? cmd.note.trim() : null;
  return transact(deps, async (tx) => {
    const [request] = await tx.select().from(approvalRequests).where(eq(approvalRequests.id, cmd.id)).for('update');
    if (!request) throw new DomainError('NOT_FOUND', 'Approval request not found.');
    const specialist = DECIDER_CAPABILITY[request.type as ApprovalType];
    if (specialist && !actor.capabilities.has(specialist)) {
      throw new DomainError('FORBIDDEN', `Deciding ${request.type} requests needs the "${specialist}" permission.`, {
        capability: specialist,
      });
    }
    const [mine] = await tx
      .select({ id: approvalDecisions.id })
      .from(approvalDecisions)
      .where(and(eq(approvalDecisions.requestId, request.id), eq(approvalDecisions.userId, actor.userId)));
    assertMayDecide({
      status: request.status,
      requestedByUserId: request.requestedByUserId,
      deciderId: actor.userId,
      alreadyDecided: mine !== undefined,
      decision: cmd.decision,
      note,
    });
    if (cmd.version !== null && cmd.version !== request.version) {
      throw new DomainError(
        'STALE_VERSION',
        'This request changed since you opened it (another approver decided). Reload and try again.',
        {
          currentVersion: request.version,
        },
      );
    }
    await tx.insert(approvalDecisions).values({
      requestId: request.id,
      userId: actor.userId,
      decision: cmd.decision,
      note,
      createdAt: now.toISOString(),
    });
    const outcome = tally(request, cmd.decision);
    const [updated] = await tx
      .update(approvalRequests)
      .set({
        approvalsCount: outcome.approvalsCount,
        status: outcome.status,
        ...(outcome.final ? { decidedAt: now.toISOString(), decisionNote: note } : {}),
        version: sql`${approvalRequests.version} + 1`,
        updatedAt: now.toISOString(),
      })
      .where(eq(approvalRequests.id, request.id))
      .returning();
    if (outcome.final) await applyEffect(tx, deps, meta, actor, updated!, now, note);
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: `approval.${cmd.decision === 'APPROVE' ? 'approve' : 'reject'}`,
        entityType: 'approval_request',
        entityId: request.id,
        partnerId: request.partnerId,
        oldValues: { status: request.status, approvalsCount: request.approvalsCount },
        newValues: { status: outcome.status, approvalsCount: outcome.approvalsCount, note },
      },
    );
    if (outcome.final && request.requestedByUserId) {
      await notifyUsers(tx, [request.requestedByUserId], {
        kind: 'approval.decided',
        title: `${request.number} ${outcome.status === 'APPROVED' ? 'approved' : 'rejected'}`,
        body: note ? `${request.summary}. Note: ${note}` : request.summary,
        link: null,
        data: { approvalId: request.id, status: outcome.status },
        email: true,
        now,
      });
    }
    await appendEvent(tx, {
      audience: 'BACK_OFFICE',
      topic: APPROVALS_TOPIC,
      type: 'approval.decided',
      payload: { id: request.id, number: request.number, status: outcome.status, approvalsCount: outcome.approvalsCount },
    });
    return {
      id: updated!.id,
      number: updated!.number,
      status: updated!.status,
      approvalsCount: updated!.approvalsCount,
      requiredApprovals: updated!.requiredApprovals,
      version: updated!.version,
    };
  });
}

async function applyEffect(
  tx: Transaction,
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  request: ApprovalRequestRow,
  now: Date,
  note: string | null,
): Promise<void> {
  const effect = APPROVAL_EFFECTS[request.type as ApprovalType];
  if (!effect) return;
  const ctx = { tx, deps, actor, meta, now, note };
  if (request.status === 'APPROVED') await effect.onApproved(request, ctx);
  else await effect.onRejected(request, ctx);
}

export type BulkItemResult = ({ ok: true } & DecideResult) | { ok: false; id: string; code: string; message: string };

/** Decides up to 50 requests, each in its own transaction: one failure does not undo the others. */
export async function bulkDecide(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { ids: string[]; decision: Decision; note?: string | undefined },
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = [];
  for (const id of new Set(input.ids)) {
    try {
      const r = await decide(deps, meta, actor, { id, version: null, decision: input.decision, note: input.note });
      results.push({ ok: true, ...r });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      results.push({ ok: false, id, code: e.code, message: e.message });
    }
  }
  return results;
}
