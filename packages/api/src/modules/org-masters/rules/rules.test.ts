import { describe, expect, it } from 'vitest';
import { commissionRateErrors } from './commission';
import { indiaDate, isIsoDate } from './dates';
import {
  financialYearActionError,
  financialYearErrors,
  financialYearOf,
  financialYearSpan,
  startYearOfCode,
} from './financial-year';
import { groupRates, isGstRate, rateChangeError, supersedeError } from './gst-rate';
import { organizationErrors } from './organization';

describe('financial years', () => {
  it('spans 1 April to 31 March and is coded by the start year', () => {
    expect(financialYearSpan(2026)).toEqual({ code: '2026-27', startsOn: '2026-04-01', endsOn: '2027-03-31' });
    expect(financialYearSpan(2099)).toEqual({ code: '2099-00', startsOn: '2099-04-01', endsOn: '2100-03-31' });
  });

  it('finds the year of a date: January to March belong to the year that began the April before', () => {
    expect(financialYearOf('2026-03-31').code).toBe('2025-26');
    expect(financialYearOf('2026-04-01').code).toBe('2026-27');
    expect(financialYearOf('2026-12-04').code).toBe('2026-27');
  });

  it('reads the start year only from a well-formed code', () => {
    expect(startYearOfCode('2026-27')).toBe(2026);
    expect(startYearOfCode('2026-28')).toBeNull();
    expect(startYearOfCode('2026-2027')).toBeNull();
    expect(startYearOfCode('26-27')).toBeNull();
  });

  it('accepts exactly the span the code names', () => {
    expect(financialYearErrors(financialYearSpan(2027))).toEqual({});
    expect(financialYearErrors({ code: '2027-29', startsOn: '2027-04-01', endsOn: '2028-03-31' })).toHaveProperty('code');
    const shifted = financialYearErrors({ code: '2027-28', startsOn: '2027-01-01', endsOn: '2027-12-31' });
    expect(Object.keys(shifted).sort()).toEqual(['endsOn', 'startsOn']);
    expect(financialYearErrors({ code: '2027-28', startsOn: '2026-04-01', endsOn: '2028-03-31' })).toEqual({
      startsOn: ['Financial year 2027-28 starts on 1 April 2027 (2027-04-01)'],
    });
  });

  it('keeps closed years read-only and never closes the current year', () => {
    const open = { code: '2026-27', isCurrent: false, closed: false };
    expect(financialYearActionError(open, 'setCurrent')).toBeNull();
    expect(financialYearActionError(open, 'close')).toBeNull();
    expect(financialYearActionError({ ...open, isCurrent: true }, 'close')).toMatch(/current year/);
    expect(financialYearActionError({ ...open, isCurrent: true }, 'setCurrent')).toMatch(/already/);
    expect(financialYearActionError({ ...open, closed: true }, 'setCurrent')).toMatch(/closed/);
    expect(financialYearActionError({ ...open, closed: true }, 'close')).toMatch(/closed/);
  });
});

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('1 April 2027')).toBe(false);
  });

  it('tells the Indian date, which changes at 18:30 UTC', () => {
    expect(indiaDate(new Date('2026-03-31T18:29:59Z'))).toBe('2026-03-31');
    expect(indiaDate(new Date('2026-03-31T18:30:00Z'))).toBe('2026-04-01');
  });
});

describe('GST rates', () => {
  it('accepts 0 to 100 with at most 2 decimals', () => {
    for (const ok of ['0', '5', '12.5', '18.00', '100', '100.00']) expect(isGstRate(ok)).toBe(true);
    for (const bad of ['-1', '100.01', '5.125', '1e2', '', 'abc', '101']) expect(isGstRate(bad)).toBe(false);
  });

  const rate = (code: string, effectiveFrom: string, value: string, active = true) => ({
    code,
    effectiveFrom,
    rate: value,
    active,
  });

  it('shows the latest rate on or before today as current, later ones as scheduled, the rest as history', () => {
    const rows = [
      rate('COTTON', '2017-07-01', '5'),
      rate('COTTON', '2027-01-01', '12'),
      rate('COTTON', '2022-01-01', '6'),
      rate('YARN', '2017-07-01', '5'),
    ];
    const [cotton, yarn] = groupRates(rows, '2026-12-04');
    expect(cotton?.current?.rate).toBe('6');
    expect(cotton?.scheduled.map((r) => r.rate)).toEqual(['12']);
    expect(cotton?.history.map((r) => r.rate)).toEqual(['5']);
    expect(yarn).toMatchObject({ code: 'YARN', scheduled: [], history: [] });
    expect(groupRates(rows, '2027-01-01')[0]?.current?.rate).toBe('12');
  });

  it('never counts an inactive rate as current', () => {
    const [g] = groupRates([rate('X', '2020-01-01', '5'), rate('X', '2021-01-01', '12', false)], '2026-01-01');
    expect(g?.current?.rate).toBe('5');
    expect(g?.history.map((r) => r.rate)).toEqual(['12']);
  });

  it('supersedes only from a later date', () => {
    expect(supersedeError(null, '2020-01-01')).toBeNull();
    expect(supersedeError('2020-01-01', '2020-01-02')).toBeNull();
    expect(supersedeError('2020-01-01', '2020-01-01')).toMatch(/after 2020-01-01/);
    expect(supersedeError('2020-01-01', '2019-12-31')).toMatch(/after 2020-01-01/);
  });

  it('freezes the rate and date of a rate already in effect', () => {
    const inEffect = { rate: '5.00', effectiveFrom: '2020-01-01' };
    expect(rateChangeError(inEffect, { rate: '5', effectiveFrom: '2020-01-01' }, '2026-01-01')).toBeNull();
    expect(rateChangeError(inEffect, { rate: '12', effectiveFrom: '2020-01-01' }, '2026-01-01')).toMatch(/already in effect/);
    expect(rateChangeError(inEffect, { rate: '5', effectiveFrom: '2020-02-01' }, '2026-01-01')).toMatch(/already in effect/);
    expect(
      rateChangeError({ rate: '5', effectiveFrom: '2027-01-01' }, { rate: '12', effectiveFrom: '2027-02-01' }, '2026-01-01'),
    ).toBeNull();
  });
});

describe('commission structures', () => {
  it('takes a percentage from 0 to 100', () => {
    expect(commissionRateErrors('PERCENT', '0')).toEqual({});
    expect(commissionRateErrors('PERCENT', '0.5')).toEqual({});
    expect(commissionRateErrors('PERCENT', '100')).toEqual({});
    expect(commissionRateErrors('PERCENT', '0.1234')).toEqual({});
    expect(commissionRateErrors('PERCENT', '100.5')).toHaveProperty('rate');
    expect(commissionRateErrors('PERCENT', '0.12345')).toHaveProperty('rate');
    expect(commissionRateErrors('PERCENT', '-1')).toHaveProperty('rate');
  });

  it('takes an INR amount per bale of 0 or more with 2 decimals', () => {
    expect(commissionRateErrors('PER_BALE', '0')).toEqual({});
    expect(commissionRateErrors('PER_BALE', '250')).toEqual({});
    expect(commissionRateErrors('PER_BALE', '25.50')).toEqual({});
    expect(commissionRateErrors('PER_BALE', '25.505')).toHaveProperty('rate');
    expect(commissionRateErrors('PER_BALE', '-5')).toHaveProperty('rate');
  });
});

describe('organizations', () => {
  it('checks PAN, GSTIN and that the GSTIN carries the PAN', () => {
    expect(organizationErrors({ pan: 'AAACK4321P', gstin: '27AAACK4321P1ZD' })).toEqual({});
    expect(organizationErrors({ pan: null, gstin: null })).toEqual({});
    expect(organizationErrors({ pan: 'AAACK432', gstin: null })).toHaveProperty('pan');
    expect(organizationErrors({ pan: 'AAACL4321P', gstin: '27AAACK4321P1ZD' })).toEqual({
      gstin: ['GSTIN does not contain the PAN of this partner'],
    });
    expect(organizationErrors({ pan: 'AAACK4321P', gstin: '27AAACK4321P1ZE' }).gstin?.[0]).toMatch(/check character/);
  });
});
