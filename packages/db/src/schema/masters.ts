import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';

export type QualityParameter = {
  name: string;
  label: string;
  unit: string;
  kind: 'numeric' | 'grade';
  min: number | null;
  max: number | null;
  step: number | null;
  weight: number;
  mandatory: boolean;
  grades?: string[];
};

export const commodities = pgTable('commodities', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  hsnCode: text('hsn_code').notNull(),
  gstRate: numeric('gst_rate', { precision: 5, scale: 2 }).notNull(),
  tradeUnit: text('trade_unit').notNull().default('Bales'),
  rateUnit: text('rate_unit').notNull().default('Candy'),
  qualityTemplate: jsonb('quality_template').$type<QualityParameter[]>().notNull(),
  active: boolean('active').notNull().default(true),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Simple code/name lists: varieties, trade/bargain types, passing, weightment, delivery and payment terms, certificate types. */
export const masterItems = pgTable(
  'master_items',
  {
    id: id(),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    days: integer('days'),
    commodityId: uuid('commodity_id').references(() => commodities.id),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('master_items_kind_code').on(t.kind, t.code), index('master_items_kind_idx').on(t.kind, t.sortOrder)],
);

export const states = pgTable('states', {
  id: id(),
  country: text('country').notNull().default('IN'),
  gstCode: text('gst_code').notNull().unique(),
  name: text('name').notNull().unique(),
  active: boolean('active').notNull().default(true),
});

export const regions = pgTable(
  'regions',
  {
    id: id(),
    stateId: uuid('state_id')
      .notNull()
      .references(() => states.id),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [unique('regions_state_name').on(t.stateId, t.name)],
);

export const stations = pgTable(
  'stations',
  {
    id: id(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    latitude: numeric('latitude', { precision: 9, scale: 6 }).notNull(),
    longitude: numeric('longitude', { precision: 9, scale: 6 }).notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [unique('stations_region_name').on(t.regionId, t.name)],
);

export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull().unique(),
  gstin: text('gstin'),
  pan: text('pan'),
  address: text('address'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

/** Indian financial years run 1 April – 31 March (code e.g. 2026-27). At most one is current. */
export const financialYears = pgTable(
  'financial_years',
  {
    id: id(),
    code: text('code').notNull().unique(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    isCurrent: boolean('is_current').notNull().default(false),
    closed: boolean('closed').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('financial_years_one_current').on(t.isCurrent).where(sql`${t.isCurrent}`)],
);

export const gstRates = pgTable(
  'gst_rates',
  {
    id: id(),
    code: text('code').notNull(),
    description: text('description').notNull(),
    hsnCode: text('hsn_code'),
    rate: numeric('rate', { precision: 5, scale: 2 }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    active: boolean('active').notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('gst_rates_code_from').on(t.code, t.effectiveFrom)],
);

/** Brokerage: a percentage of value or an amount per bale, for one side or both. */
export const commissionStructures = pgTable('commission_structures', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  basis: text('basis').notNull(), // PERCENT | PER_BALE
  rate: numeric('rate', { precision: 12, scale: 4 }).notNull(),
  side: text('side').notNull(), // BUYER | SELLER | BOTH
  commodityId: uuid('commodity_id').references(() => commodities.id),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  active: boolean('active').notNull().default(true),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
