import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonPasswords, parsePasswordList } from './common-passwords';
import {
  checkPassword,
  DEFAULT_PASSWORD_POLICY,
  isReused,
  type PasswordContext,
  type PasswordPolicy,
  passwordExpired,
  passwordLength,
  resolvePasswordPolicy,
} from './password-policy';

const policy: PasswordPolicy = { ...DEFAULT_PASSWORD_POLICY };
const ctx: PasswordContext = {
  email: 'ravi.kumar@ginners.example',
  name: 'Ravi Kumar',
  partnerName: 'Shree Cotton Mills',
  commonPasswords: new Set(['password1234', 'qwertyuiop12']),
};
const rules = (pw: string, p: PasswordPolicy = policy, c: PasswordContext = ctx) => checkPassword(pw, p, c).map((f) => f.rule);

// Lower-case letters far from every token in ctx; never in the tiny common list.
const safeChar = fc.constantFrom(...'bdfghjpqwxyz'.split(''));

describe('password policy', () => {
  it('accepts a long passphrase with the default policy', () => {
    expect(checkPassword('harvest lantern pebble', policy, ctx)).toEqual([]);
  });

  it('has the DOMAIN §5 defaults', () => {
    expect(resolvePasswordPolicy()).toEqual({
      minLength: 12,
      maxLength: 128,
      requireUpper: false,
      requireLower: false,
      requireDigit: false,
      requireSymbol: false,
      historySize: 5,
      maxAgeDays: null,
    });
    expect(resolvePasswordPolicy({ requireDigit: true }).requireDigit).toBe(true);
  });

  it('property: any password shorter than the minimum fails too_short', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 11 }), (pw) => {
        fc.pre(passwordLength(pw) < 12);
        expect(rules(pw)).toContain('too_short');
      }),
    );
  });

  it('property: any password of min..max code points is neither too_short nor too_long', () => {
    fc.assert(
      fc.property(fc.array(safeChar, { minLength: 12, maxLength: 128 }), (chars) => {
        const r = rules(chars.join(''));
        expect(r).not.toContain('too_short');
        expect(r).not.toContain('too_long');
      }),
    );
  });

  it('property: more than 128 code points fails too_long (never truncated)', () => {
    fc.assert(
      fc.property(fc.array(safeChar, { minLength: 129, maxLength: 300 }), (chars) => {
        expect(rules(chars.join(''))).toContain('too_long');
      }),
    );
  });

  it('counts code points after NFKC, not UTF-16 units', () => {
    // 12 emoji are 24 UTF-16 units but 12 code points.
    expect(passwordLength('🌱'.repeat(12))).toBe(12);
    expect(rules('🌱'.repeat(11))).toContain('too_short');
    expect(rules('🌱'.repeat(12))).not.toContain('too_short');
    // "ﬃ" (one code point) normalises to "ffi" (three).
    expect(passwordLength('ﬃ'.repeat(4))).toBe(12);
    expect(rules('ﬃ'.repeat(4))).not.toContain('too_short');
  });

  it('property: a password containing the email local part fails contains_email, in any case', () => {
    fc.assert(
      fc.property(fc.array(safeChar, { maxLength: 10 }), fc.array(safeChar, { maxLength: 10 }), (a, b) => {
        expect(rules(`${a.join('')}RAVI.Kumar${b.join('')}`)).toContain('contains_email');
      }),
    );
  });

  it('ignores an email local part shorter than 3 characters', () => {
    const c = { ...ctx, email: 'rk@ginners.example', name: 'Zed' };
    expect(rules('rk-harvest-lantern', policy, c)).not.toContain('contains_email');
    expect(rules('rkk-harvest-lantern', policy, { ...c, email: 'rkk@x.example' })).toContain('contains_email');
  });

  it('rejects any name token of 3+ characters, case-insensitively', () => {
    expect(rules('harvestKUMARlantern')).toContain('contains_name');
    expect(rules('ravi-harvest-lantern')).toContain('contains_name');
    expect(rules('harvest-lantern', policy, { ...ctx, name: 'Li Bo' })).not.toContain('contains_name');
    expect(rules('harvest-lantern-bob', policy, { ...ctx, name: 'Al Bob' })).toContain('contains_name');
  });

  it('rejects partner name tokens of 4+ characters only', () => {
    expect(rules('harvest-cotton-lantern')).toContain('contains_partner');
    expect(rules('harvest-SHREE-lantern')).toContain('contains_partner');
    expect(rules('harvest-mill-lantern')).not.toContain('contains_partner'); // "mills" is the token
    const noPartner = { ...ctx, partnerName: undefined };
    expect(rules('harvest-cotton-lantern', policy, noPartner)).not.toContain('contains_partner');
  });

  it('rejects common passwords case-insensitively', () => {
    expect(rules('Password1234')).toContain('common');
    expect(rules('QWERTYUIOP12')).toContain('common');
    expect(rules('password12345')).not.toContain('common');
  });

  it('applies composition rules only when switched on', () => {
    const pw = 'harvest lantern pebble';
    expect(rules(pw)).toEqual([]);
    const strict = { ...policy, requireUpper: true, requireLower: true, requireDigit: true, requireSymbol: true };
    expect(rules(pw, strict)).toEqual(['missing_upper', 'missing_digit']);
    expect(rules('HARVESTLANTERNPEBBLE', strict)).toEqual(['missing_lower', 'missing_digit', 'missing_symbol']);
    expect(rules('Harvest lantern 7', strict)).toEqual([]);
    expect(rules('Ärger-über-ölpreis-9', strict)).toEqual([]); // Unicode letters count
  });

  it('reports every failed rule with a message', () => {
    const failures = checkPassword('ravi.kumar', { ...policy, requireDigit: true }, ctx);
    expect(failures.map((f) => f.rule)).toEqual(['too_short', 'contains_email', 'contains_name', 'missing_digit']);
    for (const f of failures) expect(f.message.length).toBeGreaterThan(5);
  });
});

describe('bundled common-password list', () => {
  it('holds tens of thousands of folded entries including the classics', () => {
    const set = commonPasswords();
    expect(set.size).toBeGreaterThan(40_000);
    for (const pw of ['123456', 'password', 'qwerty', 'iloveyou', 'trustno1']) expect(set.has(pw)).toBe(true);
    expect(set.has('harvest lantern pebble')).toBe(false);
    expect(commonPasswords()).toBe(set); // loaded once
  });

  it('makes checkPassword reject a common password that meets the length rule', () => {
    const set = commonPasswords();
    const long = [...set].find((p) => [...p].length >= 12 && !/ravi|kumar|shree|cotton|mills/.test(p));
    expect(long).toBeDefined();
    expect(rules(long!.toUpperCase(), policy, { ...ctx, commonPasswords: set })).toEqual(['common']);
  });

  it('parses lines, ignoring blanks and CRLF, and folds case', () => {
    expect([...parsePasswordList('Abc\r\n\nDEF\n')]).toEqual(['abc', 'def']);
  });
});

describe('password history and expiry', () => {
  const fakeVerify = async (hash: string, pw: string) => hash === `h(${pw})`;

  it('finds reuse within the last N hashes only', async () => {
    const history = ['h(five)', 'h(four)', 'h(three)', 'h(two)', 'h(one)', 'h(zero)'];
    expect(await isReused('three', history, fakeVerify)).toBe(true);
    expect(await isReused('one', history, fakeVerify)).toBe(true);
    expect(await isReused('zero', history, fakeVerify)).toBe(false); // sixth back
    expect(await isReused('zero', history, fakeVerify, 6)).toBe(true);
    expect(await isReused('new', history, fakeVerify)).toBe(false);
  });

  it('stops verifying at the first match', async () => {
    const seen: string[] = [];
    const verify = async (hash: string, pw: string) => {
      seen.push(hash);
      return fakeVerify(hash, pw);
    };
    await isReused('four', ['h(five)', 'h(four)', 'h(three)'], verify);
    expect(seen).toEqual(['h(five)', 'h(four)']);
  });

  it('never expires without maxAgeDays, and expires exactly at maxAgeDays', () => {
    const changed = new Date('2025-01-01T00:00:00Z');
    expect(passwordExpired(changed, null, new Date('2035-01-01T00:00:00Z'))).toBe(false);
    expect(passwordExpired(changed, 90, new Date('2025-03-31T23:59:59Z'))).toBe(false);
    expect(passwordExpired(changed, 90, new Date('2025-04-01T00:00:00Z'))).toBe(true);
  });

  it('property: expiry is monotonic in time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(10 ** 11), fc.nat(10 ** 11), (days, a, b) => {
        const changed = new Date(0);
        const [early, late] = a <= b ? [a, b] : [b, a];
        if (passwordExpired(changed, days, new Date(early))) {
          expect(passwordExpired(changed, days, new Date(late))).toBe(true);
        }
      }),
    );
  });
});
