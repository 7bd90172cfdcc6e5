/** Back-office trade desk (DOMAIN §6.6): trade list, force-match/invite, alerts. Figures: back-office-stats.ts. */
import { commodities, offers, partners, trades } from '@kapas/db';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { offsetOf, type Page } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { loadMatchSettings } from './match-service';
import { auditOrigin, type Origin } from './origin';
import { scoreSellersForTrade, tellSellerAboutTrade } from './pre-match';
import { Dec, money } from './rules/decimal';
import { contractValue } from './rules/units';
import type { boTradesInput, inviteSellersInput } from './schemas';
import { type TradeView, tradeView } from './views';

const OPEN = ['POSTED', 'OFFERS_RECEIVED', 'NEGOTIATION'];
const DAY_MS = 86_400_000;
/** Used when the high-value approval setting is 0 (off): one crore. */
export const DEFAULT_HIGH_VALUE_INR = 10_000_000;

export async function listTrades(o: Origin, input: z.infer<typeof boTradesInput>): Promise<Page<TradeView>> {
  const filters: (SQL | undefined)[] = [];
  if (input.status?.length) filters.push(inArray(trades.status, input.status));
  if (input.commodityId) filters.push(eq(trades.commodityId, input.commodityId));
  if (input.buyerPartnerId) filters.push(eq(trades.buyerPartnerId, input.buyerPartnerId));
  if (input.urgency) filters.push(eq(trades.urgency, input.urgency));
  if (input.search) {
    const p = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(trades.number, p), ilike(partners.legalName, p), ilike(partners.tradeName, p)));
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    o.deps.db
      .select({ trade: trades, commodity: commodities.name, buyer: partners.tradeName })
      .from(trades)
      .innerJoin(commodities, eq(commodities.id, trades.commodityId))
      .innerJoin(partners, eq(partners.id, trades.buyerPartnerId))
      .where(where)
      .orderBy(desc(trades.createdAt))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    o.deps.db.select({ n: count() }).from(trades).innerJoin(partners, eq(partners.id, trades.buyerPartnerId)).where(where),
  ]);
  return {
    items: rows.map((r) => tradeView(r.trade, { commodity: r.commodity, buyer: r.buyer })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/**
 * Force-match / invite (DOMAIN §6.6): notify chosen sellers about a trade even outside its
 * location; audited. Both are explicit staff actions naming the sellers, so every notification is
 * delivered whatever the per-minute limit on automatic match notices (§6.4); the staff member's
 * message, if any, is the notification body and travels in the feed event.
 */
export async function notifySellers(
  o: Origin,
  input: z.infer<typeof inviteSellersInput>,
  kind: 'trade.matched' | 'trade.invited',
) {
  const settings = await loadMatchSettings(o.deps.settings);
  return transact(o.deps, async (tx) => {
    const now = o.deps.clock();
    const [trade] = await tx.select().from(trades).where(eq(trades.id, input.tradeId));
    if (!trade) throw new DomainError('NOT_FOUND', 'Trade not found.');
    if (!OPEN.includes(trade.status))
      throw new DomainError('TRADE_CLOSED', `Trade is ${trade.status}; nobody can offer on it.`, { state: trade.status });
    const sellers = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(and(inArray(partners.id, input.sellerPartnerIds), inArray(partners.businessType, ['SELLER', 'TRADER'])));
    if (sellers.length !== new Set(input.sellerPartnerIds).size) {
      throw new DomainError('BAD_REQUEST', 'Some chosen partners are not sellers or traders.', {
        fieldErrors: { sellerPartnerIds: ['Only sellers and traders'] },
      });
    }
    const scored = await scoreSellersForTrade(tx, trade, settings, now, input.sellerPartnerIds);
    for (const id of input.sellerPartnerIds) {
      const s = scored.find((x) => x.sellerPartnerId === id);
      await tellSellerAboutTrade(
        tx,
        trade,
        { sellerPartnerId: id, score: s?.score ?? null, label: s?.label ?? null },
        now,
        // A staff member chose these sellers: never swallowed by the automatic notices' limit.
        { kind, limitPerMinute: null, message: input.message },
      );
    }
    await appendAudit(tx, auditOrigin(o, now), {
      action: kind === 'trade.invited' ? 'trade.inviteSeller' : 'trade.forceMatch',
      entityType: 'trade',
      entityId: trade.id,
      partnerId: trade.buyerPartnerId,
      newValues: { sellerPartnerIds: input.sellerPartnerIds, message: input.message ?? null },
    });
    return { notified: input.sellerPartnerIds.length, scores: scored };
  });
}

export async function alerts(o: Origin) {
  const db = o.deps.db;
  const now = o.deps.clock();
  const threshold = (await o.deps.settings.optionalNumber('approval.highValueTradeInr', null)) ?? DEFAULT_HIGH_VALUE_INR;
  const open = await db
    .select({ trade: trades, buyer: partners.tradeName })
    .from(trades)
    .innerJoin(partners, eq(partners.id, trades.buyerPartnerId))
    .where(inArray(trades.status, OPEN))
    .orderBy(asc(trades.validUntil))
    .limit(500);
  const soon = open.filter((r) => new Date(r.trade.validUntil).getTime() <= now.getTime() + DAY_MS);
  const soonIds = soon.map((r) => r.trade.id);
  const withOffers = soonIds.length
    ? new Set(
        (await db.selectDistinct({ id: offers.tradeId }).from(offers).where(inArray(offers.tradeId, soonIds))).map((r) => r.id),
      )
    : new Set<string>();
  const items: {
    kind: 'HIGH_VALUE' | 'EXPIRING_NO_OFFERS' | 'URGENT';
    tradeId: string;
    tradeNumber: string;
    buyerName: string | null;
    detail: string;
  }[] = [];
  for (const r of open) {
    const t = r.trade;
    const estimate = t.targetPrice ? contractValue(t.quantity, t.targetPrice) : null;
    if (estimate && new Dec(estimate).gt(threshold)) {
      items.push({
        kind: 'HIGH_VALUE',
        tradeId: t.id,
        tradeNumber: t.number,
        buyerName: r.buyer,
        detail: `Estimated value ₹${estimate}`,
      });
    }
    if (soonIds.includes(t.id) && !withOffers.has(t.id)) {
      items.push({
        kind: 'EXPIRING_NO_OFFERS',
        tradeId: t.id,
        tradeNumber: t.number,
        buyerName: r.buyer,
        detail: `Expires ${new Date(t.validUntil).toISOString()}`,
      });
    }
    if (t.urgency === 'URGENT')
      items.push({ kind: 'URGENT', tradeId: t.id, tradeNumber: t.number, buyerName: r.buyer, detail: 'Marked urgent' });
  }
  return { threshold: money(threshold), items };
}
