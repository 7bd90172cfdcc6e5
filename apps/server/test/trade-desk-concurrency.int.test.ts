import type { KapasClient } from '@kapas/client';
import { auditLog, contracts, dbEnv, events, offers, offerVersions } from '@kapas/db';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';
import { followRoom, loadMasters, type Masters, newKey, tradeInput } from './trade-desk-fixtures';

/** R1 runs 200 rounds on real PostgreSQL and fewer on the embedded database (one WASM connection). */
const ON_POSTGRES = Boolean(dbEnv.TEST_DATABASE_URL);
const R1_ROUNDS = ON_POSTGRES ? 200 : 20;
const R2_ROUNDS = ON_POSTGRES ? 50 : 10;

let server: TestServer;
let buyer: KapasClient;
let seller: KapasClient;
let m: Masters;
beforeAll(async () => {
  server = await startTestServer();
  buyer = await signInAs(server, 'buyer@saurashtra-mills.example');
  seller = await signInAs(server, 'seller@vidarbha-ginning.example');
  m = await loadMasters(buyer);
}, 120_000);
afterAll(() => server.stop());

const db = () => server.handle.db;

async function freshOffer(price = '52000', quantity = '100') {
  const trade = await buyer.trades.create.mutate(tradeInput(m, { quantity: '1000' }));
  const offer = await seller.offers.submit.mutate({
    tradeId: trade.id,
    price,
    quantity,
    stationId: m.akola,
    idempotencyKey: newKey('of'),
  });
  return { trade, offer };
}

type Outcome = { ok: true; value: unknown } | { ok: false; code: string | undefined };
const settle = (p: Promise<unknown>): Promise<Outcome> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (e: { data?: { code?: string } }) => ({ ok: false as const, code: e.data?.code }),
  );

async function countWhere(table: typeof contracts | typeof auditLog, where: ReturnType<typeof eq>) {
  const [row] = await db().select({ n: count() }).from(table).where(where);
  return row!.n;
}

describe('R1: parallel accepts of one version', () => {
  it(`exactly one acceptance wins in each of ${R1_ROUNDS} rounds`, { timeout: 1_800_000 }, async () => {
    for (let round = 0; round < R1_ROUNDS; round++) {
      const { offer } = await freshOffer();
      const buyerKeys = Array.from({ length: 25 }, () => newKey('acc'));
      const calls = [
        ...buyerKeys.map((k) => buyer.offers.accept.mutate({ offerId: offer.id, version: 1, idempotencyKey: k })),
        ...Array.from({ length: 25 }, () =>
          seller.offers.accept.mutate({ offerId: offer.id, version: 1, idempotencyKey: newKey('acc') }),
        ),
        // Replays of keys already in flight.
        ...buyerKeys.slice(0, 5).map((k) => buyer.offers.accept.mutate({ offerId: offer.id, version: 1, idempotencyKey: k })),
      ];
      const outcomes = await Promise.all(calls.map(settle));
      const firstTry = outcomes.slice(0, 50);
      const wins = firstTry.filter((o) => o.ok);
      expect(wins).toHaveLength(1);
      for (const o of firstTry) if (!o.ok) expect(['STALE_VERSION', 'CONFLICT', 'NOT_YOUR_TURN']).toContain(o.code);
      // Seller accepts of its own version never win: not its turn, or the offer is already closed.
      for (const o of outcomes.slice(25, 50)) expect(o.ok ? 'WON' : o.code).toMatch(/^(NOT_YOUR_TURN|CONFLICT)$/);
      // A replay answers what its first call answered.
      outcomes.slice(50).forEach((replay, i) => {
        expect(replay).toEqual(outcomes[i]);
      });
      expect(await countWhere(contracts, eq(contracts.offerId, offer.id))).toBe(1);
      expect(await countWhere(auditLog, and(eq(auditLog.entityId, offer.id), eq(auditLog.action, 'offer.accept'))!)).toBe(1);
    }
  });
});

describe('R2: accept(v) racing counter(v)', () => {
  it('exactly one wins and the accepted terms are the version named', { timeout: 600_000 }, async () => {
    let accepts = 0;
    let counters = 0;
    for (let round = 0; round < R2_ROUNDS; round++) {
      const { offer } = await freshOffer('52100', '100');
      const [accept, counter] = await Promise.all([
        settle(buyer.offers.accept.mutate({ offerId: offer.id, version: 1, idempotencyKey: newKey('r2a') })),
        settle(
          buyer.offers.counter.mutate({
            offerId: offer.id,
            version: 1,
            price: '50000',
            quantity: '90',
            idempotencyKey: newKey('r2c'),
          }),
        ),
      ]);
      expect([accept.ok, counter.ok].filter(Boolean)).toHaveLength(1);
      const [row] = await db().select().from(offers).where(eq(offers.id, offer.id));
      if (accept.ok) {
        accepts++;
        expect(counter.ok ? null : counter.code).toBe('CONFLICT');
        const [c] = await db().select().from(contracts).where(eq(contracts.offerId, offer.id));
        expect(c).toMatchObject({ acceptedVersion: 1, price: '52100.00', quantity: '100.000' });
        expect(row!.status).toBe('ACCEPTED');
      } else {
        counters++;
        expect(accept.code).toBe('STALE_VERSION');
        expect(row).toMatchObject({ status: 'COUNTERED', version: 2, price: '50000.00' });
        expect(await countWhere(contracts, eq(contracts.offerId, offer.id))).toBe(0);
      }
    }
    expect(accepts + counters).toBe(R2_ROUNDS);
  });
});

describe('R3: idempotency keys', () => {
  it('the same key 10× in sequence gives one offer and identical responses', async () => {
    const trade = await buyer.trades.create.mutate(tradeInput(m));
    const input = { tradeId: trade.id, price: '52000', quantity: '50', stationId: m.akola, idempotencyKey: newKey('seq') };
    const responses = [];
    for (let i = 0; i < 10; i++) responses.push(await seller.offers.submit.mutate(input));
    for (const r of responses) expect(r).toEqual(responses[0]);
    const [n] = await db().select({ n: count() }).from(offers).where(eq(offers.tradeId, trade.id));
    expect(n!.n).toBe(1);
  });

  it('the same key 10× concurrently gives one counter and identical responses', async () => {
    const { offer } = await freshOffer();
    const input = { offerId: offer.id, version: 1, price: '51000', quantity: '100', idempotencyKey: newKey('conc') };
    const responses = await Promise.all(Array.from({ length: 10 }, () => buyer.offers.counter.mutate(input)));
    for (const r of responses) expect(r).toEqual(responses[0]);
    const versions = await db().select().from(offerVersions).where(eq(offerVersions.offerId, offer.id));
    expect(versions).toHaveLength(2);
    const [audit] = await db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, offer.id), eq(auditLog.action, 'offer.counter')));
    expect(audit!.n).toBe(1);
  });

  it('the same key with a different payload is IDEMPOTENCY_MISMATCH and changes nothing', async () => {
    const { offer } = await freshOffer();
    const key = newKey('mm');
    await buyer.offers.counter.mutate({ offerId: offer.id, version: 1, price: '51000', quantity: '100', idempotencyKey: key });
    const f = await failure(
      buyer.offers.counter.mutate({ offerId: offer.id, version: 1, price: '51500', quantity: '100', idempotencyKey: key }),
    );
    expect(f.code).toBe('IDEMPOTENCY_MISMATCH');
    const g = await failure(buyer.offers.accept.mutate({ offerId: offer.id, version: 2, idempotencyKey: key }));
    expect(g.code).toBe('IDEMPOTENCY_MISMATCH');
    const [row] = await db().select().from(offers).where(eq(offers.id, offer.id));
    expect(row).toMatchObject({ version: 2, price: '51000.00', status: 'COUNTERED' });
  });
});

describe('R6: a rolled-back transaction delivers no event', () => {
  it('an acceptance failing after its events were appended leaves no event row and pushes nothing', async () => {
    const { offer } = await freshOffer();
    const room = followRoom(seller, offer.id);
    await new Promise((r) => setTimeout(r, 300));
    const topic = `offer:${offer.id}`;
    const eventCount = async () => (await db().select({ n: count() }).from(events).where(eq(events.topic, topic)))[0]!.n;
    const before = await eventCount();
    // The contract row is written after the acceptance events: make it fail.
    await db().execute(
      sql.raw(
        `create or replace function td_r6_fail() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`,
      ),
    );
    await db().execute(
      sql.raw('create trigger td_r6_fail before insert on contracts for each row execute function td_r6_fail()'),
    );
    try {
      const f = await failure(buyer.offers.accept.mutate({ offerId: offer.id, version: 1, idempotencyKey: newKey('r6') }));
      expect(f.code).toBe('INTERNAL');
    } finally {
      await db().execute(sql.raw('drop trigger td_r6_fail on contracts'));
      await db().execute(sql.raw('drop function td_r6_fail()'));
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(await eventCount()).toBe(before);
    expect(room.seen.filter((e) => e.type === 'offer.accepted')).toHaveLength(0);
    const [row] = await db().select().from(offers).where(eq(offers.id, offer.id));
    expect(row).toMatchObject({ status: 'PENDING', version: 1 });
    // Nothing half-written: the same acceptance now succeeds and is pushed once.
    await buyer.offers.accept.mutate({ offerId: offer.id, version: 1, idempotencyKey: newKey('r6b') });
    const end = Date.now() + 5_000;
    while (!room.seen.some((e) => e.type === 'offer.accepted') && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(room.seen.filter((e) => e.type === 'offer.accepted')).toHaveLength(1);
    room.stop();
  });
});
