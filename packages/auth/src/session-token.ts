import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/**
 * Lucia-style session tokens: `<id>.<secret>`, each 120 random bits. Only the SHA-256 of the
 * secret is stored, so a leaked sessions table cannot be replayed; comparison is constant-time.
 */
export type SessionToken = { id: string; secret: string; token: string; secretHash: Uint8Array };

function randomPart(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export function generateSessionToken(): SessionToken {
  const id = randomPart();
  const secret = randomPart();
  return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

const TOKEN_SHAPE = /^[a-z2-7]{24}\.[a-z2-7]{24}$/;

export function parseSessionToken(token: string): { id: string; secret: string } | null {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [id, secret] = token.split('.') as [string, string];
  return { id, secret };
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), storedHash);
}

export type SessionTimes = { lastActiveAt: Date; expiresAt: Date; endedAt: Date | null };
export type SessionPolicy = { idleMs: number; absoluteMs: number };

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };

/** Why a session is no longer valid at `now`, or null when it still is. */
export function sessionEndReason(s: SessionTimes, policy: SessionPolicy, now: Date): 'ENDED' | 'IDLE' | 'EXPIRED' | null {
  if (s.endedAt) return 'ENDED';
  if (now.getTime() >= s.expiresAt.getTime()) return 'EXPIRED';
  if (now.getTime() - s.lastActiveAt.getTime() >= policy.idleMs) return 'IDLE';
  return null;
}

/** Touching a session on every request would write on every read; once a minute is enough for a 30-minute idle window. */
export function shouldTouch(lastActiveAt: Date, now: Date): boolean {
  return now.getTime() - lastActiveAt.getTime() >= 60_000;
}
