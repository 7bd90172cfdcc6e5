import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  generateOtp,
  hashOtp,
  invalidateOtp,
  issueOtp,
  OTP_PURPOSES,
  OTP_SEND_LIMITS,
  type OtpPurpose,
  sendAllowed,
  verifyOtp,
} from './otp';

const T0 = new Date('2025-06-01T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;
const purposeArb = fc.constantFrom(...OTP_PURPOSES);
const wrongCode = (code: string) => fc.stringMatching(/^\d{6}$/).filter((c) => c !== code);

/** Chi-square statistic of observed counts against a uniform expectation. */
function chiSquare(counts: number[], total: number): number {
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

afterEach(() => vi.restoreAllMocks());

describe('generateOtp', () => {
  it('always gives exactly 6 digits', () => {
    for (let i = 0; i < 10_000; i++) expect(generateOtp()).toMatch(/^\d{6}$/);
  });

  it('is uniform enough (chi-square on first digit and on the first two digits)', () => {
    const n = 100_000;
    const first = new Array<number>(10).fill(0);
    const firstTwo = new Array<number>(100).fill(0);
    for (let i = 0; i < n; i++) {
      const code = generateOtp();
      first[Number(code[0])]!++;
      firstTwo[Number(code.slice(0, 2))]!++;
    }
    // Thresholds sit far beyond the 1-in-a-million quantiles (df 9 ≈ 45, df 99 ≈ 175): never flaky,
    // yet a biased generator (e.g. byte % 10, or dropped leading zeros) lands in the thousands.
    expect(chiSquare(first, n)).toBeLessThan(60);
    expect(chiSquare(firstTwo, n)).toBeLessThan(200);
  });

  it('redraws values from the incomplete top range instead of taking a biased modulo', () => {
    const draws = [0xffffffff, 4_294_000_000, 1234];
    const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation((array) => {
      (array as Uint32Array)[0] = draws.shift()!;
      return array;
    });
    expect(generateOtp()).toBe('001234');
    expect(spy).toHaveBeenCalledTimes(3);
  });
});

describe('hashOtp', () => {
  it('binds the hash to code, purpose and target', () => {
    const h = hashOtp('123456', 'login', 'a@b.example');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOtp('123456', 'login', 'A@B.example ')).toBe(h); // target normalised
    expect(hashOtp('123457', 'login', 'a@b.example')).not.toBe(h);
    expect(hashOtp('123456', 'password-reset', 'a@b.example')).not.toBe(h);
    expect(hashOtp('123456', 'login', 'c@b.example')).not.toBe(h);
    const key = new TextEncoder().encode('server-pepper');
    expect(hashOtp('123456', 'login', 'a@b.example', key)).not.toBe(h);
  });
});

describe('OTP lifecycle', () => {
  it('issues a 10-minute code with no attempts used', () => {
    const { code, state } = issueOtp('login', 'User@Example.com', T0);
    expect(state).toMatchObject({ purpose: 'login', target: 'user@example.com', attempts: 0, consumedAt: null });
    expect(state.expiresAt.getTime() - T0.getTime()).toBe(10 * MIN);
    expect(state.codeHash).toBe(hashOtp(code, 'login', 'user@example.com'));
    expect(state.codeHash).not.toContain(code);
  });

  it('property: an OTP verifies exactly once', () => {
    fc.assert(
      fc.property(purposeArb, fc.emailAddress(), fc.nat(10 * MIN - 2), (purpose, target, dt) => {
        const { code, state } = issueOtp(purpose, target, T0);
        const first = verifyOtp(state, code, purpose, target, at(dt));
        expect(first.result).toEqual({ ok: true });
        expect(first.state.consumedAt).toEqual(at(dt));
        const second = verifyOtp(first.state, code, purpose, target, at(dt + 1));
        expect(second.result).toEqual({ ok: false, reason: 'OTP_EXPIRED' });
      }),
    );
  });

  it('counts down attempts: 2, 1, 0', () => {
    const { code, state } = issueOtp('login', 'u@x.example', T0);
    const bad = code === '000000' ? '111111' : '000000';
    let s = state;
    const left: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = verifyOtp(s, bad, 'login', 'u@x.example', at(MIN));
      if (r.result.ok || r.result.reason !== 'OTP_INVALID') throw new Error('expected OTP_INVALID');
      left.push(r.result.attemptsLeft);
      s = r.state;
    }
    expect(left).toEqual([2, 1, 0]);
    expect(s.attempts).toBe(3);
  });

  it('property: 3 wrong attempts kill it even if the 4th is right', () => {
    fc.assert(
      fc.property(purposeArb, fc.emailAddress(), (purpose, target) => {
        const { code, state } = issueOtp(purpose, target, T0);
        fc.assert(
          fc.property(fc.array(wrongCode(code), { minLength: 3, maxLength: 3 }), (wrongs) => {
            let s = state;
            for (const w of wrongs) s = verifyOtp(s, w, purpose, target, at(MIN)).state;
            const fourth = verifyOtp(s, code, purpose, target, at(MIN));
            expect(fourth.result).toEqual({ ok: false, reason: 'OTP_INVALID', attemptsLeft: 0 });
            expect(fourth.state.consumedAt).toBeNull();
          }),
          { numRuns: 5 },
        );
      }),
      { numRuns: 20 },
    );
  });

  it('still accepts the right code after 2 wrong attempts', () => {
    const { code, state } = issueOtp('password-reset', '+919800000000', T0);
    const bad = code === '000000' ? '111111' : '000000';
    let s = verifyOtp(state, bad, 'password-reset', '+919800000000', at(MIN)).state;
    s = verifyOtp(s, bad, 'password-reset', '+919800000000', at(MIN)).state;
    expect(verifyOtp(s, code, 'password-reset', '+919800000000', at(MIN)).result).toEqual({ ok: true });
  });

  it('property: expired never verifies and uses no attempt', () => {
    fc.assert(
      fc.property(purposeArb, fc.nat(10 ** 9), (purpose, late) => {
        const { code, state } = issueOtp(purpose, 'u@x.example', T0);
        const r = verifyOtp(state, code, purpose, 'u@x.example', at(10 * MIN + late));
        expect(r.result).toEqual({ ok: false, reason: 'OTP_EXPIRED' });
        expect(r.state).toBe(state);
      }),
    );
  });

  it('property: the right code with a wrong purpose or target never matches, and costs an attempt', () => {
    fc.assert(
      fc.property(purposeArb, purposeArb, fc.boolean(), (issued, used, sameTarget) => {
        fc.pre(issued !== used || !sameTarget);
        const { code, state } = issueOtp(issued, 'u@x.example', T0);
        const r = verifyOtp(state, code, used, sameTarget ? 'u@x.example' : 'v@x.example', at(MIN));
        expect(r.result).toEqual({ ok: false, reason: 'OTP_INVALID', attemptsLeft: 2 });
        expect(r.state.attempts).toBe(1);
      }),
    );
  });

  it('rejects a forged state whose hash was computed for another purpose', () => {
    const { code, state } = issueOtp('change-request', 'u@x.example', T0);
    const forged = { ...state, purpose: 'login' as OtpPurpose };
    expect(verifyOtp(forged, code, 'login', 'u@x.example', at(MIN)).result.ok).toBe(false);
  });

  it('an invalidated (superseded) code never verifies', () => {
    const { code, state } = issueOtp('login', 'u@x.example', T0);
    const old = invalidateOtp(state, at(MIN));
    expect(old.invalidatedAt).toEqual(at(MIN));
    expect(verifyOtp(old, code, 'login', 'u@x.example', at(2 * MIN)).result).toEqual({
      ok: false,
      reason: 'OTP_EXPIRED',
    });
  });

  it('verifies with a keyed (HMAC) hash only under the same key', () => {
    const key = new TextEncoder().encode('pepper');
    const { code, state } = issueOtp('login', 'u@x.example', T0, key);
    expect(verifyOtp(state, code, 'login', 'u@x.example', at(MIN)).result.ok).toBe(false);
    expect(verifyOtp(state, code, 'login', 'u@x.example', at(MIN), key).result.ok).toBe(true);
  });
});

describe('sendAllowed', () => {
  it('allows the first send', () => {
    expect(sendAllowed([], T0)).toEqual({ ok: true });
  });

  it('limits to 1 per minute', () => {
    expect(sendAllowed([T0], at(30_000))).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(sendAllowed([T0], at(MIN))).toEqual({ ok: true });
  });

  it('limits to 3 per hour, waiting for the oldest to leave the window', () => {
    const sends = [T0, at(10 * MIN), at(20 * MIN)];
    expect(sendAllowed(sends, at(30 * MIN))).toEqual({ ok: false, retryAfterSeconds: 30 * 60 });
    expect(sendAllowed(sends, at(60 * MIN))).toEqual({ ok: true });
  });

  it('limits to 10 per day', () => {
    const sends = Array.from({ length: 10 }, (_, i) => at(i * 2 * 60 * MIN)); // every 2 h
    const now = at(20 * 60 * MIN);
    expect(sendAllowed(sends, now)).toEqual({ ok: false, retryAfterSeconds: 4 * 60 * 60 });
    expect(sendAllowed(sends, at(24 * 60 * MIN))).toEqual({ ok: true });
  });

  it('property: a sender that always waits retryAfter never exceeds any window, and is then allowed', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3 * 60 * MIN), { minLength: 1, maxLength: 40 }), (gaps) => {
        const sent: Date[] = [];
        let t = T0.getTime();
        for (const gap of gaps) {
          t += gap;
          let decision = sendAllowed(sent, new Date(t));
          if (!decision.ok) {
            t += decision.retryAfterSeconds * 1000;
            decision = sendAllowed(sent, new Date(t));
            expect(decision).toEqual({ ok: true });
          }
          sent.push(new Date(t));
        }
        for (const { windowMs, max } of OTP_SEND_LIMITS) {
          for (const s of sent) {
            const inWindow = sent.filter((x) => x.getTime() >= s.getTime() && x.getTime() < s.getTime() + windowMs);
            expect(inWindow.length).toBeLessThanOrEqual(max);
          }
        }
      }),
    );
  });
});
