/**
 * Realtime events of the trade desk (DOMAIN §6.7). Three streams:
 *  - `offer:<id>`: the negotiation room, audience PARTIES (buyer + seller partner, staff with trade:read);
 *  - FEED_TOPIC: personal feed, audience PARTNER (one row per partner told);
 *  - BACK_OFFICE_TOPIC: dashboards, audience BACK_OFFICE.
 * Payloads carry ids and the fields a screen needs to update without refetching.
 */
import type { DbOrTx } from '@kapas/db';
import { appendEvent } from '../../realtime/outbox';

export const FEED_TOPIC = 'tradedesk.feed';
export const BACK_OFFICE_TOPIC = 'tradedesk.backoffice';
export const offerTopic = (offerId: string) => `offer:${offerId}`;

export type OfferEventPayload = {
  offerId: string;
  offerNumber: string;
  tradeId: string;
  tradeNumber: string;
  version: number;
  status: string;
  turn: string | null;
  price: string;
  quantity: string;
  validUntil: string;
  /** The side that acted (SYSTEM for expiry). */
  by: string;
  action: string;
  buyerPartnerId: string;
  sellerPartnerId: string;
  /** Branch scoping for sub-users on the personal feed. */
  tradeBranchId: string | null;
  sellerBranchId: string | null;
  contractId?: string | null;
  contractNumber?: string | null;
};

/** Room event (both parties), a feed row for each partner told, and the back-office row. */
export async function appendOfferEvents(tx: DbOrTx, type: string, p: OfferEventPayload, tell: readonly string[]): Promise<void> {
  const payload = { ...p } as Record<string, unknown>;
  await appendEvent(tx, {
    audience: 'PARTIES',
    parties: [p.buyerPartnerId, p.sellerPartnerId],
    topic: offerTopic(p.offerId),
    type,
    payload,
  });
  for (const partnerId of new Set(tell)) {
    await appendEvent(tx, { audience: 'PARTNER', audienceId: partnerId, topic: FEED_TOPIC, type, payload });
  }
  await appendEvent(tx, { audience: 'BACK_OFFICE', topic: BACK_OFFICE_TOPIC, type, payload });
}

export async function appendFeedEvent(
  tx: DbOrTx,
  partnerId: string,
  type: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await appendEvent(tx, { audience: 'PARTNER', audienceId: partnerId, topic: FEED_TOPIC, type, payload });
}

export async function appendBackOfficeEvent(tx: DbOrTx, type: string, payload: Record<string, unknown>): Promise<void> {
  await appendEvent(tx, { audience: 'BACK_OFFICE', topic: BACK_OFFICE_TOPIC, type, payload });
}
