import type { KapasClient } from '@kapas/client';
import { type DatabaseHandle, migrate, openDatabase, seed, settings } from '@kapas/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { type RunningServer, startServer } from '../src/server';
import { RELAXED_LIMITS, testServerConfig } from '../src/testing';
import { clientFor, rowsOf, tokenFor } from './reliability-helpers';
import { type PrivatePostgres, startPrivatePostgres } from './reliability-private-postgres';
import { counterPrice, openNegotiation, tradeTerms } from './reliability-trade-desk';

/**
 * R7: PostgreSQL restarted (`pg_ctl restart -m fast`) under negotiation load. Only a real
 * PostgreSQL can be restarted, and the machine's shared one must not be, so this file always
 * starts a PRIVATE instance (on both the PGlite and the PostgreSQL pass of the suite) and runs
 * the real server on it. Pass: the process survives (no unhandled error), calls fail only while
 * the database is away, everything works again within 10 s of it being back, and no negotiation
 * is half-applied (offer version = its version rows; contracts exactly for ACCEPTED offers).
 */
let pg: PrivatePostgres;
let handle: DatabaseHandle;
let server: RunningServer;
let buyer: KapasClient;
let seller: KapasClient;
const crashes: unknown[] = [];
const onCrash = (e: unknown) => crashes.push(e);

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  pg = await startPrivatePostgres(await freePort());
  handle = await openDatabase({ url: pg.url });
  await migrate(handle);
  await seed(handle.db, { demo: true });
  for (const [key, value] of Object.entries(RELAXED_LIMITS))
    await handle.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
  server = await startServer(handle, testServerConfig(), createLogger('silent'));
  const target = { url: server.url, handle };
  buyer = clientFor(server.url, await tokenFor(target, 'buyer@saurashtra-mills.example'));
  seller = clientFor(server.url, await tokenFor(target, 'seller@vidarbha-ginning.example'));
}, 120_000);

afterAll(async () => {
  await server?.close();
  await handle?.close();
  await pg?.stop();
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
}, 60_000);

type Call = { start: number; end: number; ok: boolean; code: string | null };

describe('R7 PostgreSQL restart under load', () => {
  it('survives, fails only during the outage, recovers within 10 s and leaves no half-applied negotiation', {
    timeout: 180_000,
  }, async () => {
    const terms = await tradeTerms(buyer);
    const negotiations = [];
    for (let i = 0; i < 6; i++) negotiations.push(await openNegotiation(buyer, seller, terms, `r7-${i}`));

    const calls: Call[] = [];
    let running = true;
    // Each negotiation counters back and forth; a failed call is retried with the same key and
    // version, as a client does, so a commit whose answer was lost is not applied twice.
    const workers = negotiations.map(async (n, w) => {
      let version = n.version;
      let step = 0;
      while (running) {
        const side = step % 2 === 0 ? buyer : seller;
        const start = Date.now();
        try {
          const result = await side.offers.counter.mutate({
            offerId: n.offerId,
            version,
            price: counterPrice(step),
            quantity: '100',
            idempotencyKey: `r7-${w}-${step}`,
          });
          calls.push({ start, end: Date.now(), ok: true, code: null });
          version = result.offer.version;
          step++;
        } catch (e) {
          const code = (e as { data?: { code?: string } }).data?.code ?? 'NETWORK';
          calls.push({ start, end: Date.now(), ok: false, code });
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      return { ...n, version, step };
    });

    await new Promise((r) => setTimeout(r, 3_000));
    const outageStart = Date.now();
    await pg.restart();
    const outageEnd = Date.now();
    await new Promise((r) => setTimeout(r, 12_000));
    running = false;
    const finished = await Promise.all(workers);

    expect(crashes).toEqual([]);
    const before = calls.filter((c) => c.end < outageStart);
    const failures = calls.filter((c) => !c.ok);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((c) => c.ok)).toBe(true);
    // Errors only around the outage, and none later than 10 s after the database is back.
    for (const f of failures) {
      expect(f.end).toBeGreaterThanOrEqual(outageStart);
      expect(f.start).toBeLessThanOrEqual(outageEnd + 10_000);
    }
    const firstSuccessAfter = calls.filter((c) => c.ok && c.start >= outageEnd).sort((a, b) => a.end - b.end)[0];
    expect(firstSuccessAfter).toBeDefined();
    expect(firstSuccessAfter!.end - outageEnd).toBeLessThanOrEqual(10_000);
    // Failures are reported as errors, never as a dead process; and they do not leak internals.
    expect(failures.every((f) => ['INTERNAL', 'NETWORK', 'TOO_MANY_REQUESTS', 'UNAUTHORIZED'].includes(f.code ?? ''))).toBe(true);

    // Finish every negotiation with an acceptance by the side whose turn it is.
    for (const n of finished) {
      const side = n.step % 2 === 0 ? buyer : seller;
      const accepted = await side.offers.accept.mutate({
        offerId: n.offerId,
        version: n.version,
        idempotencyKey: `r7-accept-${n.offerId}`,
      });
      expect(accepted.contractId).toBeTruthy();
    }

    const halfApplied = await handle.db.execute(sql`
      SELECT o.id, o.version, count(v.id)::int AS rows, max(v.version) AS latest
      FROM offers o LEFT JOIN offer_versions v ON v.offer_id = o.id
      GROUP BY o.id, o.version
      HAVING count(v.id) <> o.version OR max(v.version) <> o.version`);
    expect(rowsOf(halfApplied)).toEqual([]);
    const contractMismatch = await handle.db.execute(sql`
      SELECT o.id, o.status, count(c.id)::int AS contracts
      FROM offers o LEFT JOIN contracts c ON c.offer_id = o.id
      GROUP BY o.id, o.status
      HAVING (o.status = 'ACCEPTED') <> (count(c.id) = 1) OR count(c.id) > 1`);
    expect(rowsOf(contractMismatch)).toEqual([]);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
  });
});
