import { approvalDecisions, approvalRequests, users } from '@kapas/db';
import { and, asc, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Actor, Deps } from '../../context';
import { DomainError } from '../../errors';
import { offsetOf, type Page } from '../../shared/pagination';
import type { ListInput, MineInput } from './schemas';
import { type ApprovalView, selectViews, toView } from './view';

const SORTS = { createdAt: approvalRequests.createdAt, expiresAt: approvalRequests.expiresAt, number: approvalRequests.number };

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
}

/** The staff queue across partners, filtered and sorted server-side. */
export async function listApprovals(deps: Deps, input: ListInput): Promise<Page<ApprovalView>> {
  const filters: SQL[] = [];
  if (input.type) filters.push(eq(approvalRequests.type, input.type));
  if (input.status) filters.push(eq(approvalRequests.status, input.status));
  if (input.partnerId) filters.push(eq(approvalRequests.partnerId, input.partnerId));
  if (input.from) filters.push(gte(approvalRequests.createdAt, `${input.from}T00:00:00.000Z`));
  if (input.to) filters.push(lt(approvalRequests.createdAt, nextDay(input.to)));
  const where = filters.length ? and(...filters) : undefined;
  const order = input.dir === 'asc' ? asc : desc;
  const [rows, [total]] = await Promise.all([
    selectViews(deps.db)
      .where(where)
      .orderBy(order(SORTS[input.sort]), order(approvalRequests.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    deps.db.select({ n: count() }).from(approvalRequests).where(where),
  ]);
  return { items: rows.map(toView), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export type ApprovalDecisionView = { userId: string; name: string; decision: string; note: string | null; createdAt: string };
export type ApprovalDetail = ApprovalView & { decisions: ApprovalDecisionView[] };

export async function getApproval(deps: Deps, id: string): Promise<ApprovalDetail> {
  const [row] = await selectViews(deps.db).where(eq(approvalRequests.id, id));
  if (!row) throw new DomainError('NOT_FOUND', 'Approval request not found.');
  const decisions = await deps.db
    .select({
      userId: approvalDecisions.userId,
      name: users.name,
      decision: approvalDecisions.decision,
      note: approvalDecisions.note,
      createdAt: approvalDecisions.createdAt,
    })
    .from(approvalDecisions)
    .innerJoin(users, eq(users.id, approvalDecisions.userId))
    .where(eq(approvalDecisions.requestId, id))
    .orderBy(asc(approvalDecisions.createdAt));
  return { ...toView(row), decisions };
}

/** What a partner user may see of their own partner's requests (read-only; other partners' rows never match). */
export type MyApproval = Pick<
  ApprovalView,
  'id' | 'number' | 'type' | 'summary' | 'payload' | 'status' | 'decidedAt' | 'decisionNote' | 'expiresAt' | 'createdAt'
>;

export async function myApprovals(deps: Deps, actor: Actor, input: MineInput): Promise<Page<MyApproval>> {
  if (!actor.partnerId) throw new DomainError('FORBIDDEN', 'This is for partner users only.');
  const scope = eq(approvalRequests.partnerId, actor.partnerId);
  const where = input.status ? and(scope, eq(approvalRequests.status, input.status)) : scope;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(approvalRequests)
      .where(where)
      .orderBy(desc(approvalRequests.createdAt), desc(approvalRequests.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    deps.db.select({ n: count() }).from(approvalRequests).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      type: r.type,
      summary: r.summary,
      payload: r.payload,
      status: r.status,
      decidedAt: r.decidedAt,
      decisionNote: r.decisionNote,
      expiresAt: r.expiresAt,
      createdAt: r.createdAt,
    })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
