/**
 * Matching on arrival (DOMAIN §6.4, §6.2): a posted trade is scored against active sellers on
 * what is known (their active lots, certifications, location) and the best are told; a published
 * lot is matched against open trades and their buyers are told. These automatic notifications
 * are rate-limited per user (match-notify.ts); feed events always go out.
 */
import { commodities, type DbOrTx, lots, partners, trades } from '@kapas/db';
import { and, eq, gt, inArray, ne } from 'drizzle-orm';
import { appendFeedEvent } from './events';
import { tradePagePath } from './links';
import { numericTemplate } from './lookups';
import { notifyPartnerOfMatch } from './match-notify';
import { type loadMatchSettings, loadMatchWorld, lotCandidate, sellerFacts, tradeToMatch } from './match-service';
import { type MatchCandidate, matchCandidates } from './rules/matching';

type TradeRow = typeof trades.$inferSelect;
type LotRow = typeof lots.$inferSelect;
type Settings = Awaited<ReturnType<typeof loadMatchSettings>>;

const OPEN = ['POSTED', 'OFFERS_RECEIVED', 'NEGOTIATION'];

async function templateOf(tx: DbOrTx, commodityId: string) {
  const [c] = await tx.select({ t: commodities.qualityTemplate }).from(commodities).where(eq(commodities.id, commodityId));
  return numericTemplate(c?.t ?? []);
}

/** Best score per active seller for a trade; sellers without a lot are scored on location and certificates alone. */
export async function scoreSellersForTrade(
  tx: DbOrTx,
  trade: TradeRow,
  settings: Settings,
  now: Date,
  onlySellers?: readonly string[],
) {
  const world = await loadMatchWorld(tx);
  const match = tradeToMatch(world, trade);
  const sellerRows = await tx
    .select({ id: partners.id })
    .from(partners)
    .where(
      and(
        eq(partners.status, 'ACTIVE'),
        inArray(partners.businessType, ['SELLER', 'TRADER']),
        ne(partners.id, trade.buyerPartnerId),
        onlySellers ? inArray(partners.id, [...onlySellers]) : undefined,
      ),
    );
  const ids = sellerRows.map((r) => r.id);
  if (ids.length === 0) return [];
  const facts = await sellerFacts(tx, world, ids, now);
  const activeLots = await tx
    .select()
    .from(lots)
    .where(
      and(
        inArray(lots.sellerPartnerId, ids),
        eq(lots.status, 'ACTIVE'),
        eq(lots.commodityId, trade.commodityId),
        gt(lots.validUntil, now.toISOString()),
      ),
    );
  const price = trade.targetPrice ?? '1';
  const candidates: MatchCandidate[] = activeLots.map((l) =>
    lotCandidate(l, facts.get(l.sellerPartnerId), world, l.askingPrice ?? price, match),
  );
  const withLot = new Set(activeLots.map((l) => l.sellerPartnerId));
  for (const id of ids) {
    if (withLot.has(id)) continue;
    const f = facts.get(id);
    candidates.push({
      id: `seller:${id}`,
      commodityId: trade.commodityId,
      sellerPartnerId: id,
      sellerStatus: f?.status ?? 'UNKNOWN',
      sellerType: f?.businessType ?? 'SELLER',
      price,
      availableQuantity: trade.quantity,
      values: {},
      certificates: f?.certificates ?? [],
      location: f?.home ?? { stateCode: '' },
      deliveryTerm: match.deliveryTerm,
      paymentTerm: match.paymentTerm,
      offeredAt: now,
    });
  }
  const { ranked } = matchCandidates(match, candidates, { template: await templateOf(tx, trade.commodityId), now, settings });
  const best = new Map<string, { sellerPartnerId: string; score: number; label: string; lotId: string | null }>();
  for (const s of ranked) {
    if (!best.has(s.candidate.sellerPartnerId)) {
      best.set(s.candidate.sellerPartnerId, {
        sellerPartnerId: s.candidate.sellerPartnerId,
        score: s.score,
        label: s.label,
        lotId: s.candidate.lotId ?? null,
      });
    }
  }
  return [...best.values()];
}

/**
 * How a seller is told about a trade: `trade.matched` by pre-matching or a staff force-match,
 * `trade.invited` by a staff invitation. `limitPerMinute` null = an explicit staff action, always
 * delivered; `message` is the staff member's own words, if any (notification body and feed event).
 */
export type TellSeller = {
  kind: 'trade.matched' | 'trade.invited';
  limitPerMinute: number | null;
  message?: string | null | undefined;
};

export async function tellSellerAboutTrade(
  tx: DbOrTx,
  trade: TradeRow,
  seller: { sellerPartnerId: string; score: number | null; label: string | null },
  now: Date,
  how: TellSeller,
) {
  const { kind, message } = how;
  await appendFeedEvent(tx, seller.sellerPartnerId, kind, {
    tradeId: trade.id,
    tradeNumber: trade.number,
    score: seller.score,
    label: seller.label,
    quantity: trade.quantity,
    urgency: trade.urgency,
    validUntil: new Date(trade.validUntil).toISOString(),
    ...(message ? { message } : {}),
  });
  await notifyPartnerOfMatch(
    tx,
    seller.sellerPartnerId,
    {
      kind,
      title: kind === 'trade.invited' ? `You are invited to offer on ${trade.number}` : `New trade ${trade.number} matches you`,
      body:
        message ||
        `${trade.quantity} bales wanted${seller.score !== null ? `; your match score ${seller.score} (${seller.label})` : ''}.`,
      link: tradePagePath(trade.id),
      data: { tradeId: trade.id, score: seller.score },
      email: true,
      now,
    },
    how.limitPerMinute,
  );
}

export async function preMatchTrade(tx: DbOrTx, trade: TradeRow, settings: Settings, now: Date): Promise<number> {
  if (settings.preMatchNotify <= 0) return 0;
  const scored = await scoreSellersForTrade(tx, trade, settings, now);
  const best = scored.slice(0, settings.preMatchNotify);
  for (const s of best)
    await tellSellerAboutTrade(tx, trade, s, now, { kind: 'trade.matched', limitPerMinute: settings.perUserPerMinute });
  return best.length;
}

/** A new lot against open trades of its commodity; the buyers of matching trades are told. */
export async function matchLotToTrades(tx: DbOrTx, lot: LotRow, settings: Settings, now: Date): Promise<number> {
  const open = await tx
    .select()
    .from(trades)
    .where(
      and(
        eq(trades.commodityId, lot.commodityId),
        inArray(trades.status, OPEN),
        gt(trades.validUntil, now.toISOString()),
        ne(trades.buyerPartnerId, lot.sellerPartnerId),
      ),
    );
  if (open.length === 0) return 0;
  const world = await loadMatchWorld(tx);
  const facts = await sellerFacts(tx, world, [lot.sellerPartnerId], now);
  const template = await templateOf(tx, lot.commodityId);
  let told = 0;
  for (const trade of open) {
    const match = tradeToMatch(world, trade);
    const candidate = lotCandidate(
      lot,
      facts.get(lot.sellerPartnerId),
      world,
      lot.askingPrice ?? trade.targetPrice ?? '1',
      match,
    );
    const { ranked } = matchCandidates(match, [candidate], { template, now, settings });
    const s = ranked[0];
    if (!s) continue;
    told++;
    await appendFeedEvent(tx, trade.buyerPartnerId, 'lot.matched', {
      lotId: lot.id,
      lotNumber: lot.number,
      tradeId: trade.id,
      tradeNumber: trade.number,
      tradeBranchId: trade.branchId,
      score: s.score,
      label: s.label,
      available: lot.available,
    });
    await notifyPartnerOfMatch(
      tx,
      trade.buyerPartnerId,
      {
        kind: 'lot.matched',
        title: `Tested lot ${lot.number} matches ${trade.number}`,
        body: `${lot.available} bales available; match score ${s.score} (${s.label}).`,
        link: tradePagePath(trade.id),
        data: { lotId: lot.id, tradeId: trade.id, score: s.score },
        email: true,
        now,
      },
      settings.perUserPerMinute,
    );
  }
  return told;
}
