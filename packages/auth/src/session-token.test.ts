import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SESSION_POLICY,
  generateSessionToken,
  parseSessionToken,
  secretMatches,
  sessionEndReason,
} from './session-token';

describe('session tokens', () => {
  it('carry at least 120 random bits in each part and store only a SHA-256 of the secret', () => {
    const t = generateSessionToken();
    expect(t.token).toBe(`${t.id}.${t.secret}`);
    expect(t.id).toMatch(/^[a-z2-7]{24}$/); // 24 base32 chars = 120 bits
    expect(t.secret).toMatch(/^[a-z2-7]{24}$/);
    expect(t.secretHash).toHaveLength(32);
    expect(Buffer.from(t.secretHash).toString('utf8')).not.toContain(t.secret);
  });

  it('are unique', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => generateSessionToken().token));
    expect(ids.size).toBe(2000);
  });

  it('verify only the exact secret', () => {
    const t = generateSessionToken();
    const parsed = parseSessionToken(t.token);
    expect(parsed && secretMatches(parsed.secret, t.secretHash)).toBe(true);
    const other = generateSessionToken();
    expect(secretMatches(other.secret, t.secretHash)).toBe(false);
  });

  it('reject anything that is not id.secret in the token alphabet', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const parsed = parseSessionToken(s);
        if (parsed) expect(s).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
      }),
    );
    expect(parseSessionToken('abc.def')).toBeNull();
  });
});

describe('sessionEndReason', () => {
  const t0 = new Date('2026-12-01T10:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const session = { lastActiveAt: t0, expiresAt: at(12 * 60), endedAt: null };

  it('is valid inside the idle window and ends at exactly 30 idle minutes', () => {
    expect(sessionEndReason(session, DEFAULT_SESSION_POLICY, at(29))).toBeNull();
    expect(sessionEndReason(session, DEFAULT_SESSION_POLICY, at(30))).toBe('IDLE');
  });

  it('ends at the absolute lifetime even when active', () => {
    expect(sessionEndReason({ ...session, lastActiveAt: at(719) }, DEFAULT_SESSION_POLICY, at(720))).toBe('EXPIRED');
  });

  it('reports an explicitly ended session first', () => {
    expect(sessionEndReason({ ...session, endedAt: at(1) }, DEFAULT_SESSION_POLICY, at(2))).toBe('ENDED');
  });
});
