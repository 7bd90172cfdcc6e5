import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeliveryError } from './delivery';
import { afterFailedAttempt, MAX_DELIVERY_ATTEMPTS, retrySchedule } from './retry';

const MIN = 60_000;
const NOW = new Date('2025-06-01T10:00:00Z');

describe('retrySchedule', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, then gives up after 5 attempts', () => {
    expect([1, 2, 3, 4, 5, 6].map(retrySchedule)).toEqual([MIN, 5 * MIN, 30 * MIN, 120 * MIN, null, null]);
    expect(MAX_DELIVERY_ATTEMPTS).toBe(5);
  });

  it('property: delays grow and never exceed the 2 h cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
        const d = retrySchedule(n);
        const next = retrySchedule(n + 1);
        if (d !== null) expect(d).toBeLessThanOrEqual(120 * MIN);
        if (d !== null && next !== null) expect(next).toBeGreaterThan(d);
        if (d === null) expect(next).toBeNull();
      }),
    );
  });

  it('rejects attempt numbers below 1', () => {
    expect(() => retrySchedule(0)).toThrow(RangeError);
    expect(() => retrySchedule(1.5)).toThrow(RangeError);
  });
});

describe('afterFailedAttempt', () => {
  it('requeues retryable and unknown errors on schedule', () => {
    expect(afterFailedAttempt(1, new DeliveryError('busy', { retryable: true }), NOW)).toEqual({
      status: 'queued',
      nextAttemptAt: new Date(NOW.getTime() + MIN),
    });
    expect(afterFailedAttempt(3, new Error('boom'), NOW)).toEqual({
      status: 'queued',
      nextAttemptAt: new Date(NOW.getTime() + 30 * MIN),
    });
  });

  it('fails permanent errors at once and everything after the 5th attempt', () => {
    expect(afterFailedAttempt(1, new DeliveryError('bad number', { retryable: false }), NOW)).toEqual({
      status: 'failed',
      reason: 'PERMANENT',
    });
    expect(afterFailedAttempt(5, new DeliveryError('busy', { retryable: true }), NOW)).toEqual({
      status: 'failed',
      reason: 'EXHAUSTED',
    });
  });
});
