import { createServer, type Server, Socket } from 'node:net';
import type { KapasClient } from '@kapas/client';
import { type DatabaseHandle, events, migrate, openDatabase, seed, settings } from '@kapas/db';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { type RunningServer, startServer } from '../src/server';
import { RELAXED_LIMITS, testServerConfig } from '../src/testing';
import { clientFor, rowsOf, tokenFor, until } from './reliability-helpers';
import { type PrivatePostgres, startPrivatePostgres } from './reliability-private-postgres';
import { counterPrice, openNegotiation, tradeTerms } from './reliability-trade-desk';

/**
 * R21: two server instances share one PostgreSQL behind a TCP "load balancer"; instance A gets
 * what SIGTERM gives it in main.ts (`server.close()`: stop accepting, ask WebSocket clients to
 * reconnect, drain) in the middle of negotiation load, and the balancer sends new connections to
 * B. Clients retry failed calls with the same idempotency key and their subscriptions resume
 * with lastEventId. Pass: every negotiation ends with exactly one contract, the one its client
 * was told about; every room's events reach both parties exactly once, in order.
 * Two instances need a database both can reach and LISTEN/NOTIFY between them, so this file
 * runs on a private PostgreSQL on both passes (see reliability-private-postgres.ts).
 */
let pg: PrivatePostgres;
const handles: DatabaseHandle[] = [];
let a: RunningServer;
let b: RunningServer;
let balancer: Server;
let target = 0;
let buyer: KapasClient;
let seller: KapasClient;
const crashes: unknown[] = [];
const onCrash = (e: unknown) => crashes.push(e);

const config = () => testServerConfig({ rateLimitStore: 'postgres' });

async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return (server.address() as { port: number }).port;
}

async function instance(url: string): Promise<RunningServer> {
  const handle = await openDatabase({ url });
  handles.push(handle);
  return startServer(handle, config(), createLogger('silent'));
}

beforeAll(async () => {
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((r) => probe.close(r));
  pg = await startPrivatePostgres(port);
  const setup = await openDatabase({ url: pg.url });
  await migrate(setup);
  await seed(setup.db, { demo: true });
  for (const [key, value] of Object.entries(RELAXED_LIMITS))
    await setup.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
  handles.push(setup);
  a = await instance(pg.url);
  b = await instance(pg.url);
  // New connections go to the current target; if it refuses, to the other one.
  balancer = createServer((client: Socket) => {
    const ports = target === 0 ? [a.port, b.port] : [b.port, a.port];
    const attempt = (i: number) => {
      const upstream = new Socket();
      upstream.once('error', () => (i + 1 < ports.length ? attempt(i + 1) : client.destroy()));
      upstream.connect(ports[i]!, '127.0.0.1', () => {
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
      });
    };
    attempt(0);
  });
  const url = `http://127.0.0.1:${await listen(balancer)}`;
  const viaBalancer = { url, handle: setup };
  buyer = clientFor(url, await tokenFor(viaBalancer, 'buyer@saurashtra-mills.example'));
  seller = clientFor(url, await tokenFor(viaBalancer, 'seller@vidarbha-ginning.example'));
}, 120_000);

afterAll(async () => {
  balancer?.close();
  await b?.close();
  await a?.close().catch(() => undefined);
  for (const h of handles) await h.close();
  await pg?.stop();
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
}, 60_000);

describe('R21 graceful shutdown under negotiation load', () => {
  it('moves clients to the other instance without losing or duplicating a contract', { timeout: 180_000 }, async () => {
    const terms = await tradeTerms(buyer);
    const negotiations = [];
    for (let i = 0; i < 8; i++) negotiations.push(await openNegotiation(buyer, seller, terms, `r21-${i}`));
    const rooms = negotiations.map((n) => {
      const seen: Record<'buyer' | 'seller', number[]> = { buyer: [], seller: [] };
      const subs = (['buyer', 'seller'] as const).map((side) =>
        (side === 'buyer' ? buyer : seller).offers.onNegotiation.subscribe(
          { offerId: n.offerId, lastEventId: 0 },
          { onData: (item) => seen[side].push(item.data.id) },
        ),
      );
      return {
        n,
        seen,
        stop: () => {
          for (const s of subs) s.unsubscribe();
        },
      };
    });

    /** Calls until it succeeds, with the same input (same idempotency key) every time. */
    async function persist<T>(call: () => Promise<T>): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        try {
          return await call();
        } catch (e) {
          if (attempt > 100) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }

    const told = new Map<string, string>();
    let done = 0;
    const workers = negotiations.map(async (n, w) => {
      let version = n.version;
      for (let step = 0; step < 10; step++) {
        const side = step % 2 === 0 ? buyer : seller;
        const input = {
          offerId: n.offerId,
          version,
          price: counterPrice(step),
          quantity: '100',
          idempotencyKey: `r21-${w}-${step}`,
        };
        version = (await persist(() => side.offers.counter.mutate(input))).offer.version;
        done++;
      }
      // Ten counters: the buyer's turn again.
      const input = { offerId: n.offerId, version, idempotencyKey: `r21-accept-${w}` };
      const accepted = await persist(() => buyer.offers.accept.mutate(input));
      told.set(n.offerId, accepted.contractId ?? 'none');
    });

    // Shut A down in the middle of the load, whatever the machine's speed.
    await until(() => done >= (negotiations.length * 10) / 3, 120_000, 'a third of the counters');
    target = 1;
    await a.close(); // what SIGTERM does in main.ts
    await Promise.all(workers);

    expect(crashes).toEqual([]);
    const db = handles[0]!.db;
    // (The demo seed has contracts of its own; only this test's offers are counted.)
    const ids = new Set(negotiations.map((n) => n.offerId));
    const contracts = rowsOf<{ offer_id: string; id: string }>(
      await db.execute(sql`SELECT offer_id, id FROM contracts ORDER BY offer_id`),
    ).filter((c) => ids.has(c.offer_id));
    expect(contracts.length).toBe(negotiations.length);
    for (const n of negotiations) {
      const mine = contracts.filter((c) => c.offer_id === n.offerId);
      expect(mine.map((c) => c.id)).toEqual([told.get(n.offerId)]);
    }
    for (const room of rooms) {
      const expected = (
        await db
          .select({ id: events.id })
          .from(events)
          .where(eq(events.topic, `offer:${room.n.offerId}`))
          .orderBy(asc(events.id))
      ).map((e) => e.id);
      for (const side of ['buyer', 'seller'] as const) {
        await until(() => room.seen[side].length >= expected.length, 30_000, 'the room to catch up').catch(() => undefined);
        expect(room.seen[side]).toEqual(expected);
      }
      room.stop();
    }
  });
});
