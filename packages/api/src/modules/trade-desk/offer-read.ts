/** Offer reads: one offer with its negotiation history and the caller's allowed actions; lists for both sides. */
import { contracts, type DbOrTx, lots, offers, offerVersions, partners, trades, users } from '@kapas/db';
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Actor } from '../../context';
import { DomainError } from '../../errors';
import { offsetOf, type Page } from '../../shared/pagination';
import { preparedPer } from '../../shared/prepared';
import { negotiationOf } from './offer-action-core';
import type { Origin } from './origin';
import { isExpiredAt, type Side } from './rules/negotiation';
import type { byIdInput, myOffersInput } from './schemas';
import { callerPartner, canReadOffer, partySide } from './scope';
import { type OfferVersionView, type OfferView, offerView, versionView } from './views';

export type OfferAction = 'COUNTER' | 'ACCEPT' | 'REJECT' | 'WITHDRAW';

export type OfferDetail = {
  offer: OfferView;
  trade: {
    id: string;
    number: string;
    status: string;
    quantity: string;
    allocated: string;
    buyerPartnerId: string;
    commodityId: string;
    targetPrice: string | null;
    branchId: string | null;
  };
  sellerName: string | null;
  buyerName: string | null;
  lot: { id: string; number: string; lab: string; testedOn: string } | null;
  versions: OfferVersionView[];
  /** The caller's side as a party; null for staff. */
  mySide: Side | null;
  /** Whose turn it is; null once closed. */
  turn: Side | null;
  /** True when validity or inactivity has passed but the sweeper has not marked it yet. */
  expired: boolean;
  allowedActions: OfferAction[];
  /** For staff with negotiation:act-for: the side they would act as (the side whose turn it is). */
  actAs: Side | null;
  contractId: string | null;
};

export function allowedFor(side: Side | null, turn: Side | null, expired: boolean): OfferAction[] {
  if (!side || !turn || expired) return [];
  const actions: OfferAction[] = side === turn ? ['COUNTER', 'ACCEPT', 'REJECT'] : [];
  if (side === 'SELLER') actions.push('WITHDRAW');
  return actions;
}

export async function offerWithTrade(db: DbOrTx, actor: Actor, offerId: string) {
  const [row] = await db
    .select({ offer: offers, trade: trades })
    .from(offers)
    .innerJoin(trades, eq(trades.id, offers.tradeId))
    .where(eq(offers.id, offerId));
  if (!row || !canReadOffer(actor, { ...row.offer, tradeBranchId: row.trade.branchId }))
    throw new DomainError('NOT_FOUND', 'Offer not found.');
  return row;
}

const sellerOf = alias(partners, 'seller');
const buyerOf = alias(partners, 'buyer');

/** The offer row with its trade, party names, lot and contract. */
const offerDetailStatement = preparedPer((db) =>
  db
    .select({
      offer: offers,
      trade: trades,
      seller: { name: sellerOf.tradeName, legal: sellerOf.legalName },
      buyer: { name: buyerOf.tradeName, legal: buyerOf.legalName },
      lot: { id: lots.id, number: lots.number, lab: lots.lab, testedOn: lots.testedOn },
      contractId: sql<
        string | null
      >`(select ${contracts.id} from ${contracts} where ${contracts.offerId} = ${offers.id} limit 1)`,
    })
    .from(offers)
    .innerJoin(trades, eq(trades.id, offers.tradeId))
    .leftJoin(sellerOf, eq(sellerOf.id, offers.sellerPartnerId))
    .leftJoin(buyerOf, eq(buyerOf.id, offers.buyerPartnerId))
    .leftJoin(lots, eq(lots.id, offers.lotId))
    .where(eq(offers.id, sql.placeholder('id')))
    .prepare('offer_detail'),
);

/**
 * The offer's versions in order, each with the kind of user who made it (so the history can say
 * "by back office" when staff acted for a party). A version's actor is never deleted (users are
 * deactivated), so the left join only misses for the system's expiry rows.
 */
const historyStatement = preparedPer((db) =>
  db
    .select({ version: offerVersions, actorKind: users.kind })
    .from(offerVersions)
    .leftJoin(users, eq(users.id, offerVersions.actorUserId))
    .where(eq(offerVersions.offerId, sql.placeholder('offerId')))
    .orderBy(asc(offerVersions.version))
    .prepare('offer_history'),
);

/**
 * One offer with everything its screen shows, in two prepared statements: the offer row with its
 * trade, party names, lot and contract; and its versions with their actors' kind (read once, for
 * the history and the expiry rule).
 */
export async function getOffer(o: Origin, input: z.infer<typeof byIdInput>): Promise<OfferDetail> {
  const db = o.deps.db;
  const [[row], history] = await Promise.all([
    offerDetailStatement(db).execute({ id: input.id }),
    historyStatement(db).execute({ offerId: input.id }),
  ]);
  if (!row || !canReadOffer(o.actor, { ...row.offer, tradeBranchId: row.trade.branchId }))
    throw new DomainError('NOT_FOUND', 'Offer not found.');
  const { offer, trade } = row;
  const inactivityMs = (await o.deps.settings.number('offer.inactivityHours', 48)) * 3_600_000;
  const nameOf = (p: { name: string | null; legal: string } | null) => (p ? (p.name ?? p.legal) : null);
  const view = offerView(offer);
  const negotiation = negotiationOf(
    offer,
    history.map((h) => h.version),
  );
  const expired = view.turn !== null && isExpiredAt(negotiation, o.deps.clock(), { inactivityMs });
  const mySide = partySide(o.actor, { ...offer, tradeBranchId: trade.branchId });
  const actAs = o.actor.kind === 'BACK_OFFICE' && o.actor.capabilities.has('negotiation:act-for') ? view.turn : null;
  return {
    offer: view,
    trade: {
      id: trade.id,
      number: trade.number,
      status: trade.status,
      quantity: trade.quantity,
      allocated: trade.allocated,
      buyerPartnerId: trade.buyerPartnerId,
      commodityId: trade.commodityId,
      targetPrice: trade.targetPrice,
      branchId: trade.branchId,
    },
    sellerName: nameOf(row.seller),
    buyerName: nameOf(row.buyer),
    lot: row.lot,
    versions: history.map((h) => versionView(h.version, h.actorKind)),
    mySide,
    turn: view.turn,
    expired,
    allowedActions: allowedFor(mySide ?? actAs, view.turn, expired),
    actAs,
    contractId: row.contractId,
  };
}

export type OfferListItem = OfferView & { side: Side; tradeNumber: string; allowedActions: OfferAction[] };

/** SELLER: offers my partner made; BUYER: offers received on my trades (sub-users: their branches). */
export async function myOffers(o: Origin, input: z.infer<typeof myOffersInput>): Promise<Page<OfferListItem>> {
  const partnerId = callerPartner(o.actor);
  const branches = o.actor.branchIds;
  const none = ['00000000-0000-0000-0000-000000000000'];
  const asSeller = and(
    eq(offers.sellerPartnerId, partnerId),
    branches === null ? undefined : inArray(offers.sellerBranchId, branches.length ? branches : none),
  );
  const asBuyer = and(
    eq(offers.buyerPartnerId, partnerId),
    branches === null ? undefined : inArray(trades.branchId, branches.length ? branches : none),
  );
  const filters: (SQL | undefined)[] = [
    input.side === 'SELLER' ? asSeller : input.side === 'BUYER' ? asBuyer : or(asSeller, asBuyer),
  ];
  if (input.status?.length) filters.push(inArray(offers.status, input.status));
  if (input.tradeId) filters.push(eq(offers.tradeId, input.tradeId));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    o.deps.db
      .select({ offer: offers, tradeNumber: trades.number, tradeBranchId: trades.branchId })
      .from(offers)
      .innerJoin(trades, eq(trades.id, offers.tradeId))
      .where(where)
      .orderBy(desc(offers.updatedAt))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    o.deps.db.select({ n: count() }).from(offers).innerJoin(trades, eq(trades.id, offers.tradeId)).where(where),
  ]);
  const now = o.deps.clock().getTime();
  const items = rows.map((r) => {
    const view = offerView(r.offer);
    const side: Side = r.offer.sellerPartnerId === partnerId ? 'SELLER' : 'BUYER';
    const expired = new Date(r.offer.validUntil).getTime() <= now;
    return { ...view, side, tradeNumber: r.tradeNumber, allowedActions: allowedFor(side, view.turn, expired) };
  });
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}
