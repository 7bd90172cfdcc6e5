/**
 * The contract document created at acceptance (DOMAIN §6.5): snapshots of both parties (partner
 * row + head-office branch), all terms, the quality values and the value per §2. Its SHA-256 is
 * taken over the canonical JSON (sorted keys), so anyone can re-hash the document and compare.
 */
import { randomUUID } from 'node:crypto';
import { allocateNumber, commodities, type contracts, type DbOrTx, type offers, type trades } from '@kapas/db';
import { eq } from 'drizzle-orm';
import { canonicalJson, sha256Hex } from './canonical';
import { headOffices, loadPartner, masterNames } from './lookups';
import type { OfferVersion } from './rules/negotiation';
import { contractValue } from './rules/units';

type TradeRow = typeof trades.$inferSelect;
type OfferRow = typeof offers.$inferSelect;

export type PreparedContract = {
  id: string;
  number: string;
  values: typeof contracts.$inferInsert;
};

async function snapshot(db: DbOrTx, partnerId: string) {
  const p = await loadPartner(db, partnerId);
  const office = (await headOffices(db, [partnerId])).get(partnerId);
  return {
    partnerId: p.id,
    legalName: p.legalName,
    tradeName: p.tradeName,
    businessType: p.businessType,
    pan: p.pan,
    gstin: p.gstin,
    email: p.email,
    mobile: p.mobile,
    headOffice: office
      ? {
          code: office.code,
          name: office.name,
          gstin: office.gstin,
          stateCode: office.stateCode,
          line1: office.line1,
          city: office.city,
          pincode: office.pincode,
        }
      : null,
  };
}

export async function prepareContract(
  tx: DbOrTx,
  trade: TradeRow,
  offer: OfferRow,
  accepted: OfferVersion,
  now: Date,
): Promise<PreparedContract> {
  const id = randomUUID();
  const number = await allocateNumber(tx, 'TD', now.getUTCFullYear(), 5);
  const [buyer, seller] = [await snapshot(tx, trade.buyerPartnerId), await snapshot(tx, offer.sellerPartnerId)];
  const [commodity] = await tx.select({ name: commodities.name }).from(commodities).where(eq(commodities.id, trade.commodityId));
  const names = await masterNames(tx, [
    trade.varietyId,
    trade.tradeTypeId,
    trade.bargainTypeId,
    trade.passingTermId,
    trade.weightmentTermId,
    offer.deliveryTermId ?? trade.deliveryTermId,
    offer.paymentTermId ?? trade.paymentTermId,
  ]);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const deliveryTermId = offer.deliveryTermId ?? trade.deliveryTermId;
  const paymentTermId = offer.paymentTermId ?? trade.paymentTermId;
  const terms = {
    tradeType: name(trade.tradeTypeId),
    bargainType: name(trade.bargainTypeId),
    passingTerm: name(trade.passingTermId),
    weightmentTerm: name(trade.weightmentTermId),
    deliveryTermId,
    deliveryTerm: name(deliveryTermId),
    deliveryDays: trade.deliveryDays,
    paymentTermId,
    paymentTerm: name(paymentTermId),
    paymentDays: trade.paymentDays,
    deliveryStateId: trade.deliveryStateId,
    deliveryRegionId: trade.deliveryRegionId,
    deliveryStationId: trade.deliveryStationId,
    sellerStationId: offer.stationId,
    requiredCertificates: trade.requiredCertificates,
  };
  const value = contractValue(accepted.quantity, accepted.price);
  const document = {
    number,
    createdAt: now.toISOString(),
    tradeId: trade.id,
    tradeNumber: trade.number,
    offerId: offer.id,
    offerNumber: offer.number,
    acceptedVersion: accepted.version,
    buyer,
    seller,
    commodity: { id: trade.commodityId, name: commodity?.name ?? null },
    variety: { id: trade.varietyId, name: name(trade.varietyId) },
    lotId: offer.lotId,
    quantity: accepted.quantity,
    quantityUnit: 'BALE',
    price: accepted.price,
    priceUnit: 'INR_PER_CANDY',
    value,
    currency: 'INR',
    terms,
    quality: offer.parameters,
  };
  const documentHash = sha256Hex(canonicalJson(document));
  return {
    id,
    number,
    values: {
      id,
      number,
      offerId: offer.id,
      tradeId: trade.id,
      buyerPartnerId: trade.buyerPartnerId,
      sellerPartnerId: offer.sellerPartnerId,
      buyerSnapshot: buyer,
      sellerSnapshot: seller,
      commodityId: trade.commodityId,
      varietyId: trade.varietyId,
      lotId: offer.lotId,
      quantity: accepted.quantity,
      price: accepted.price,
      value,
      terms,
      quality: offer.parameters,
      acceptedVersion: accepted.version,
      document,
      documentHash,
      createdAt: now.toISOString(),
    },
  };
}
