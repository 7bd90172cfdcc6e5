/**
 * Units of DOMAIN §2. Quantities are in bales, prices in INR per candy; a candy (355.6222 kg) is
 * about 2.09 bales, which is why contract value is NOT bales × price (the earlier system's bug).
 * All results are decimal strings: money to 2 places, quantities to 3.
 */
import { Dec, type DecimalInput, money, quantity } from './decimal';

export const KG_PER_BALE = new Dec('170');
export const KG_PER_CANDY = new Dec('355.6222');
export const KG_PER_QUINTAL = new Dec('100');

/**
 * bales × 170 / 355.6222 × price, rounded half-up to paise once, at the end: intermediate
 * rounding (e.g. of the candy count) would make the value depend on the order of operations.
 */
export function contractValue(bales: DecimalInput, pricePerCandy: DecimalInput): string {
  return money(new Dec(bales).times(KG_PER_BALE).times(pricePerCandy).dividedBy(KG_PER_CANDY));
}

export type Unit = 'BALE' | 'CANDY' | 'QUINTAL' | 'KG';

const KG_PER: Record<Unit, Dec> = { BALE: KG_PER_BALE, CANDY: KG_PER_CANDY, QUINTAL: KG_PER_QUINTAL, KG: new Dec(1) };

/** Converts a quantity between units through kilograms, rounded to 3 places only at the end. */
export function convertQuantity(value: DecimalInput, from: Unit, to: Unit): string {
  return quantity(new Dec(value).times(KG_PER[from]).dividedBy(KG_PER[to]));
}

export const balesToCandies = (bales: DecimalInput) => convertQuantity(bales, 'BALE', 'CANDY');
export const candiesToBales = (candies: DecimalInput) => convertQuantity(candies, 'CANDY', 'BALE');
export const balesToKg = (bales: DecimalInput) => convertQuantity(bales, 'BALE', 'KG');
export const kgToBales = (kg: DecimalInput) => convertQuantity(kg, 'KG', 'BALE');
export const balesToQuintals = (bales: DecimalInput) => convertQuantity(bales, 'BALE', 'QUINTAL');
export const quintalsToBales = (quintals: DecimalInput) => convertQuantity(quintals, 'QUINTAL', 'BALE');

/** A price per `from` unit expressed per `to` unit (e.g. ₹/candy → ₹/quintal), to 2 places. */
export function convertPrice(price: DecimalInput, from: Unit, to: Unit): string {
  return money(new Dec(price).dividedBy(KG_PER[from]).times(KG_PER[to]));
}
