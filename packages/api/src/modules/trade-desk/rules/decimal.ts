/**
 * The one Decimal constructor of the trade-desk rules: a private clone, so no other module's
 * global Decimal settings leak in, with enough precision that dividing by the candy weight and
 * multiplying by a price never loses a digit that could move the final 2-place rounding.
 */
import DecimalJs from 'decimal.js';

export const Dec = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;
export type DecimalInput = string | number | Dec;

/** Money: INR to 2 places, half-up (DOMAIN §2). */
export function money(value: DecimalInput): string {
  return new Dec(value).toFixed(2, Dec.ROUND_HALF_UP);
}

/** Quantities (bales, kg, candies): 3 places, half-up (DOMAIN §2). */
export function quantity(value: DecimalInput): string {
  return new Dec(value).toFixed(3, Dec.ROUND_HALF_UP);
}
