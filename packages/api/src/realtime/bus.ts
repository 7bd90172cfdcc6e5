import { type Database, events } from '@kapas/db';
import { asc, gt, max } from 'drizzle-orm';

export type EventRow = typeof events.$inferSelect;
export type EventListener = (event: EventRow) => void;

/**
 * Fans committed events out to subscribers in id order. Writers call `poke()` after commit;
 * one reader fetches rows newer than the last dispatched id and hands them to every listener.
 * Because event rows are appended under one advisory lock (see outbox.ts), id order is commit
 * order, so reading "everything after the last id" never skips a row that commits later.
 * Several server instances: wire PostgreSQL NOTIFY to `poke()` on each instance.
 */
export class EventBus {
  /** Listeners of every event (key `null`) and of one topic each: dispatch touches only the topic's own. */
  private readonly listeners = new Map<string | null, Set<EventListener>>();
  private lastId = 0;
  private ready: Promise<void> | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private started = false;

  /** `onError` hears about a failed read (e.g. the database is restarting); the next poke retries from the same id. */
  constructor(
    private readonly db: Database,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Starts from the newest committed event, so only events after startup are pushed live. */
  start(): Promise<void> {
    this.ready ??= this.db
      .select({ last: max(events.id) })
      .from(events)
      .then(([row]) => {
        this.lastId = Number(row?.last ?? 0);
        this.started = true;
      });
    return this.ready;
  }

  /** Hears every committed event, or with `topic` only that topic's. Returns the unsubscribe. */
  subscribe(listener: EventListener, topic: string | null = null): () => void {
    const set = this.listeners.get(topic) ?? new Set<EventListener>();
    this.listeners.set(topic, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(topic) === set) this.listeners.delete(topic);
    };
  }

  get listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  /** Something was committed: read and dispatch it. Coalesces concurrent pokes into one reader. Never rejects. */
  poke(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.drain()
      .catch((error: unknown) => {
        // A start that failed must be retried, not remembered as failed forever.
        if (!this.started) this.ready = null;
        this.onError(error);
      })
      .finally(() => {
        this.draining = null;
      });
    return this.draining;
  }

  private async drain(): Promise<void> {
    await this.start();
    do {
      this.again = false;
      const rows = await this.db.select().from(events).where(gt(events.id, this.lastId)).orderBy(asc(events.id)).limit(1000);
      for (const row of rows) {
        this.lastId = row.id;
        for (const listener of this.listeners.get(null) ?? []) listener(row);
        for (const listener of this.listeners.get(row.topic) ?? []) listener(row);
      }
      if (rows.length === 1000) this.again = true;
    } while (this.again);
  }
}
