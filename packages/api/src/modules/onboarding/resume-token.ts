import { createHash, randomBytes } from 'node:crypto';

/**
 * The self-service applicant's secret: 32 random bytes (base64url). It works like a password for
 * one application, so only its SHA-256 is stored; a lookup by hash needs no constant-time compare
 * because an attacker never learns how close a guess was.
 */
export function newResumeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashResumeToken(token) };
}

export function hashResumeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
