import type { Transaction } from '@kapas/db';
import type { Deps } from '../context';
import { bufferLogAppends, flushLogAppends } from '../realtime/log-buffer';

/**
 * Runs a unit of work in one transaction. Its audit rows and events are written together just
 * before commit (see log-buffer.ts); after it commits the event bus is told new events may be
 * readable. A rolled-back transaction writes no log rows and never pokes.
 */
export async function transact<T>(deps: Deps, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction(async (tx) => {
    bufferLogAppends(tx);
    const value = await work(tx);
    await flushLogAppends(tx);
    return value;
  });
  void deps.bus.poke();
  return result;
}
