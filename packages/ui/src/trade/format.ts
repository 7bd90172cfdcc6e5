/**
 * Trade-desk number formatting (DOMAIN §2): quantities in bales (3 places), prices in INR per
 * candy and values in INR (2 places), grouped the Indian way (12,34,567.50). The API sends
 * decimal strings; these functions work on the strings so no binary float ever rounds money.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "1234567" → "12,34,567": the last three digits, then pairs (en-IN grouping). */
export function groupIndian(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.slice(0, -3);
  const tail = digits.slice(-3);
  return `${head.replace(/\B(?=(\d{2})+(?!\d))/g, ',')},${tail}`;
}

/** A decimal string with Indian grouping, trimmed or padded to `places`; non-numbers pass through. */
export function formatDecimal(value: string | number, places: { min: number; max: number }): string {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '0', fraction = ''] = match;
  let frac = fraction.slice(0, places.max);
  // Round half-up on the first dropped digit, carrying into the whole part when needed.
  if (fraction.length > places.max && Number(fraction[places.max]) >= 5) {
    const scaled = (BigInt(whole + frac.padEnd(places.max, '0')) + 1n).toString().padStart(places.max + 1, '0');
    return formatDecimal(
      `${sign}${scaled.slice(0, scaled.length - places.max)}.${scaled.slice(scaled.length - places.max)}`,
      places,
    );
  }
  frac = frac.replace(/0+$/, '');
  if (frac.length < places.min) frac = frac.padEnd(places.min, '0');
  const grouped = groupIndian(whole.replace(/^0+(?=\d)/, ''));
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

/** "100 bales", "1,250.5 bales". */
export function formatBales(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = formatDecimal(value, { min: 0, max: 3 });
  return `${n} ${n === '1' ? 'bale' : 'bales'}`;
}

/** "₹52,000 / candy". */
export function formatPricePerCandy(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return `₹${formatDecimal(value, { min: 0, max: 2 })} / candy`;
}

/** "₹24,86,347.51" (always 2 places: it is an amount of money). */
export function formatInr(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return `₹${formatDecimal(value, { min: 2, max: 2 })}`;
}

/** Scales a decimal string to an integer count of 10^-places units, or null when it is not a number. */
function scaled(value: string, places: number): bigint | null {
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const n = BigInt(whole + fraction.slice(0, places).padEnd(places, '0'));
  return sign ? -n : n;
}

/**
 * Contract value = bales × 170 / 355.6222 × price per candy (DOMAIN §2), rounded half-up to
 * paise, in exact integer arithmetic. Shown as a preview; the server's figure is authoritative.
 */
export function contractValue(bales: string, pricePerCandy: string): string | null {
  const b = scaled(bales, 3); // thousandths of a bale
  const p = scaled(pricePerCandy, 2); // paise per candy
  if (b === null || p === null || b < 0n || p < 0n) return null;
  // paise = b/1000 × 170 × p / (3556222/10000) = b × p × 1700 / 3556222
  const numerator = b * p * 1700n;
  const denominator = 3_556_222n;
  const paise = (numerator * 2n + denominator) / (denominator * 2n);
  const text = paise.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}
