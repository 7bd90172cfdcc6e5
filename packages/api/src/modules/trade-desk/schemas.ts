/** Input schemas of the trade-desk procedures: every string, array and number is bounded. */
import { z } from 'zod';
import { lastEventIdInput } from '../../realtime/resume-input';
import { pageInput } from '../../shared/pagination';

const uuid = z.string().uuid();
const optionalId = uuid.nullish();

/** Bales: decimal string, up to 3 places, above zero. */
export const balesInput = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,3})?$/, 'Quantity is a number of bales with at most 3 decimals')
  .refine((s) => Number(s) > 0, 'Quantity must be above zero');

/** INR per candy: decimal string, up to 2 places, above zero. */
export const priceInput = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'Price is an amount in INR with at most 2 decimals')
  .refine((s) => Number(s) > 0, 'Price must be above zero');

export const idempotencyKey = z.string().trim().min(1).max(100);
export const sideInput = z.enum(['BUYER', 'SELLER']);

export const qualityRangeInput = z.object({
  name: z.string().trim().min(1).max(40),
  min: z.number().finite(),
  max: z.number().finite(),
  preferred: z.number().finite().nullish(),
});

export const measuredParametersInput = z
  .record(z.string().trim().min(1).max(40), z.union([z.number().finite(), z.string().trim().max(20)]))
  .refine((r) => Object.keys(r).length <= 40, 'At most 40 parameters');

export const tradeFields = z.object({
  branchId: optionalId,
  commodityId: uuid,
  varietyId: optionalId,
  quantity: balesInput,
  qualityRanges: z.array(qualityRangeInput).max(40).default([]),
  tradeTypeId: optionalId,
  bargainTypeId: optionalId,
  passingTermId: optionalId,
  weightmentTermId: optionalId,
  deliveryTermId: optionalId,
  deliveryDays: z.number().int().min(0).max(365).nullish(),
  paymentTermId: optionalId,
  paymentDays: z.number().int().min(0).max(365).nullish(),
  deliveryStateId: optionalId,
  deliveryRegionId: optionalId,
  deliveryStationId: optionalId,
  stationOnly: z.boolean().default(false),
  /** Certificate type codes (ORGANIC, GOTS …). */
  requiredCertificates: z.array(z.string().trim().min(1).max(32)).max(20).default([]),
  targetPrice: priceInput.nullish(),
  urgency: z.enum(['NORMAL', 'URGENT']).default('NORMAL'),
  notes: z.string().trim().max(2000).nullish(),
  /** Days from now; default the `trade.validityDays` setting. */
  validityDays: z.number().int().min(1).max(90).nullish(),
});
export type TradeFields = z.infer<typeof tradeFields>;

export const createTradeInput = tradeFields.extend({ post: z.boolean().default(false) });

/**
 * `trades.update` replaces the whole trade: a field left out would be reset (to null, its default,
 * or a fresh validity window), so every field must be named — null clears it, and
 * `validityDays: null` restarts the default window. Nothing is reset by omission.
 */
const wholeTrade = { error: 'Required: an update replaces the whole trade (send null to clear a field)' } as const;
type WholeTradeShape = { [K in keyof typeof tradeFields.shape]: z.ZodNonOptional<(typeof tradeFields.shape)[K]> };
const wholeTradeShape = Object.fromEntries(
  Object.entries(tradeFields.shape).map(([key, field]) => [key, field.nonoptional(wholeTrade)]),
) as WholeTradeShape;
export const updateTradeInput = z.object({ ...wholeTradeShape, id: uuid, version: z.number().int().positive() });
export const tradeRefInput = z.object({ id: uuid, version: z.number().int().positive() });
export const cancelTradeInput = tradeRefInput.extend({ reason: z.string().trim().max(500).nullish() });
export const byIdInput = z.object({ id: uuid });

export const TRADE_STATUS = z.enum([
  'DRAFT',
  'POSTED',
  'OFFERS_RECEIVED',
  'NEGOTIATION',
  'AGREED',
  'COMPLETED',
  'EXPIRED',
  'CANCELLED',
]);
export const myTradesInput = pageInput.extend({
  status: z.array(TRADE_STATUS).max(8).optional(),
  commodityId: uuid.optional(),
});
export const openTradesInput = pageInput.extend({ commodityId: uuid.optional(), urgentOnly: z.boolean().default(false) });
export const quickEntryInput = z.object({ sentence: z.string().trim().min(1).max(500) });

export const publishLotInput = z.object({
  branchId: optionalId,
  commodityId: uuid,
  varietyId: optionalId,
  stationId: uuid,
  quantity: balesInput,
  parameters: measuredParametersInput,
  reportDocumentId: optionalId,
  lab: z.string().trim().min(2).max(120),
  /** YYYY-MM-DD, not in the future. */
  testedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD'),
  askingPrice: priceInput.nullish(),
  validityDays: z.number().int().min(1).max(180).default(30),
});
export const LOT_STATUS = z.enum(['ACTIVE', 'DEPLETED', 'EXPIRED', 'WITHDRAWN']);
export const myLotsInput = pageInput.extend({ status: z.array(LOT_STATUS).max(4).optional(), commodityId: uuid.optional() });
export const withdrawLotInput = z.object({ id: uuid, version: z.number().int().positive() });

export const submitOfferInput = z.object({
  tradeId: uuid,
  lotId: optionalId,
  branchId: optionalId,
  price: priceInput,
  quantity: balesInput,
  /** Ignored when lotId is given (the lot's measured values are used). */
  parameters: measuredParametersInput.optional(),
  stationId: optionalId,
  deliveryTermId: optionalId,
  paymentTermId: optionalId,
  validityHours: z.number().int().min(1).max(720).nullish(),
  message: z.string().trim().max(1000).nullish(),
  idempotencyKey,
});

const actionBase = z.object({
  offerId: uuid,
  /** The version this action answers (the latest one the caller saw). */
  version: z.number().int().positive(),
  idempotencyKey,
  /** Staff with negotiation:act-for: which side they act for. */
  actAs: sideInput.optional(),
});
export const counterOfferInput = actionBase.extend({
  price: priceInput,
  quantity: balesInput,
  validityHours: z.number().int().min(1).max(720).nullish(),
  message: z.string().trim().max(1000).nullish(),
});
export const offerActionInput = actionBase.extend({ message: z.string().trim().max(1000).nullish() });

export const OFFER_STATUS = z.enum(['PENDING', 'COUNTERED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'EXPIRED']);
export const myOffersInput = pageInput.extend({
  /** SELLER: offers my partner made; BUYER: offers received on my trades; omitted: both. */
  side: sideInput.optional(),
  status: z.array(OFFER_STATUS).max(6).optional(),
  tradeId: uuid.optional(),
});

export const myContractsInput = pageInput.extend({ side: sideInput.optional() });

export const onNegotiationInput = z.object({ offerId: uuid, lastEventId: lastEventIdInput });
export const onFeedInput = z.object({ lastEventId: lastEventIdInput });

export const boTradesInput = pageInput.extend({
  status: z.array(TRADE_STATUS).max(8).optional(),
  commodityId: uuid.optional(),
  buyerPartnerId: uuid.optional(),
  urgency: z.enum(['NORMAL', 'URGENT']).optional(),
  search: z.string().trim().max(80).optional(),
});
export const summaryInput = z.object({ days: z.number().int().min(1).max(90).default(30) }).default({ days: 30 });
export const sellerPerformanceInput = pageInput.extend({ commodityId: uuid.optional() });
export const inviteSellersInput = z.object({
  tradeId: uuid,
  sellerPartnerIds: z.array(uuid).min(1).max(50),
  message: z.string().trim().max(500).nullish(),
});
