/**
 * GST rates with history: each code has dated rates; the one with the latest date on or before today
 * is current, later ones are scheduled, earlier ones are history. A new rate for a code supersedes
 * the older ones from its date on, so it must start after every existing rate of that code.
 */

export type DatedRate = { code: string; effectiveFrom: string; rate: string; active: boolean };

export type RateGroup<T> = { code: string; current: T | null; scheduled: T[]; history: T[] };

/** Groups rates by code (codes in the given order of first appearance); inactive rates never count as current. */
export function groupRates<T extends DatedRate>(rows: readonly T[], today: string): RateGroup<T>[] {
  const byCode = new Map<string, T[]>();
  for (const row of rows) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  return [...byCode].map(([code, list]) => {
    const newestFirst = [...list].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
    const current = newestFirst.find((r) => r.active && r.effectiveFrom <= today) ?? null;
    return {
      code,
      current,
      scheduled: newestFirst.filter((r) => r.effectiveFrom > today),
      history: newestFirst.filter((r) => r.effectiveFrom <= today && r !== current),
    };
  });
}

/** Why a new rate for a code cannot start on this date (it must come after the latest existing one), or null. */
export function supersedeError(latestExisting: string | null, effectiveFrom: string): string | null {
  if (latestExisting === null || effectiveFrom > latestExisting) return null;
  return `A new rate for this code must start after ${latestExisting}, the date of its latest rate`;
}

/** A rate already in effect is history: its rate and date stay as they were; add a new rate instead. */
export function rateChangeError(
  row: { rate: string; effectiveFrom: string },
  change: { rate: string; effectiveFrom: string },
  today: string,
): string | null {
  if (row.effectiveFrom > today) return null;
  const sameRate = Number(row.rate) === Number(change.rate);
  if (sameRate && row.effectiveFrom === change.effectiveFrom) return null;
  return 'This rate is already in effect; add a new rate from a later date instead of changing it';
}

const GST_RATE = /^\d{1,3}(\.\d{1,2})?$/;

/** A GST rate is a percentage from 0 to 100 with at most 2 decimals, written as a decimal string. */
export function isGstRate(value: string): boolean {
  return GST_RATE.test(value) && Number(value) <= 100;
}
