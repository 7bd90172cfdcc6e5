import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { numberSequences } from './schema';

/**
 * Allocates the next human number (e.g. `BP-2026-0001`). Must run inside the transaction that
 * creates the row: the counter row stays locked until commit and a rollback returns the number,
 * so numbers are gapless per prefix and year.
 */
export async function allocateNumber(tx: DbOrTx, prefix: string, year: number, width: number): Promise<string> {
  const [row] = await tx
    .insert(numberSequences)
    .values({ prefix, year, last: 1 })
    .onConflictDoUpdate({
      target: [numberSequences.prefix, numberSequences.year],
      set: { last: sql`${numberSequences.last} + 1` },
    })
    .returning({ last: numberSequences.last });
  return `${prefix}-${year}-${String(row!.last).padStart(width, '0')}`;
}
