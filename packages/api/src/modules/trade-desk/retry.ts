import { sqlState } from '../../shared/db-errors';

const RETRYABLE = new Set(['40001', '40P01']);

/** Re-runs a unit of work when PostgreSQL aborted it for serialization or deadlock (ARCHITECTURE §3). */
export async function withRetry<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      const state = sqlState(error);
      if (i >= attempts || state === null || !RETRYABLE.has(state)) throw error;
      await new Promise((r) => setTimeout(r, 5 * i + Math.random() * 10));
    }
  }
}
