/** Moves a lot's bales between available, reserved and sold under a row lock (rules/lot-state.ts). */
import { type DbOrTx, lots } from '@kapas/db';
import { eq } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { moveLotQuantity } from './rules/lot-state';

type LotRow = typeof lots.$inferSelect;

async function move(tx: DbOrTx, lotId: string, kind: 'RESERVE' | 'RELEASE' | 'SELL', bales: string, now: Date): Promise<LotRow> {
  const [lot] = await tx.select().from(lots).where(eq(lots.id, lotId)).for('update');
  if (!lot) throw new DomainError('NOT_FOUND', 'Lot not found.');
  const result = moveLotQuantity(lot, kind, bales);
  if (!result.ok) throw new DomainError(result.code, result.message, { fieldErrors: { quantity: [result.message] } });
  // A sold-out lot is DEPLETED; released bales never revive a lot that was closed meanwhile.
  const status = lot.status === 'ACTIVE' && result.depleted ? 'DEPLETED' : lot.status;
  const [row] = await tx
    .update(lots)
    .set({ ...result.quantities, status, version: lot.version + 1, updatedAt: now.toISOString() })
    .where(eq(lots.id, lotId))
    .returning();
  return row!;
}

export const reserveLot = (tx: DbOrTx, lotId: string, bales: string, now: Date) => move(tx, lotId, 'RESERVE', bales, now);
export const releaseLot = (tx: DbOrTx, lotId: string, bales: string, now: Date) => move(tx, lotId, 'RELEASE', bales, now);
export const sellFromLot = (tx: DbOrTx, lotId: string, bales: string, now: Date) => move(tx, lotId, 'SELL', bales, now);
