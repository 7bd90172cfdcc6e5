import { type DbOrTx, events } from '@kapas/db';
import { sql } from 'drizzle-orm';

/** Channel on which committed events are announced to every server instance (carries no payload). */
export const EVENTS_CHANNEL = 'kapas_events';

/** One lock for every append-only, ordered log (events and audit): id order = commit order. */
export const LOG_APPEND_LOCK = 7_270_001;

export async function lockAppendOrder(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOG_APPEND_LOCK})`);
}

export type Audience =
  | { audience: 'ALL_SIGNED_IN' }
  | { audience: 'BACK_OFFICE' }
  | { audience: 'PARTNER'; audienceId: string }
  | { audience: 'USER'; audienceId: string }
  | { audience: 'PARTIES'; parties: string[] };

export type NewEvent = Audience & { topic: string; type: string; payload: Record<string, unknown> };

/** Appends an event inside the business transaction (transactional outbox). Call last in the transaction. */
export async function appendEvent(tx: DbOrTx, event: NewEvent): Promise<number> {
  await lockAppendOrder(tx);
  const [row] = await tx
    .insert(events)
    .values({
      topic: event.topic,
      type: event.type,
      audience: event.audience,
      audienceId: 'audienceId' in event ? event.audienceId : null,
      parties: 'parties' in event ? event.parties : null,
      payload: event.payload,
    })
    .returning({ id: events.id });
  // Delivered at commit, never for a rolled-back transaction; listeners then read the rows.
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, '')`);
  return row!.id;
}
