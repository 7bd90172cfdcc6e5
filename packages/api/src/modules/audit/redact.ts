/**
 * Audit rows must never hold secrets; this is the second line of defence when they are shown or
 * exported: values under keys that name a secret are replaced, whatever their depth.
 */
const SECRET_KEY =
  /^(password|passwordhash|currentpassword|newpassword|secret|secrethash|token|sessiontoken|accesstoken|refreshtoken|apikey|otp|code_hash|codehash|challengeid|challengehash)$/i;

export const REDACTED = '[redacted]';

export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactSecrets(inner);
  }
  return out;
}
