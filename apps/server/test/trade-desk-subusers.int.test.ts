import type { KapasClient } from '@kapas/client';
import { branches, roles, userRoles, users } from '@kapas/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';
import { loadMasters, type Masters, newKey, tradeInput, until } from './trade-desk-fixtures';

/** Sub-users act only for their branches: trades, offers and the negotiation room of other branches are NOT_FOUND. */
let server: TestServer;
let buyer: KapasClient;
let seller: KapasClient;
let subUser: KapasClient;
let m: Masters;
let branchA: string;
let branchB: string;

beforeAll(async () => {
  server = await startTestServer();
  const db = server.handle.db;
  const [primary] = await db.select().from(users).where(eq(users.email, 'buyer@saurashtra-mills.example'));
  const made = await db
    .insert(branches)
    .values([
      {
        partnerId: primary!.partnerId!,
        code: 'SUB_A',
        name: 'Branch A',
        stateCode: '24',
        line1: 'A road',
        city: 'Rajkot',
        pincode: '360001',
      },
      {
        partnerId: primary!.partnerId!,
        code: 'SUB_B',
        name: 'Branch B',
        stateCode: '24',
        line1: 'B road',
        city: 'Amreli',
        pincode: '365601',
      },
    ])
    .returning({ id: branches.id });
  [branchA, branchB] = [made[0]!.id, made[1]!.id];
  // A sub-user of the buyer limited to branch A (same demo password as the primary user).
  const [sub] = await db
    .insert(users)
    .values({
      email: 'branch-a@saurashtra-mills.example',
      name: 'Branch A desk',
      kind: 'PARTNER',
      partnerId: primary!.partnerId,
      isPrimary: false,
      passwordHash: primary!.passwordHash,
      branchIds: [branchA],
      emailVerifiedAt: new Date().toISOString(),
    })
    .returning({ id: users.id });
  const [role] = await db.select().from(roles).where(eq(roles.code, 'PARTNER_PRIMARY'));
  await db.insert(userRoles).values({ userId: sub!.id, roleId: role!.id });
  buyer = await signInAs(server, 'buyer@saurashtra-mills.example');
  seller = await signInAs(server, 'seller@vidarbha-ginning.example');
  subUser = await signInAs(server, 'branch-a@saurashtra-mills.example');
  m = await loadMasters(buyer);
}, 120_000);
afterAll(() => server.stop());

describe('sub-user branch scope', () => {
  it('sees and negotiates only its branch’s trades', async () => {
    const tradeA = await buyer.trades.create.mutate(tradeInput(m, { branchId: branchA }));
    const tradeB = await buyer.trades.create.mutate(tradeInput(m, { branchId: branchB }));
    const mine = await subUser.trades.mine.query({ pageSize: 100 });
    expect(mine.items.map((t) => t.id)).toEqual([tradeA.id]);
    expect((await failure(subUser.trades.get.query({ id: tradeB.id }))).code).toBe('NOT_FOUND');

    const offerA = await seller.offers.submit.mutate({
      tradeId: tradeA.id,
      price: '52000',
      quantity: '10',
      stationId: m.akola,
      idempotencyKey: newKey(),
    });
    const offerB = await seller.offers.submit.mutate({
      tradeId: tradeB.id,
      price: '52000',
      quantity: '10',
      stationId: m.akola,
      idempotencyKey: newKey(),
    });
    expect((await subUser.offers.mine.query({ side: 'BUYER' })).items.map((o) => o.id)).toEqual([offerA.id]);
    expect((await failure(subUser.offers.get.query({ id: offerB.id }))).code).toBe('NOT_FOUND');
    expect(
      (
        await failure(
          subUser.offers.counter.mutate({
            offerId: offerB.id,
            version: 1,
            price: '51000',
            quantity: '10',
            idempotencyKey: newKey(),
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const error = await new Promise<unknown>((resolve) => {
      const sub = subUser.offers.onNegotiation.subscribe({ offerId: offerB.id }, { onError: resolve });
      setTimeout(() => {
        sub.unsubscribe();
        resolve(null);
      }, 1_500);
    });
    expect((error as { data?: { code?: string } } | null)?.data?.code).toBe('NOT_FOUND');

    const countered = await subUser.offers.counter.mutate({
      offerId: offerA.id,
      version: 1,
      price: '51000',
      quantity: '10',
      idempotencyKey: newKey(),
    });
    expect(countered.offer.version).toBe(2);
    // Creating a trade for a branch outside its scope is refused; without a branch it lands on its own.
    expect((await failure(subUser.trades.create.mutate(tradeInput(m, { branchId: branchB })))).code).toBe('NOT_FOUND');
    expect((await subUser.trades.create.mutate(tradeInput(m))).branchId).toBe(branchA);
  });

  it('a sub-user moved off the branch stops receiving the negotiation room', async () => {
    const trade = await buyer.trades.create.mutate(tradeInput(m, { branchId: branchA }));
    const offer = await seller.offers.submit.mutate({
      tradeId: trade.id,
      price: '52000',
      quantity: '10',
      stationId: m.akola,
      idempotencyKey: newKey(),
    });
    const seen: { type: string; payload: Record<string, unknown> }[] = [];
    const errors: unknown[] = [];
    const sub = subUser.offers.onNegotiation.subscribe(
      { offerId: offer.id, lastEventId: 0 },
      { onData: (item) => seen.push(item.data), onError: (e) => errors.push(e) },
    );
    await until(() => seen.some((e) => e.type === 'offer.received'));
    await buyer.offers.counter.mutate({
      offerId: offer.id,
      version: 1,
      price: '51000',
      quantity: '10',
      idempotencyKey: newKey(),
    });
    await until(() => seen.some((e) => e.type === 'offer.countered'));
    // The primary user moves the sub-user to branch B: its socket is closed, and the client's
    // resubscription to the room is refused.
    const [desk] = (await buyer.subUsers.list.query()).filter((u) => u.email === 'branch-a@saurashtra-mills.example');
    await buyer.subUsers.update.mutate({
      userId: desk!.id,
      name: desk!.name,
      capabilities: ['trade:read'],
      branchIds: [branchB],
    });
    await until(() => errors.length > 0);
    expect((errors[0] as { data?: { code?: string } }).data?.code).toBe('NOT_FOUND');
    await seller.offers.counter.mutate({
      offerId: offer.id,
      version: 2,
      price: '51500',
      quantity: '10',
      idempotencyKey: newKey(),
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(seen.map((e) => e.payload.version)).toEqual([1, 2]);
    sub.unsubscribe();
  });
});
