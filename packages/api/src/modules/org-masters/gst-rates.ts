import { type DbOrTx, gstRates } from '@kapas/db';
import { and, asc, countDistinct, eq, ilike, inArray, max, or } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import type { Page } from '../../shared/pagination';
import { offsetOf } from '../../shared/pagination';
import { indiaDate } from './rules/dates';
import { groupRates, type RateGroup, rateChangeError, supersedeError } from './rules/gst-rate';
import type { createGstRateInput, listGstRatesInput, setActiveVersionedInput, updateGstRateInput } from './schemas';
import { duplicateField, likePattern, notFound, type Origin, rejectFieldErrors, writeAudited } from './write';

type GstRate = typeof gstRates.$inferSelect;

/** One page of GST codes, each with its current rate, scheduled rates and history (paginated by code). */
export async function listGstRates(
  db: DbOrTx,
  input: z.infer<typeof listGstRatesInput>,
  now: Date,
): Promise<Page<RateGroup<GstRate>>> {
  const where = input.search
    ? or(
        ilike(gstRates.code, likePattern(input.search)),
        ilike(gstRates.description, likePattern(input.search)),
        ilike(gstRates.hsnCode, likePattern(input.search)),
      )
    : undefined;
  const [codes, [total]] = await Promise.all([
    db
      .selectDistinct({ code: gstRates.code })
      .from(gstRates)
      .where(where)
      .orderBy(asc(gstRates.code))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db
      .select({ n: countDistinct(gstRates.code) })
      .from(gstRates)
      .where(where),
  ]);
  const rows = codes.length
    ? await db
        .select()
        .from(gstRates)
        .where(
          inArray(
            gstRates.code,
            codes.map((c) => c.code),
          ),
        )
        .orderBy(asc(gstRates.code))
    : [];
  return { items: groupRates(rows, indiaDate(now)), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

async function getGstRate(db: DbOrTx, id: string): Promise<GstRate> {
  const [row] = await db.select().from(gstRates).where(eq(gstRates.id, id));
  if (!row) throw notFound('GST rate');
  return row;
}

const duplicate = duplicateField('effectiveFrom', 'This code already has a rate from this date');

/** Adds a rate; for an existing code it supersedes the older rates from its date on. */
export function createGstRate(o: Origin, input: z.infer<typeof createGstRateInput>): Promise<GstRate> {
  return writeAudited(o, { action: 'master.gst_rate.create', entityType: 'gst_rate', oldValues: null, duplicate }, async (tx) => {
    const [latest] = await tx
      .select({ on: max(gstRates.effectiveFrom) })
      .from(gstRates)
      .where(eq(gstRates.code, input.code));
    const problem = supersedeError(latest?.on ?? null, input.effectiveFrom);
    if (problem) throw new DomainError('CONFLICT', problem, { fieldErrors: { effectiveFrom: [problem] } });
    const [row] = await tx.insert(gstRates).values(input).returning();
    return row;
  });
}

export async function updateGstRate(o: Origin, input: z.infer<typeof updateGstRateInput>): Promise<GstRate> {
  const { id, version, ...fields } = input;
  const before = await getGstRate(o.deps.db, id);
  const problem = rateChangeError(before, fields, indiaDate(o.deps.clock()));
  if (problem) rejectFieldErrors({ rate: [problem] });
  return writeAudited(
    o,
    { action: 'master.gst_rate.update', entityType: 'gst_rate', oldValues: before, duplicate },
    async (tx) => {
      const [row] = await tx
        .update(gstRates)
        .set({ ...fields, version: version + 1, updatedAt: o.deps.clock().toISOString() })
        .where(and(eq(gstRates.id, id), eq(gstRates.version, version)))
        .returning();
      return row;
    },
  );
}

export async function setGstRateActive(o: Origin, input: z.infer<typeof setActiveVersionedInput>): Promise<GstRate> {
  const before = await getGstRate(o.deps.db, input.id);
  const action = input.active ? 'master.gst_rate.activate' : 'master.gst_rate.deactivate';
  return writeAudited(o, { action, entityType: 'gst_rate', oldValues: { active: before.active }, duplicate }, async (tx) => {
    const [row] = await tx
      .update(gstRates)
      .set({ active: input.active, version: input.version + 1, updatedAt: o.deps.clock().toISOString() })
      .where(and(eq(gstRates.id, input.id), eq(gstRates.version, input.version)))
      .returning();
    return row;
  });
}
