import type { DbOrTx } from '@kapas/db';
import type { Actor, RequestMeta } from '../../context';
import { appendAuditFields } from '../../realtime/log-buffer';
import type { AuditFields } from './chain';

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
 * Appends one row to the hash-chained audit trail, inside the caller's transaction (chained and
 * written under the log lock by realtime/log-buffer.ts). Never pass secrets in old/new values.
 */
export async function appendAudit(tx: DbOrTx, origin: AuditOrigin, entry: AuditEntry): Promise<void> {
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
  await appendAuditFields(tx, fields);
}
