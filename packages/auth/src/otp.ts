import { hmac } from '@oslojs/crypto/hmac';
import { SHA256, sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * One-time codes (DOMAIN §5): 6 digits from a CSPRNG, stored hashed, valid 10 minutes, 3 wrong
 * attempts kill it, single use, bound to a purpose and a target. Pure: the caller passes `now` and
 * persists the state each function returns.
 */
export const OTP_PURPOSES = ['login', 'registration-email', 'registration-mobile', 'password-reset', 'change-request'] as const;
export type OtpPurpose = (typeof OTP_PURPOSES)[number];

export function isOtpPurpose(value: string): value is OtpPurpose {
  return (OTP_PURPOSES as readonly string[]).includes(value);
}

export const OTP_DIGITS = 6;
export const OTP_TTL_MS = 10 * 60_000;
export const OTP_MAX_ATTEMPTS = 3;

const RANGE = 10 ** OTP_DIGITS;
/** Largest multiple of 10^6 below 2^32: values at or above it are redrawn, so `% RANGE` is unbiased. */
const LIMIT = Math.floor(2 ** 32 / RANGE) * RANGE;

/** A uniformly random 6-digit code (leading zeros kept). */
export function generateOtp(): string {
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const value = buffer[0]!;
    if (value < LIMIT) return String(value % RANGE).padStart(OTP_DIGITS, '0');
  }
}

/** Emails compare case-insensitively; phone numbers are expected in E.164 already. */
export function normalizeOtpTarget(target: string): string {
  return target.trim().toLowerCase();
}

/**
 * Hex SHA-256 of purpose, target and code (NUL-separated, so no two triples collide), or HMAC-SHA-256
 * with `key` when a server-side secret is configured: with a key, a leaked table cannot be brute-forced
 * over the 10^6 possible codes.
 */
export function hashOtp(code: string, purpose: OtpPurpose, target: string, key?: Uint8Array): string {
  const message = new TextEncoder().encode(`kapas-otp\0${purpose}\0${normalizeOtpTarget(target)}\0${code}`);
  return encodeHexLowerCase(key ? hmac(SHA256, key, message) : sha256(message));
}

export type OtpState = {
  codeHash: string;
  purpose: OtpPurpose;
  target: string;
  createdAt: Date;
  expiresAt: Date;
  attempts: number;
  consumedAt: Date | null;
  invalidatedAt: Date | null;
};

/** A fresh code and the state to store. The caller invalidates the previous code for the same purpose and target. */
export function issueOtp(purpose: OtpPurpose, target: string, now: Date, key?: Uint8Array): { code: string; state: OtpState } {
  const code = generateOtp();
  return {
    code,
    state: {
      codeHash: hashOtp(code, purpose, target, key),
      purpose,
      target: normalizeOtpTarget(target),
      createdAt: now,
      expiresAt: new Date(now.getTime() + OTP_TTL_MS),
      attempts: 0,
      consumedAt: null,
      invalidatedAt: null,
    },
  };
}

/** "A new OTP invalidates the previous one." */
export function invalidateOtp(state: OtpState, now: Date): OtpState {
  return state.invalidatedAt || state.consumedAt ? state : { ...state, invalidatedAt: now };
}

export type OtpVerifyResult =
  | { ok: true }
  | { ok: false; reason: 'OTP_INVALID'; attemptsLeft: number }
  | { ok: false; reason: 'OTP_EXPIRED' };

/**
 * Checks `code` for `purpose` and `target`. Expired, used or superseded codes answer OTP_EXPIRED
 * (the user must request a new one) without counting an attempt. A killed code (3 wrong attempts)
 * answers OTP_INVALID with 0 attempts left, even for the right code. A wrong code, purpose or
 * target counts as a wrong attempt. The hash comparison is constant-time.
 */
export function verifyOtp(
  state: OtpState,
  code: string,
  purpose: OtpPurpose,
  target: string,
  now: Date,
  key?: Uint8Array,
): { result: OtpVerifyResult; state: OtpState } {
  if (state.consumedAt || state.invalidatedAt || now.getTime() >= state.expiresAt.getTime()) {
    return { result: { ok: false, reason: 'OTP_EXPIRED' }, state };
  }
  if (state.attempts >= OTP_MAX_ATTEMPTS) {
    return { result: { ok: false, reason: 'OTP_INVALID', attemptsLeft: 0 }, state };
  }
  const candidate = decodeHex(hashOtp(code, purpose, target, key));
  const stored = decodeHex(state.codeHash);
  const hashMatches = candidate.length === stored.length && constantTimeEqual(candidate, stored);
  const bound = purpose === state.purpose && normalizeOtpTarget(target) === state.target;
  if (hashMatches && bound) {
    return { result: { ok: true }, state: { ...state, consumedAt: now } };
  }
  const attempts = state.attempts + 1;
  return {
    result: { ok: false, reason: 'OTP_INVALID', attemptsLeft: Math.max(0, OTP_MAX_ATTEMPTS - attempts) },
    state: { ...state, attempts },
  };
}

export type SendLimit = { windowMs: number; max: number };

/** At most 1 per minute, 3 per hour, 10 per day per target. */
export const OTP_SEND_LIMITS: readonly SendLimit[] = [
  { windowMs: 60_000, max: 1 },
  { windowMs: 60 * 60_000, max: 3 },
  { windowMs: 24 * 60 * 60_000, max: 10 },
];

export type SendDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Whether another code may be sent to a target that was sent codes at `previousSendTimes`. When not,
 * `retryAfterSeconds` is the wait until every window has room again.
 */
export function sendAllowed(
  previousSendTimes: readonly Date[],
  now: Date,
  limits: readonly SendLimit[] = OTP_SEND_LIMITS,
): SendDecision {
  const t = now.getTime();
  let waitMs = 0;
  for (const { windowMs, max } of limits) {
    const inWindow = previousSendTimes
      .map((d) => d.getTime())
      .filter((s) => s > t - windowMs)
      .sort((a, b) => a - b);
    if (inWindow.length >= max) {
      // The window has room once enough of its oldest sends have left it.
      const mustLeave = inWindow[inWindow.length - max]!;
      waitMs = Math.max(waitMs, mustLeave + windowMs - t);
    }
  }
  return waitMs > 0 ? { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { ok: true };
}
