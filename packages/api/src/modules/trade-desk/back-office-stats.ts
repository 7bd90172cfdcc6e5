/** Back-office figures (DOMAIN §6.6): live summary with a daily series, and seller performance. */
import { commodities, contracts, offers, offerVersions, partners, trades } from '@kapas/db';
import { and, asc, count, desc, eq, gte, inArray, sql, sum } from 'drizzle-orm';
import type { z } from 'zod';
import { offsetOf } from '../../shared/pagination';
import { loadMatchSettings, rankTradeOffers } from './match-service';
import type { Origin } from './origin';
import { Dec, money } from './rules/decimal';
import { labelFor, type MatchLabel } from './rules/matching';
import type { sellerPerformanceInput, summaryInput } from './schemas';

const OPEN = ['POSTED', 'OFFERS_RECEIVED', 'NEGOTIATION'];
const DAY_MS = 86_400_000;

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Minutes from each version to the other side's next action, per offer. */
async function responseMinutes(o: Origin, sellerIds?: string[]) {
  const rows = await o.deps.db
    .select({
      offerId: offerVersions.offerId,
      side: offerVersions.side,
      at: offerVersions.createdAt,
      seller: offers.sellerPartnerId,
    })
    .from(offerVersions)
    .innerJoin(offers, eq(offers.id, offerVersions.offerId))
    .where(sellerIds ? inArray(offers.sellerPartnerId, sellerIds) : undefined)
    .orderBy(asc(offerVersions.offerId), asc(offerVersions.version));
  const out: { seller: string; side: string; minutes: number }[] = [];
  for (let i = 1; i < rows.length; i++) {
    const [prev, cur] = [rows[i - 1]!, rows[i]!];
    if (prev.offerId !== cur.offerId || prev.side === cur.side || cur.side === 'SYSTEM') continue;
    out.push({
      seller: cur.seller,
      side: cur.side,
      minutes: (new Date(cur.at).getTime() - new Date(prev.at).getTime()) / 60_000,
    });
  }
  return out;
}

export async function summary(o: Origin, input: z.infer<typeof summaryInput>) {
  const db = o.deps.db;
  const now = o.deps.clock();
  const since = new Date(now.getTime() - input.days * DAY_MS).toISOString();
  const [byState, [value], top, openWithOffers, responses, seriesRows, valueRows] = await Promise.all([
    db.select({ status: trades.status, n: count() }).from(trades).groupBy(trades.status),
    db.select({ total: sum(contracts.value), n: count() }).from(contracts),
    db
      .select({ commodityId: trades.commodityId, name: commodities.name, n: count() })
      .from(trades)
      .innerJoin(commodities, eq(commodities.id, trades.commodityId))
      .groupBy(trades.commodityId, commodities.name)
      .orderBy(desc(count()))
      .limit(5),
    db
      .selectDistinct({ trade: trades, template: commodities.qualityTemplate })
      .from(trades)
      .innerJoin(commodities, eq(commodities.id, trades.commodityId))
      .innerJoin(offers, and(eq(offers.tradeId, trades.id), inArray(offers.status, ['PENDING', 'COUNTERED'])))
      .where(inArray(trades.status, OPEN))
      .limit(50),
    responseMinutes(o),
    db
      .select({
        day: sql<string>`to_char(${trades.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`,
        status: trades.status,
        n: count(),
      })
      .from(trades)
      .where(gte(trades.createdAt, since))
      .groupBy(sql`1`, trades.status),
    db
      .select({
        day: sql<string>`to_char(${contracts.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`,
        total: sum(contracts.value),
      })
      .from(contracts)
      .where(gte(contracts.createdAt, since))
      .groupBy(sql`1`),
  ]);
  const settings = await loadMatchSettings(o.deps.settings);
  const scores: number[] = [];
  for (const r of openWithOffers) {
    const live = await db
      .select()
      .from(offers)
      .where(and(eq(offers.tradeId, r.trade.id), inArray(offers.status, ['PENDING', 'COUNTERED'])));
    const { ranked } = await rankTradeOffers(db, r.trade, r.template, live, settings, now);
    scores.push(...ranked.map((x) => x.score));
  }
  const valueByDay = new Map(valueRows.map((r) => [r.day, r.total ?? '0']));
  const series: { day: string; counts: Record<string, number>; contractValue: string }[] = [];
  for (let d = input.days - 1; d >= 0; d--) {
    const day = new Date(now.getTime() - d * DAY_MS).toISOString().slice(0, 10);
    series.push({
      day,
      counts: Object.fromEntries(seriesRows.filter((r) => r.day === day).map((r) => [r.status, r.n])),
      contractValue: money(valueByDay.get(day) ?? '0'),
    });
  }
  const scoreDistribution: Record<MatchLabel, number> = { Best: 0, Good: 0, Average: 0, Poor: 0 };
  for (const score of scores) scoreDistribution[labelFor(score, settings.labels)] += 1;
  return {
    countsByState: Object.fromEntries(byState.map((r) => [r.status, r.n])) as Record<string, number>,
    contracts: value?.n ?? 0,
    totalValue: money(value?.total ?? '0'),
    averageScore: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
    medianResponseMinutes: median(responses.map((r) => r.minutes)),
    topCommodities: top,
    series,
    /** Live offers on open trades by score label (DOMAIN §6.4 thresholds from settings). */
    scoreDistribution,
  };
}

export async function sellerPerformance(o: Origin, input: z.infer<typeof sellerPerformanceInput>) {
  const db = o.deps.db;
  const where = input.commodityId ? eq(trades.commodityId, input.commodityId) : undefined;
  const rows = await db
    .select({ seller: offers.sellerPartnerId, name: partners.tradeName, status: offers.status, n: count() })
    .from(offers)
    .innerJoin(partners, eq(partners.id, offers.sellerPartnerId))
    .innerJoin(trades, eq(trades.id, offers.tradeId))
    .where(where)
    .groupBy(offers.sellerPartnerId, partners.tradeName, offers.status);
  const values = await db
    .select({ seller: contracts.sellerPartnerId, total: sum(contracts.value) })
    .from(contracts)
    .groupBy(contracts.sellerPartnerId);
  const sellers = [...new Set(rows.map((r) => r.seller))];
  const responses = await responseMinutes(o, sellers.length ? sellers : undefined);
  const all = sellers.map((id) => {
    const mine = rows.filter((r) => r.seller === id);
    const total = mine.reduce((a, r) => a + r.n, 0);
    const accepted = mine.filter((r) => r.status === 'ACCEPTED').reduce((a, r) => a + r.n, 0);
    return {
      sellerPartnerId: id,
      name: mine[0]?.name ?? null,
      offers: total,
      accepted,
      acceptanceRate: total ? Math.round((accepted / total) * 1000) / 10 : 0,
      medianResponseMinutes: median(responses.filter((r) => r.seller === id && r.side === 'SELLER').map((r) => r.minutes)),
      value: money(values.find((v) => v.seller === id)?.total ?? '0'),
    };
  });
  all.sort((a, b) => new Dec(b.value).comparedTo(a.value) || b.offers - a.offers);
  const start = offsetOf(input);
  return { items: all.slice(start, start + input.pageSize), total: all.length, page: input.page, pageSize: input.pageSize };
}
