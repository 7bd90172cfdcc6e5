import { type DbOrTx, organizations, type Transaction } from '@kapas/db';
import { and, asc, count, eq, ilike, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { offsetOf, type Page } from '../../shared/pagination';
import { organizationErrors } from './rules/organization';
import type { createOrganizationInput, listOrganizationsInput, setActiveInput, updateOrganizationInput } from './schemas';
import { duplicateField, likePattern, notFound, type Origin, rejectFieldErrors, writeAudited } from './write';

type Organization = typeof organizations.$inferSelect;

export async function listOrganizations(db: DbOrTx, input: z.infer<typeof listOrganizationsInput>): Promise<Page<Organization>> {
  const where = input.search
    ? or(
        ilike(organizations.name, likePattern(input.search)),
        ilike(organizations.gstin, likePattern(input.search)),
        ilike(organizations.pan, likePattern(input.search)),
      )
    : undefined;
  const [items, [total]] = await Promise.all([
    db.select().from(organizations).where(where).orderBy(asc(organizations.name)).limit(input.pageSize).offset(offsetOf(input)),
    db.select({ n: count() }).from(organizations).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

async function getOrganization(db: DbOrTx, id: string): Promise<Organization> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw notFound('Organization');
  return row;
}

async function checkNameFree(tx: Transaction, name: string, id: string | null): Promise<void> {
  const [clash] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(sql`lower(${organizations.name}) = lower(${name})`, id ? ne(organizations.id, id) : undefined));
  if (clash) throw duplicateField('name', `${name} already exists`);
}

const duplicate = duplicateField('name', 'An organization with this name already exists');

export function createOrganization(o: Origin, input: z.infer<typeof createOrganizationInput>): Promise<Organization> {
  rejectFieldErrors(organizationErrors(input));
  return writeAudited(
    o,
    { action: 'master.organization.create', entityType: 'organization', oldValues: null, duplicate },
    async (tx) => {
      await checkNameFree(tx, input.name, null);
      const [row] = await tx.insert(organizations).values(input).returning();
      return row;
    },
  );
}

export async function updateOrganization(o: Origin, input: z.infer<typeof updateOrganizationInput>): Promise<Organization> {
  rejectFieldErrors(organizationErrors(input));
  const { id, ...fields } = input;
  const before = await getOrganization(o.deps.db, id);
  return writeAudited(
    o,
    { action: 'master.organization.update', entityType: 'organization', oldValues: before, duplicate },
    async (tx) => {
      await checkNameFree(tx, input.name, id);
      const [row] = await tx.update(organizations).set(fields).where(eq(organizations.id, id)).returning();
      return row;
    },
  );
}

export async function setOrganizationActive(o: Origin, input: z.infer<typeof setActiveInput>): Promise<Organization> {
  const before = await getOrganization(o.deps.db, input.id);
  const action = input.active ? 'master.organization.activate' : 'master.organization.deactivate';
  return writeAudited(o, { action, entityType: 'organization', oldValues: { active: before.active }, duplicate }, async (tx) => {
    const [row] = await tx.update(organizations).set({ active: input.active }).where(eq(organizations.id, input.id)).returning();
    return row;
  });
}
