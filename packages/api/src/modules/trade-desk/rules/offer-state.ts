/**
 * Offer lifecycle, DOMAIN §6.3: PENDING → COUNTERED → … → ACCEPTED | REJECTED | WITHDRAWN | EXPIRED.
 * Terminal states never change. Turn and version rules live in negotiation.ts; this table only
 * says which events a status admits.
 */
import { defineMachine } from './state-machine';

export const OFFER_STATES = ['PENDING', 'COUNTERED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'] as const;
export type OfferState = (typeof OFFER_STATES)[number];

export const OFFER_EVENTS = ['COUNTER', 'ACCEPT', 'REJECT', 'WITHDRAW', 'EXPIRE'] as const;
export type OfferEvent = (typeof OFFER_EVENTS)[number];

const live = { COUNTER: 'COUNTERED', ACCEPT: 'ACCEPTED', REJECT: 'REJECTED', WITHDRAW: 'WITHDRAWN', EXPIRE: 'EXPIRED' } as const;

export const offerMachine = defineMachine<OfferState, OfferEvent>({
  noun: 'Offer',
  states: OFFER_STATES,
  events: OFFER_EVENTS,
  table: { PENDING: live, COUNTERED: live, ACCEPTED: {}, REJECTED: {}, WITHDRAWN: {}, EXPIRED: {} },
  codeFor: (state) => (state === 'EXPIRED' ? 'OFFER_EXPIRED' : 'CONFLICT'),
});

export function isLiveOffer(state: OfferState): boolean {
  return state === 'PENDING' || state === 'COUNTERED';
}
