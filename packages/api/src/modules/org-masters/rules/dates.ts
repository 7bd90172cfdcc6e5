/** Calendar dates as ISO `YYYY-MM-DD` strings (what PostgreSQL `date` columns hold). Browser-safe. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the string is a real calendar date (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Today's date in India (IST, UTC+05:30, no daylight saving): rates take effect on Indian dates. */
export function indiaDate(now: Date): string {
  return new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 10);
}
