import { commissionStructures, commodities, type DbOrTx, type Transaction } from '@kapas/db';
import { and, asc, count, eq, ilike, ne, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { offsetOf, type Page } from '../../shared/pagination';
import { commissionRateErrors } from './rules/commission';
import type { createCommissionInput, listCommissionsInput, setActiveVersionedInput, updateCommissionInput } from './schemas';
import { duplicateField, likePattern, notFound, type Origin, rejectFieldErrors, writeAudited } from './write';

type Commission = typeof commissionStructures.$inferSelect;

export async function listCommissions(db: DbOrTx, input: z.infer<typeof listCommissionsInput>): Promise<Page<Commission>> {
  const filters: (SQL | undefined)[] = [];
  if (!input.includeInactive) filters.push(eq(commissionStructures.active, true));
  if (input.search) {
    filters.push(
      or(
        ilike(commissionStructures.code, likePattern(input.search)),
        ilike(commissionStructures.name, likePattern(input.search)),
      ),
    );
  }
  const where = and(...filters);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(commissionStructures)
      .where(where)
      .orderBy(asc(commissionStructures.code))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: count() }).from(commissionStructures).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

async function getCommission(db: DbOrTx, id: string): Promise<Commission> {
  const [row] = await db.select().from(commissionStructures).where(eq(commissionStructures.id, id));
  if (!row) throw notFound('Commission structure');
  return row;
}

async function checkRefs(tx: Transaction, code: string, commodityId: string | null, id: string | null): Promise<void> {
  const [clash] = await tx
    .select({ id: commissionStructures.id })
    .from(commissionStructures)
    .where(and(eq(commissionStructures.code, code), id ? ne(commissionStructures.id, id) : undefined));
  if (clash) throw duplicateField('code', `${code} is already used`);
  if (commodityId) {
    const [commodity] = await tx.select({ id: commodities.id }).from(commodities).where(eq(commodities.id, commodityId));
    if (!commodity) rejectFieldErrors({ commodityId: ['Choose a commodity from the list'] });
  }
}

const duplicate = duplicateField('code', 'This code is already used');

export function createCommission(o: Origin, input: z.infer<typeof createCommissionInput>): Promise<Commission> {
  rejectFieldErrors(commissionRateErrors(input.basis, input.rate));
  return writeAudited(
    o,
    { action: 'master.commission.create', entityType: 'commission_structure', oldValues: null, duplicate },
    async (tx) => {
      await checkRefs(tx, input.code, input.commodityId, null);
      const [row] = await tx.insert(commissionStructures).values(input).returning();
      return row;
    },
  );
}

export async function updateCommission(o: Origin, input: z.infer<typeof updateCommissionInput>): Promise<Commission> {
  rejectFieldErrors(commissionRateErrors(input.basis, input.rate));
  const { id, version, ...fields } = input;
  const before = await getCommission(o.deps.db, id);
  return writeAudited(
    o,
    { action: 'master.commission.update', entityType: 'commission_structure', oldValues: before, duplicate },
    async (tx) => {
      await checkRefs(tx, input.code, input.commodityId, id);
      const [row] = await tx
        .update(commissionStructures)
        .set({ ...fields, version: version + 1, updatedAt: o.deps.clock().toISOString() })
        .where(and(eq(commissionStructures.id, id), eq(commissionStructures.version, version)))
        .returning();
      return row;
    },
  );
}

export async function setCommissionActive(o: Origin, input: z.infer<typeof setActiveVersionedInput>): Promise<Commission> {
  const before = await getCommission(o.deps.db, input.id);
  const action = input.active ? 'master.commission.activate' : 'master.commission.deactivate';
  return writeAudited(
    o,
    { action, entityType: 'commission_structure', oldValues: { active: before.active }, duplicate },
    async (tx) => {
      const [row] = await tx
        .update(commissionStructures)
        .set({ active: input.active, version: input.version + 1, updatedAt: o.deps.clock().toISOString() })
        .where(and(eq(commissionStructures.id, input.id), eq(commissionStructures.version, input.version)))
        .returning();
      return row;
    },
  );
}
