/**
 * Trade lifecycle, DOMAIN §6.1. Offers arriving and negotiating move the trade forward; split
 * acceptance keeps it open (self-transition) until fully allocated, then AGREED. EXPIRED and
 * CANCELLED happen only while nothing is agreed — a partly allocated trade cannot be cancelled
 * because a binding contract already exists for part of it.
 */
import { Dec, type DecimalInput, quantity } from './decimal';
import { defineMachine } from './state-machine';

export const TRADE_STATES = [
  'DRAFT',
  'POSTED',
  'OFFERS_RECEIVED',
  'NEGOTIATION',
  'AGREED',
  'COMPLETED',
  'EXPIRED',
  'CANCELLED',
] as const;
export type TradeState = (typeof TRADE_STATES)[number];

export const TRADE_EVENTS = [
  'POST',
  'OFFER_RECEIVED',
  'COUNTER',
  'PARTLY_ALLOCATED',
  'FULLY_ALLOCATED',
  'COMPLETE',
  'EXPIRE',
  'CANCEL',
] as const;
export type TradeEvent = (typeof TRADE_EVENTS)[number];

const open = (self: TradeState) =>
  ({
    OFFER_RECEIVED: self === 'POSTED' ? 'OFFERS_RECEIVED' : self,
    COUNTER: 'NEGOTIATION',
    PARTLY_ALLOCATED: self,
    FULLY_ALLOCATED: 'AGREED',
    EXPIRE: 'EXPIRED',
    CANCEL: 'CANCELLED',
  }) as const;

export const tradeMachine = defineMachine<TradeState, TradeEvent>({
  noun: 'Trade',
  states: TRADE_STATES,
  events: TRADE_EVENTS,
  table: {
    DRAFT: { POST: 'POSTED', CANCEL: 'CANCELLED' },
    // Nothing can be countered or accepted before an offer exists.
    POSTED: { OFFER_RECEIVED: 'OFFERS_RECEIVED', EXPIRE: 'EXPIRED', CANCEL: 'CANCELLED' },
    OFFERS_RECEIVED: open('OFFERS_RECEIVED'),
    NEGOTIATION: open('NEGOTIATION'),
    AGREED: { COMPLETE: 'COMPLETED' },
    COMPLETED: {},
    EXPIRED: {},
    CANCELLED: {},
  },
  codeFor: (state) =>
    state === 'EXPIRED' ? 'TRADE_EXPIRED' : state === 'DRAFT' || state === 'POSTED' ? 'CONFLICT' : 'TRADE_CLOSED',
});

/** States in which sellers may still offer (split acceptance keeps a partly filled trade open). */
export function acceptsOffers(state: TradeState): boolean {
  return tradeMachine.can(state, 'OFFER_RECEIVED');
}

/**
 * Cancellation needs the state to allow it AND nothing allocated yet (DOMAIN §6.1: "only while
 * nothing is agreed").
 */
export function cancelTrade(state: TradeState, allocatedBales: DecimalInput) {
  if (new Dec(allocatedBales).gt(0)) {
    return {
      ok: false as const,
      error: {
        code: 'TRADE_CLOSED' as const,
        state,
        event: 'CANCEL' as const,
        message: `Trade has ${quantity(allocatedBales)} bales under contract and cannot be cancelled`,
      },
    };
  }
  return tradeMachine.transition(state, 'CANCEL');
}
