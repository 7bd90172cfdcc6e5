import { auditLog, type DbOrTx } from '@kapas/db';
import { desc } from 'drizzle-orm';
import type { Actor, RequestMeta } from '../../context';
import { lockAppendOrder } from '../../realtime/outbox';
import { type AuditFields, chainHash, GENESIS_HASH } from './chain';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  oldValues?: unknown;
  newValues?: unknown;
  partnerId?: string | null;
};

export type AuditOrigin = { actor: Actor | null; meta: RequestMeta; now: Date };

/**
 * Appends one row to the hash-chained audit trail, inside the caller's transaction. The append
 * lock makes "read the last hash, insert the next" atomic across concurrent writers, so the chain
 * never forks. Never pass secrets in old/new values.
 */
export async function appendAudit(tx: DbOrTx, origin: AuditOrigin, entry: AuditEntry): Promise<void> {
  await lockAppendOrder(tx);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: AuditFields = {
    at: origin.now.toISOString(),
    actorUserId: origin.actor?.userId ?? null,
    actorRole: origin.actor?.roles.join(',') || null,
    partnerId: entry.partnerId ?? origin.actor?.partnerId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    oldValues: entry.oldValues ?? null,
    newValues: entry.newValues ?? null,
    ip: origin.meta.ip,
    userAgent: origin.meta.userAgent,
    requestId: origin.meta.requestId,
    sessionId: origin.actor?.sessionId ?? null,
  };
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: chainHash(prevHash, fields) });
}
