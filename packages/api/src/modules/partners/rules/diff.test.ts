import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diff } from './diff';

describe('diff', () => {
  it('is empty for equal values, whatever the key order', () => {
    expect(diff({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it('lists changed leaves with dotted paths', () => {
    expect(diff({ profile: { gstin: 'A', pan: 'P' } }, { profile: { gstin: 'B', pan: 'P' } })).toEqual([
      { path: 'profile.gstin', from: 'A', to: 'B' },
    ]);
  });

  it('treats a missing key and null alike, and reports additions and removals', () => {
    expect(diff({ a: null }, {})).toEqual([]);
    expect(diff({ a: 1 }, { b: 2 })).toEqual([
      { path: 'a', from: 1, to: null },
      { path: 'b', from: null, to: 2 },
    ]);
  });

  it('matches branches by code, so reordering is no change and an edit is a field change', () => {
    const br1 = { code: 'HO', city: 'Rajkot' };
    const br2 = { code: 'BR2', city: 'Surat' };
    expect(diff({ branches: [br1, br2] }, { branches: [br2, br1] })).toEqual([]);
    expect(diff({ branches: [br1, br2] }, { branches: [br2, { ...br1, city: 'Morbi' }] })).toEqual([
      { path: 'branches[HO].city', from: 'Rajkot', to: 'Morbi' },
    ]);
    expect(diff({ branches: [br1] }, { branches: [br1, br2] })).toEqual([{ path: 'branches[BR2]', from: null, to: br2 }]);
  });

  it('matches bank accounts by number and contacts by email', () => {
    const acc = { accountNumber: '123456789', ifsc: 'SBIN0001234' };
    expect(diff([acc], [{ ...acc, ifsc: 'HDFC0001234' }])).toEqual([
      { path: '[123456789].ifsc', from: 'SBIN0001234', to: 'HDFC0001234' },
    ]);
    expect(diff([{ email: 'a@x.in', name: 'A' }], [{ email: 'b@x.in', name: 'A' }])).toHaveLength(2);
  });

  it('compares arrays without a natural key by position', () => {
    expect(diff([1, 2], [1, 3, 4])).toEqual([
      { path: '[1]', from: 2, to: 3 },
      { path: '[2]', from: null, to: 4 },
    ]);
  });

  it('is empty exactly when the values are equal (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(diff(a, a)).toEqual([]);
        if (diff(a, b).length === 0) expect(diff(b, a)).toEqual([]);
      }),
    );
  });

  it('swaps from and to when the arguments are swapped (property)', () => {
    const record = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.integer(), fc.string()));
    fc.assert(
      fc.property(record, record, (a, b) => {
        const forward = diff(a, b).map((d) => ({ path: d.path, from: d.to, to: d.from }));
        expect(diff(b, a)).toEqual(forward);
      }),
    );
  });
});
