import { commodities, type DbOrTx, masterItems, organizations, regions, states, stations } from '@kapas/db';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { isUniqueViolation } from '../../shared/db-errors';
import { offsetOf, type Page } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { itemErrors, templateErrors } from './rules';
import type {
  createCommodityInput,
  createItemInput,
  listItemsInput,
  setActiveInput,
  updateCommodityInput,
  updateItemInput,
} from './schemas';

export const MASTERS_TOPIC = 'masters';

type Origin = { deps: Deps; actor: Actor; meta: RequestMeta };
type Commodity = typeof commodities.$inferSelect;
type Item = typeof masterItems.$inferSelect;

export function listCommodities(db: DbOrTx, includeInactive: boolean): Promise<Commodity[]> {
  return db
    .select()
    .from(commodities)
    .where(includeInactive ? undefined : eq(commodities.active, true))
    .orderBy(asc(commodities.name));
}

export async function getCommodity(db: DbOrTx, id: string): Promise<Commodity> {
  const [row] = await db.select().from(commodities).where(eq(commodities.id, id));
  if (!row) throw new DomainError('NOT_FOUND', 'Commodity not found.');
  return row;
}

function rejectFieldErrors(errors: Record<string, string[]>): void {
  if (Object.keys(errors).length) throw new DomainError('BAD_REQUEST', 'Some fields are invalid', { fieldErrors: errors });
}

function duplicateCode(code: string): DomainError {
  return new DomainError('CONFLICT', `Code ${code} is already used.`, { fieldErrors: { code: [`${code} is already used`] } });
}

/** Writes the change, its audit row and its event in one transaction; maps a duplicate code to a field error. */
async function write<T extends { id: string }>(
  o: Origin,
  code: string,
  action: string,
  entityType: string,
  oldValues: unknown,
  work: (tx: DbOrTx) => Promise<T | undefined>,
): Promise<T> {
  try {
    return await transact(o.deps, async (tx) => {
      const row = await work(tx);
      if (!row) throw new DomainError('CONFLICT', 'Someone else changed this record. Reload it and try again.');
      await appendAudit(
        tx,
        { actor: o.actor, meta: o.meta, now: o.deps.clock() },
        { action, entityType, entityId: row.id, oldValues, newValues: row },
      );
      await appendEvent(tx, {
        audience: 'ALL_SIGNED_IN',
        topic: MASTERS_TOPIC,
        type: action,
        payload: { entityType, id: row.id },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(code);
    throw error;
  }
}

export function createCommodity(o: Origin, input: z.infer<typeof createCommodityInput>): Promise<Commodity> {
  rejectFieldErrors(templateErrors(input.qualityTemplate));
  return write(o, input.code, 'master.commodity.create', 'commodity', null, async (tx) => {
    const [row] = await tx
      .insert(commodities)
      .values({ ...input, gstRate: input.gstRate.toFixed(2) })
      .returning();
    return row;
  });
}

export async function updateCommodity(o: Origin, input: z.infer<typeof updateCommodityInput>): Promise<Commodity> {
  rejectFieldErrors(templateErrors(input.qualityTemplate));
  const { id, version, ...fields } = input;
  const before = await getCommodity(o.deps.db, id);
  return write(o, input.code, 'master.commodity.update', 'commodity', before, async (tx) => {
    const [row] = await tx
      .update(commodities)
      .set({ ...fields, gstRate: fields.gstRate.toFixed(2), version: version + 1, updatedAt: o.deps.clock().toISOString() })
      .where(and(eq(commodities.id, id), eq(commodities.version, version)))
      .returning();
    return row;
  });
}

export async function setCommodityActive(o: Origin, input: z.infer<typeof setActiveInput>): Promise<Commodity> {
  const before = await getCommodity(o.deps.db, input.id);
  return write(
    o,
    before.code,
    input.active ? 'master.commodity.activate' : 'master.commodity.deactivate',
    'commodity',
    { active: before.active },
    async (tx) => {
      const [row] = await tx
        .update(commodities)
        .set({ active: input.active, version: input.version + 1, updatedAt: o.deps.clock().toISOString() })
        .where(and(eq(commodities.id, input.id), eq(commodities.version, input.version)))
        .returning();
      return row;
    },
  );
}

const ITEM_ORDER = {
  order: [asc(masterItems.sortOrder), asc(masterItems.name)],
  code: [asc(masterItems.code)],
  name: [asc(masterItems.name)],
};

export async function listItems(db: DbOrTx, input: z.infer<typeof listItemsInput>): Promise<Page<Item>> {
  const filters: (SQL | undefined)[] = [eq(masterItems.kind, input.kind)];
  if (!input.includeInactive) filters.push(eq(masterItems.active, true));
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(masterItems.code, pattern), ilike(masterItems.name, pattern)));
  }
  const where = and(...filters);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(masterItems)
      .where(where)
      .orderBy(...ITEM_ORDER[input.sort])
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: count() }).from(masterItems).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

async function getItem(db: DbOrTx, id: string): Promise<Item> {
  const [row] = await db.select().from(masterItems).where(eq(masterItems.id, id));
  if (!row) throw new DomainError('NOT_FOUND', 'Master item not found.');
  return row;
}

export function createItem(o: Origin, input: z.infer<typeof createItemInput>): Promise<Item> {
  rejectFieldErrors(itemErrors(input.kind, input.days));
  return write(o, input.code, 'master.item.create', 'master_item', null, async (tx) => {
    const [row] = await tx.insert(masterItems).values(input).returning();
    return row;
  });
}

export async function updateItem(o: Origin, input: z.infer<typeof updateItemInput>): Promise<Item> {
  const before = await getItem(o.deps.db, input.id);
  rejectFieldErrors(itemErrors(before.kind as z.infer<typeof createItemInput>['kind'], input.days));
  const { id, version, ...fields } = input;
  return write(o, input.code, 'master.item.update', 'master_item', before, async (tx) => {
    const [row] = await tx
      .update(masterItems)
      .set({ ...fields, version: version + 1, updatedAt: o.deps.clock().toISOString() })
      .where(and(eq(masterItems.id, id), eq(masterItems.version, version)))
      .returning();
    return row;
  });
}

export async function setItemActive(o: Origin, input: z.infer<typeof setActiveInput>): Promise<Item> {
  const before = await getItem(o.deps.db, input.id);
  return write(
    o,
    before.code,
    input.active ? 'master.item.activate' : 'master.item.deactivate',
    'master_item',
    { active: before.active },
    async (tx) => {
      const [row] = await tx
        .update(masterItems)
        .set({ active: input.active, version: input.version + 1, updatedAt: o.deps.clock().toISOString() })
        .where(and(eq(masterItems.id, input.id), eq(masterItems.version, input.version)))
        .returning();
      return row;
    },
  );
}

export type LocationTree = {
  id: string;
  gstCode: string;
  name: string;
  regions: { id: string; name: string; stations: { id: string; name: string; latitude: number; longitude: number }[] }[];
}[];

export async function locationTree(db: DbOrTx): Promise<LocationTree> {
  const [stateRows, regionRows, stationRows] = await Promise.all([
    db.select().from(states).where(eq(states.active, true)).orderBy(asc(states.name)),
    db.select().from(regions).where(eq(regions.active, true)).orderBy(asc(regions.name)),
    db.select().from(stations).where(eq(stations.active, true)).orderBy(asc(stations.name)),
  ]);
  return stateRows.map((s) => ({
    id: s.id,
    gstCode: s.gstCode,
    name: s.name,
    regions: regionRows
      .filter((r) => r.stateId === s.id)
      .map((r) => ({
        id: r.id,
        name: r.name,
        stations: stationRows
          .filter((st) => st.regionId === r.id)
          .map((st) => ({ id: st.id, name: st.name, latitude: Number(st.latitude), longitude: Number(st.longitude) })),
      })),
  }));
}

export function listOrganizations(db: DbOrTx) {
  return db.select().from(organizations).orderBy(asc(organizations.name));
}
