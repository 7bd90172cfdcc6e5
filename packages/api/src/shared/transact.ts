import type { Transaction } from '@kapas/db';
import type { Deps } from '../context';

/**
 * Runs a unit of work in one transaction and, after it commits, tells the event bus that new
 * events may be readable. A rolled-back transaction never pokes, and its events were never visible.
 */
export async function transact<T>(deps: Deps, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction(work);
  void deps.bus.poke();
  return result;
}
