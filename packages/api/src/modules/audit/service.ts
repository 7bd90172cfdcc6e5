import { auditLog, type Database, type DbOrTx, users } from '@kapas/db';
import { and, count, desc, eq, gte, inArray, like, lte, type SQL, sql } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { offsetOf, type Page } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from './append';
import { toCsv } from './csv';
import { redactSecrets } from './redact';
import { type AuditFilters, EXPORT_MAX_ROWS, type ListAuditInput } from './schemas';
import { type VerifyResult, verifyAuditChain } from './verify';

type Origin = { deps: Deps; actor: Actor; meta: RequestMeta };

export type AuditListItem = {
  id: number;
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  actorRole: string | null;
  partnerId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  sessionId: string | null;
};

export type AuditDetail = AuditListItem & { oldValues: unknown; newValues: unknown; prevHash: string; hash: string };

export type AuditExport = { filename: string; csv: string; rows: number; truncated: boolean };

const summaryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorUserId: auditLog.actorUserId,
  actorEmail: users.email,
  actorName: users.name,
  actorRole: auditLog.actorRole,
  partnerId: auditLog.partnerId,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  ip: auditLog.ip,
  userAgent: auditLog.userAgent,
  requestId: auditLog.requestId,
  sessionId: auditLog.sessionId,
};

const detailColumns = {
  ...summaryColumns,
  oldValues: auditLog.oldValues,
  newValues: auditLog.newValues,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(db: DbOrTx, f: AuditFilters): SQL | undefined {
  const filters: (SQL | undefined)[] = [];
  if (f.actorUserId) filters.push(eq(auditLog.actorUserId, f.actorUserId));
  if (f.actorEmail) {
    const byEmail = db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, f.actorEmail.toLowerCase()));
    filters.push(inArray(auditLog.actorUserId, byEmail));
  }
  if (f.partnerId) filters.push(eq(auditLog.partnerId, f.partnerId));
  if (f.action) filters.push(like(auditLog.action, `${escapeLike(f.action)}%`));
  if (f.entityType) filters.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) filters.push(eq(auditLog.entityId, f.entityId));
  if (f.from) filters.push(gte(auditLog.at, new Date(f.from).toISOString()));
  if (f.to) filters.push(lte(auditLog.at, new Date(f.to).toISOString()));
  return filters.length ? and(...filters) : undefined;
}

const iso = (at: string) => new Date(at).toISOString();

/** Newest first (id order is commit order: appends are serialised by the append lock). */
export async function listAudit(db: DbOrTx, input: ListAuditInput): Promise<Page<AuditListItem>> {
  const where = whereOf(db, input);
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, at: iso(r.at) })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function getAudit(db: DbOrTx, id: number): Promise<AuditDetail> {
  const [row] = await db
    .select(detailColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(eq(auditLog.id, id));
  if (!row) throw new DomainError('NOT_FOUND', 'Audit entry not found.');
  return { ...row, at: iso(row.at), oldValues: redactSecrets(row.oldValues), newValues: redactSecrets(row.newValues) };
}

export const EXPORT_HEADER = [
  'id',
  'at',
  'actor_user_id',
  'actor_email',
  'actor_role',
  'partner_id',
  'action',
  'entity_type',
  'entity_id',
  'old_values',
  'new_values',
  'ip',
  'user_agent',
  'request_id',
  'session_id',
  'hash',
] as const;

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(redactSecrets(value)));

/** The newest EXPORT_MAX_ROWS matching rows as CSV; the export itself is audited (data leaving the system). */
export function exportAuditCsv(o: Origin, filters: AuditFilters): Promise<AuditExport> {
  const now = o.deps.clock();
  return transact(o.deps, async (tx) => {
    const rows = await tx
      .select(detailColumns)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(whereOf(tx, filters))
      .orderBy(desc(auditLog.id))
      .limit(EXPORT_MAX_ROWS + 1);
    const truncated = rows.length > EXPORT_MAX_ROWS;
    const kept = truncated ? rows.slice(0, EXPORT_MAX_ROWS) : rows;
    const csv = toCsv(
      EXPORT_HEADER,
      kept.map((r) => [
        r.id,
        iso(r.at),
        r.actorUserId,
        r.actorEmail,
        r.actorRole,
        r.partnerId,
        r.action,
        r.entityType,
        r.entityId,
        json(r.oldValues),
        json(r.newValues),
        r.ip,
        r.userAgent,
        r.requestId,
        r.sessionId,
        r.hash,
      ]),
    );
    await appendAudit(
      tx,
      { actor: o.actor, meta: o.meta, now },
      { action: 'audit.export', entityType: 'audit_log', entityId: null, newValues: { filters, rows: kept.length, truncated } },
    );
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    return { filename: `audit-${stamp}.csv`, csv, rows: kept.length, truncated };
  });
}

/** Walks the whole chain; a broken chain names the first altered, removed or injected row. */
export function verifyChain(db: Database): Promise<VerifyResult> {
  return verifyAuditChain(db);
}
