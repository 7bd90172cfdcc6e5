import { z } from 'zod';
import { pageInput } from '../../shared/pagination';
import { isGstStateCode } from '../partners/rules/gst-state-codes';
import { COMMISSION_BASES, COMMISSION_SIDES } from './rules/commission';
import { isIsoDate } from './rules/dates';
import { isGstRate } from './rules/gst-rate';

const uuid = z.string().uuid();
/** PostgreSQL text cannot hold NUL, and control characters in reference data are always a paste accident. */
const hasControl = (v: string) => Array.from(v).some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);
const plain = (schema: z.ZodString) => schema.refine((v) => !hasControl(v), 'Remove control characters');
const version = z.number().int().positive();
const name = plain(z.string().trim().min(2, 'Name needs at least 2 characters').max(80, 'Name can have at most 80 characters'));
const code = z
  .string()
  .trim()
  .min(2, 'Code needs at least 2 characters')
  .max(32, 'Code can have at most 32 characters')
  .regex(/^[A-Z0-9_]+$/, 'Use capital letters, digits and underscores');
const isoDate = z.string().trim().max(10).refine(isIsoDate, 'Enter a date as YYYY-MM-DD');
/** Optional text: blank becomes null so "no value" has one spelling. */
const optional = (schema: z.ZodString) =>
  z
    .string()
    .trim()
    .max(300)
    .nullish()
    .transform((v) => (v ? v : null))
    .pipe(plain(schema).nullable());
const search = plain(z.string().trim().max(80)).optional();

export const byIdInput = z.object({ id: uuid });
export const setActiveInput = z.object({ id: uuid, active: z.boolean() });
export const setActiveVersionedInput = setActiveInput.extend({ version });

// Locations
export const locationsInput = z.object({ includeInactive: z.boolean().default(true) }).default({ includeInactive: true });
const stateFields = z.object({
  name,
  gstCode: z
    .string()
    .trim()
    .regex(/^\d{2}$/, 'GST state code is 2 digits')
    .refine(isGstStateCode, 'Not a GST state code'),
});
export const createStateInput = stateFields;
export const updateStateInput = stateFields.extend({ id: uuid });
export const createRegionInput = z.object({ stateId: uuid, name });
export const updateRegionInput = z.object({ id: uuid, name });
const stationFields = z.object({
  name,
  latitude: z.number().min(-90, 'Latitude is from −90 to 90').max(90, 'Latitude is from −90 to 90'),
  longitude: z.number().min(-180, 'Longitude is from −180 to 180').max(180, 'Longitude is from −180 to 180'),
});
export const createStationInput = stationFields.extend({ regionId: uuid });
export const updateStationInput = stationFields.extend({ id: uuid });

// Organizations
export const listOrganizationsInput = pageInput.extend({ search }).default({ page: 1, pageSize: 20 });
const organizationFields = z.object({
  name: plain(z.string().trim().min(2, 'Name needs at least 2 characters').max(120, 'Name can have at most 120 characters')),
  pan: optional(z.string().toUpperCase().max(10, 'PAN is 10 characters')),
  gstin: optional(z.string().toUpperCase().max(15, 'GSTIN is 15 characters')),
  address: optional(z.string().max(300, 'Address can have at most 300 characters')),
});
export const createOrganizationInput = organizationFields;
export const updateOrganizationInput = organizationFields.extend({ id: uuid });

// Financial years
export const createFinancialYearInput = z.object({
  code: z.string().trim().max(7, 'Code looks like 2026-27'),
  startsOn: isoDate,
  endsOn: isoDate,
});
export const financialYearActionInput = z.object({ id: uuid, version });

// GST rates
const gstRate = z.string().trim().max(6).refine(isGstRate, 'GST rate is a percentage from 0 to 100 with up to 2 decimals');
export const listGstRatesInput = pageInput.extend({ search }).default({ page: 1, pageSize: 20 });
export const createGstRateInput = z.object({
  code,
  description: plain(z.string().trim().min(2, 'Description needs at least 2 characters').max(200)),
  hsnCode: optional(z.string().regex(/^\d{4,8}$/, 'HSN/SAC code is 4 to 8 digits')),
  rate: gstRate,
  effectiveFrom: isoDate,
});
export const updateGstRateInput = createGstRateInput.omit({ code: true }).extend({ id: uuid, version });

// Commission structures
export const listCommissionsInput = pageInput
  .extend({ search, includeInactive: z.boolean().default(true) })
  .default({ page: 1, pageSize: 20, includeInactive: true });
export const commissionFields = z.object({
  code,
  name,
  basis: z.enum(COMMISSION_BASES),
  rate: z.string().trim().min(1, 'Enter the rate').max(12),
  side: z.enum(COMMISSION_SIDES),
  commodityId: uuid.nullish().transform((v) => v ?? null),
  effectiveFrom: isoDate,
});
export const createCommissionInput = commissionFields;
export const updateCommissionInput = commissionFields.extend({ id: uuid, version });
