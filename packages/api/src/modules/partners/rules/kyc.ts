/**
 * Annual KYC, DOMAIN §4: next due = verification date + 1 year; reminders 30, 15, 7 and 1 days
 * before, then daily while overdue (at most one per type per day); more than 30 days overdue →
 * the partner becomes KYC_EXPIRED and COMPLIANCE is alerted.
 *
 * Days are calendar days in India (UTC+05:30, no daylight saving), because a reminder "7 days
 * before" must not fire on different days depending on the server's time zone. The due DAY
 * counts as overdue day 0: the KYC is no longer current on the day it falls due.
 */
import type { PartnerState } from './onboarding';

export const KYC_REMINDER_DAYS_BEFORE: readonly number[] = [30, 15, 7, 1];
export const KYC_GRACE_DAYS = 30;
const IST_OFFSET_MS = 330 * 60_000;
const DAY_MS = 86_400_000;

/** Verification date + 1 calendar year; 29 February falls back to 28 February, not 1 March. */
export function kycNextDue(verifiedAt: Date): Date {
  const due = new Date(verifiedAt.getTime());
  due.setUTCFullYear(due.getUTCFullYear() + 1);
  if (due.getUTCDate() !== verifiedAt.getUTCDate()) due.setUTCDate(0);
  return due;
}

function indianDay(d: Date): number {
  return Math.floor((d.getTime() + IST_OFFSET_MS) / DAY_MS);
}

/** YYYY-MM-DD of `d` in India: the key of "one reminder per type per day". */
export function indianDate(d: Date): string {
  return new Date(indianDay(d) * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `now` to the due day; 0 on the due day, negative once overdue. */
export function kycDaysUntilDue(verifiedAt: Date, now: Date): number {
  return indianDay(kycNextDue(verifiedAt)) - indianDay(now);
}

export type KycStatus = 'ok' | 'due-soon' | 'overdue' | 'expired';

export function kycStatus(verifiedAt: Date, now: Date): KycStatus {
  const days = kycDaysUntilDue(verifiedAt, now);
  if (days > KYC_REMINDER_DAYS_BEFORE[0]!) return 'ok';
  if (days > 0) return 'due-soon';
  return -days > KYC_GRACE_DAYS ? 'expired' : 'overdue';
}

export type KycReminder = {
  type: 'KYC_DUE_SOON' | 'KYC_OVERDUE';
  daysUntilDue: number;
  /** Store sent keys; skipping a key already sent gives "one per type per day" across job reruns. */
  dedupeKey: string;
};

/** The reminder to send today, or null. Overdue reminders continue daily until KYC is renewed. */
export function kycReminder(verifiedAt: Date, now: Date): KycReminder | null {
  const days = kycDaysUntilDue(verifiedAt, now);
  const type = days > 0 ? 'KYC_DUE_SOON' : 'KYC_OVERDUE';
  if (days > 0 && !KYC_REMINDER_DAYS_BEFORE.includes(days)) return null;
  return { type, daysUntilDue: days, dedupeKey: `${type}:${indianDate(now)}` };
}

/** True when the KYC job must move the partner to KYC_EXPIRED (and escalate to COMPLIANCE). */
export function shouldExpireKyc(state: PartnerState, verifiedAt: Date, now: Date): boolean {
  return state === 'ACTIVE' && kycStatus(verifiedAt, now) === 'expired';
}
