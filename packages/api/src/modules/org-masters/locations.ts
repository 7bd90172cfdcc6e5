import {
  branches,
  type DbOrTx,
  lots,
  offers,
  partnerAddresses,
  regions,
  states,
  stations,
  type Transaction,
  trades,
} from '@kapas/db';
import { and, asc, count, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { sqlState } from '../../shared/db-errors';
import type {
  createRegionInput,
  createStateInput,
  createStationInput,
  setActiveInput,
  updateRegionInput,
  updateStateInput,
  updateStationInput,
} from './schemas';
import { duplicateField, notFound, type Origin, writeAudited } from './write';

type State = typeof states.$inferSelect;
type Region = typeof regions.$inferSelect;
type Station = typeof stations.$inferSelect;

export type AdminLocationTree = (State & { regions: (Region & { stations: Station[] })[] })[];

/** The whole hierarchy for the admin screen, inactive entries included (the public tree is `masters.locations`). */
export async function adminLocationTree(db: DbOrTx, includeInactive: boolean): Promise<AdminLocationTree> {
  const [stateRows, regionRows, stationRows] = await Promise.all([
    db
      .select()
      .from(states)
      .where(includeInactive ? undefined : eq(states.active, true))
      .orderBy(asc(states.name)),
    db
      .select()
      .from(regions)
      .where(includeInactive ? undefined : eq(regions.active, true))
      .orderBy(asc(regions.name)),
    db
      .select()
      .from(stations)
      .where(includeInactive ? undefined : eq(stations.active, true))
      .orderBy(asc(stations.name)),
  ]);
  const stationsOf = groupBy(stationRows, (s) => s.regionId);
  const regionsOf = groupBy(regionRows, (r) => r.stateId);
  return stateRows.map((s) => ({
    ...s,
    regions: (regionsOf.get(s.id) ?? []).map((r) => ({ ...r, stations: stationsOf.get(r.id) ?? [] })),
  }));
}

/** Map.groupBy arrived in Node 21; this runs on Node 20. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

const sameName = (column: AnyPgColumn, value: string): SQL => sql`lower(${column}) = lower(${value})`;
const notSelf = (column: AnyPgColumn, id: string | null): SQL | undefined => (id ? ne(column, id) : undefined);

async function exists(tx: DbOrTx, table: PgTable, where: SQL | undefined) {
  const [row] = await tx.select({ n: count() }).from(table).where(where);
  return (row?.n ?? 0) > 0;
}

async function getState(db: DbOrTx, id: string): Promise<State> {
  const [row] = await db.select().from(states).where(eq(states.id, id));
  if (!row) throw notFound('State');
  return row;
}
async function getRegion(db: DbOrTx, id: string): Promise<Region> {
  const [row] = await db.select().from(regions).where(eq(regions.id, id));
  if (!row) throw notFound('Region');
  return row;
}
async function getStation(db: DbOrTx, id: string): Promise<Station> {
  const [row] = await db.select().from(stations).where(eq(stations.id, id));
  if (!row) throw notFound('Station');
  return row;
}

// States

async function checkStateUnique(tx: Transaction, input: z.infer<typeof createStateInput>, id: string | null) {
  if (await exists(tx, states, and(eq(states.gstCode, input.gstCode), notSelf(states.id, id)))) {
    throw duplicateField('gstCode', `GST state code ${input.gstCode} is already used by another state`);
  }
  if (await exists(tx, states, and(sameName(states.name, input.name), notSelf(states.id, id)))) {
    throw duplicateField('name', `${input.name} already exists`);
  }
}

const stateDuplicate = duplicateField('gstCode', 'This state or GST state code already exists');

export function createState(o: Origin, input: z.infer<typeof createStateInput>): Promise<State> {
  return writeAudited(
    o,
    { action: 'master.state.create', entityType: 'state', oldValues: null, duplicate: stateDuplicate },
    async (tx) => {
      await checkStateUnique(tx, input, null);
      const [row] = await tx.insert(states).values(input).returning();
      return row;
    },
  );
}

export async function updateState(o: Origin, input: z.infer<typeof updateStateInput>): Promise<State> {
  const before = await getState(o.deps.db, input.id);
  return writeAudited(
    o,
    { action: 'master.state.update', entityType: 'state', oldValues: before, duplicate: stateDuplicate },
    async (tx) => {
      await checkStateUnique(tx, input, input.id);
      // Addresses store the GST state code itself: changing it would silently move them to another state.
      const used = input.gstCode === before.gstCode ? null : await firstReference(tx, before, STATE_CODE_REFERENCES);
      if (used) {
        throw duplicateField('gstCode', `GST state code ${before.gstCode} is used by ${used.n} ${used.label}; it cannot change`);
      }
      const [row] = await tx
        .update(states)
        .set({ name: input.name, gstCode: input.gstCode })
        .where(eq(states.id, input.id))
        .returning();
      return row;
    },
  );
}

export async function setStateActive(o: Origin, input: z.infer<typeof setActiveInput>): Promise<State> {
  const before = await getState(o.deps.db, input.id);
  const action = input.active ? 'master.state.activate' : 'master.state.deactivate';
  return writeAudited(
    o,
    { action, entityType: 'state', oldValues: { active: before.active }, duplicate: stateDuplicate },
    async (tx) => {
      const [row] = await tx.update(states).set({ active: input.active }).where(eq(states.id, input.id)).returning();
      return row;
    },
  );
}

// Regions

async function checkRegionUnique(tx: Transaction, stateId: string, name: string, id: string | null) {
  if (await exists(tx, regions, and(eq(regions.stateId, stateId), sameName(regions.name, name), notSelf(regions.id, id)))) {
    throw duplicateField('name', `${name} already exists in this state`);
  }
}

const regionDuplicate = duplicateField('name', 'A region with this name already exists in this state');

export async function createRegion(o: Origin, input: z.infer<typeof createRegionInput>): Promise<Region> {
  const state = await getState(o.deps.db, input.stateId);
  if (!state.active) throw new DomainError('CONFLICT', `${state.name} is inactive; activate it before adding regions.`);
  return writeAudited(
    o,
    { action: 'master.region.create', entityType: 'region', oldValues: null, duplicate: regionDuplicate },
    async (tx) => {
      await checkRegionUnique(tx, input.stateId, input.name, null);
      const [row] = await tx.insert(regions).values(input).returning();
      return row;
    },
  );
}

export async function updateRegion(o: Origin, input: z.infer<typeof updateRegionInput>): Promise<Region> {
  const before = await getRegion(o.deps.db, input.id);
  return writeAudited(
    o,
    { action: 'master.region.update', entityType: 'region', oldValues: before, duplicate: regionDuplicate },
    async (tx) => {
      await checkRegionUnique(tx, before.stateId, input.name, input.id);
      const [row] = await tx.update(regions).set({ name: input.name }).where(eq(regions.id, input.id)).returning();
      return row;
    },
  );
}

export async function setRegionActive(o: Origin, input: z.infer<typeof setActiveInput>): Promise<Region> {
  const before = await getRegion(o.deps.db, input.id);
  if (input.active) {
    const state = await getState(o.deps.db, before.stateId);
    if (!state.active) throw new DomainError('CONFLICT', `${state.name} is inactive; activate it first.`);
  }
  const action = input.active ? 'master.region.activate' : 'master.region.deactivate';
  return writeAudited(
    o,
    { action, entityType: 'region', oldValues: { active: before.active }, duplicate: regionDuplicate },
    async (tx) => {
      const [row] = await tx.update(regions).set({ active: input.active }).where(eq(regions.id, input.id)).returning();
      return row;
    },
  );
}

// Stations

async function checkStationUnique(tx: Transaction, regionId: string, name: string, id: string | null) {
  if (await exists(tx, stations, and(eq(stations.regionId, regionId), sameName(stations.name, name), notSelf(stations.id, id)))) {
    throw duplicateField('name', `${name} already exists in this region`);
  }
}

const stationDuplicate = duplicateField('name', 'A station with this name already exists in this region');
/** Coordinates are stored with 6 decimals (about 0.1 m), as the column holds them. */
const coordinate = (value: number) => value.toFixed(6);

export async function createStation(o: Origin, input: z.infer<typeof createStationInput>): Promise<Station> {
  const region = await getRegion(o.deps.db, input.regionId);
  if (!region.active) throw new DomainError('CONFLICT', `${region.name} is inactive; activate it before adding stations.`);
  return writeAudited(
    o,
    { action: 'master.station.create', entityType: 'station', oldValues: null, duplicate: stationDuplicate },
    async (tx) => {
      await checkStationUnique(tx, input.regionId, input.name, null);
      const [row] = await tx
        .insert(stations)
        .values({
          regionId: input.regionId,
          name: input.name,
          latitude: coordinate(input.latitude),
          longitude: coordinate(input.longitude),
        })
        .returning();
      return row;
    },
  );
}

export async function updateStation(o: Origin, input: z.infer<typeof updateStationInput>): Promise<Station> {
  const before = await getStation(o.deps.db, input.id);
  return writeAudited(
    o,
    { action: 'master.station.update', entityType: 'station', oldValues: before, duplicate: stationDuplicate },
    async (tx) => {
      await checkStationUnique(tx, before.regionId, input.name, input.id);
      const [row] = await tx
        .update(stations)
        .set({ name: input.name, latitude: coordinate(input.latitude), longitude: coordinate(input.longitude) })
        .where(eq(stations.id, input.id))
        .returning();
      return row;
    },
  );
}

export async function setStationActive(o: Origin, input: z.infer<typeof setActiveInput>): Promise<Station> {
  const before = await getStation(o.deps.db, input.id);
  if (input.active) {
    const region = await getRegion(o.deps.db, before.regionId);
    if (!region.active) throw new DomainError('CONFLICT', `${region.name} is inactive; activate it first.`);
  }
  const action = input.active ? 'master.station.activate' : 'master.station.deactivate';
  return writeAudited(
    o,
    { action, entityType: 'station', oldValues: { active: before.active }, duplicate: stationDuplicate },
    async (tx) => {
      const [row] = await tx.update(stations).set({ active: input.active }).where(eq(stations.id, input.id)).returning();
      return row;
    },
  );
}

// Deleting: only what nothing refers to; otherwise deactivate.

/** Something that points at a location row: `key` picks the value it stores (the id unless said otherwise). */
type Reference<T> = { label: string; table: PgTable; column: AnyPgColumn; key?: (row: T) => string };

/** Partner addresses and branches name their state by GST state code, not by id. */
const STATE_CODE_REFERENCES: Reference<State>[] = [
  { label: 'partner addresses', table: partnerAddresses, column: partnerAddresses.stateCode, key: (s) => s.gstCode },
  { label: 'branches', table: branches, column: branches.stateCode, key: (s) => s.gstCode },
];
const STATE_REFERENCES: Reference<State>[] = [
  { label: 'regions', table: regions, column: regions.stateId },
  { label: 'trades', table: trades, column: trades.deliveryStateId },
  ...STATE_CODE_REFERENCES,
];
const REGION_REFERENCES: Reference<Region>[] = [
  { label: 'stations', table: stations, column: stations.regionId },
  { label: 'trades', table: trades, column: trades.deliveryRegionId },
];
const STATION_REFERENCES: Reference<Station>[] = [
  { label: 'partner addresses', table: partnerAddresses, column: partnerAddresses.stationId },
  { label: 'branches', table: branches, column: branches.stationId },
  { label: 'trades', table: trades, column: trades.deliveryStationId },
  { label: 'lots', table: lots, column: lots.stationId },
  { label: 'offers', table: offers, column: offers.stationId },
];

/** The first reference in use, with how many rows use it, or null when nothing refers to the row. */
async function firstReference<T extends { id: string }>(tx: DbOrTx, row: T, references: Reference<T>[]) {
  for (const ref of references) {
    const value = ref.key ? ref.key(row) : row.id;
    const [found] = await tx.select({ n: count() }).from(ref.table).where(eq(ref.column, value));
    if (found && found.n > 0) return { label: ref.label, n: found.n };
  }
  return null;
}

async function refuseIfReferenced<T extends { id: string; name: string }>(tx: Transaction, row: T, references: Reference<T>[]) {
  const used = await firstReference(tx, row, references);
  if (used)
    throw new DomainError('CONFLICT', `${row.name} is used by ${used.n} ${used.label}; deactivate it instead of deleting it.`);
}

async function deleteRow<T extends { id: string; name: string }>(
  o: Origin,
  entityType: string,
  before: T,
  references: Reference<T>[],
  remove: (tx: Transaction) => Promise<T | undefined>,
): Promise<T> {
  try {
    return await writeAudited(
      o,
      { action: `master.${entityType}.delete`, entityType, oldValues: before, duplicate: notFound(entityType) },
      async (tx) => {
        await refuseIfReferenced(tx, before, references);
        const row = await remove(tx);
        if (!row) throw notFound(entityType);
        return row;
      },
    );
  } catch (error) {
    // A child added between the check and the delete trips the foreign key: same answer as the check.
    if (sqlState(error) === '23503') throw new DomainError('CONFLICT', `${before.name} is in use; deactivate it instead.`);
    throw error;
  }
}

export async function deleteState(o: Origin, id: string): Promise<State> {
  const before = await getState(o.deps.db, id);
  return deleteRow(
    o,
    'state',
    before,
    STATE_REFERENCES,
    async (tx) => (await tx.delete(states).where(eq(states.id, id)).returning())[0],
  );
}

export async function deleteRegion(o: Origin, id: string): Promise<Region> {
  const before = await getRegion(o.deps.db, id);
  return deleteRow(
    o,
    'region',
    before,
    REGION_REFERENCES,
    async (tx) => (await tx.delete(regions).where(eq(regions.id, id)).returning())[0],
  );
}

export async function deleteStation(o: Origin, id: string): Promise<Station> {
  const before = await getStation(o.deps.db, id);
  return deleteRow(
    o,
    'station',
    before,
    STATION_REFERENCES,
    async (tx) => (await tx.delete(stations).where(eq(stations.id, id)).returning())[0],
  );
}
