import { z } from 'zod';
import { lastEventIdInput } from '../../realtime/resume-input';
import { pageInput } from '../../shared/pagination';

import { MASTER_KINDS, type MasterKind } from './kinds';

export { MASTER_KINDS, type MasterKind };

/** Kinds whose items carry a number of days (DOMAIN §3). */
export const KINDS_WITH_DAYS: readonly MasterKind[] = ['DELIVERY_TERM', 'PAYMENT_TERM'];

const code = z
  .string()
  .trim()
  .min(2, 'Code needs at least 2 characters')
  .max(32, 'Code can have at most 32 characters')
  .regex(/^[A-Z0-9_]+$/, 'Use capital letters, digits and underscores');
const name = z.string().trim().min(2, 'Name needs at least 2 characters').max(80, 'Name can have at most 80 characters');
const uuid = z.string().uuid();

export const qualityParameterSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lowercase letters, digits and underscores'),
  label: z.string().trim().min(1, 'Label is required').max(60),
  unit: z.string().trim().max(20),
  kind: z.enum(['numeric', 'grade']),
  min: z.number().finite().nullable(),
  max: z.number().finite().nullable(),
  step: z.number().positive('Step must be above 0').nullable(),
  weight: z.number().min(0, 'Weight cannot be negative').max(10, 'Weight can be at most 10'),
  mandatory: z.boolean(),
  grades: z.array(z.string().trim().min(1).max(20)).max(50).optional(),
});

export const commodityFields = z.object({
  code,
  name,
  hsnCode: z
    .string()
    .trim()
    .regex(/^\d{4,8}$/, 'HSN code is 4 to 8 digits'),
  gstRate: z.number().min(0, 'GST rate cannot be negative').max(28, 'GST rate can be at most 28 %'),
  tradeUnit: z.string().trim().min(1).max(20).default('Bales'),
  rateUnit: z.string().trim().min(1).max(20).default('Candy'),
  qualityTemplate: z.array(qualityParameterSchema).max(40),
});

export const createCommodityInput = commodityFields;
export const updateCommodityInput = commodityFields.extend({ id: uuid, version: z.number().int().positive() });
export const setActiveInput = z.object({ id: uuid, active: z.boolean(), version: z.number().int().positive() });

export const listItemsInput = pageInput.extend({
  kind: z.enum(MASTER_KINDS),
  search: z.string().trim().max(80).optional(),
  includeInactive: z.boolean().default(false),
  sort: z.enum(['order', 'code', 'name']).default('order'),
});

export const itemFields = z.object({
  kind: z.enum(MASTER_KINDS),
  code,
  name,
  days: z.number().int().min(0, 'Days cannot be negative').max(365, 'Days can be at most 365').nullable().default(null),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export const createItemInput = itemFields;
export const updateItemInput = itemFields.omit({ kind: true }).extend({ id: uuid, version: z.number().int().positive() });

export const listCommoditiesInput = z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false });
export const byIdInput = z.object({ id: uuid });
export const onChangeInput = z.object({ lastEventId: lastEventIdInput }).default({});
