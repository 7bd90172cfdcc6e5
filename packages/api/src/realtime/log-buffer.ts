/**
 * Audit rows and events are appended under one lock (id order = commit order, and the audit
 * chain must not fork), so that lock serialises every writer from its first append until commit.
 * Inside `transact` the appends are therefore buffered and written together just before commit:
 * the lock is held for a handful of statements instead of the rest of the business transaction.
 * Outside `transact` (a bare transaction or no transaction) they are written at once.
 */
import { type AuditFields, auditLog, chainHash, type DbOrTx, events, GENESIS_HASH } from '@kapas/db';
import { desc, type SQL, sql } from 'drizzle-orm';

export type EventRowInput = typeof events.$inferInsert;

type Pending = { audit: AuditFields[]; events: EventRowInput[] };

/** Channel on which committed events are announced to every server instance (carries no payload). */
export const EVENTS_CHANNEL = 'kapas_events';

/** One lock for every append-only, ordered log (events and audit): id order = commit order. */
export const LOG_APPEND_LOCK = 7_270_001;

const buffers = new WeakMap<object, Pending>();

export function bufferLogAppends(tx: DbOrTx): void {
  buffers.set(tx, { audit: [], events: [] });
}

export async function appendAuditFields(tx: DbOrTx, fields: AuditFields): Promise<void> {
  const pending = buffers.get(tx);
  if (pending) pending.audit.push(fields);
  else await writeLogs(tx, { audit: [fields], events: [] });
}

export async function appendEventRow(tx: DbOrTx, row: EventRowInput): Promise<void> {
  const pending = buffers.get(tx);
  if (pending) pending.events.push(row);
  else await writeLogs(tx, { audit: [], events: [row] });
}

/** Writes what the transaction buffered. Call as the last statement before commit. */
export async function flushLogAppends(tx: DbOrTx): Promise<void> {
  const pending = buffers.get(tx);
  buffers.delete(tx);
  if (pending) await writeLogs(tx, pending);
}

async function writeLogs(tx: DbOrTx, pending: Pending): Promise<void> {
  if (pending.audit.length === 0 && pending.events.length === 0) return;
  // First and on its own: ids must be drawn only once the lock is held, so id order is commit order.
  await tx.execute(sql`select pg_advisory_xact_lock(${LOG_APPEND_LOCK})`);
  const inserts: SQL[] = [];
  if (pending.audit.length > 0) {
    // Read under the lock: no other writer can append between this read and our commit.
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows = pending.audit.map((fields) => {
      const hash = chainHash(prevHash, fields);
      const row = { ...fields, prevHash, hash };
      prevHash = hash;
      return row;
    });
    inserts.push(tx.insert(auditLog).values(rows).getSQL());
  }
  if (pending.events.length > 0) inserts.push(tx.insert(events).values(pending.events).getSQL());
  // Every row and the announcement in one round trip (data-modifying CTEs always run). The NOTIFY
  // is delivered at commit, never for a rolled-back transaction; listeners then read the rows.
  const ctes = sql.join(
    inserts.map((insert, i) => sql`${sql.identifier(`log_${i}`)} as (${insert})`),
    sql`, `,
  );
  const announce = pending.events.length > 0 ? sql`pg_notify(${EVENTS_CHANNEL}, '')` : sql`null`;
  await tx.execute(sql`with ${ctes} select ${announce}`);
}
