/**
 * Tested-lot lifecycle and quantities, DOMAIN §6.2. A lot's bales are split into available,
 * reserved (by open offers) and sold. DEPLETED means nothing is left at all — bales merely
 * reserved can come back when an offer is rejected, so a fully reserved lot stays ACTIVE.
 */
import { Dec, type DecimalInput, quantity } from './decimal';
import { defineMachine } from './state-machine';

export const LOT_STATES = ['ACTIVE', 'DEPLETED', 'EXPIRED', 'WITHDRAWN'] as const;
export type LotState = (typeof LOT_STATES)[number];

export const LOT_EVENTS = ['DEPLETE', 'EXPIRE', 'WITHDRAW'] as const;
export type LotEvent = (typeof LOT_EVENTS)[number];

export const lotMachine = defineMachine<LotState, LotEvent>({
  noun: 'Lot',
  states: LOT_STATES,
  events: LOT_EVENTS,
  table: {
    ACTIVE: { DEPLETE: 'DEPLETED', EXPIRE: 'EXPIRED', WITHDRAW: 'WITHDRAWN' },
    DEPLETED: {},
    EXPIRED: {},
    WITHDRAWN: {},
  },
});

export type LotQuantities = { available: string; reserved: string; sold: string };

export type LotMove =
  | { ok: true; quantities: LotQuantities; depleted: boolean }
  | { ok: false; code: 'INSUFFICIENT_QUANTITY' | 'BAD_REQUEST'; message: string };

type Move = 'RESERVE' | 'RELEASE' | 'SELL';

/**
 * RESERVE: available → reserved (an offer from the lot); RELEASE: reserved → available (offer
 * rejected, withdrawn or expired); SELL: reserved → sold (offer accepted).
 */
export function moveLotQuantity(q: LotQuantities, move: Move, bales: DecimalInput): LotMove {
  const n = new Dec(bales);
  if (!n.isFinite() || n.lte(0)) return { ok: false, code: 'BAD_REQUEST', message: 'Quantity must be above zero' };
  let available = new Dec(q.available);
  let reserved = new Dec(q.reserved);
  let sold = new Dec(q.sold);
  const source = move === 'RESERVE' ? available : reserved;
  if (n.gt(source)) {
    const which = move === 'RESERVE' ? 'available' : 'reserved';
    return { ok: false, code: 'INSUFFICIENT_QUANTITY', message: `Only ${quantity(source)} bales are ${which} in this lot` };
  }
  if (move === 'RESERVE') [available, reserved] = [available.minus(n), reserved.plus(n)];
  if (move === 'RELEASE') [available, reserved] = [available.plus(n), reserved.minus(n)];
  if (move === 'SELL') [reserved, sold] = [reserved.minus(n), sold.plus(n)];
  return {
    ok: true,
    quantities: { available: quantity(available), reserved: quantity(reserved), sold: quantity(sold) },
    depleted: available.isZero() && reserved.isZero(),
  };
}
