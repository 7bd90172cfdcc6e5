import { type Database, rateLimits } from '@kapas/db';
import { lt, sql } from 'drizzle-orm';

export type Limit = { points: number; windowMs: number };
export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts hits per key in fixed windows. One per process (memory) or shared through PostgreSQL. */
export interface RateLimiter {
  consume(key: string, limit: Limit, now: number): Promise<LimitDecision>;
}

export function decide(count: number, limit: Limit, windowStart: number, now: number): LimitDecision {
  if (count <= limit.points) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000)) };
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  async consume(key: string, limit: Limit, now: number): Promise<LimitDecision> {
    const start = now - (now % limit.windowMs);
    const id = `${key}|${limit.windowMs}`;
    const current = this.windows.get(id);
    const window = current && current.start === start ? current : { start, count: 0 };
    window.count += 1;
    this.windows.set(id, window);
    if (this.windows.size > 100_000) this.sweep(now);
    return decide(window.count, limit, start, now);
  }

  private sweep(now: number): void {
    for (const [id, w] of this.windows) if (now - w.start > 24 * 3_600_000) this.windows.delete(id);
  }
}

export class PostgresRateLimiter implements RateLimiter {
  constructor(private readonly db: Database) {}

  async consume(key: string, limit: Limit, now: number): Promise<LimitDecision> {
    const start = now - (now % limit.windowMs);
    const [row] = await this.db
      .insert(rateLimits)
      .values({ key: `${key}|${limit.windowMs}`, windowStart: start, count: 1 })
      .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
      .returning({ count: rateLimits.count });
    return decide(row?.count ?? 1, limit, start, now);
  }

  /** Old windows are useless; the session-cleanup job calls this. */
  async prune(before: number): Promise<void> {
    await this.db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
  }
}
