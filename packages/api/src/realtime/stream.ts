import { type Database, events } from '@kapas/db';
import { tracked } from '@trpc/server';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { EventBus, EventRow } from './bus';

export type StreamOptions = {
  db: Database;
  bus: EventBus;
  topic: string;
  /** The last id the client saw; everything after it is replayed first. */
  lastEventId: number | null;
  /** Authorization and interest filter, applied to replayed and live rows alike. */
  accept: (event: EventRow) => boolean;
  signal: AbortSignal | undefined;
};

const REPLAY_PAGE = 500;

/**
 * Listen first, then replay, then stream (STACK-NOTES 8): the bus listener is attached before
 * the backlog is read, so an event committed during the replay is queued, and ids already sent
 * are skipped. Every item is `tracked(id, …)`, so a reconnecting client resumes exactly.
 */
export async function* streamEvents(options: StreamOptions) {
  const { db, bus, topic, accept, signal } = options;
  const queue: EventRow[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = bus.subscribe((event) => {
    queue.push(event);
    wake?.();
  }, topic);
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    let lastSent = options.lastEventId ?? 0;
    if (options.lastEventId !== null) {
      for (;;) {
        const page = await db
          .select()
          .from(events)
          .where(and(eq(events.topic, topic), gt(events.id, lastSent)))
          .orderBy(asc(events.id))
          .limit(REPLAY_PAGE);
        for (const event of page) {
          lastSent = event.id;
          if (accept(event)) yield toTracked(event);
        }
        if (page.length < REPLAY_PAGE) break;
      }
    }
    while (!signal?.aborted) {
      const event = queue.shift();
      if (!event) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      if (event.id <= lastSent) continue;
      lastSent = event.id;
      if (accept(event)) yield toTracked(event);
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', onAbort);
  }
}

export type StreamedEvent = { id: number; type: string; payload: Record<string, unknown>; at: string };

function toTracked(event: EventRow) {
  const item: StreamedEvent = { id: event.id, type: event.type, payload: event.payload, at: event.createdAt };
  return tracked(String(event.id), item);
}
