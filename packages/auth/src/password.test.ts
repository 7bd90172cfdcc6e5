import { describe, expect, it } from 'vitest';
import { hashPassword, readHashParams, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores argon2id with m ≥ 19 MiB, t ≥ 2, p ≥ 1 (DOMAIN §5)', async () => {
    const hash = await hashPassword('correct horse battery staple');
    const params = readHashParams(hash);
    expect(params?.variant).toBe('argon2id');
    expect(params?.memoryKiB).toBeGreaterThanOrEqual(19 * 1024);
    expect(params?.iterations).toBeGreaterThanOrEqual(2);
    expect(params?.parallelism).toBeGreaterThanOrEqual(1);
    expect(hash).not.toContain('correct horse');
  });

  it('verifies the right password only, with a fresh salt each time', async () => {
    const [a, b] = await Promise.all([hashPassword('pässwörd-ünïcode-12'), hashPassword('pässwörd-ünïcode-12')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'pässwörd-ünïcode-12')).toBe(true);
    expect(await verifyPassword(a, 'pässwörd-ünïcode-13')).toBe(false);
  });

  it('does not truncate long passwords', async () => {
    const long = 'x'.repeat(127);
    const hash = await hashPassword(`${long}a`);
    expect(await verifyPassword(hash, `${long}b`)).toBe(false);
  });

  it('answers false for a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
  });
});
