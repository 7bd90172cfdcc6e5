import { isDeliveryError } from './delivery';

/**
 * Delivery-queue backoff: after the 1st, 2nd, 3rd and 4th failed attempt wait 1 min, 5 min, 30 min
 * and 2 h; the 5th failure is final. Roughly ×5 each step, capped at 2 h.
 */
export const RETRY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000];
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** Milliseconds to wait after failed attempt number `attempt` (1-based), or null to give up. */
export function retrySchedule(attempt: number): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  return RETRY_DELAYS_MS[attempt - 1] ?? null;
}

export type DeliveryStep = { status: 'queued'; nextAttemptAt: Date } | { status: 'failed'; reason: 'PERMANENT' | 'EXHAUSTED' };

/**
 * What the queue does with a message whose `attempt`-th try threw `error`: a non-retryable
 * `DeliveryError` fails at once; anything else (including unexpected errors) is retried on schedule.
 */
export function afterFailedAttempt(attempt: number, error: unknown, now: Date): DeliveryStep {
  if (isDeliveryError(error) && !error.retryable) return { status: 'failed', reason: 'PERMANENT' };
  const delay = retrySchedule(attempt);
  if (delay === null) return { status: 'failed', reason: 'EXHAUSTED' };
  return { status: 'queued', nextAttemptAt: new Date(now.getTime() + delay) };
}
