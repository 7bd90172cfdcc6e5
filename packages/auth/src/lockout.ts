/**
 * Sign-in lockout arithmetic (DOMAIN §5). After `threshold` consecutive failures the account locks
 * for 15 minutes, doubling on each repeat lock (15, 30, 60 … capped at 24 h); a success resets it.
 * Separately, no account takes more than 100 failures in any hour.
 *
 * The state is four values, small enough to live as columns on the user row:
 * - `consecutiveFailures` counts towards the next lock and restarts at 0 when a lock starts;
 * - `lockCount` is the number of locks since the last success, which is all the doubling needs
 *   (no history of past locks);
 * - `lockedUntil` is the only thing `isLocked` reads;
 * - `recentFailures` holds the times of at most `maxFailuresPerHour` failures within the last
 *   hour: an exact sliding window (a fixed hourly counter would let 2× through across a boundary)
 *   whose size is bounded by the limit itself.
 */
export type LockoutState = {
  consecutiveFailures: number;
  lockCount: number;
  lockedUntil: Date | null;
  recentFailures: Date[];
};

export type LockoutPolicy = {
  threshold: number;
  baseLockMs: number;
  maxLockMs: number;
  maxFailuresPerHour: number;
};

export const DEFAULT_LOCKOUT_POLICY: Readonly<LockoutPolicy> = Object.freeze({
  threshold: 5,
  baseLockMs: 15 * 60_000,
  maxLockMs: 24 * 60 * 60_000,
  maxFailuresPerHour: 100,
});

export const INITIAL_LOCKOUT_STATE: Readonly<LockoutState> = Object.freeze({
  consecutiveFailures: 0,
  lockCount: 0,
  lockedUntil: null,
  recentFailures: [],
});

const HOUR_MS = 60 * 60_000;

/** Duration of the `lockCount`-th lock (1-based): base × 2^(n−1), capped. */
export function lockDurationMs(lockCount: number, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): number {
  if (lockCount < 1) return 0;
  // Past 2^40 the cap has long been reached; bounding the exponent keeps the product finite.
  return Math.min(policy.baseLockMs * 2 ** Math.min(lockCount - 1, 40), policy.maxLockMs);
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && now.getTime() < state.lockedUntil.getTime();
}

function recentWithin(failures: readonly Date[], now: Date): Date[] {
  return failures.filter((d) => d.getTime() > now.getTime() - HOUR_MS);
}

/**
 * Records a failed sign-in. While locked, the failure only counts towards the hourly limit (it
 * neither extends the lock nor counts towards the next one).
 */
export function onFailure(state: LockoutState, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): LockoutState {
  const recentFailures = [...recentWithin(state.recentFailures, now), now].slice(-policy.maxFailuresPerHour);
  if (isLocked(state, now)) return { ...state, recentFailures };
  const consecutiveFailures = state.consecutiveFailures + 1;
  if (consecutiveFailures < policy.threshold) {
    return { ...state, consecutiveFailures, lockedUntil: null, recentFailures };
  }
  const lockCount = state.lockCount + 1;
  return {
    consecutiveFailures: 0,
    lockCount,
    lockedUntil: new Date(now.getTime() + lockDurationMs(lockCount, policy)),
    recentFailures,
  };
}

/** A successful sign-in ends the lockout history; the hourly failure window is kept (it is a separate limit). */
export function onSuccess(state: LockoutState): LockoutState {
  return { consecutiveFailures: 0, lockCount: 0, lockedUntil: null, recentFailures: state.recentFailures };
}

export type FailureCapDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The "never more than 100 failures per account per hour" check, made before verifying a password. */
export function failureCapAllows(
  state: LockoutState,
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
): FailureCapDecision {
  const recent = recentWithin(state.recentFailures, now)
    .map((d) => d.getTime())
    .sort((a, b) => a - b);
  if (recent.length < policy.maxFailuresPerHour) return { ok: true };
  const mustLeave = recent[recent.length - policy.maxFailuresPerHour]!;
  return { ok: false, retryAfterSeconds: Math.ceil((mustLeave + HOUR_MS - now.getTime()) / 1000) };
}
