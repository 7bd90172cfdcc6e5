import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aadhaarSchema, gstinMatchesPan, gstinSchema, mobileSchema, panSchema } from './schemas';
import {
  GST_STATE_CODES,
  gstinCheckCharacter,
  validateAadhaar,
  validateBankAccount,
  validateCin,
  validateGstin,
  validateIfsc,
  validateMobile,
  validatePan,
  validatePincode,
  verhoeffCheckDigit,
} from './validators';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `0123456789${UPPER}`;
const letter = fc.constantFrom(...UPPER);
const digit = fc.constantFrom(...'0123456789');
const str = (parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((p) => p.join(''));
const repeat = (a: fc.Arbitrary<string>, n: number) => fc.array(a, { minLength: n, maxLength: n }).map((p) => p.join(''));

const panArb = str([repeat(letter, 5), repeat(digit, 4), letter]);
const gstinArb = fc
  .tuple(fc.constantFrom(...Object.keys(GST_STATE_CODES)), panArb, fc.constantFrom(...ALNUM.slice(1)))
  .map(([state, pan, entity]) => {
    const first14 = `${state}${pan}${entity}Z`;
    return `${first14}${gstinCheckCharacter(first14)}`;
  });
const aadhaarArb = fc
  .tuple(fc.constantFrom(...'23456789'), repeat(digit, 10))
  .map(([first, rest]) => `${first}${rest}${verhoeffCheckDigit(first + rest)}`);

/** Every string that differs from `value` in exactly one position, using `alphabet`. */
const substitution = (value: string, alphabet: string) =>
  fc
    .tuple(fc.nat({ max: value.length - 1 }), fc.constantFrom(...alphabet))
    .filter(([i, c]) => value.charAt(i) !== c)
    .map(([i, c]) => value.slice(0, i) + c + value.slice(i + 1));

describe('PAN', () => {
  it('accepts generated valid PANs', () => {
    fc.assert(fc.property(panArb, (pan) => validatePan(pan) === null));
  });
  it.each(['ABCDE1234', 'abcde1234f', 'ABCD12345F', 'ABCDE1234FF', ' ABCDE1234F'])('rejects %s', (pan) => {
    expect(validatePan(pan)).toMatch(/PAN must be/);
  });
  it('schema upper-cases and trims before validating', () => {
    expect(panSchema.parse(' abcde1234f ')).toBe('ABCDE1234F');
    expect(panSchema.safeParse('ABCDE12345').error?.issues[0]?.message).toMatch(/PAN must be/);
  });
});

describe('GSTIN', () => {
  it('accepts a published real GSTIN', () => {
    expect(gstinCheckCharacter('27AAPFU0939F1Z')).toBe('V');
    expect(validateGstin('27AAPFU0939F1ZV')).toBeNull();
    expect(validateGstin('27AAPFU0939F1ZV', 'AAPFU0939F')).toBeNull();
  });
  it('accepts generated valid GSTINs and the PAN they embed', () => {
    fc.assert(fc.property(gstinArb, (g) => validateGstin(g) === null && validateGstin(g, g.slice(2, 12)) === null));
  });
  it('rejects every single-character substitution', () => {
    fc.assert(
      fc.property(
        gstinArb.chain((g) => substitution(g, ALNUM)),
        (mutated) => validateGstin(mutated) !== null,
      ),
      { numRuns: 2000 },
    );
  });
  it('rejects a GSTIN of another PAN, an unknown state code and a wrong check character', () => {
    expect(validateGstin('27AAPFU0939F1ZV', 'AAPFU0939G')).toMatch(/PAN of this partner/);
    const first14 = '99AAPFU0939F1Z';
    expect(validateGstin(`${first14}${gstinCheckCharacter(first14)}`)).toMatch(/not a GST state code/);
    expect(validateGstin('27AAPFU0939F1ZW')).toMatch(/check character/);
    expect(validateGstin('27AAPFU0939F0ZV')).toMatch(/15 characters/);
  });
  it('lists 01–38 and 97 as state codes', () => {
    const codes = Object.keys(GST_STATE_CODES);
    expect(codes).toHaveLength(39);
    expect(codes).toContain('24');
    expect(codes).toContain('97');
    expect(codes).not.toContain('00');
    expect(codes).not.toContain('39');
  });
  it('check character helper refuses bad input', () => {
    expect(gstinCheckCharacter('27AAPFU0939F1')).toBeNull();
    expect(gstinCheckCharacter('27aapfu0939f1z')).toBeNull();
  });
  it('schema and cross-field PAN rule report on the gstin path', () => {
    expect(gstinSchema.parse('27aapfu0939f1zv')).toBe('27AAPFU0939F1ZV');
    const form = z.object({ pan: panSchema, gstin: gstinSchema }).superRefine(gstinMatchesPan);
    const result = form.safeParse({ pan: 'AAPFU0939G', gstin: '27AAPFU0939F1ZV' });
    expect(result.error?.issues[0]?.path).toEqual(['gstin']);
    expect(form.safeParse({ pan: 'AAPFU0939F', gstin: '27AAPFU0939F1ZV' }).success).toBe(true);
  });
});

describe('Aadhaar', () => {
  it('computes the textbook Verhoeff digit', () => {
    expect(verhoeffCheckDigit('236')).toBe('3');
    expect(verhoeffCheckDigit('12345')).toBe('1');
    expect(verhoeffCheckDigit('')).toBeNull();
    expect(verhoeffCheckDigit('12a')).toBeNull();
  });
  it('accepts generated valid numbers', () => {
    fc.assert(fc.property(aadhaarArb, (a) => validateAadhaar(a) === null));
  });
  it('rejects every single-digit substitution', () => {
    fc.assert(
      fc.property(
        aadhaarArb.chain((a) => substitution(a, '0123456789')),
        (mutated) => validateAadhaar(mutated) !== null,
      ),
      { numRuns: 2000 },
    );
  });
  it('rejects numbers starting with 0 or 1, wrong length, and wrong check digit', () => {
    const body = '12345678901';
    expect(validateAadhaar(`${body}${verhoeffCheckDigit(body)}`)).toMatch(/cannot start/);
    expect(validateAadhaar('23456789012')).toMatch(/12 digits/);
    const good = `23456789012${verhoeffCheckDigit('23456789012')}`;
    const bad = `23456789012${(Number(good.at(-1)) + 1) % 10}`;
    expect(validateAadhaar(good)).toBeNull();
    expect(validateAadhaar(bad)).toMatch(/check digit/);
  });
  it('schema strips spaces', () => {
    const good = `23456789012${verhoeffCheckDigit('23456789012')}`;
    expect(aadhaarSchema.parse(`${good.slice(0, 4)} ${good.slice(4, 8)} ${good.slice(8)}`)).toBe(good);
  });
});

describe('other identifiers', () => {
  it.each([
    [validateIfsc, 'SBIN0001234', 'SBIN1001234'],
    [validateIfsc, 'HDFC0ABC123', 'HDF00ABC123'],
    [validateMobile, '9825012345', '5825012345'],
    [validateMobile, '+919825012345', '+9198250123'],
    [validatePincode, '360001', '060001'],
    [validatePincode, '110001', '11000'],
    [validateCin, 'U17111GJ2010PTC012345', 'X17111GJ2010PTC012345'],
    [validateCin, 'L17111MH1990PLC054321', 'L17111MH1990PLC05432'],
    [validateBankAccount, '123456789', '12345678'],
    [validateBankAccount, '123456789012345678', '1234567890123456789'],
  ])('%o accepts %s and rejects %s', (validate, good, bad) => {
    expect(validate(good)).toBeNull();
    expect(validate(bad)).toEqual(expect.any(String));
  });
  it('mobile schema accepts spaces and dashes people type', () => {
    expect(mobileSchema.parse('98250-12345')).toBe('9825012345');
  });
});
