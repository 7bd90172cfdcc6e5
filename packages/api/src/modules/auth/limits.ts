import type { Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import type { Limit } from '../../shared/rate-limit';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function tooMany(retryAfterSeconds: number): DomainError {
  return new DomainError('TOO_MANY_REQUESTS', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
    retryAfterSeconds,
  });
}

/** Consumes one point from every limit; the first exhausted one refuses with its Retry-After. */
export async function enforce(deps: Deps, checks: { key: string; limit: Limit }[]): Promise<void> {
  const now = deps.clock().getTime();
  for (const { key, limit } of checks) {
    const decision = await deps.limiter.consume(key, limit, now);
    if (!decision.ok) throw tooMany(decision.retryAfterSeconds);
  }
}

/** DOMAIN §5: sign-in 5/min and 20/hour, per account and per IP (settings). */
export async function enforceSignInLimits(deps: Deps, meta: RequestMeta, email: string): Promise<void> {
  const [perMinute, perHour] = await Promise.all([
    deps.settings.number('rateLimit.signInPerMinute', 5),
    deps.settings.number('rateLimit.signInPerHour', 20),
  ]);
  const keys = [`signin:account:${email}`, `signin:ip:${meta.ip ?? 'unknown'}`];
  await enforce(
    deps,
    keys.flatMap((key) => [
      { key, limit: { points: perMinute, windowMs: MINUTE } },
      { key, limit: { points: perHour, windowMs: HOUR } },
    ]),
  );
}

export async function enforcePasswordResetLimit(deps: Deps, email: string): Promise<void> {
  const perHour = await deps.settings.number('rateLimit.passwordResetPerHour', 3);
  await enforce(deps, [{ key: `pwreset:${email}`, limit: { points: perHour, windowMs: HOUR } }]);
}

/** API: 100/min per user and 1000/min per partner (settings). */
export async function enforceApiLimits(deps: Deps, userId: string, partnerId: string | null): Promise<void> {
  const [perUser, perPartner] = await Promise.all([
    deps.settings.number('rateLimit.apiPerUserPerMinute', 100),
    deps.settings.number('rateLimit.apiPerPartnerPerMinute', 1000),
  ]);
  const checks = [{ key: `api:user:${userId}`, limit: { points: perUser, windowMs: MINUTE } }];
  if (partnerId) checks.push({ key: `api:partner:${partnerId}`, limit: { points: perPartner, windowMs: MINUTE } });
  await enforce(deps, checks);
}
