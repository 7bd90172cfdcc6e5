import type { DbOrTx } from '@kapas/db';
import { appendEventRow } from './log-buffer';

export type Audience =
  | { audience: 'ALL_SIGNED_IN' }
  | { audience: 'BACK_OFFICE' }
  | { audience: 'PARTNER'; audienceId: string }
  | { audience: 'USER'; audienceId: string }
  | { audience: 'PARTIES'; parties: string[] };

export type NewEvent = Audience & { topic: string; type: string; payload: Record<string, unknown> };

/**
 * Appends an event inside the business transaction (transactional outbox): it becomes visible,
 * and is announced, only when that transaction commits; never for a rolled-back one.
 */
export async function appendEvent(tx: DbOrTx, event: NewEvent): Promise<void> {
  await appendEventRow(tx, {
    topic: event.topic,
    type: event.type,
    audience: event.audience,
    audienceId: 'audienceId' in event ? event.audienceId : null,
    parties: 'parties' in event ? event.parties : null,
    payload: event.payload,
  });
}
