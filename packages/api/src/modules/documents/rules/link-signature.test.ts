import { describe, expect, it } from 'vitest';
import { signedFilePath, verifyFileSignature } from './link-signature';

const secret = 'a-test-secret-of-some-length';
const id = '0b8e7a52-6f1c-4c7e-9f0e-6b2f3f1d2a10';
const now = new Date('2026-12-04T10:00:00Z');

function parts(path: string) {
  const url = new URL(path, 'http://x');
  return { id: url.pathname.split('/')[2]!, expires: url.searchParams.get('expires')!, sig: url.searchParams.get('sig')! };
}

describe('signed file links', () => {
  const link = parts(signedFilePath(secret, id, new Date(now.getTime() + 3_600_000)));

  it('verifies until it expires', () => {
    expect(link.id).toBe(id);
    expect(verifyFileSignature(secret, id, link.expires, link.sig, now)).toBe(true);
    expect(verifyFileSignature(secret, id, link.expires, link.sig, new Date(now.getTime() + 3_600_000))).toBe(false);
  });

  it('fails for another id, another expiry, another secret, a tampered or missing signature', () => {
    expect(verifyFileSignature(secret, id.replace('0b', '0c'), link.expires, link.sig, now)).toBe(false);
    expect(verifyFileSignature(secret, id, String(Number(link.expires) + 60), link.sig, now)).toBe(false);
    expect(verifyFileSignature('another-secret-entirely', id, link.expires, link.sig, now)).toBe(false);
    const flipped = (link.sig[0] === 'A' ? 'B' : 'A') + link.sig.slice(1);
    expect(verifyFileSignature(secret, id, link.expires, flipped, now)).toBe(false);
    expect(verifyFileSignature(secret, id, link.expires, `${link.sig}x`, now)).toBe(false);
    expect(verifyFileSignature(secret, id, link.expires, undefined, now)).toBe(false);
    expect(verifyFileSignature(secret, id, '1e12', link.sig, now)).toBe(false);
  });
});
