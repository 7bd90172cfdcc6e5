/**
 * Tenant rules of the trade desk, in one place: which partner and side the caller is, and which
 * rows it may see. Partner users see their partner's rows; sub-users only rows of their branches;
 * staff see across partners. Another partner's record is always NOT_FOUND.
 */
import type { Actor } from '../../context';
import { DomainError } from '../../errors';
import type { Side } from './rules/negotiation';

export function callerPartner(actor: Actor): string {
  if (actor.kind !== 'PARTNER' || !actor.partnerId) throw new DomainError('FORBIDDEN', 'Only partner users can do this.');
  return actor.partnerId;
}

/** Sub-users are limited to their branches; a row without a branch belongs to the whole partner (primary users only). */
export function branchAllowed(actor: Actor, branchId: string | null): boolean {
  if (actor.branchIds === null) return true;
  return branchId !== null && actor.branchIds.includes(branchId);
}

export function ownsRow(actor: Actor, partnerId: string, branchId: string | null): boolean {
  return actor.kind === 'PARTNER' && actor.partnerId === partnerId && branchAllowed(actor, branchId);
}

export function isStaffReader(actor: Actor): boolean {
  return actor.kind === 'BACK_OFFICE' && actor.capabilities.has('trade:read');
}

export type OfferParties = {
  buyerPartnerId: string;
  sellerPartnerId: string;
  sellerBranchId: string | null;
  tradeBranchId: string | null;
};

/** Which side the caller stands on for this offer (as a party), or null. */
export function partySide(actor: Actor, o: OfferParties): Side | null {
  if (ownsRow(actor, o.buyerPartnerId, o.tradeBranchId)) return 'BUYER';
  if (ownsRow(actor, o.sellerPartnerId, o.sellerBranchId)) return 'SELLER';
  return null;
}

export function canReadOffer(actor: Actor, o: OfferParties): boolean {
  return isStaffReader(actor) || partySide(actor, o) !== null;
}

/**
 * The side the caller acts for in a negotiation: a party acts for its own side (and needs
 * negotiation:respond); staff need negotiation:act-for and must say which side. Non-parties get NOT_FOUND.
 */
export function actingSide(actor: Actor, o: OfferParties, actAs: Side | undefined): Side {
  if (actor.kind === 'BACK_OFFICE') {
    if (!isStaffReader(actor) && !actor.capabilities.has('negotiation:act-for'))
      throw new DomainError('NOT_FOUND', 'Offer not found.');
    if (!actor.capabilities.has('negotiation:act-for')) {
      throw new DomainError('FORBIDDEN', 'Acting for a party needs the negotiation:act-for permission.');
    }
    if (!actAs)
      throw new DomainError('BAD_REQUEST', 'Say which side you act for.', { fieldErrors: { actAs: ['Choose BUYER or SELLER'] } });
    return actAs;
  }
  const side = partySide(actor, o);
  if (!side) throw new DomainError('NOT_FOUND', 'Offer not found.');
  if (!actor.capabilities.has('negotiation:respond')) {
    throw new DomainError('FORBIDDEN', 'Negotiating needs the negotiation:respond permission.');
  }
  return side;
}
