/** Negotiations for the reliability tests, made through the typed client as the parties would. */
import type { KapasClient } from '@kapas/client';

export type TradeTerms = {
  commodityId: string;
  deliveryStateId: string;
  deliveryTermId: string;
  paymentTermId: string;
};

export async function tradeTerms(client: KapasClient): Promise<TradeTerms> {
  const commodities = await client.masters.commodities.query({ includeInactive: false });
  const [delivery] = (await client.masters.items.query({ kind: 'DELIVERY_TERM' })).items;
  const [payment] = (await client.masters.items.query({ kind: 'PAYMENT_TERM' })).items;
  const [state] = await client.masters.locations.query();
  const commodity = commodities.find((c) => c.code === 'COTTON') ?? commodities[0];
  if (!commodity || !delivery || !payment || !state) throw new Error('seed data lacks commodity, terms or states');
  return { commodityId: commodity.id, deliveryStateId: state.id, deliveryTermId: delivery.id, paymentTermId: payment.id };
}

export type Negotiation = { tradeId: string; offerId: string; version: number; turn: 'BUYER' | 'SELLER' };

/** A posted trade by the buyer and the seller's offer on it: a negotiation waiting for the buyer. */
export async function openNegotiation(
  buyer: KapasClient,
  seller: KapasClient,
  terms: TradeTerms,
  tag: string,
): Promise<Negotiation> {
  const trade = await buyer.trades.create.mutate({ ...terms, quantity: '1000', targetPrice: '52000', post: true, notes: tag });
  const offer = await seller.offers.submit.mutate({
    tradeId: trade.id,
    price: '53000',
    quantity: '100',
    idempotencyKey: `submit-${tag}`,
  });
  return { tradeId: trade.id, offerId: offer.id, version: offer.version, turn: 'BUYER' };
}

/** Prices stay distinct per step so every version is recognisable in the events. */
export function counterPrice(step: number): string {
  return String(52_000 + (step % 900));
}
