/**
 * Brokerage commission (DOMAIN §3): a percentage of contract value (0–100, up to 4 places) or an
 * amount in INR per bale (0 or more, 2 places). Pure and browser-safe.
 */
import type { FieldErrors } from '../../../errors';

export const COMMISSION_BASES = ['PERCENT', 'PER_BALE'] as const;
export type CommissionBasis = (typeof COMMISSION_BASES)[number];
export const COMMISSION_SIDES = ['BUYER', 'SELLER', 'BOTH'] as const;
export type CommissionSide = (typeof COMMISSION_SIDES)[number];

const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;
const PER_BALE = /^\d{1,8}(\.\d{1,2})?$/;

/** Field errors for the rate given its basis. */
export function commissionRateErrors(basis: CommissionBasis, rate: string): FieldErrors {
  if (basis === 'PERCENT') {
    if (!PERCENT.test(rate) || Number(rate) > 100) return { rate: ['A percentage is from 0 to 100 with up to 4 decimals'] };
    return {};
  }
  if (!PER_BALE.test(rate)) return { rate: ['An amount per bale is 0 or more INR with up to 2 decimals'] };
  return {};
}
