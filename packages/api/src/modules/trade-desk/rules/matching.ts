/**
 * Matching and scores, DOMAIN §6.4: hard filters, then
 * score = round(wq·quality + wp·price + wl·location + wt·terms) with per-commodity weights,
 * a label, and the breakdown with per-parameter deviations. Work that depends only on the trade
 * (joining ranges with the template, the lowest price) is done once, so scoring 10,000
 * candidates costs a few milliseconds (QUALITY P4).
 */
import { filterReasons } from './match-filters';
import { locationScore } from './match-location';
import { type PreparedRange, prepareRanges, qualityWithDeviations } from './match-quality';
import { labelFor, rankScored } from './match-ranking';
import {
  DEFAULT_MATCH_SETTINGS,
  type ExcludedCandidate,
  type MatchCandidate,
  type MatchSettings,
  type MatchTrade,
  type ScoredCandidate,
  type ScoreWeights,
  type TemplateParameter,
} from './match-types';

export { FILTER_ERROR_CODE, filterReasons } from './match-filters';
export { haversineKm, locationScore } from './match-location';
export { parameterScore, prepareRanges, qualityScore } from './match-quality';
export { compareScored, labelFor, rankScored } from './match-ranking';
export * from './match-types';

export type MatchContext = {
  template: readonly TemplateParameter[];
  now: Date;
  settings?: MatchSettings;
  /**
   * Lowest live offer price on the trade (INR/candy), used when the trade has no target. When
   * omitted, the lowest price among the eligible candidates passed in is used.
   */
  lowestLivePrice?: string | null;
};

/** With a target: ≤ target 100, above it falls 1 point per 1 % over, floored at 0. Without: lowest / price × 100. */
export function priceScore(price: number, target: number | null, lowest: number | null): number {
  if (!(price > 0)) return 0;
  if (target !== null && target > 0) return price <= target ? 100 : Math.max(0, 100 - (100 * (price - target)) / target);
  if (lowest === null || !(lowest > 0)) return 100;
  return Math.min(100, (lowest / price) * 100);
}

export function termsScore(trade: MatchTrade, c: MatchCandidate): number {
  return (c.deliveryTerm === trade.deliveryTerm ? 50 : 0) + (c.paymentTerm === trade.paymentTerm ? 50 : 0);
}

/**
 * Weights are normalised by their sum so a mis-set commodity setting cannot push a score past
 * 100; with the spec's weights (sum 1) this is the plain formula. The tiny epsilon stops binary
 * floating point from turning an exact x.5 into x.49999… before rounding half up.
 */
export function combineScores(q: number, p: number, l: number, t: number, w: ScoreWeights): number {
  const sum = w.quality + w.price + w.location + w.terms;
  if (!(sum > 0)) return 0;
  const raw = (w.quality * q + w.price * p + w.location * l + w.terms * t) / sum;
  return Math.min(100, Math.max(0, Math.floor(raw + 0.5 + 1e-9)));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

type Prepared = {
  trade: MatchTrade;
  ranges: PreparedRange[];
  target: number | null;
  lowest: number | null;
  settings: MatchSettings;
};

function scoreOne(p: Prepared, c: MatchCandidate, priceNumber: number): ScoredCandidate {
  const { quality, parameters } = qualityWithDeviations(c.values, p.ranges);
  const price = priceScore(priceNumber, p.target, p.lowest);
  const location = locationScore(p.trade.location, c.location, c.sellerType);
  const terms = termsScore(p.trade, c);
  const score = combineScores(quality, price, location.score, terms, p.settings.weights);
  return {
    candidate: c,
    score,
    label: labelFor(score, p.settings.labels),
    breakdown: {
      quality: round2(quality),
      price: round2(price),
      location: round2(location.score),
      terms,
      locationBasis: location.basis,
      distanceKm: location.distanceKm === null ? null : round2(location.distanceKm),
      deliveryTermMatches: c.deliveryTerm === p.trade.deliveryTerm,
      paymentTermMatches: c.paymentTerm === p.trade.paymentTerm,
    },
    parameters,
  };
}

function lowestPrice(prices: ArrayLike<number>): number | null {
  let lowest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < prices.length; i++) {
    const price = prices[i]!;
    if (price > 0 && price < lowest) lowest = price;
  }
  return Number.isFinite(lowest) ? lowest : null;
}

/** Scores one candidate without filtering (e.g. to explain a score on the offer screen). */
export function scoreCandidate(trade: MatchTrade, c: MatchCandidate, ctx: MatchContext): ScoredCandidate {
  const price = Number(c.price);
  return scoreOne(prepare(trade, [price], ctx), c, price);
}

function prepare(trade: MatchTrade, eligiblePrices: ArrayLike<number>, ctx: MatchContext): Prepared {
  const target = trade.targetPrice ? Number(trade.targetPrice) : null;
  const lowest = ctx.lowestLivePrice ? Number(ctx.lowestLivePrice) : lowestPrice(eligiblePrices);
  return {
    trade,
    ranges: prepareRanges(trade.ranges, ctx.template),
    target,
    lowest,
    settings: ctx.settings ?? DEFAULT_MATCH_SETTINGS,
  };
}

/** Filters, scores and ranks candidates against one trade: best first, excluded ones with their reasons. */
export function matchCandidates(
  trade: MatchTrade,
  candidates: readonly MatchCandidate[],
  ctx: MatchContext,
): { ranked: ScoredCandidate[]; excluded: ExcludedCandidate[] } {
  const eligible: MatchCandidate[] = [];
  const excluded: ExcludedCandidate[] = [];
  for (const c of candidates) {
    const reasons = filterReasons(trade, c, ctx.template, ctx.now);
    if (reasons.length === 0) eligible.push(c);
    else excluded.push({ candidate: c, reasons });
  }
  // Prices are parsed once and shared by the lowest-price scan, scoring and ranking.
  const prices = new Float64Array(eligible.length);
  for (let i = 0; i < eligible.length; i++) prices[i] = Number(eligible[i]!.price);
  const prepared = prepare(trade, prices, ctx);
  const scored: ScoredCandidate[] = new Array(eligible.length);
  for (let i = 0; i < eligible.length; i++) scored[i] = scoreOne(prepared, eligible[i]!, prices[i]!);
  return { ranked: rankScored(scored, prices), excluded };
}
