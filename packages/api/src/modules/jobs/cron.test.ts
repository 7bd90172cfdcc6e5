import { describe, expect, it } from 'vitest';
import { isValidCron, nextRun, parseCron } from './cron';

const at = (iso: string) => new Date(iso);

describe('parseCron', () => {
  it('expands stars, lists, ranges and steps', () => {
    const s = parseCron('*/15 9-17/4 1,15 * 1-5');
    expect([...s.minutes]).toEqual([0, 15, 30, 45]);
    expect([...s.hours]).toEqual([9, 13, 17]);
    expect([...s.days]).toEqual([1, 15]);
    expect(s.months.size).toBe(12);
    expect([...s.weekdays]).toEqual([1, 2, 3, 4, 5]);
  });

  it('treats 7 as Sunday', () => {
    expect(parseCron('0 0 * * 7').weekdays.has(0)).toBe(true);
  });

  it('rejects malformed expressions', () => {
    for (const bad of [
      '* * * *',
      '60 * * * *',
      '* 24 * * *',
      '* * 0 * *',
      '* * * 13 *',
      '5-1 * * * *',
      '*/0 * * * *',
      'a * * * *',
    ]) {
      expect(isValidCron(bad), bad).toBe(false);
    }
    expect(isValidCron('0 3 * * *')).toBe(true);
  });
});

describe('nextRun', () => {
  it('is strictly after the given time, at a whole minute', () => {
    expect(nextRun('* * * * *', at('2026-01-01T10:00:00Z')).toISOString()).toBe('2026-01-01T10:01:00.000Z');
    expect(nextRun('* * * * *', at('2026-01-01T10:00:30.500Z')).toISOString()).toBe('2026-01-01T10:01:00.000Z');
  });

  it('finds the next daily slot, rolling over days, months and years', () => {
    expect(nextRun('0 3 * * *', at('2026-01-01T02:59:00Z')).toISOString()).toBe('2026-01-01T03:00:00.000Z');
    expect(nextRun('0 3 * * *', at('2026-01-01T03:00:00Z')).toISOString()).toBe('2026-01-02T03:00:00.000Z');
    expect(nextRun('30 23 31 12 *', at('2026-12-31T23:30:00Z')).toISOString()).toBe('2027-12-31T23:30:00.000Z');
  });

  it('handles steps and weekdays', () => {
    expect(nextRun('*/5 * * * *', at('2026-03-10T10:07:00Z')).toISOString()).toBe('2026-03-10T10:10:00.000Z');
    // 2026-03-14 is a Saturday: next weekday 09:00 is Monday the 16th.
    expect(nextRun('0 9 * * 1-5', at('2026-03-13T09:00:00Z')).toISOString()).toBe('2026-03-16T09:00:00.000Z');
  });

  it('matches either day field when both are restricted (classic cron)', () => {
    // The 1st of the month or any Sunday: from Wed 2026-04-01 10:00 the next is Sun 2026-04-05.
    expect(nextRun('0 0 1 * 0', at('2026-04-01T10:00:00Z')).toISOString()).toBe('2026-04-05T00:00:00.000Z');
  });

  it('handles leap days and refuses impossible dates', () => {
    expect(nextRun('0 0 29 2 *', at('2026-03-01T00:00:00Z')).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(() => nextRun('0 0 31 2 *', at('2026-01-01T00:00:00Z'))).toThrow(/never matches/);
  });
});
