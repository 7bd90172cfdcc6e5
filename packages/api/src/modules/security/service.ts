import { type DbOrTx, securityEvents, users } from '@kapas/db';
import { and, count, desc, eq, gte, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { offsetOf, type Page } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { SECURITY_TOPIC } from './record';
import type { ListSecurityEventsInput } from './schemas';

type Origin = { deps: Deps; actor: Actor; meta: RequestMeta };

export type SecurityEventItem = {
  id: string;
  at: string;
  type: string;
  severity: string;
  userId: string | null;
  userEmail: string | null;
  partnerId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
};

/** Pushed on the security topic when an event is acknowledged, so every open dashboard updates. */
export const ACKNOWLEDGED_EVENT = 'ACKNOWLEDGED';

const columns = {
  id: securityEvents.id,
  at: securityEvents.at,
  type: securityEvents.type,
  severity: securityEvents.severity,
  userId: securityEvents.userId,
  userEmail: users.email,
  partnerId: securityEvents.partnerId,
  ip: securityEvents.ip,
  details: securityEvents.details,
  acknowledgedAt: securityEvents.acknowledgedAt,
  acknowledgedBy: securityEvents.acknowledgedBy,
};

const iso = (at: string) => new Date(at).toISOString();
const isoOrNull = (at: string | null) => (at === null ? null : iso(at));

/** Newest first, one page at a time. */
export async function listSecurityEvents(db: DbOrTx, input: ListSecurityEventsInput): Promise<Page<SecurityEventItem>> {
  const filters: (SQL | undefined)[] = [];
  if (input.type) filters.push(eq(securityEvents.type, input.type));
  if (input.severity) filters.push(eq(securityEvents.severity, input.severity));
  if (input.acknowledged === true) filters.push(isNotNull(securityEvents.acknowledgedAt));
  if (input.acknowledged === false) filters.push(isNull(securityEvents.acknowledgedAt));
  if (input.from) filters.push(gte(securityEvents.at, new Date(input.from).toISOString()));
  if (input.to) filters.push(lte(securityEvents.at, new Date(input.to).toISOString()));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(securityEvents)
      .leftJoin(users, eq(users.id, securityEvents.userId))
      .where(where)
      .orderBy(desc(securityEvents.at), desc(securityEvents.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: count() }).from(securityEvents).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, at: iso(r.at), acknowledgedAt: isoOrNull(r.acknowledgedAt) })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** Marks an event as seen by the caller, once; audited, and pushed to other dashboards. */
export function acknowledgeSecurityEvent(o: Origin, id: string): Promise<SecurityEventItem> {
  const now = o.deps.clock();
  return transact(o.deps, async (tx) => {
    const [updated] = await tx
      .update(securityEvents)
      .set({ acknowledgedAt: now.toISOString(), acknowledgedBy: o.actor.userId })
      .where(and(eq(securityEvents.id, id), isNull(securityEvents.acknowledgedAt)))
      .returning({ id: securityEvents.id });
    if (!updated) {
      const [existing] = await tx
        .select({ acknowledgedAt: securityEvents.acknowledgedAt })
        .from(securityEvents)
        .where(eq(securityEvents.id, id));
      if (!existing) throw new DomainError('NOT_FOUND', 'Security event not found.');
      throw new DomainError('CONFLICT', 'This security event was already acknowledged.', {
        acknowledgedAt: isoOrNull(existing.acknowledgedAt),
      });
    }
    const [row] = await tx
      .select(columns)
      .from(securityEvents)
      .leftJoin(users, eq(users.id, securityEvents.userId))
      .where(eq(securityEvents.id, id));
    if (!row) throw new DomainError('NOT_FOUND', 'Security event not found.');
    const item = { ...row, at: iso(row.at), acknowledgedAt: isoOrNull(row.acknowledgedAt) };
    await appendAudit(
      tx,
      { actor: o.actor, meta: o.meta, now },
      {
        action: 'security_event.acknowledge',
        entityType: 'security_event',
        entityId: id,
        partnerId: item.partnerId,
        oldValues: { acknowledgedAt: null },
        newValues: { type: item.type, severity: item.severity, acknowledgedAt: item.acknowledgedAt },
      },
    );
    await appendEvent(tx, {
      audience: 'BACK_OFFICE',
      topic: SECURITY_TOPIC,
      type: ACKNOWLEDGED_EVENT,
      payload: { id, acknowledgedBy: o.actor.userId },
    });
    return item;
  });
}
