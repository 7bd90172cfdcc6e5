import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indianDate, kycDaysUntilDue, kycNextDue, kycReminder, kycStatus, shouldExpireKyc } from './kyc';

const DAY = 86_400_000;
// 10:00 IST on 15 March 2024.
const verified = new Date('2024-03-15T04:30:00Z');
const dayOffset = (days: number) => new Date(new Date('2025-03-15T04:30:00Z').getTime() + days * DAY);

describe('KYC', () => {
  it('is due one year after verification; 29 February falls back to 28 February', () => {
    expect(kycNextDue(verified).toISOString()).toBe('2025-03-15T04:30:00.000Z');
    expect(kycNextDue(new Date('2024-02-29T06:00:00Z')).toISOString()).toBe('2025-02-28T06:00:00.000Z');
  });

  it('counts Indian calendar days, not UTC ones', () => {
    // 20:00 UTC on 13 March is 01:30 IST on 14 March: one day before the due day.
    expect(kycDaysUntilDue(verified, new Date('2025-03-13T20:00:00Z'))).toBe(1);
    expect(indianDate(new Date('2025-03-13T20:00:00Z'))).toBe('2025-03-14');
  });

  it.each([
    [-31, 'ok'],
    [-30, 'due-soon'],
    [-1, 'due-soon'],
    [0, 'overdue'],
    [30, 'overdue'],
    [31, 'expired'],
  ] as const)('%i days after the due date → %s', (days, status) => {
    expect(kycStatus(verified, dayOffset(days))).toBe(status);
  });

  it('reminds 30, 15, 7 and 1 days before, then daily while overdue', () => {
    const sent: number[] = [];
    for (let d = -60; d <= 40; d++) if (kycReminder(verified, dayOffset(d))) sent.push(d);
    expect(sent.filter((d) => d < 0)).toEqual([-30, -15, -7, -1]);
    expect(sent.filter((d) => d >= 0)).toEqual(Array.from({ length: 41 }, (_, i) => i));
    expect(kycReminder(verified, dayOffset(-7))).toEqual({
      type: 'KYC_DUE_SOON',
      daysUntilDue: 7,
      dedupeKey: 'KYC_DUE_SOON:2025-03-08',
    });
    expect(kycReminder(verified, dayOffset(3))?.type).toBe('KYC_OVERDUE');
  });

  it('gives at most one reminder key per type per day, however often the job runs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -40, max: 40 }),
        fc.array(fc.integer({ min: 0, max: DAY - 1 }), { minLength: 2 }),
        (d, times) => {
          const dayStart = new Date('2025-03-14T18:30:00Z').getTime() + d * DAY; // 00:00 IST
          const keys = new Set(times.map((t) => kycReminder(verified, new Date(dayStart + t))?.dedupeKey));
          return keys.size === 1;
        },
      ),
    );
  });

  it('expires only ACTIVE partners more than 30 days overdue', () => {
    expect(shouldExpireKyc('ACTIVE', verified, dayOffset(31))).toBe(true);
    expect(shouldExpireKyc('ACTIVE', verified, dayOffset(30))).toBe(false);
    expect(shouldExpireKyc('SUSPENDED', verified, dayOffset(90))).toBe(false);
  });
});
