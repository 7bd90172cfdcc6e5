import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOCKOUT_POLICY,
  failureCapAllows,
  INITIAL_LOCKOUT_STATE,
  isLocked,
  type LockoutState,
  lockDurationMs,
  onFailure,
  onSuccess,
} from './lockout';

const MIN = 60_000;
const T0 = new Date('2025-06-01T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function failTimes(state: LockoutState, times: number, now: Date): LockoutState {
  let s = state;
  for (let i = 0; i < times; i++) s = onFailure(s, now);
  return s;
}

describe('lockout', () => {
  it('locks for 15 minutes after exactly 5 consecutive failures', () => {
    const four = failTimes(INITIAL_LOCKOUT_STATE, 4, T0);
    expect(isLocked(four, T0)).toBe(false);
    const five = onFailure(four, T0);
    expect(isLocked(five, T0)).toBe(true);
    expect(five.lockedUntil).toEqual(at(15 * MIN));
    expect(isLocked(five, at(15 * MIN - 1))).toBe(true);
    expect(isLocked(five, at(15 * MIN))).toBe(false);
  });

  it('doubles the lock on each repeat: 15, 30, 60, 120 minutes', () => {
    let s: LockoutState = INITIAL_LOCKOUT_STATE;
    let now = T0;
    const durations: number[] = [];
    for (let lock = 0; lock < 4; lock++) {
      s = failTimes(s, 5, now);
      durations.push((s.lockedUntil!.getTime() - now.getTime()) / MIN);
      now = s.lockedUntil!;
    }
    expect(durations).toEqual([15, 30, 60, 120]);
  });

  it('property: the lock duration sequence doubles and caps at 24 h', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        const d = lockDurationMs(n);
        expect(d).toBeLessThanOrEqual(24 * 60 * MIN);
        expect(d).toBeGreaterThanOrEqual(15 * MIN);
        const next = lockDurationMs(n + 1);
        expect(next).toBe(Math.min(2 * d, 24 * 60 * MIN));
      }),
    );
    expect(lockDurationMs(1)).toBe(15 * MIN);
    expect(lockDurationMs(7)).toBe(16 * 60 * MIN);
    expect(lockDurationMs(8)).toBe(24 * 60 * MIN);
    expect(lockDurationMs(0)).toBe(0);
  });

  it('failures while locked neither extend the lock nor count towards the next', () => {
    const locked = failTimes(INITIAL_LOCKOUT_STATE, 5, T0);
    const more = failTimes(locked, 20, at(MIN));
    expect(more.lockedUntil).toEqual(locked.lockedUntil);
    expect(more.consecutiveFailures).toBe(0);
    expect(more.lockCount).toBe(1);
    expect(more.recentFailures).toHaveLength(25);
  });

  it('success resets the doubling and the consecutive count', () => {
    const locked = failTimes(INITIAL_LOCKOUT_STATE, 5, T0);
    const ok = onSuccess(onFailure(locked, at(15 * MIN)));
    expect(ok).toMatchObject({ consecutiveFailures: 0, lockCount: 0, lockedUntil: null });
    const again = failTimes(ok, 5, at(20 * MIN));
    expect(again.lockedUntil).toEqual(at(35 * MIN)); // 15 minutes again, not 30
  });

  it('property: a success between failures means no lock before 5 more failures', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), (outcomes) => {
        let s: LockoutState = INITIAL_LOCKOUT_STATE;
        let run = 0;
        let t = T0.getTime();
        for (const success of outcomes) {
          t += 1000;
          if (isLocked(s, new Date(t))) {
            t = s.lockedUntil!.getTime(); // wait it out
          }
          s = success ? onSuccess(s) : onFailure(s, new Date(t));
          run = success ? 0 : run + 1;
          expect(isLocked(s, new Date(t))).toBe(run > 0 && run % 5 === 0);
        }
      }),
    );
  });
});

describe('hourly failure cap', () => {
  it('allows 99 failures in an hour, refuses the 101st until the oldest is an hour old', () => {
    let s: LockoutState = INITIAL_LOCKOUT_STATE;
    for (let i = 0; i < 99; i++) s = onFailure(s, at(i * 1000));
    expect(failureCapAllows(s, at(100_000))).toEqual({ ok: true });
    s = onFailure(s, at(99_000));
    expect(failureCapAllows(s, at(100_000))).toEqual({ ok: false, retryAfterSeconds: 3500 });
    expect(failureCapAllows(s, at(60 * MIN))).toEqual({ ok: true });
  });

  it('keeps at most 100 recent failures, dropping those older than an hour', () => {
    let s: LockoutState = INITIAL_LOCKOUT_STATE;
    for (let i = 0; i < 250; i++) s = onFailure(s, at(i * 1000));
    expect(s.recentFailures).toHaveLength(DEFAULT_LOCKOUT_POLICY.maxFailuresPerHour);
    s = onFailure(s, at(3 * 60 * MIN));
    expect(s.recentFailures).toEqual([at(3 * 60 * MIN)]);
  });

  it('property: with the cap checked first, no hour ever holds more than 100 failures', () => {
    const policy = { ...DEFAULT_LOCKOUT_POLICY, threshold: 1_000 }; // no lockout, cap only
    fc.assert(
      fc.property(fc.array(fc.nat(120_000), { minLength: 100, maxLength: 300 }), (gaps) => {
        let s: LockoutState = INITIAL_LOCKOUT_STATE;
        let t = T0.getTime();
        const accepted: number[] = [];
        for (const gap of gaps) {
          t += gap;
          if (!failureCapAllows(s, new Date(t), policy).ok) continue;
          s = onFailure(s, new Date(t), policy);
          accepted.push(t);
        }
        for (const start of accepted) {
          const n = accepted.filter((x) => x >= start && x < start + 60 * MIN).length;
          expect(n).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 50 },
    );
  });
});
