import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balesToCandies,
  balesToKg,
  balesToQuintals,
  candiesToBales,
  contractValue,
  convertPrice,
  convertQuantity,
  kgToBales,
  quintalsToBales,
} from './units';

/**
 * Exact reference in integers: value = (mb/1000)·170·(pp/100) / (3556222/10000) = mb·17·pp / 3556222,
 * so paise = mb·17·pp·100 / 3556222, rounded half-up.
 */
function referencePaise(milliBales: bigint, pricePaise: bigint): bigint {
  const numerator = milliBales * 17n * pricePaise * 100n;
  const denominator = 3_556_222n;
  return (2n * numerator + denominator) / (2n * denominator);
}
const asMoney = (paise: bigint) => `${paise / 100n}.${String(paise % 100n).padStart(2, '0')}`;

describe('contractValue', () => {
  it.each([
    ['100', '52000', '2485784.07'],
    ['1', '52000', '24857.84'],
    ['500', '52000', '12428920.35'],
    ['3', '61234.50', '87816.78'],
    ['1', '1', '0.48'],
    ['0', '52000', '0.00'],
  ])('%s bales at ₹%s/candy = ₹%s', (bales, price, value) => {
    expect(contractValue(bales, price)).toBe(value);
  });

  it('is not bales × price (the earlier system’s factor-of-two bug)', () => {
    expect(contractValue('100', '52000')).not.toBe('5200000.00');
  });

  it('matches exact integer arithmetic for any bales (3 places) and price (2 places)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10_000_000n }), fc.bigInt({ min: 1n, max: 20_000_000n }), (mb, pp) => {
        const bales = `${mb / 1000n}.${String(mb % 1000n).padStart(3, '0')}`;
        const price = `${pp / 100n}.${String(pp % 100n).padStart(2, '0')}`;
        return contractValue(bales, price) === asMoney(referencePaise(mb, pp));
      }),
    );
  });

  it('has no float drift on fractional quantities', () => {
    expect(contractValue('0.3', '52000')).toBe('7457.35');
    expect(contractValue('0.1', '52000')).toBe('2485.78');
    // 0.001 × 170 × 10.46 / 355.6222 = 0.0050002…: a float pipeline that rounds early lands on 0.00.
    expect(contractValue('0.001', '10.46')).toBe('0.01');
    expect(contractValue('0.001', '10.45')).toBe('0.00');
  });
});

describe('conversions', () => {
  it('follows DOMAIN §2: 1 bale = 0.47803 candy, 170 kg, 1.7 quintal', () => {
    expect(balesToCandies('1')).toBe('0.478');
    expect(balesToKg('1')).toBe('170.000');
    expect(balesToQuintals('1')).toBe('1.700');
    expect(candiesToBales('1')).toBe('2.092');
    expect(kgToBales('340')).toBe('2.000');
    expect(quintalsToBales('17')).toBe('10.000');
    expect(convertQuantity('355.6222', 'KG', 'CANDY')).toBe('1.000');
  });
  it('round-trips bales → kg → bales exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (milli) => {
        const bales = (milli / 1000).toFixed(3);
        return kgToBales(balesToKg(bales)) === bales;
      }),
    );
  });
  it('converts prices per candy to per quintal and per kg', () => {
    expect(convertPrice('52000', 'CANDY', 'QUINTAL')).toBe('14622.26');
    expect(convertPrice('52000', 'CANDY', 'KG')).toBe('146.22');
    expect(convertPrice('14622.26', 'QUINTAL', 'CANDY')).toBe('52000.00');
  });
});
