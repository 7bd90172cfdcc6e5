import type { KapasClient } from '@kapas/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { signInAs } from './helpers';
import { followFeed, followRoom, loadMasters, lotInput, type Masters, newKey, tradeInput, until } from './trade-desk-fixtures';

let server: TestServer;
let buyer: KapasClient;
let seller: KapasClient;
let m: Masters;
beforeAll(async () => {
  server = await startTestServer();
  buyer = await signInAs(server, 'buyer@saurashtra-mills.example');
  seller = await signInAs(server, 'seller@vidarbha-ginning.example');
  m = await loadMasters(buyer);
});
afterAll(() => server.stop());

describe('trade desk happy journey', () => {
  it('post → lot → offer from lot → counter ×2 → accept → contract on both sides', async () => {
    const sellerFeed = followFeed(seller);
    const buyerFeed = followFeed(buyer);
    const trade = await buyer.trades.create.mutate(tradeInput(m));
    expect(trade.status).toBe('POSTED');
    expect(trade.number).toMatch(/^TR-\d{4}-\d{5}$/);

    const lot = await seller.lots.publish.mutate(lotInput(m));
    expect(lot).toMatchObject({ status: 'ACTIVE', quantity: '300.000', available: '300.000', reserved: '0.000', sold: '0.000' });

    const market = await seller.trades.openForSellers.query({});
    const listed = market.items.find((t) => t.id === trade.id);
    expect(listed?.myScore).toBeGreaterThan(0);

    const offer = await seller.offers.submit.mutate({
      tradeId: trade.id,
      lotId: lot.id,
      price: '53000',
      quantity: '200',
      idempotencyKey: newKey(),
    });
    expect(offer).toMatchObject({ status: 'PENDING', version: 1, turn: 'BUYER', parameters: lotInput(m).parameters });
    expect((await seller.lots.get.query({ id: lot.id })).reserved).toBe('200.000');

    const buyerRoom = followRoom(buyer, offer.id);
    const sellerRoom = followRoom(seller, offer.id);

    const detail = await buyer.trades.get.query({ id: trade.id });
    expect(detail.view).toBe('OWNER');
    expect(detail.offers[0]).toMatchObject({ id: offer.id, rank: 1 });
    expect(detail.offers[0]!.score).toBeGreaterThan(0);
    expect(detail.offers[0]!.deviations.map((d) => d.name)).toEqual(['staple_length', 'micronaire']);

    const v2 = await buyer.offers.counter.mutate({
      offerId: offer.id,
      version: 1,
      price: '52000',
      quantity: '200',
      idempotencyKey: newKey(),
    });
    expect(v2.offer).toMatchObject({ version: 2, status: 'COUNTERED', turn: 'SELLER', price: '52000.00' });
    const v3 = await seller.offers.counter.mutate({
      offerId: offer.id,
      version: 2,
      price: '52500',
      quantity: '200',
      idempotencyKey: newKey(),
    });
    expect(v3.offer).toMatchObject({ version: 3, turn: 'BUYER' });

    const asBuyer = await buyer.offers.get.query({ id: offer.id });
    expect(asBuyer).toMatchObject({ mySide: 'BUYER', turn: 'BUYER', allowedActions: ['COUNTER', 'ACCEPT', 'REJECT'] });
    expect(asBuyer.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect((await seller.offers.get.query({ id: offer.id })).allowedActions).toEqual(['WITHDRAW']);

    const accepted = await buyer.offers.accept.mutate({ offerId: offer.id, version: 3, idempotencyKey: newKey() });
    expect(accepted.offer.status).toBe('ACCEPTED');
    expect(accepted.contractNumber).toMatch(/^TD-\d{4}-\d{5}$/);

    const buyerContracts = await buyer.contracts.mine.query({});
    const sellerContracts = await seller.contracts.mine.query({});
    expect(buyerContracts.items.map((c) => c.id)).toContain(accepted.contractId);
    expect(sellerContracts.items.map((c) => c.id)).toContain(accepted.contractId);
    const contract = await seller.contracts.get.query({ id: accepted.contractId! });
    // 200 bales × 170 / 355.6222 × 52500 (DOMAIN §2), not 200 × 52500.
    expect(contract).toMatchObject({
      quantity: '200.000',
      price: '52500.00',
      value: '5019371.68',
      acceptedVersion: 3,
      currency: 'INR',
    });
    expect(contract.buyerSnapshot).toMatchObject({ legalName: 'Saurashtra Spinning Mills Pvt Ltd' });
    const doc = await buyer.contracts.document.query({ id: contract.id });
    expect(doc.verified).toBe(true);
    expect(doc.documentHash).toBe(contract.documentHash);

    expect(await seller.lots.get.query({ id: lot.id })).toMatchObject({
      available: '100.000',
      reserved: '0.000',
      sold: '200.000',
      status: 'ACTIVE',
    });
    const after = await buyer.trades.get.query({ id: trade.id });
    expect(after.trade).toMatchObject({ allocated: '200.000', remaining: '300.000', status: 'NEGOTIATION' });
    expect(after.allocation.percent).toBe(40);

    const expected = ['offer.received', 'offer.countered', 'offer.countered', 'offer.accepted'];
    await until(() => buyerRoom.seen.length >= 4 && sellerRoom.seen.length >= 4);
    expect(buyerRoom.seen.map((e) => e.type)).toEqual(expected);
    expect(sellerRoom.seen.map((e) => e.type)).toEqual(expected);
    expect(sellerRoom.seen.at(-1)!.payload).toMatchObject({ status: 'ACCEPTED', contractId: accepted.contractId, version: 4 });
    await until(() => sellerFeed.seen.some((e) => e.type === 'offer.accepted'));
    expect(sellerFeed.seen.map((e) => e.type)).toContain('offer.countered');
    // Pre-matching told the seller about the posted trade.
    expect(sellerFeed.seen.some((e) => e.type === 'trade.matched' && e.payload.tradeId === trade.id)).toBe(true);
    // Publishing the lot matched it against the open trade and told its buyer; the offer reached the buyer's feed.
    await until(() => buyerFeed.seen.some((e) => e.type === 'lot.matched' && e.payload.lotId === lot.id));
    expect(buyerFeed.seen.some((e) => e.type === 'offer.received' && e.payload.offerId === offer.id)).toBe(true);
    buyerFeed.stop();
    buyerRoom.stop();
    sellerRoom.stop();
    sellerFeed.stop();
  });
});
