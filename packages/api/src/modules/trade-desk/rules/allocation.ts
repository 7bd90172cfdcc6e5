/**
 * Split acceptance (DOMAIN §6.1): several sellers may fill one trade; the accepted quantities
 * never sum above the trade quantity. Decimal arithmetic so 0.1 + 0.2 bales cannot overshoot.
 */
import { Dec, type DecimalInput, quantity } from './decimal';

export type Allocation =
  | { ok: true; allocated: string; remaining: string; fullyAllocated: boolean }
  | { ok: false; code: 'INSUFFICIENT_QUANTITY' | 'BAD_REQUEST'; message: string; remaining: string };

export function allocate(tradeQty: DecimalInput, allocatedQty: DecimalInput, acceptQty: DecimalInput): Allocation {
  const total = new Dec(tradeQty);
  const before = new Dec(allocatedQty);
  const accept = new Dec(acceptQty);
  const remaining = total.minus(before);
  if (!accept.isFinite() || accept.lte(0)) {
    return { ok: false, code: 'BAD_REQUEST', message: 'Accepted quantity must be above zero', remaining: quantity(remaining) };
  }
  if (accept.gt(remaining)) {
    return {
      ok: false,
      code: 'INSUFFICIENT_QUANTITY',
      message: `Only ${quantity(remaining)} bales remain open on this trade`,
      remaining: quantity(remaining.isNeg() ? 0 : remaining),
    };
  }
  const after = before.plus(accept);
  return { ok: true, allocated: quantity(after), remaining: quantity(total.minus(after)), fullyAllocated: after.eq(total) };
}
