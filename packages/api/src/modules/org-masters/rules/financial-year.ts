/**
 * Indian financial years (DOMAIN §2): 1 April to 31 March, coded by the start year and the last two
 * digits of the next year, e.g. 2026-27. Pure and browser-safe.
 */
import type { FieldErrors } from '../../../errors';

export type FinancialYearSpan = { code: string; startsOn: string; endsOn: string };

const CODE = /^(\d{4})-(\d{2})$/;

export function financialYearSpan(startYear: number): FinancialYearSpan {
  const next = String((startYear + 1) % 100).padStart(2, '0');
  return { code: `${startYear}-${next}`, startsOn: `${startYear}-04-01`, endsOn: `${startYear + 1}-03-31` };
}

/** The start year a code names, or null when the code is not a well-formed financial year code. */
export function startYearOfCode(code: string): number | null {
  const m = CODE.exec(code);
  if (!m) return null;
  const start = Number(m[1]);
  return m[2] === String((start + 1) % 100).padStart(2, '0') ? start : null;
}

/** The financial year containing an ISO date (January–March belong to the year that began the April before). */
export function financialYearOf(isoDate: string): FinancialYearSpan {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return financialYearSpan(month >= 4 ? year : year - 1);
}

/** Field errors for a new financial year: the code must name the year that runs from startsOn to endsOn. */
export function financialYearErrors(input: FinancialYearSpan): FieldErrors {
  const start = startYearOfCode(input.code);
  if (start === null) return { code: ['Code is the start year and the next year’s last two digits, e.g. 2026-27'] };
  const expected = financialYearSpan(start);
  const errors: FieldErrors = {};
  if (input.startsOn !== expected.startsOn)
    errors.startsOn = [`Financial year ${input.code} starts on 1 April ${start} (${expected.startsOn})`];
  if (input.endsOn !== expected.endsOn)
    errors.endsOn = [`Financial year ${input.code} ends on 31 March ${start + 1} (${expected.endsOn})`];
  return errors;
}

export type FinancialYearState = { code: string; isCurrent: boolean; closed: boolean };
export type FinancialYearAction = 'setCurrent' | 'close';

/** Why an action is not allowed in the year's current state (closed years are read-only), or null. */
export function financialYearActionError(year: FinancialYearState, action: FinancialYearAction): string | null {
  if (year.closed) return `Financial year ${year.code} is closed and cannot be changed.`;
  if (action === 'setCurrent' && year.isCurrent) return `Financial year ${year.code} is already the current year.`;
  if (action === 'close' && year.isCurrent) {
    return `Financial year ${year.code} is the current year; make another year current before closing it.`;
  }
  return null;
}
