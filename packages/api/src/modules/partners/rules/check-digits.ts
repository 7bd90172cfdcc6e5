/**
 * Check characters of the two Indian identifiers that carry one: GSTIN (base-36 weighted sum)
 * and Aadhaar (Verhoeff). Both detect every single-character substitution, which is why forms
 * can reject a mistyped number before it reaches the back office.
 */

const GSTIN_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The 15th character of a GSTIN, computed from its first 14. Returns null when the input is not
 * 14 characters from [0-9A-Z], so callers never get a check character for garbage.
 */
export function gstinCheckCharacter(first14: string): string | null {
  if (first14.length !== 14) return null;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const value = GSTIN_ALPHABET.indexOf(first14.charAt(i));
    if (value < 0) return null;
    // Factors alternate 1, 2; the product is "digit-summed" in base 36 so that doubling stays a bijection.
    const product = value * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return GSTIN_ALPHABET.charAt((36 - (sum % 36)) % 36);
}

// Verhoeff tables: multiplication in the dihedral group D5, the position permutation, and inverses.
const D: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 8, 7, 6, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const INV: readonly number[] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** Runs the Verhoeff accumulator; `offset` 1 leaves room for a check digit still to be appended. */
function verhoeffAccumulate(digits: string, offset: number): number | null {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const n = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (n < 0 || n > 9) return null;
    c = D[c]![P[(i + offset) % 8]![n]!]!;
  }
  return c;
}

/** The Verhoeff digit to append to `digits`, or null when `digits` is empty or not all 0-9. */
export function verhoeffCheckDigit(digits: string): string | null {
  if (digits.length === 0) return null;
  const c = verhoeffAccumulate(digits, 1);
  return c === null ? null : String(INV[c]);
}

/** True when the last digit of `digits` is its Verhoeff check digit. */
export function hasValidVerhoeff(digits: string): boolean {
  return digits.length > 1 && verhoeffAccumulate(digits, 0) === 0;
}
