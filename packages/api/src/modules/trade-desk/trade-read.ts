/** Trade reads: my trades, one trade with its ranked offers, the sellers' market list. */
import { commodities, contracts, lots, offers, partners, trades } from '@kapas/db';
import { and, asc, count, desc, eq, gt, inArray, ne, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { offsetOf, type Page } from '../../shared/pagination';
import { numericTemplate } from './lookups';
import {
  loadMatchSettings,
  loadMatchWorld,
  lotCandidate,
  type OfferScore,
  rankTradeOffers,
  sellerFacts,
  tradeToMatch,
} from './match-service';
import type { Origin } from './origin';
import { Dec } from './rules/decimal';
import { matchCandidates } from './rules/matching';
import type { byIdInput, myTradesInput, openTradesInput } from './schemas';
import { callerPartner, isStaffReader, ownsRow } from './scope';
import { type OfferView, offerView, type TradeView, tradeView } from './views';

const OPEN = ['POSTED', 'OFFERS_RECEIVED', 'NEGOTIATION'];
const NO_BRANCH = ['00000000-0000-0000-0000-000000000000'];

export async function myTrades(
  o: Origin,
  input: z.infer<typeof myTradesInput>,
): Promise<Page<TradeView & { liveOffers: number }>> {
  const partnerId = callerPartner(o.actor);
  const filters: (SQL | undefined)[] = [eq(trades.buyerPartnerId, partnerId)];
  if (o.actor.branchIds !== null)
    filters.push(inArray(trades.branchId, o.actor.branchIds.length ? o.actor.branchIds : NO_BRANCH));
  if (input.status?.length) filters.push(inArray(trades.status, input.status));
  if (input.commodityId) filters.push(eq(trades.commodityId, input.commodityId));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    o.deps.db
      .select({ trade: trades, commodity: commodities.name })
      .from(trades)
      .innerJoin(commodities, eq(commodities.id, trades.commodityId))
      .where(where)
      .orderBy(desc(trades.createdAt))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    o.deps.db.select({ n: count() }).from(trades).where(where),
  ]);
  const ids = rows.map((r) => r.trade.id);
  const live = ids.length
    ? await o.deps.db
        .select({ tradeId: offers.tradeId, n: count() })
        .from(offers)
        .where(and(inArray(offers.tradeId, ids), inArray(offers.status, ['PENDING', 'COUNTERED'])))
        .groupBy(offers.tradeId)
    : [];
  const liveBy = new Map(live.map((l) => [l.tradeId, l.n]));
  return {
    items: rows.map((r) => ({ ...tradeView(r.trade, { commodity: r.commodity }), liveOffers: liveBy.get(r.trade.id) ?? 0 })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export type RankedOffer = OfferView & {
  sellerName: string | null;
  rank: number | null;
  score: number | null;
  label: OfferScore['label'] | null;
  breakdown: OfferScore['breakdown'] | null;
  deviations: OfferScore['parameters'];
  /** Hard-filter reasons when a live offer no longer matches (e.g. seller suspended). */
  excludedReasons: string[];
};

export type TradeDetail = {
  trade: TradeView;
  /** OWNER and STAFF see every offer; MARKET (another partner on an open trade) sees only its own. */
  view: 'OWNER' | 'STAFF' | 'MARKET';
  offers: RankedOffer[];
  allocation: { quantity: string; allocated: string; remaining: string; percent: number };
  contracts: { id: string; number: string; offerId: string; quantity: string; price: string; value: string }[];
};

export async function getTrade(o: Origin, input: z.infer<typeof byIdInput>): Promise<TradeDetail> {
  const db = o.deps.db;
  const [row] = await db
    .select({ trade: trades, commodity: commodities.name, template: commodities.qualityTemplate, buyer: partners.tradeName })
    .from(trades)
    .innerJoin(commodities, eq(commodities.id, trades.commodityId))
    .innerJoin(partners, eq(partners.id, trades.buyerPartnerId))
    .where(eq(trades.id, input.id));
  if (!row) throw new DomainError('NOT_FOUND', 'Trade not found.');
  const t = row.trade;
  const view = isStaffReader(o.actor)
    ? 'STAFF'
    : ownsRow(o.actor, t.buyerPartnerId, t.branchId)
      ? 'OWNER'
      : // Market view is for other partners; a sub-user outside the trade's branch gets nothing.
        o.actor.kind === 'PARTNER' && o.actor.partnerId !== t.buyerPartnerId && OPEN.includes(t.status)
        ? 'MARKET'
        : null;
  if (!view) throw new DomainError('NOT_FOUND', 'Trade not found.');
  const now = o.deps.clock();
  const offerFilter =
    view === 'MARKET'
      ? and(eq(offers.tradeId, t.id), eq(offers.sellerPartnerId, o.actor.partnerId ?? ''))
      : eq(offers.tradeId, t.id);
  const all = await db
    .select({ offer: offers, seller: partners.tradeName })
    .from(offers)
    .innerJoin(partners, eq(partners.id, offers.sellerPartnerId))
    .where(offerFilter)
    .orderBy(asc(offers.createdAt));
  // Scores are computed over ALL live offers (lowest-price rule), then filtered to what the caller may see.
  const liveAll = await db
    .select()
    .from(offers)
    .where(and(eq(offers.tradeId, t.id), inArray(offers.status, ['PENDING', 'COUNTERED'])));
  const settings = await loadMatchSettings(o.deps.settings);
  const { ranked, excluded } = await rankTradeOffers(db, t, row.template, liveAll, settings, now);
  const scoreOf = new Map(ranked.map((r) => [r.offerId, r]));
  const excludedOf = new Map(excluded.map((e) => [e.offerId, e.reasons]));
  const items: RankedOffer[] = all.map(({ offer, seller }) => {
    const s = scoreOf.get(offer.id);
    return {
      ...offerView(offer),
      sellerName: seller,
      rank: s?.rank ?? null,
      score: s?.score ?? null,
      label: s?.label ?? null,
      breakdown: s?.breakdown ?? null,
      deviations: s?.parameters ?? [],
      excludedReasons: [...(excludedOf.get(offer.id) ?? [])],
    };
  });
  items.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const contractRows = await db
    .select({
      id: contracts.id,
      number: contracts.number,
      offerId: contracts.offerId,
      quantity: contracts.quantity,
      price: contracts.price,
      value: contracts.value,
      seller: contracts.sellerPartnerId,
    })
    .from(contracts)
    .where(eq(contracts.tradeId, t.id));
  const quantity = new Dec(t.quantity);
  return {
    trade: tradeView(t, { commodity: row.commodity, buyer: row.buyer }),
    view,
    offers: items,
    allocation: {
      quantity: t.quantity,
      allocated: t.allocated,
      remaining: quantity.minus(t.allocated).toFixed(3),
      percent: quantity.gt(0) ? Math.round(new Dec(t.allocated).dividedBy(quantity).times(100).toNumber()) : 0,
    },
    contracts: contractRows.filter((c) => view !== 'MARKET' || c.seller === o.actor.partnerId).map(({ seller: _s, ...c }) => c),
  };
}

export type MarketTrade = TradeView & { myScore: number | null; myLabel: string | null; myLiveOfferId: string | null };

/** Open trades sellers may answer (not their own), with the caller's best lot score when it has lots. */
export async function openForSellers(o: Origin, input: z.infer<typeof openTradesInput>): Promise<Page<MarketTrade>> {
  const partnerId = callerPartner(o.actor);
  const now = o.deps.clock();
  const filters: (SQL | undefined)[] = [
    inArray(trades.status, OPEN),
    gt(trades.validUntil, now.toISOString()),
    ne(trades.buyerPartnerId, partnerId),
  ];
  if (input.commodityId) filters.push(eq(trades.commodityId, input.commodityId));
  if (input.urgentOnly) filters.push(eq(trades.urgency, 'URGENT'));
  const where = and(...filters);
  const db = o.deps.db;
  const [rows, [total]] = await Promise.all([
    db
      .select({ trade: trades, commodity: commodities.name, template: commodities.qualityTemplate, buyer: partners.tradeName })
      .from(trades)
      .innerJoin(commodities, eq(commodities.id, trades.commodityId))
      .innerJoin(partners, eq(partners.id, trades.buyerPartnerId))
      .where(where)
      .orderBy(desc(trades.urgency), asc(trades.validUntil))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: count() }).from(trades).where(where),
  ]);
  const ids = rows.map((r) => r.trade.id);
  const mine = ids.length
    ? await db
        .select({ id: offers.id, tradeId: offers.tradeId })
        .from(offers)
        .where(
          and(
            inArray(offers.tradeId, ids),
            eq(offers.sellerPartnerId, partnerId),
            inArray(offers.status, ['PENDING', 'COUNTERED']),
          ),
        )
    : [];
  const myLots = await db
    .select()
    .from(lots)
    .where(and(eq(lots.sellerPartnerId, partnerId), eq(lots.status, 'ACTIVE'), gt(lots.validUntil, now.toISOString())));
  const settings = await loadMatchSettings(o.deps.settings);
  const world = myLots.length ? await loadMatchWorld(db) : null;
  const facts = world ? await sellerFacts(db, world, [partnerId], now) : null;
  const items: MarketTrade[] = [];
  for (const r of rows) {
    let best: { score: number; label: string } | null = null;
    if (world && facts) {
      const match = await tradeToMatch(db, world, r.trade);
      const candidates = myLots
        .filter((l) => l.commodityId === r.trade.commodityId)
        .map((l) => lotCandidate(l, facts.get(partnerId), world, l.askingPrice ?? r.trade.targetPrice ?? '1', match));
      const top = matchCandidates(match, candidates, { template: numericTemplate(r.template), now, settings }).ranked[0];
      if (top) best = { score: top.score, label: top.label };
    }
    items.push({
      ...tradeView(r.trade, { commodity: r.commodity, buyer: r.buyer }),
      myScore: best?.score ?? null,
      myLabel: best?.label ?? null,
      myLiveOfferId: mine.find((m) => m.tradeId === r.trade.id)?.id ?? null,
    });
  }
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}
