/** Closing all live offers of a trade at once (cancellation, full allocation, expiry), releasing lot bales. */
import { type DbOrTx, offers, offerVersions, type trades } from '@kapas/db';
import { and, eq, inArray } from 'drizzle-orm';
import { appendOfferEvents } from './events';
import { releaseLot } from './lot-quantities';

type TradeRow = typeof trades.$inferSelect;

/** Closes every live offer of a trade (cancellation or expiry), releasing lot reservations. */
export async function closeLiveOffers(
  tx: DbOrTx,
  trade: TradeRow,
  now: Date,
  action: 'REJECT' | 'EXPIRE',
  actorUserId: string | null,
): Promise<number> {
  const live = await tx
    .select()
    .from(offers)
    .where(and(eq(offers.tradeId, trade.id), inArray(offers.status, ['PENDING', 'COUNTERED'])))
    .for('update');
  const status = action === 'REJECT' ? 'REJECTED' : 'EXPIRED';
  for (const offer of live) {
    const version = offer.version + 1;
    await tx
      .update(offers)
      .set({ status, version, lastActivityAt: now.toISOString(), updatedAt: now.toISOString() })
      .where(eq(offers.id, offer.id));
    await tx.insert(offerVersions).values({
      offerId: offer.id,
      version,
      side: action === 'REJECT' ? 'BUYER' : 'SYSTEM',
      action,
      price: offer.price,
      quantity: offer.quantity,
      validUntil: offer.validUntil,
      message: action === 'REJECT' ? 'Trade cancelled' : 'Trade expired',
      actorUserId,
    });
    if (offer.lotId) await releaseLot(tx, offer.lotId, offer.quantity, now);
    await appendOfferEvents(
      tx,
      action === 'REJECT' ? 'offer.rejected' : 'offer.expired',
      {
        offerId: offer.id,
        offerNumber: offer.number,
        tradeId: trade.id,
        tradeNumber: trade.number,
        version,
        status,
        turn: null,
        price: offer.price,
        quantity: offer.quantity,
        validUntil: offer.validUntil,
        by: action === 'REJECT' ? 'BUYER' : 'SYSTEM',
        action,
        buyerPartnerId: offer.buyerPartnerId,
        sellerPartnerId: offer.sellerPartnerId,
        tradeBranchId: trade.branchId,
        sellerBranchId: offer.sellerBranchId,
      },
      [offer.sellerPartnerId],
    );
  }
  return live.length;
}
