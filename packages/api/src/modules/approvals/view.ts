import { approvalRequests, type DbOrTx, partners, users } from '@kapas/db';
import { eq } from 'drizzle-orm';

/** One row of the queue as staff see it: what it is, what will change, how far the approvals are. */
export type ApprovalView = {
  id: string;
  number: string;
  type: string;
  subjectType: string;
  subjectId: string;
  partnerId: string | null;
  partnerName: string | null;
  summary: string;
  payload: Record<string, unknown>;
  requiredApprovals: number;
  approvalsCount: number;
  status: string;
  requestedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  decisionNote: string | null;
  expiresAt: string | null;
  version: number;
  createdAt: string;
};

/** Columns for ApprovalView; join partners and users (requester) with `joinView`. */
export const viewColumns = {
  id: approvalRequests.id,
  number: approvalRequests.number,
  type: approvalRequests.type,
  subjectType: approvalRequests.subjectType,
  subjectId: approvalRequests.subjectId,
  partnerId: approvalRequests.partnerId,
  partnerLegalName: partners.legalName,
  partnerTradeName: partners.tradeName,
  summary: approvalRequests.summary,
  payload: approvalRequests.payload,
  requiredApprovals: approvalRequests.requiredApprovals,
  approvalsCount: approvalRequests.approvalsCount,
  status: approvalRequests.status,
  requesterId: users.id,
  requesterName: users.name,
  decidedAt: approvalRequests.decidedAt,
  decisionNote: approvalRequests.decisionNote,
  expiresAt: approvalRequests.expiresAt,
  version: approvalRequests.version,
  createdAt: approvalRequests.createdAt,
};

/** The queue's select: request + partner name + requester name. Add where/order/limit at the call site. */
export function selectViews(db: DbOrTx) {
  return db
    .select(viewColumns)
    .from(approvalRequests)
    .leftJoin(partners, eq(partners.id, approvalRequests.partnerId))
    .leftJoin(users, eq(users.id, approvalRequests.requestedByUserId))
    .$dynamic();
}

type ViewRow = Awaited<ReturnType<typeof selectViews>>[number];

export function toView(r: ViewRow): ApprovalView {
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    partnerId: r.partnerId,
    partnerName: r.partnerTradeName ?? r.partnerLegalName ?? null,
    summary: r.summary,
    payload: r.payload,
    requiredApprovals: r.requiredApprovals,
    approvalsCount: r.approvalsCount,
    status: r.status,
    requestedBy: r.requesterId ? { id: r.requesterId, name: r.requesterName ?? '' } : null,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
    expiresAt: r.expiresAt,
    version: r.version,
    createdAt: r.createdAt,
  };
}
