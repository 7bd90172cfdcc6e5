/**
 * Hard filters of DOMAIN §6.4: a candidate failing any of them is not scored at all. Every
 * failing reason is returned (not just the first) so the back office can explain a non-match.
 */
import type { DomainErrorCode } from '../../../errors';
import type { CandidateCertificate, FilterReason, MatchCandidate, MatchTrade, TemplateParameter } from './match-types';

/** The DOMAIN §10 code a service raises when a user insists on an excluded candidate. */
export const FILTER_ERROR_CODE: Record<FilterReason, DomainErrorCode> = {
  COMMODITY_MISMATCH: 'BAD_REQUEST',
  OWN_TRADE: 'FORBIDDEN',
  PARTNER_NOT_ACTIVE: 'PARTNER_NOT_ACTIVE',
  CERTIFICATE_MISMATCH: 'CERTIFICATE_MISMATCH',
  INSUFFICIENT_QUANTITY: 'INSUFFICIENT_QUANTITY',
  PARAMETERS_OUT_OF_RANGE: 'PARAMETERS_OUT_OF_RANGE',
  LOCATION_MISMATCH: 'LOCATION_MISMATCH',
};

/** Only verified, unexpired certifications the seller chose to show in trade count (DOMAIN §4). */
export function certificateCounts(c: CandidateCertificate, now: Date): boolean {
  return c.status === 'VERIFIED' && c.visibleInTrade && (c.expiresAt === null || c.expiresAt.getTime() > now.getTime());
}

function holdsAll(required: readonly string[], held: readonly CandidateCertificate[], now: Date): boolean {
  for (const type of required) {
    let found = false;
    for (const c of held) {
      if (c.type === type && certificateCounts(c, now)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** Reported values must lie inside the commodity's bounds; an unreported value is scored, not filtered. */
function insideBounds(values: MatchCandidate['values'], template: readonly TemplateParameter[]): boolean {
  for (const p of template) {
    const v = values[p.name];
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(v) || v < p.min || v > p.max) return false;
  }
  return true;
}

/**
 * Reasons the candidate cannot match, empty when it can. Quantity: anything above zero passes,
 * because split acceptance lets a trade be filled by several smaller offers.
 */
export function filterReasons(
  trade: MatchTrade,
  c: MatchCandidate,
  template: readonly TemplateParameter[],
  now: Date,
): readonly FilterReason[] {
  // Allocated only on the first failure: most candidates pass, and P4 scores 10,000 of them.
  let reasons: FilterReason[] | null = null;
  if (c.commodityId !== trade.commodityId) reasons = add(reasons, 'COMMODITY_MISMATCH');
  if (c.sellerPartnerId === trade.buyerPartnerId) reasons = add(reasons, 'OWN_TRADE');
  if (c.sellerStatus !== 'ACTIVE') reasons = add(reasons, 'PARTNER_NOT_ACTIVE');
  if (trade.requiredCertificates.length > 0 && !holdsAll(trade.requiredCertificates, c.certificates, now)) {
    reasons = add(reasons, 'CERTIFICATE_MISMATCH');
  }
  if (!(Number(c.availableQuantity) > 0)) reasons = add(reasons, 'INSUFFICIENT_QUANTITY');
  if (!insideBounds(c.values, template)) reasons = add(reasons, 'PARAMETERS_OUT_OF_RANGE');
  if (trade.stationOnly && (!trade.location.stationId || c.location.stationId !== trade.location.stationId)) {
    reasons = add(reasons, 'LOCATION_MISMATCH');
  }
  return reasons ?? NONE;
}

const NONE: readonly FilterReason[] = Object.freeze([]);

function add(reasons: FilterReason[] | null, reason: FilterReason): FilterReason[] {
  if (reasons === null) return [reason];
  reasons.push(reason);
  return reasons;
}
