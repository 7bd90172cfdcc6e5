import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apiTokenSecretMatches,
  checkApiToken,
  generateApiToken,
  hashApiTokenSecret,
  parseApiToken,
  scopeAllowed,
  scopesBeyondOwner,
  tokenCapabilities,
} from './api-token';
import { CAPABILITIES } from './capabilities';

const NOW = new Date('2025-06-01T10:00:00Z');
const capSet = fc.uniqueArray(fc.constantFrom(...CAPABILITIES));

describe('API token format', () => {
  it('generates kpt_<16 base32>_<32 base32> with at least 128 bits of secret, hashing only the secret', () => {
    const t = generateApiToken();
    expect(t.token).toMatch(/^kpt_[a-z2-7]{16}_[a-z2-7]{32}$/);
    expect(t.secret.length * 5).toBeGreaterThanOrEqual(128);
    expect(t.token).toBe(`kpt_${t.id}_${t.secret}`);
    expect(t.secretHash).toEqual(hashApiTokenSecret(t.secret));
    expect(t.secretHash).toHaveLength(32);
  });

  it('never repeats ids or secrets', () => {
    const tokens = Array.from({ length: 1000 }, generateApiToken);
    expect(new Set(tokens.map((t) => t.id)).size).toBe(1000);
    expect(new Set(tokens.map((t) => t.secret)).size).toBe(1000);
  });

  it('round-trips through parseApiToken', () => {
    const t = generateApiToken();
    expect(parseApiToken(t.token)).toEqual({ id: t.id, secret: t.secret });
  });

  it('rejects malformed tokens', () => {
    const { id, secret } = generateApiToken();
    for (const bad of [
      '',
      `${id}_${secret}`,
      `kpx_${id}_${secret}`,
      `KPT_${id}_${secret}`,
      `kpt_${id}_${secret}x`,
      `kpt_${id}_${secret.slice(1)}`,
      `kpt_${id.toUpperCase()}_${secret}`,
      `kpt_${id}_${secret.slice(0, -1)}1`, // 1 is not base32
      `kpt_${id}.${secret}`,
      ` kpt_${id}_${secret}`,
      `kpt_${id}_${secret}\n`,
    ]) {
      expect(parseApiToken(bad)).toBeNull();
    }
  });

  it('property: arbitrary strings that are not the exact shape never parse', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const parsed = parseApiToken(s);
        if (parsed) expect(s).toBe(`kpt_${parsed.id}_${parsed.secret}`);
        else expect(s).not.toMatch(/^kpt_[a-z2-7]{16}_[a-z2-7]{32}$/);
      }),
    );
  });

  it('verifies the secret against the stored hash only', () => {
    const t = generateApiToken();
    const other = generateApiToken();
    expect(apiTokenSecretMatches(t.secret, t.secretHash)).toBe(true);
    expect(apiTokenSecretMatches(other.secret, t.secretHash)).toBe(false);
    expect(apiTokenSecretMatches(t.secret, t.secretHash.subarray(0, 16))).toBe(false);
  });

  it('checks expiry and revocation after the secret', () => {
    const t = generateApiToken();
    const live = { secretHash: t.secretHash, expiresAt: new Date(NOW.getTime() + 1), revokedAt: null };
    expect(checkApiToken(t.secret, live, NOW)).toEqual({ ok: true });
    expect(checkApiToken(t.secret, { ...live, expiresAt: null }, NOW)).toEqual({ ok: true });
    expect(checkApiToken(t.secret, { ...live, expiresAt: NOW }, NOW)).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(checkApiToken(t.secret, { ...live, revokedAt: NOW }, NOW)).toEqual({ ok: false, reason: 'REVOKED' });
    expect(checkApiToken(generateApiToken().secret, { ...live, revokedAt: NOW }, NOW)).toEqual({
      ok: false,
      reason: 'INVALID',
    });
  });
});

describe('token scope', () => {
  it('grants only what both the scope and the owner hold', () => {
    expect(scopeAllowed(['trade:read'], ['trade:read', 'trade:create'], 'trade:read')).toBe(true);
    expect(scopeAllowed(['trade:read'], ['trade:read', 'trade:create'], 'trade:create')).toBe(false);
    expect(scopeAllowed(['trade:read', 'trade:create'], ['trade:read'], 'trade:create')).toBe(false);
  });

  it('property: the scope check never grants beyond the owner or the scope', () => {
    fc.assert(
      fc.property(capSet, capSet, fc.constantFrom(...CAPABILITIES), (scopes, owner, required) => {
        const allowed = scopeAllowed(scopes, owner, required);
        expect(allowed).toBe(scopes.includes(required) && owner.includes(required));
        for (const c of tokenCapabilities(scopes, owner)) {
          expect(owner).toContain(c);
          expect(scopes).toContain(c);
        }
      }),
    );
  });

  it('property: scopes requested beyond the owner are exactly those the owner lacks', () => {
    fc.assert(
      fc.property(capSet, capSet, (requested, owner) => {
        const beyond = scopesBeyondOwner(requested, owner);
        expect(beyond.sort()).toEqual(requested.filter((r) => !owner.includes(r)).sort());
      }),
    );
  });
});
