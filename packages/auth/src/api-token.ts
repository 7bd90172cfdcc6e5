import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/**
 * API tokens for integrators: `kpt_<id>_<secret>`. The id (80 random bits) finds the row; the
 * secret (160 random bits) proves possession. Both are lower-case base32 (a–z, 2–7), so `_` can only
 * be a separator. Only the SHA-256 of the secret is stored; the token is shown once.
 */
export const API_TOKEN_PREFIX = 'kpt';
const ID_BYTES = 10;
const SECRET_BYTES = 20;
const ID_CHARS = Math.ceil((ID_BYTES * 8) / 5);
const SECRET_CHARS = Math.ceil((SECRET_BYTES * 8) / 5);
const TOKEN_SHAPE = new RegExp(`^${API_TOKEN_PREFIX}_([a-z2-7]{${ID_CHARS}})_([a-z2-7]{${SECRET_CHARS}})$`);

export type ApiToken = { id: string; secret: string; token: string; secretHash: Uint8Array };

function random(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return encodeBase32LowerCaseNoPadding(buffer);
}

export function hashApiTokenSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export function generateApiToken(): ApiToken {
  const id = random(ID_BYTES);
  const secret = random(SECRET_BYTES);
  return { id, secret, token: `${API_TOKEN_PREFIX}_${id}_${secret}`, secretHash: hashApiTokenSecret(secret) };
}

/** The id and secret of a well-formed token, or null for anything else (wrong prefix, length, alphabet). */
export function parseApiToken(token: string): { id: string; secret: string } | null {
  const match = TOKEN_SHAPE.exec(token);
  if (!match) return null;
  return { id: match[1]!, secret: match[2]! };
}

/** Constant-time comparison of the presented secret's hash with the stored one. */
export function apiTokenSecretMatches(secret: string, storedHash: Uint8Array): boolean {
  const presented = hashApiTokenSecret(secret);
  return presented.length === storedHash.length && constantTimeEqual(presented, storedHash);
}

export type ApiTokenRecord = { secretHash: Uint8Array; expiresAt: Date | null; revokedAt: Date | null };

export type ApiTokenCheck = { ok: true } | { ok: false; reason: 'INVALID' | 'EXPIRED' | 'REVOKED' };

/** Full check of a presented secret against its stored row (found by the parsed id). */
export function checkApiToken(secret: string, record: ApiTokenRecord, now: Date): ApiTokenCheck {
  if (!apiTokenSecretMatches(secret, record.secretHash)) return { ok: false, reason: 'INVALID' };
  if (record.revokedAt) return { ok: false, reason: 'REVOKED' };
  if (record.expiresAt && now.getTime() >= record.expiresAt.getTime()) return { ok: false, reason: 'EXPIRED' };
  return { ok: true };
}

/**
 * What a token may do right now: its scopes that its owner still holds. Evaluated per request
 * against the owner's current capabilities, so removing a capability from the owner removes it from
 * every token at once.
 */
export function tokenCapabilities(tokenScopes: Iterable<string>, ownerCapabilities: Iterable<string>): Set<string> {
  const owner = new Set(ownerCapabilities);
  const result = new Set<string>();
  for (const scope of tokenScopes) if (owner.has(scope)) result.add(scope);
  return result;
}

/** A token can never do more than its scope or its owner. */
export function scopeAllowed(tokenScopes: Iterable<string>, ownerCapabilities: Iterable<string>, required: string): boolean {
  return tokenCapabilities(tokenScopes, ownerCapabilities).has(required);
}

/** Scopes requested at creation that the creating user does not hold (must be empty to create). */
export function scopesBeyondOwner(requestedScopes: Iterable<string>, ownerCapabilities: Iterable<string>): string[] {
  const owner = new Set(ownerCapabilities);
  return [...new Set(requestedScopes)].filter((s) => !owner.has(s));
}
