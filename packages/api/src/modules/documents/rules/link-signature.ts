import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed download links: `/files/<versionId>?expires=<unix seconds>&sig=<HMAC-SHA256>`. The
 * signature binds the version id and the expiry, so neither can be changed; it is compared in
 * constant time. Whoever holds a valid link may download until it expires (the access check
 * happened when the link was issued).
 */
function sign(secret: string, versionId: string, expires: number): string {
  return createHmac('sha256', secret).update(`file:${versionId}:${expires}`).digest('base64url');
}

export function signedFilePath(secret: string, versionId: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `/files/${versionId}?expires=${expires}&sig=${sign(secret, versionId, expires)}`;
}

export function verifyFileSignature(
  secret: string,
  versionId: string,
  expires: string | undefined,
  sig: string | undefined,
  now: Date,
): boolean {
  if (!expires || !sig || !/^\d{1,12}$/.test(expires)) return false;
  const expiresAt = Number(expires);
  if (expiresAt * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(sign(secret, versionId, expiresAt));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
