import type { KapasClient } from '@kapas/client';
import { events } from '@kapas/db';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { clientFor, tokenFor, until } from './reliability-helpers';
import { counterPrice, openNegotiation, tradeTerms } from './reliability-trade-desk';

/**
 * R5: both parties follow a negotiation room while the server kills every socket mid-stream,
 * again and again; the clients reconnect and resume with lastEventId. Each must end up with
 * every event of the room exactly once, in order, ending with the acceptance.
 */
let server: TestServer;
let buyer: KapasClient;
let seller: KapasClient;
beforeAll(async () => {
  server = await startTestServer();
  buyer = clientFor(server.url, await tokenFor(server, 'buyer@saurashtra-mills.example'));
  seller = clientFor(server.url, await tokenFor(server, 'seller@vidarbha-ginning.example'));
});
afterAll(() => server.stop());

function follow(client: KapasClient, offerId: string) {
  const seen: { id: number; type: string }[] = [];
  const errors: unknown[] = [];
  const sub = client.offers.onNegotiation.subscribe(
    { offerId, lastEventId: 0 },
    { onData: (item) => seen.push({ id: item.data.id, type: item.data.type }), onError: (e) => errors.push(e) },
  );
  return { seen, errors, stop: () => sub.unsubscribe() };
}

describe('R5 negotiation room continuity', () => {
  it('delivers every event exactly once and in order across repeated socket kills', { timeout: 180_000 }, async () => {
    const terms = await tradeTerms(buyer);
    const negotiation = await openNegotiation(buyer, seller, terms, 'r5');
    const feeds = { buyer: follow(buyer, negotiation.offerId), seller: follow(seller, negotiation.offerId) };
    await until(() => feeds.buyer.seen.length > 0 && feeds.seller.seen.length > 0, 20_000, 'the room to open');

    let version = negotiation.version;
    for (let step = 0; step < 24; step++) {
      const side = step % 2 === 0 ? buyer : seller;
      const result = await side.offers.counter.mutate({
        offerId: negotiation.offerId,
        version,
        price: counterPrice(step),
        quantity: '100',
        idempotencyKey: `r5-${step}`,
      });
      version = result.offer.version;
      // Kill every socket every few steps, sometimes twice in a row, while counters continue.
      if (step % 5 === 2) for (const ws of server.hub.wss.clients) ws.terminate();
      if (step === 17) {
        for (const ws of server.hub.wss.clients) ws.terminate();
        await new Promise((r) => setTimeout(r, 50));
        for (const ws of server.hub.wss.clients) ws.terminate();
      }
    }
    // After 24 counters it is the buyer's turn again.
    const accepted = await buyer.offers.accept.mutate({ offerId: negotiation.offerId, version, idempotencyKey: 'r5-accept' });
    expect(accepted.contractId).toBeTruthy();

    const room = await server.handle.db
      .select({ id: events.id, type: events.type })
      .from(events)
      .where(eq(events.topic, `offer:${negotiation.offerId}`))
      .orderBy(asc(events.id));
    expect(room.at(-1)?.type).toBe('offer.accepted');
    for (const feed of Object.values(feeds)) {
      // On a timeout the comparison below shows what was missing.
      await until(() => feed.seen.length >= room.length, 30_000, 'every event to arrive').catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300)); // room for a late duplicate to show up
      expect({ seen: feed.seen, errors: feed.errors.map(String) }).toEqual({ seen: room, errors: [] });
      feed.stop();
    }
  });
});
