import { type DbOrTx, financialYears } from '@kapas/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { type FinancialYearAction, financialYearActionError, financialYearErrors } from './rules/financial-year';
import type { createFinancialYearInput, financialYearActionInput } from './schemas';
import { duplicateField, notFound, type Origin, rejectFieldErrors, writeAudited } from './write';

type FinancialYear = typeof financialYears.$inferSelect;

export function listFinancialYears(db: DbOrTx): Promise<FinancialYear[]> {
  // One row a year: the list stays short, so it is not paginated.
  return db.select().from(financialYears).orderBy(desc(financialYears.startsOn));
}

async function getFinancialYear(db: DbOrTx, id: string): Promise<FinancialYear> {
  const [row] = await db.select().from(financialYears).where(eq(financialYears.id, id));
  if (!row) throw notFound('Financial year');
  return row;
}

export function createFinancialYear(o: Origin, input: z.infer<typeof createFinancialYearInput>): Promise<FinancialYear> {
  rejectFieldErrors(financialYearErrors(input));
  const duplicate = duplicateField('code', `Financial year ${input.code} already exists`);
  return writeAudited(
    o,
    { action: 'master.financial_year.create', entityType: 'financial_year', oldValues: null, duplicate },
    async (tx) => {
      const [clash] = await tx.select({ id: financialYears.id }).from(financialYears).where(eq(financialYears.code, input.code));
      if (clash) throw duplicate;
      const [row] = await tx.insert(financialYears).values(input).returning();
      return row;
    },
  );
}

function checkAction(year: FinancialYear, action: FinancialYearAction): void {
  const problem = financialYearActionError(year, action);
  if (problem)
    throw new DomainError('CONFLICT', problem, { state: year.closed ? 'CLOSED' : year.isCurrent ? 'CURRENT' : 'OPEN' });
}

/**
 * Makes one year current and the previous current year not, in one transaction; the partial unique
 * index on is_current turns a concurrent second "set current" into a CONFLICT instead of two current years.
 */
export async function setCurrentFinancialYear(
  o: Origin,
  input: z.infer<typeof financialYearActionInput>,
): Promise<FinancialYear> {
  const before = await getFinancialYear(o.deps.db, input.id);
  checkAction(before, 'setCurrent');
  const now = o.deps.clock().toISOString();
  const duplicate = new DomainError(
    'CONFLICT',
    'Another financial year was made current at the same time. Reload and try again.',
  );
  return writeAudited(
    o,
    { action: 'master.financial_year.set_current', entityType: 'financial_year', oldValues: { isCurrent: false }, duplicate },
    async (tx) => {
      // Re-check inside the transaction: the year may have been closed since it was read.
      const [fresh] = await tx.select().from(financialYears).where(eq(financialYears.id, input.id)).for('update');
      if (!fresh || fresh.version !== input.version) return undefined;
      checkAction(fresh, 'setCurrent');
      await tx
        .update(financialYears)
        .set({ isCurrent: false, version: sql`${financialYears.version} + 1`, updatedAt: now })
        .where(eq(financialYears.isCurrent, true));
      const [row] = await tx
        .update(financialYears)
        .set({ isCurrent: true, version: input.version + 1, updatedAt: now })
        .where(and(eq(financialYears.id, input.id), eq(financialYears.version, input.version)))
        .returning();
      return row;
    },
  );
}

export async function closeFinancialYear(o: Origin, input: z.infer<typeof financialYearActionInput>): Promise<FinancialYear> {
  const before = await getFinancialYear(o.deps.db, input.id);
  checkAction(before, 'close');
  const duplicate = new DomainError('CONFLICT', 'Someone else changed this financial year. Reload and try again.');
  return writeAudited(
    o,
    { action: 'master.financial_year.close', entityType: 'financial_year', oldValues: { closed: false }, duplicate },
    async (tx) => {
      const [fresh] = await tx.select().from(financialYears).where(eq(financialYears.id, input.id)).for('update');
      if (!fresh || fresh.version !== input.version) return undefined;
      checkAction(fresh, 'close');
      const [row] = await tx
        .update(financialYears)
        .set({ closed: true, version: input.version + 1, updatedAt: o.deps.clock().toISOString() })
        .where(and(eq(financialYears.id, input.id), eq(financialYears.version, input.version)))
        .returning();
      return row;
    },
  );
}
