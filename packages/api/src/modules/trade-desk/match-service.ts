/**
 * Adapts database rows to the pure matching rules (rules/matching.ts): a trade becomes a
 * MatchTrade, offers and lots become MatchCandidates with their seller's status, type,
 * certifications and place.
 */

import type { QualityParameter } from '@kapas/db';
import { branches, type DbOrTx, type lots, type offers, partners, type trades } from '@kapas/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { SettingsStore } from '../../shared/settings';
import { loadPlaces, numericTemplate, type Places, tradeCertifications } from './lookups';
import {
  type MatchCandidate,
  type MatchSettings,
  type MatchTrade,
  matchCandidates,
  type Place,
  type ScoredCandidate,
} from './rules/matching';

type TradeRow = typeof trades.$inferSelect;
type OfferRow = typeof offers.$inferSelect;
type LotRow = typeof lots.$inferSelect;

export async function loadMatchSettings(
  settings: SettingsStore,
): Promise<MatchSettings & { preMatchNotify: number; perUserPerMinute: number }> {
  const [q, p, l, t, best, good, average, preMatchNotify, perUserPerMinute] = await Promise.all([
    settings.number('matching.weightQuality', 45),
    settings.number('matching.weightPrice', 35),
    settings.number('matching.weightLocation', 10),
    settings.number('matching.weightTerms', 10),
    settings.number('matching.labelBest', 90),
    settings.number('matching.labelGood', 75),
    settings.number('matching.labelAverage', 60),
    settings.number('matching.preMatchNotify', 5),
    settings.number('notification.perUserPerMinute', 1),
  ]);
  return {
    weights: { quality: q / 100, price: p / 100, location: l / 100, terms: t / 100 },
    labels: { best, good, average },
    preMatchNotify,
    perUserPerMinute,
  };
}

/** Every station's place and every state's code: read once per call, never per trade. */
export type MatchWorld = Places;

export async function loadMatchWorld(db: DbOrTx): Promise<MatchWorld> {
  return loadPlaces(db);
}

export function tradeToMatch(world: MatchWorld, t: TradeRow): MatchTrade {
  const station = t.deliveryStationId ? world.stations.get(t.deliveryStationId) : undefined;
  const location: Place = station ?? {
    stateCode: (t.deliveryStateId ? world.stateCodes.get(t.deliveryStateId) : undefined) ?? '',
    regionId: t.deliveryRegionId,
    stationId: null,
  };
  return {
    commodityId: t.commodityId,
    buyerPartnerId: t.buyerPartnerId,
    ranges: t.qualityRanges,
    requiredCertificates: t.requiredCertificates,
    targetPrice: t.targetPrice,
    location,
    stationOnly: t.stationOnly,
    deliveryTerm: t.deliveryTermId ?? '',
    paymentTerm: t.paymentTermId ?? '',
  };
}

type SellerFacts = { status: string; businessType: string; home: Place; certificates: MatchCandidate['certificates'] };

/** A seller's partner row and head office (station, state code) as matching reads them. */
export type SellerRow = { status: string; businessType: string; stationId: string | null; stateCode: string | null };

export function sellerFactsOf(row: SellerRow, world: MatchWorld, certificates: MatchCandidate['certificates']): SellerFacts {
  const station = row.stationId ? world.stations.get(row.stationId) : undefined;
  const home: Place = station ?? { stateCode: row.stateCode ?? '', regionId: null, stationId: null };
  return { status: row.status, businessType: row.businessType, home, certificates };
}

/** Status, type, head-office place and counting certifications of each seller. */
export async function sellerFacts(
  db: DbOrTx,
  world: MatchWorld,
  sellerIds: readonly string[],
  now: Date,
): Promise<Map<string, SellerFacts>> {
  const ids = [...new Set(sellerIds)];
  const out = new Map<string, SellerFacts>();
  if (ids.length === 0) return out;
  const [rows, certs] = await Promise.all([
    // The head office (at most one per partner) joined in: its station or state is the seller's home place.
    db
      .select({
        id: partners.id,
        status: partners.status,
        businessType: partners.businessType,
        stationId: branches.stationId,
        stateCode: branches.stateCode,
      })
      .from(partners)
      .leftJoin(branches, and(eq(branches.partnerId, partners.id), eq(branches.isHeadOffice, true)))
      .where(inArray(partners.id, ids)),
    tradeCertifications(db, ids, now),
  ]);
  for (const r of rows) out.set(r.id, sellerFactsOf(r, world, certs.get(r.id) ?? []));
  return out;
}

const numericValues = (p: Record<string, number | string>) =>
  Object.fromEntries(Object.entries(p).filter(([, v]) => typeof v === 'number')) as Record<string, number>;

export function offerCandidate(
  o: OfferRow,
  facts: SellerFacts | undefined,
  world: MatchWorld,
  available: string,
): MatchCandidate {
  const station = o.stationId ? world.stations.get(o.stationId) : undefined;
  return {
    id: o.id,
    commodityId: '',
    sellerPartnerId: o.sellerPartnerId,
    sellerStatus: facts?.status ?? 'UNKNOWN',
    sellerType: facts?.businessType ?? 'SELLER',
    price: o.price,
    availableQuantity: available,
    values: numericValues(o.parameters),
    certificates: facts?.certificates ?? [],
    location: station ?? facts?.home ?? { stateCode: '' },
    deliveryTerm: o.deliveryTermId ?? '',
    paymentTerm: o.paymentTermId ?? '',
    offeredAt: new Date(o.createdAt),
    lotId: o.lotId,
  };
}

export function lotCandidate(
  l: LotRow,
  facts: SellerFacts | undefined,
  world: MatchWorld,
  price: string,
  trade: MatchTrade,
): MatchCandidate {
  return {
    id: l.id,
    commodityId: l.commodityId,
    sellerPartnerId: l.sellerPartnerId,
    sellerStatus: facts?.status ?? 'UNKNOWN',
    sellerType: facts?.businessType ?? 'SELLER',
    price,
    availableQuantity: l.available,
    values: numericValues(l.parameters),
    certificates: facts?.certificates ?? [],
    location: world.stations.get(l.stationId) ?? facts?.home ?? { stateCode: '' },
    // A lot states no terms yet: it is scored as if it took the trade's.
    deliveryTerm: trade.deliveryTerm,
    paymentTerm: trade.paymentTerm,
    offeredAt: new Date(l.createdAt),
    lotId: l.id,
  };
}

export type OfferScore = Pick<ScoredCandidate, 'score' | 'label' | 'breakdown' | 'parameters'>;

/**
 * Scores and ranks the live offers of a trade. Without a target price the lowest live price sets
 * the price score, so all offers are rescored whenever one arrives (the pure function does it).
 */
export async function rankTradeOffers(
  db: DbOrTx,
  t: TradeRow,
  template: readonly QualityParameter[],
  live: readonly OfferRow[],
  settings: MatchSettings,
  now: Date,
): Promise<{
  ranked: (OfferScore & { offerId: string; rank: number })[];
  excluded: { offerId: string; reasons: readonly string[] }[];
}> {
  const world = await loadMatchWorld(db);
  const trade = tradeToMatch(world, t);
  const facts = await sellerFacts(
    db,
    world,
    live.map((o) => o.sellerPartnerId),
    now,
  );
  const candidates = live.map((o) => ({
    ...offerCandidate(o, facts.get(o.sellerPartnerId), world, o.quantity),
    commodityId: t.commodityId,
  }));
  const { ranked, excluded } = matchCandidates(trade, candidates, { template: numericTemplate(template), now, settings });
  return {
    ranked: ranked.map((s, i) => ({
      offerId: s.candidate.id,
      rank: i + 1,
      score: s.score,
      label: s.label,
      breakdown: s.breakdown,
      parameters: s.parameters,
    })),
    excluded: excluded.map((e) => ({ offerId: e.candidate.id, reasons: e.reasons })),
  };
}
