/** Trade reads: my trades, one trade with its ranked offers, the sellers' market list. */
import { branches, commodities, contracts, lots, offers, partners, trades } from '@kapas/db';
import { and, asc, count, desc, eq, gt, inArray, ne, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { offsetOf, type Page } from '../../shared/pagination';
import { preparedPer, preparedVariants } from '../../shared/prepared';
import { numericTemplate, tradeCertifications } from './lookups';
import {
  loadMatchSettings,
  loadMatchWorld,
  lotCandidate,
  type OfferScore,
  rankTradeOffers,
  sellerFactsOf,
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
const LIVE_OFFER = ['PENDING', 'COUNTERED'];

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
        .where(and(inArray(offers.tradeId, ids), inArray(offers.status, LIVE_OFFER)))
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
    .where(and(eq(offers.tradeId, t.id), inArray(offers.status, LIVE_OFFER)));
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

type MarketFilter = `${'any' | 'commodity'}|${'all' | 'urgent'}`;

/** One page of the market (placeholders now, partnerId, commodityId, limit, offset), per filter combination. */
const marketPageStatement = preparedVariants((db, filter: MarketFilter) => {
  const [commodity, urgency] = filter.split('|');
  const partnerId = sql.placeholder('partnerId');
  const myLiveOffer = sql<string | null>`(select ${offers.id} from ${offers} where ${and(
    eq(offers.tradeId, trades.id),
    eq(offers.sellerPartnerId, partnerId),
    inArray(offers.status, LIVE_OFFER),
  )} limit 1)`;
  return db
    .select({
      trade: trades,
      commodity: commodities.name,
      buyer: partners.tradeName,
      myLiveOfferId: myLiveOffer,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(trades)
    .innerJoin(commodities, eq(commodities.id, trades.commodityId))
    .innerJoin(partners, eq(partners.id, trades.buyerPartnerId))
    .where(
      and(
        ...marketFilters(partnerId, sql.placeholder('now')),
        commodity === 'commodity' ? eq(trades.commodityId, sql.placeholder('commodityId')) : undefined,
        urgency === 'urgent' ? eq(trades.urgency, 'URGENT') : undefined,
      ),
    )
    .orderBy(desc(trades.urgency), asc(trades.validUntil))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(`market_page_${commodity}_${urgency}`);
});

function marketFilters(partnerId: string | Placeholder, now: string | Placeholder): SQL[] {
  return [inArray(trades.status, OPEN), gt(trades.validUntil, now), ne(trades.buyerPartnerId, partnerId)];
}

/**
 * The caller's active lots still valid, each with what matching needs besides: its commodity's
 * quality template and the seller's own facts (status, type, head office). Placeholders partnerId, now.
 */
const myActiveLotsStatement = preparedPer((db) =>
  db
    .select({
      lot: lots,
      template: commodities.qualityTemplate,
      seller: {
        status: partners.status,
        businessType: partners.businessType,
        stationId: branches.stationId,
        stateCode: branches.stateCode,
      },
    })
    .from(lots)
    .innerJoin(commodities, eq(commodities.id, lots.commodityId))
    .innerJoin(partners, eq(partners.id, lots.sellerPartnerId))
    .leftJoin(branches, and(eq(branches.partnerId, lots.sellerPartnerId), eq(branches.isHeadOffice, true)))
    .where(
      and(
        eq(lots.sellerPartnerId, sql.placeholder('partnerId')),
        eq(lots.status, 'ACTIVE'),
        gt(lots.validUntil, sql.placeholder('now')),
      ),
    )
    .prepare('my_active_lots'),
);

/**
 * Open trades sellers may answer (not their own), with the caller's best lot score when it has lots.
 * A fixed number of statements whatever the page size: the page carries its total and the caller's
 * live offer per trade; matching reads places and the seller's facts once for the whole page.
 */
export async function openForSellers(o: Origin, input: z.infer<typeof openTradesInput>): Promise<Page<MarketTrade>> {
  const partnerId = callerPartner(o.actor);
  const now = o.deps.clock();
  const db = o.deps.db;
  const at = now.toISOString();
  const filter: MarketFilter = `${input.commodityId ? 'commodity' : 'any'}|${input.urgentOnly ? 'urgent' : 'all'}`;
  const [rows, myLots] = await Promise.all([
    marketPageStatement(db, filter).execute({
      partnerId,
      now: at,
      commodityId: input.commodityId,
      limit: input.pageSize,
      offset: offsetOf(input),
    }),
    myActiveLotsStatement(db).execute({ partnerId, now: at }),
  ]);
  // Past the last page no row carries the total: only then is it counted on its own.
  const total = rows[0]?.total ?? (offsetOf(input) > 0 ? await countMarket(o, partnerId, at, input) : 0);
  const settings = await loadMatchSettings(o.deps.settings);
  const [world, certificates] = myLots.length
    ? await Promise.all([loadMatchWorld(db), tradeCertifications(db, [partnerId], now)])
    : [null, null];
  const facts = world && myLots[0] ? sellerFactsOf(myLots[0].seller, world, certificates?.get(partnerId) ?? []) : undefined;
  const items = rows.map((r): MarketTrade => {
    let best: { score: number; label: string } | null = null;
    // Only lots of the trade's commodity compete, so their template is the trade's.
    const mine = myLots.filter((l) => l.lot.commodityId === r.trade.commodityId);
    if (world && mine[0]) {
      const match = tradeToMatch(world, r.trade);
      const candidates = mine.map((l) =>
        lotCandidate(l.lot, facts, world, l.lot.askingPrice ?? r.trade.targetPrice ?? '1', match),
      );
      const top = matchCandidates(match, candidates, { template: numericTemplate(mine[0].template), now, settings }).ranked[0];
      if (top) best = { score: top.score, label: top.label };
    }
    return {
      ...tradeView(r.trade, { commodity: r.commodity, buyer: r.buyer }),
      myScore: best?.score ?? null,
      myLabel: best?.label ?? null,
      myLiveOfferId: r.myLiveOfferId,
    };
  });
  return { items, total, page: input.page, pageSize: input.pageSize };
}

async function countMarket(o: Origin, partnerId: string, at: string, input: z.infer<typeof openTradesInput>): Promise<number> {
  const filters = [...marketFilters(partnerId, at)];
  if (input.commodityId) filters.push(eq(trades.commodityId, input.commodityId));
  if (input.urgentOnly) filters.push(eq(trades.urgency, 'URGENT'));
  const [row] = await o.deps.db
    .select({ n: count() })
    .from(trades)
    .where(and(...filters));
  return row?.n ?? 0;
}
