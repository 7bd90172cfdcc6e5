import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from './columns';
import { partners, users } from './identity';
import { commodities } from './masters';

const bales = (name: string) => numeric(name, { precision: 14, scale: 3 });
const inr = (name: string) => numeric(name, { precision: 16, scale: 2 });

export type QualityRangeRow = { name: string; min: number; max: number; preferred?: number | null };
export type MeasuredParameters = Record<string, number | string>;

/** A buyer's posted demand (DOMAIN §6.1). Quantities in bales, prices in INR per candy. */
export const trades = pgTable(
  'trades',
  {
    id: id(),
    number: text('number').notNull().unique(), // TR-YYYY-NNNNN
    buyerPartnerId: uuid('buyer_partner_id')
      .notNull()
      .references(() => partners.id),
    branchId: uuid('branch_id'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    commodityId: uuid('commodity_id')
      .notNull()
      .references(() => commodities.id),
    varietyId: uuid('variety_id'),
    quantity: bales('quantity').notNull(),
    allocated: bales('allocated').notNull().default('0'),
    qualityRanges: jsonb('quality_ranges').$type<QualityRangeRow[]>().notNull().default([]),
    tradeTypeId: uuid('trade_type_id'),
    bargainTypeId: uuid('bargain_type_id'),
    passingTermId: uuid('passing_term_id'),
    weightmentTermId: uuid('weightment_term_id'),
    deliveryTermId: uuid('delivery_term_id'),
    deliveryDays: integer('delivery_days'),
    paymentTermId: uuid('payment_term_id'),
    paymentDays: integer('payment_days'),
    deliveryStateId: uuid('delivery_state_id'),
    deliveryRegionId: uuid('delivery_region_id'),
    deliveryStationId: uuid('delivery_station_id'),
    stationOnly: boolean('station_only').notNull().default(false),
    requiredCertificates: jsonb('required_certificates').$type<string[]>().notNull().default([]),
    targetPrice: inr('target_price'),
    urgency: text('urgency').notNull().default('NORMAL'),
    notes: text('notes'),
    status: text('status').notNull().default('DRAFT'),
    validUntil: tstz('valid_until').notNull(),
    postedAt: tstz('posted_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('trades_buyer_idx').on(t.buyerPartnerId, t.createdAt), index('trades_status_idx').on(t.status, t.validUntil)],
);

/** Seller inventory with a lab report (DOMAIN §6.2): available + reserved + sold = quantity. */
export const lots = pgTable(
  'lots',
  {
    id: id(),
    number: text('number').notNull().unique(), // LOT-YYYY-NNNNN
    sellerPartnerId: uuid('seller_partner_id')
      .notNull()
      .references(() => partners.id),
    branchId: uuid('branch_id'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    commodityId: uuid('commodity_id')
      .notNull()
      .references(() => commodities.id),
    varietyId: uuid('variety_id'),
    stationId: uuid('station_id').notNull(),
    quantity: bales('quantity').notNull(),
    available: bales('available').notNull(),
    reserved: bales('reserved').notNull().default('0'),
    sold: bales('sold').notNull().default('0'),
    parameters: jsonb('parameters').$type<MeasuredParameters>().notNull(),
    reportDocumentId: uuid('report_document_id'),
    lab: text('lab').notNull(),
    testedOn: text('tested_on').notNull(),
    askingPrice: inr('asking_price'),
    status: text('status').notNull().default('ACTIVE'),
    validUntil: tstz('valid_until').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('lots_seller_idx').on(t.sellerPartnerId, t.createdAt), index('lots_status_idx').on(t.status, t.commodityId)],
);

/**
 * An offer on a trade; its negotiation is `offer_versions`. The current terms are copied here so
 * lists and matching read one row. `version` is the latest version number: every counter, accept,
 * reject or withdraw names it and updates with `WHERE version = expected`.
 */
export const offers = pgTable(
  'offers',
  {
    id: id(),
    number: text('number').notNull().unique(), // OF-YYYY-NNNNN
    tradeId: uuid('trade_id')
      .notNull()
      .references(() => trades.id),
    buyerPartnerId: uuid('buyer_partner_id')
      .notNull()
      .references(() => partners.id),
    sellerPartnerId: uuid('seller_partner_id')
      .notNull()
      .references(() => partners.id),
    sellerBranchId: uuid('seller_branch_id'),
    lotId: uuid('lot_id').references(() => lots.id),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    status: text('status').notNull().default('PENDING'),
    turn: text('turn').notNull().default('BUYER'), // side expected to act next
    price: inr('price').notNull(),
    quantity: bales('quantity').notNull(),
    parameters: jsonb('parameters').$type<MeasuredParameters>().notNull().default({}),
    stationId: uuid('station_id'),
    deliveryTermId: uuid('delivery_term_id'),
    paymentTermId: uuid('payment_term_id'),
    validUntil: tstz('valid_until').notNull(),
    lastActivityAt: tstz('last_activity_at').notNull(),
    message: text('message'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('offers_trade_idx').on(t.tradeId, t.createdAt),
    index('offers_seller_idx').on(t.sellerPartnerId, t.createdAt),
    index('offers_buyer_idx').on(t.buyerPartnerId, t.createdAt),
    uniqueIndex('offers_one_live_per_seller')
      .on(t.tradeId, t.sellerPartnerId)
      .where(sql`${t.status} in ('PENDING', 'COUNTERED')`),
  ],
);

export const offerVersions = pgTable(
  'offer_versions',
  {
    id: id(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id),
    version: integer('version').notNull(),
    side: text('side').notNull(), // BUYER | SELLER
    action: text('action').notNull(), // OFFER | COUNTER | ACCEPT | REJECT | WITHDRAW | EXPIRE
    price: inr('price').notNull(),
    quantity: bales('quantity').notNull(),
    validUntil: tstz('valid_until').notNull(),
    message: text('message'),
    actorUserId: uuid('actor_user_id'),
    createdAt: createdAt(),
  },
  (t) => [unique('offer_versions_offer_version').on(t.offerId, t.version)],
);

/** The binding result of an acceptance (DOMAIN §6.5), with snapshots so later partner changes never alter it. */
export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    number: text('number').notNull().unique(), // TD-YYYY-NNNNN
    offerId: uuid('offer_id')
      .notNull()
      .unique()
      .references(() => offers.id),
    tradeId: uuid('trade_id')
      .notNull()
      .references(() => trades.id),
    buyerPartnerId: uuid('buyer_partner_id')
      .notNull()
      .references(() => partners.id),
    sellerPartnerId: uuid('seller_partner_id')
      .notNull()
      .references(() => partners.id),
    buyerSnapshot: jsonb('buyer_snapshot').$type<Record<string, unknown>>().notNull(),
    sellerSnapshot: jsonb('seller_snapshot').$type<Record<string, unknown>>().notNull(),
    commodityId: uuid('commodity_id')
      .notNull()
      .references(() => commodities.id),
    varietyId: uuid('variety_id'),
    lotId: uuid('lot_id'),
    quantity: bales('quantity').notNull(),
    price: inr('price').notNull(),
    value: inr('value').notNull(),
    currency: text('currency').notNull().default('INR'),
    terms: jsonb('terms').$type<Record<string, unknown>>().notNull(),
    quality: jsonb('quality').$type<MeasuredParameters>().notNull(),
    acceptedVersion: integer('accepted_version').notNull(),
    /** The canonical contract document (sorted-key JSON of this object is what `documentHash` hashes). */
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    documentHash: text('document_hash').notNull(),
    status: text('status').notNull().default('ACTIVE'),
    createdAt: createdAt(),
  },
  (t) => [
    index('contracts_buyer_idx').on(t.buyerPartnerId, t.createdAt),
    index('contracts_seller_idx').on(t.sellerPartnerId, t.createdAt),
  ],
);

/** Client idempotency keys for trade-desk mutations: a retry gets the first response back. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    operation: text('operation').notNull(),
    requestHash: text('request_hash').notNull(),
    response: jsonb('response').$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
