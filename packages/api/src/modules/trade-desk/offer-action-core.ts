/**
 * Shared machinery of the negotiation actions (DOMAIN §6.3). Every action runs in one transaction
 * that (1) records the idempotency key first, (2) locks the trade and then the offer (always in
 * that order, so two actions on one trade cannot deadlock), (3) applies the pure negotiation rules
 * to the locked state, and (4) writes with `UPDATE … WHERE version = expected`. Exactly one
 * acceptance per version can therefore succeed, however many race.
 */
import { type DbOrTx, offers, offerVersions, type Transaction, trades } from '@kapas/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { preparedPer } from '../../shared/prepared';
import { transact } from '../../shared/transact';
import type { OfferEventPayload } from './events';
import { idempotent } from './idempotency';
import type { Origin } from './origin';
import { withRetry } from './retry';
import { applyAction, type Negotiation, type NegotiationAction, type OfferVersion, type Side } from './rules/negotiation';
import type { OfferState } from './rules/offer-state';
import { actingSide } from './scope';
import type { OfferView } from './views';

export type OfferRow = typeof offers.$inferSelect;
export type TradeRow = typeof trades.$inferSelect;
export type VersionRow = typeof offerVersions.$inferSelect;
export const HOUR_MS = 3_600_000;

export type OfferActionResult = { offer: OfferView; contractId: string | null; contractNumber: string | null };

/** The negotiation as the pure rules see it: terms versions only (OFFER and COUNTER rows). */
export async function loadNegotiation(db: DbOrTx, offer: OfferRow): Promise<Negotiation> {
  return negotiationOf(offer, await versionsStatement(db).execute({ offerId: offer.id }));
}

/** An offer's version rows in version order (placeholder `offerId`). */
const versionsStatement = preparedPer((db) =>
  db
    .select()
    .from(offerVersions)
    .where(eq(offerVersions.offerId, sql.placeholder('offerId')))
    .orderBy(asc(offerVersions.version))
    .prepare('offer_versions'),
);

/** The negotiation from the offer and its version rows in version order. */
export function negotiationOf(offer: OfferRow, rows: readonly VersionRow[]): Negotiation {
  const versions: OfferVersion[] = rows
    .filter((r) => r.action === 'OFFER' || r.action === 'COUNTER')
    .map((r) => ({
      version: r.version,
      by: r.side as Side,
      price: r.price,
      quantity: r.quantity,
      validUntil: new Date(r.validUntil),
      at: new Date(r.createdAt),
      ...(r.message ? { message: r.message } : {}),
    }));
  // The offer row holds the current terms; its validity is authoritative for the latest version.
  const latest = versions.at(-1);
  if (latest) versions[versions.length - 1] = { ...latest, validUntil: new Date(offer.validUntil) };
  return { status: offer.status as OfferState, versions, lastActivityAt: new Date(offer.lastActivityAt) };
}

export type Locked = { trade: TradeRow; offer: OfferRow; side: Side; negotiation: Negotiation };

export async function lockForAction(tx: Transaction, o: Origin, offerId: string, actAs: Side | undefined): Promise<Locked> {
  // The trade is found through the offer and locked in the same statement.
  const offerTrade = tx.select({ tradeId: offers.tradeId }).from(offers).where(eq(offers.id, offerId));
  const [trade] = await tx.select().from(trades).where(inArray(trades.id, offerTrade)).for('update');
  if (!trade) throw new DomainError('NOT_FOUND', 'Offer not found.');
  const [offer] = await tx.select().from(offers).where(eq(offers.id, offerId)).for('update');
  if (!trade || !offer) throw new DomainError('NOT_FOUND', 'Offer not found.');
  const side = actingSide(o.actor, { ...offer, tradeBranchId: trade.branchId }, actAs);
  return { trade, offer, side, negotiation: await loadNegotiation(tx, offer) };
}

export function payloadOf(trade: TradeRow, offer: OfferRow, by: string, action: string): OfferEventPayload {
  const live = offer.status === 'PENDING' || offer.status === 'COUNTERED';
  return {
    offerId: offer.id,
    offerNumber: offer.number,
    tradeId: trade.id,
    tradeNumber: trade.number,
    version: offer.version,
    status: offer.status,
    turn: live ? offer.turn : null,
    price: offer.price,
    quantity: offer.quantity,
    validUntil: new Date(offer.validUntil).toISOString(),
    by,
    action,
    buyerPartnerId: offer.buyerPartnerId,
    sellerPartnerId: offer.sellerPartnerId,
    tradeBranchId: trade.branchId,
    sellerBranchId: offer.sellerBranchId,
  };
}

export const other = (side: Side): Side => (side === 'BUYER' ? 'SELLER' : 'BUYER');
export const partnerOfSide = (offer: OfferRow, side: Side) => (side === 'BUYER' ? offer.buyerPartnerId : offer.sellerPartnerId);

export async function run(
  o: Origin,
  operation: string,
  input: { offerId: string; version: number; idempotencyKey: string; actAs?: Side | undefined } & Record<string, unknown>,
  work: (tx: Transaction, locked: Locked, now: Date) => Promise<OfferActionResult>,
): Promise<OfferActionResult> {
  return withRetry(() =>
    transact(o.deps, (tx) =>
      idempotent(tx, { userId: o.actor.userId, key: input.idempotencyKey, operation, payload: input }, async () => {
        const now = o.deps.clock();
        const locked = await lockForAction(tx, o, input.offerId, input.actAs);
        return work(tx, locked, now);
      }),
    ),
  );
}

export function rule(locked: Locked, action: NegotiationAction, now: Date, inactivityMs: number): Negotiation {
  const result = applyAction(locked.negotiation, action, now, { inactivityMs });
  if (!result.ok)
    throw new DomainError(result.error.code, result.error.message, { state: locked.offer.status, version: locked.offer.version });
  return result.state;
}

/** Conditional write: 0 rows means someone moved the offer on (the lock makes this a last line of defence). */
export async function writeOffer(
  tx: DbOrTx,
  offer: OfferRow,
  expected: number,
  set: Partial<typeof offers.$inferInsert>,
): Promise<OfferRow> {
  const [row] = await tx
    .update(offers)
    .set({ ...set, version: expected + 1 })
    .where(and(eq(offers.id, offer.id), eq(offers.version, expected)))
    .returning();
  if (!row) throw new DomainError('STALE_VERSION', 'Offer has moved on; refresh and try again.');
  return row;
}

export async function recordVersion(
  tx: DbOrTx,
  o: Origin,
  row: OfferRow,
  side: string,
  action: string,
  message: string | null,
  now: Date,
) {
  await tx.insert(offerVersions).values({
    offerId: row.id,
    version: row.version,
    side,
    action,
    price: row.price,
    quantity: row.quantity,
    validUntil: row.validUntil,
    message,
    actorUserId: o.actor.userId,
    createdAt: now.toISOString(),
  });
}

export async function inactivityMs(o: Origin) {
  return (await o.deps.settings.number('offer.inactivityHours', 48)) * HOUR_MS;
}
