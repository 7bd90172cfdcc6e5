import { z } from 'zod';
import { pageInput } from '../../shared/pagination';
import { DECISIONS } from './rules';
import { APPROVAL_STATES, APPROVAL_TYPES } from './types';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(d) && d >= '2000-01-01' && d <= '2999-12-31';
  }, 'Not a calendar date');

export const listInput = pageInput.extend({
  type: z.enum(APPROVAL_TYPES).optional(),
  status: z.enum(APPROVAL_STATES).optional(),
  partnerId: z.string().uuid().optional(),
  /** Created on or after this day (UTC). */
  from: isoDate.optional(),
  /** Created on or before this day (UTC). */
  to: isoDate.optional(),
  sort: z.enum(['createdAt', 'expiresAt', 'number']).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type ListInput = z.infer<typeof listInput>;

export const mineInput = pageInput.extend({ status: z.enum(APPROVAL_STATES).optional() });
export type MineInput = z.infer<typeof mineInput>;

const note = z.string().trim().max(1000).optional();

export const decideInput = z.object({
  id: z.string().uuid(),
  version: z.number().int().min(1),
  decision: z.enum(DECISIONS),
  note,
});
export type DecideInput = z.infer<typeof decideInput>;

export const bulkDecideInput = z.object({
  ids: z.array(z.string().uuid()).min(1).max(50),
  decision: z.enum(DECISIONS),
  note,
});

export const idInput = z.object({ id: z.string().uuid() });
export const cancelInput = z.object({ id: z.string().uuid(), note });
