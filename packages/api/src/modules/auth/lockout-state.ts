import { DEFAULT_LOCKOUT_POLICY, type LockoutPolicy, type LockoutState } from '@kapas/auth';
import type { users } from '@kapas/db';
import type { Deps } from '../../context';

type UserRow = typeof users.$inferSelect;

/** The lockout state lives in four user columns. */
export function lockoutStateOf(user: UserRow): LockoutState {
  return {
    consecutiveFailures: user.failedAttempts,
    lockCount: user.lockCount,
    lockedUntil: user.lockedUntil ? new Date(user.lockedUntil) : null,
    recentFailures: user.recentFailures.map((d) => new Date(d)),
  };
}

export function lockoutColumns(state: LockoutState) {
  return {
    failedAttempts: state.consecutiveFailures,
    lockCount: state.lockCount,
    lockedUntil: state.lockedUntil?.toISOString() ?? null,
    recentFailures: state.recentFailures.map((d) => d.toISOString()),
  };
}

export async function lockoutPolicy(deps: Deps): Promise<LockoutPolicy> {
  const [threshold, baseMinutes] = await Promise.all([
    deps.settings.number('lockout.threshold', DEFAULT_LOCKOUT_POLICY.threshold),
    deps.settings.number('lockout.baseMinutes', 15),
  ]);
  return { ...DEFAULT_LOCKOUT_POLICY, threshold, baseLockMs: baseMinutes * 60_000 };
}
