/**
 * Scheduled expiry (DOMAIN §6.1–6.3). Each record is expired in its own short transaction that
 * re-reads it under a lock, so a user acting at the same moment either wins or sees it expired.
 * - Offers: validity passed or no activity for `offer.inactivityHours` → EXPIRED, lot bales released.
 * - Trades: validity passed with nothing allocated → EXPIRED (live offers expire with it); partly
 *   allocated → AGREED for what was allocated (the contracts already bind; the rest lapses).
 * - Lots: validity passed → EXPIRED (bales reserved by live offers stay with those offers).
 */
import { lots, offers, offerVersions, trades } from '@kapas/db';
import { and, eq, inArray, lte, or } from 'drizzle-orm';
import type { Deps } from '../../context';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { appendBackOfficeEvent, appendOfferEvents } from './events';
import { releaseLot } from './lot-quantities';
import { closeLiveOffers } from './offer-close';
import { Dec } from './rules/decimal';

const META = { requestId: 'job:trade-desk-expiry', ip: null, userAgent: null };
const HOUR_MS = 3_600_000;
const OPEN = ['POSTED', 'OFFERS_RECEIVED', 'NEGOTIATION'];

async function expireOffer(deps: Deps, id: string, now: Date, idleBefore: string): Promise<boolean> {
  return transact(deps, async (tx) => {
    const [peek] = await tx.select({ tradeId: offers.tradeId }).from(offers).where(eq(offers.id, id));
    if (!peek) return false;
    const [trade] = await tx.select().from(trades).where(eq(trades.id, peek.tradeId)).for('update');
    const [offer] = await tx.select().from(offers).where(eq(offers.id, id)).for('update');
    if (!trade || !offer || !(offer.status === 'PENDING' || offer.status === 'COUNTERED')) return false;
    const due =
      new Date(offer.validUntil).getTime() <= now.getTime() ||
      new Date(offer.lastActivityAt).getTime() <= new Date(idleBefore).getTime();
    if (!due) return false;
    const version = offer.version + 1;
    const [row] = await tx
      .update(offers)
      .set({ status: 'EXPIRED', version, updatedAt: now.toISOString() })
      .where(eq(offers.id, id))
      .returning();
    await tx.insert(offerVersions).values({
      offerId: id,
      version,
      side: 'SYSTEM',
      action: 'EXPIRE',
      price: offer.price,
      quantity: offer.quantity,
      validUntil: offer.validUntil,
      message: null,
      actorUserId: null,
    });
    if (offer.lotId) await releaseLot(tx, offer.lotId, offer.quantity, now);
    await appendAudit(
      tx,
      { actor: null, meta: META, now },
      {
        action: 'offer.expire',
        entityType: 'offer',
        entityId: id,
        partnerId: offer.sellerPartnerId,
        oldValues: { status: offer.status },
        newValues: { status: 'EXPIRED' },
      },
    );
    await appendOfferEvents(
      tx,
      'offer.expired',
      {
        offerId: id,
        offerNumber: offer.number,
        tradeId: trade.id,
        tradeNumber: trade.number,
        version,
        status: 'EXPIRED',
        turn: null,
        price: row!.price,
        quantity: row!.quantity,
        validUntil: new Date(offer.validUntil).toISOString(),
        by: 'SYSTEM',
        action: 'EXPIRE',
        buyerPartnerId: offer.buyerPartnerId,
        sellerPartnerId: offer.sellerPartnerId,
        tradeBranchId: trade.branchId,
        sellerBranchId: offer.sellerBranchId,
      },
      [offer.buyerPartnerId, offer.sellerPartnerId],
    );
    return true;
  });
}

async function expireTrade(deps: Deps, id: string, now: Date): Promise<boolean> {
  return transact(deps, async (tx) => {
    const [trade] = await tx.select().from(trades).where(eq(trades.id, id)).for('update');
    if (!trade || !OPEN.includes(trade.status) || new Date(trade.validUntil).getTime() > now.getTime()) return false;
    const partly = new Dec(trade.allocated).gt(0);
    const status = partly ? 'AGREED' : 'EXPIRED';
    const [row] = await tx
      .update(trades)
      .set({ status, version: trade.version + 1, updatedAt: now.toISOString() })
      .where(eq(trades.id, id))
      .returning();
    await closeLiveOffers(tx, row!, now, 'EXPIRE', null);
    await appendAudit(
      tx,
      { actor: null, meta: META, now },
      {
        action: 'trade.expire',
        entityType: 'trade',
        entityId: id,
        partnerId: trade.buyerPartnerId,
        oldValues: { status: trade.status },
        newValues: { status },
      },
    );
    await appendBackOfficeEvent(tx, partly ? 'trade.closed' : 'trade.expired', {
      tradeId: id,
      tradeNumber: trade.number,
      status,
    });
    return true;
  });
}

async function expireLot(deps: Deps, id: string, now: Date): Promise<boolean> {
  return transact(deps, async (tx) => {
    const [lot] = await tx.select().from(lots).where(eq(lots.id, id)).for('update');
    if (!lot) return false;
    if (lot.status !== 'ACTIVE' || new Date(lot.validUntil).getTime() > now.getTime()) return false;
    await tx
      .update(lots)
      .set({ status: 'EXPIRED', version: lot.version + 1, updatedAt: now.toISOString() })
      .where(eq(lots.id, id));
    await appendAudit(
      tx,
      { actor: null, meta: META, now },
      {
        action: 'lot.expire',
        entityType: 'lot',
        entityId: id,
        partnerId: lot.sellerPartnerId,
        oldValues: { status: 'ACTIVE' },
        newValues: { status: 'EXPIRED' },
      },
    );
    return true;
  });
}

/** Scheduled work of this module: expire trades, offers and lots whose validity or inactivity window passed. */
export async function runTradeDeskExpiry(deps: Deps, now: Date): Promise<Record<string, unknown>> {
  const inactivityHours = await deps.settings.number('offer.inactivityHours', 48);
  const nowIso = now.toISOString();
  const idleBefore = new Date(now.getTime() - inactivityHours * HOUR_MS).toISOString();
  const dueOffers = await deps.db
    .select({ id: offers.id })
    .from(offers)
    .where(
      and(
        inArray(offers.status, ['PENDING', 'COUNTERED']),
        or(lte(offers.validUntil, nowIso), lte(offers.lastActivityAt, idleBefore)),
      ),
    )
    .limit(1000);
  let offerCount = 0;
  for (const o of dueOffers) if (await expireOffer(deps, o.id, now, idleBefore)) offerCount++;
  const dueTrades = await deps.db
    .select({ id: trades.id })
    .from(trades)
    .where(and(inArray(trades.status, OPEN), lte(trades.validUntil, nowIso)))
    .limit(1000);
  let tradeCount = 0;
  for (const t of dueTrades) if (await expireTrade(deps, t.id, now)) tradeCount++;
  const dueLots = await deps.db
    .select({ id: lots.id })
    .from(lots)
    .where(and(eq(lots.status, 'ACTIVE'), lte(lots.validUntil, nowIso)))
    .limit(1000);
  let lotCount = 0;
  for (const l of dueLots) if (await expireLot(deps, l.id, now)) lotCount++;
  return { trades: tradeCount, offers: offerCount, lots: lotCount };
}
