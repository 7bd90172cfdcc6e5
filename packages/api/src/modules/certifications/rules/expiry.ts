/**
 * Expiry arithmetic on calendar dates (YYYY-MM-DD, UTC, the same day boundary matching uses):
 * a certification is valid through its expiry day; "expiring" = within `expiringDays`
 * (setting, 90); reminders on the 30th and the 7th day before expiry.
 */
export const CERTIFICATION_REMINDER_DAYS: readonly number[] = [30, 7];
const DAY_MS = 86_400_000;

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Whole days from `now`'s date to `expiresOn`: 0 on the expiry day, negative after it. */
export function daysToExpiry(expiresOn: string, now: Date): number {
  return Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${isoDay(now)}T00:00:00Z`)) / DAY_MS);
}

export const isPastExpiry = (expiresOn: string, now: Date): boolean => daysToExpiry(expiresOn, now) < 0;

export function isExpiring(expiresOn: string, now: Date, expiringDays: number): boolean {
  const days = daysToExpiry(expiresOn, now);
  return days >= 0 && days <= expiringDays;
}

/** The reminder kind due today (`CERT_EXPIRY_30` / `CERT_EXPIRY_7`), or null. */
export function expiryReminderKind(expiresOn: string, now: Date): string | null {
  const days = daysToExpiry(expiresOn, now);
  return CERTIFICATION_REMINDER_DAYS.includes(days) ? `CERT_EXPIRY_${days}` : null;
}

/** Field errors of the dates: a real date each, expiry after issue. */
export function dateErrors(issuedOn: string, expiresOn: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isoDay(new Date(`${d}T00:00:00Z`)) === d;
  if (!valid(issuedOn)) errors.issuedOn = ['Enter a valid date'];
  if (!valid(expiresOn)) errors.expiresOn = ['Enter a valid date'];
  else if (valid(issuedOn) && expiresOn <= issuedOn) errors.expiresOn = ['The expiry date must be after the issue date'];
  return errors;
}
