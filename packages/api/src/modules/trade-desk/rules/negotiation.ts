/**
 * Negotiation rules of DOMAIN §6.3, as a pure reducer over an offer's version history. The
 * service loads the offer, calls applyAction, and writes the result with a conditional UPDATE on
 * the version it read; two racing requests therefore cannot both pass these rules for one version.
 *
 * Order of checks, and why: a terminal offer answers first (nothing can change it); then expiry
 * (an offer past its validity is dead even if nobody has marked it yet); then the version (a
 * client acting on an old screen must refresh before anything else matters); then whose turn it is.
 */
import type { DomainErrorCode } from '../../../errors';
import { Dec } from './decimal';
import { isLiveOffer, type OfferState, offerMachine } from './offer-state';

export type Side = 'BUYER' | 'SELLER';

export type Terms = {
  /** INR per candy, decimal string. */
  price: string;
  /** Bales, decimal string. */
  quantity: string;
  validUntil: Date;
  message?: string;
};

export type OfferVersion = Terms & { version: number; by: Side; at: Date };

export type Negotiation = {
  status: OfferState;
  /** Oldest first; version numbers are 1, 2, 3 … */
  versions: readonly OfferVersion[];
  lastActivityAt: Date;
  /** The version whose terms became binding, once ACCEPTED. */
  acceptedVersion?: number;
  closedBy?: Side | 'SYSTEM';
};

export type NegotiationAction =
  | { type: 'COUNTER'; by: Side; answersVersion: number; terms: Terms }
  | { type: 'ACCEPT' | 'REJECT' | 'WITHDRAW'; by: Side; answersVersion: number }
  | { type: 'EXPIRE' };

export type NegotiationPolicy = {
  /** No activity for this long expires the offer; 48 h by default (a setting). */
  inactivityMs: number;
};

export const DEFAULT_NEGOTIATION_POLICY: NegotiationPolicy = { inactivityMs: 48 * 60 * 60 * 1000 };

export type NegotiationError = { code: DomainErrorCode; message: string };
export type NegotiationResult = { ok: true; state: Negotiation } | { ok: false; error: NegotiationError };

const fail = (code: DomainErrorCode, message: string): NegotiationResult => ({ ok: false, error: { code, message } });

/** Version 1 is the seller's offer. */
export function openNegotiation(terms: Terms, now: Date): Negotiation {
  return { status: 'PENDING', versions: [{ ...terms, version: 1, by: 'SELLER', at: now }], lastActivityAt: now };
}

export function latestVersion(state: Negotiation): OfferVersion {
  const latest = state.versions.at(-1);
  if (!latest) throw new Error('A negotiation always has version 1');
  return latest;
}

/** The side expected to answer next, or null once the offer is closed. */
export function turnOf(state: Negotiation): Side | null {
  if (!isLiveOffer(state.status)) return null;
  return latestVersion(state).by === 'SELLER' ? 'BUYER' : 'SELLER';
}

/** Validity of the latest version passed, or nobody acted for `inactivityMs`. */
export function isExpiredAt(state: Negotiation, now: Date, policy: NegotiationPolicy = DEFAULT_NEGOTIATION_POLICY): boolean {
  const t = now.getTime();
  return t >= latestVersion(state).validUntil.getTime() || t - state.lastActivityAt.getTime() >= policy.inactivityMs;
}

function termsError(terms: Terms, now: Date): NegotiationResult | null {
  const price = new Dec(terms.price);
  const quantity = new Dec(terms.quantity);
  if (!price.isFinite() || price.lte(0)) return fail('BAD_REQUEST', 'Price must be above zero');
  if (!quantity.isFinite() || quantity.lte(0)) return fail('BAD_REQUEST', 'Quantity must be above zero');
  if (terms.validUntil.getTime() <= now.getTime()) return fail('BAD_REQUEST', 'Validity must be in the future');
  return null;
}

export function applyAction(
  state: Negotiation,
  action: NegotiationAction,
  now: Date,
  policy: NegotiationPolicy = DEFAULT_NEGOTIATION_POLICY,
): NegotiationResult {
  if (!isLiveOffer(state.status)) {
    // The offer table has no exits from terminal states; its error code says which (OFFER_EXPIRED or CONFLICT).
    const closed = offerMachine.transition(state.status, action.type);
    const code = closed.ok ? 'INTERNAL' : closed.error.code;
    return fail(code, `Offer is ${state.status} and can no longer change`);
  }
  const expired = isExpiredAt(state, now, policy);
  if (action.type === 'EXPIRE') {
    if (!expired) return fail('CONFLICT', 'Offer is still within its validity');
    return { ok: true, state: { ...state, status: 'EXPIRED', closedBy: 'SYSTEM' } };
  }
  if (expired) return fail('OFFER_EXPIRED', 'Offer has expired');

  const latest = latestVersion(state);
  if (action.answersVersion !== latest.version) {
    return fail('STALE_VERSION', `Offer has moved on to version ${latest.version}; refresh and try again`);
  }
  // Withdrawing is the seller taking their offer back, possible at any turn; the buyer rejects instead.
  if (action.type === 'WITHDRAW') {
    if (action.by !== 'SELLER') return fail('FORBIDDEN', 'Only the seller can withdraw an offer; reject it instead');
    return { ok: true, state: { ...state, status: 'WITHDRAWN', lastActivityAt: now, closedBy: 'SELLER' } };
  }
  if (action.by === latest.by) {
    return fail('NOT_YOUR_TURN', `Version ${latest.version} is yours; wait for the other side to answer`);
  }
  if (action.type === 'COUNTER') {
    const invalid = termsError(action.terms, now);
    if (invalid) return invalid;
    const version: OfferVersion = { ...action.terms, version: latest.version + 1, by: action.by, at: now };
    return { ok: true, state: { ...state, status: 'COUNTERED', versions: [...state.versions, version], lastActivityAt: now } };
  }
  if (action.type === 'ACCEPT') {
    return {
      ok: true,
      state: { ...state, status: 'ACCEPTED', acceptedVersion: latest.version, lastActivityAt: now, closedBy: action.by },
    };
  }
  return { ok: true, state: { ...state, status: 'REJECTED', lastActivityAt: now, closedBy: action.by } };
}
