import type { Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../src/testing';
import { tokenFor, until } from './reliability-helpers';

/**
 * R19: a subscriber that stops reading and a client flooding 1,000 messages a second must not
 * hurt anyone else: a normal subscriber's event p99 stays within 1.2× of its p99 without them
 * (compared over alternating phases; timing, so the comparison gets a fresh measurement twice
 * before failing), the flooder is cut off with 1008, and the server does not buffer without
 * limit for the reader that stopped.
 */
let server: TestServer;
let adminToken: string;
let buyerToken: string;
beforeAll(async () => {
  server = await startTestServer();
  adminToken = await tokenFor(server, 'admin@kapas.local');
  buyerToken = await tokenFor(server, 'buyer@saurashtra-mills.example');
});
afterAll(() => server.stop());

const wsUrl = () => `${server.url.replace('http', 'ws')}/trpc?connectionParams=1`;

/** A raw subscriber to masters.onChange that reports the id (or flood code) of each event's item. */
async function subscriber(onItem: (key: string) => void): Promise<WebSocket> {
  const ws = new WebSocket(wsUrl());
  await new Promise((resolve) => ws.once('open', resolve));
  const started = new Promise<void>((resolve) =>
    ws.on('message', (raw) => {
      const text = String(raw);
      if (text === 'PING') return void ws.send('PONG');
      const msg = JSON.parse(text) as {
        result?: { type?: string; data?: { data?: { payload?: { id?: string; code?: string } } } };
      };
      if (msg.result?.type === 'started') resolve();
      const payload = msg.result?.data?.data?.payload;
      const key = payload?.id ?? payload?.code;
      if (key) onItem(key);
    }),
  );
  ws.send(JSON.stringify({ method: 'connectionParams', data: { token: buyerToken } }));
  ws.send(JSON.stringify({ id: 1, method: 'subscription', params: { path: 'masters.onChange', input: {} } }));
  await started;
  return ws;
}

let itemNo = 0;
/** Creates `n` items one after another; returns the normal subscriber's latency for each. */
async function measure(arrived: Map<string, number>, n: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < n; i++) {
    const code = `R19_${itemNo++}`;
    const t0 = performance.now();
    const res = await fetch(`${server.url}/trpc/masters.createItem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ kind: 'VARIETY', code, name: code, days: null }),
    });
    expect(res.status).toBe(200);
    const { id } = ((await res.json()) as { result: { data: { id: string } } }).result.data;
    await until(() => arrived.has(id), 10_000, `event ${code}`);
    latencies.push(arrived.get(id)! - t0);
  }
  return latencies;
}

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;

/** Stops reading from the socket: the kernel buffers fill, then the server's send buffer grows. */
function stopReading(ws: WebSocket): void {
  (ws as unknown as { _socket: Socket })._socket.pause();
}

describe('R19 slow consumer and floods', () => {
  it('keeps others within 1.2× p99 while one reader stalls and one client floods', { timeout: 240_000, retry: 2 }, async () => {
    const arrived = new Map<string, number>();
    const normal = await subscriber((code) => arrived.set(code, performance.now()));
    await measure(arrived, 10); // warm-up

    const quiet: number[] = [];
    const attacked: number[] = [];
    const flooderClosedWith: number[] = [];
    for (let round = 0; round < 2; round++) {
      quiet.push(...(await measure(arrived, 25)));

      const slow = await subscriber(() => {});
      stopReading(slow);
      let flooding = true;
      const flood = (async () => {
        while (flooding) {
          // Anonymous (no connectionParams step): `health` is public.
          const ws = new WebSocket(`${server.url.replace('http', 'ws')}/trpc`);
          const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
          ws.on('error', () => {});
          await new Promise((resolve) => ws.once('open', resolve));
          // 1,000 messages a second until the server cuts the socket off.
          const timer = setInterval(() => {
            if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: 1, method: 'query', params: { path: 'health' } }));
          }, 1);
          flooderClosedWith.push(await closed);
          clearInterval(timer);
        }
      })();
      attacked.push(...(await measure(arrived, 25)));
      flooding = false;
      await flood;
      slow.terminate();
    }
    normal.terminate();
    // The guard cuts a flooder off with 1008 (policy violation).
    expect(flooderClosedWith).toContain(1008);
    // 2 ms of slack: below that, p99 is timer resolution, not the server.
    expect(p99(attacked)).toBeLessThanOrEqual(1.2 * p99(quiet) + 2);
  });

  it('does not buffer without limit for a subscriber that stopped reading', { timeout: 240_000 }, async () => {
    const slow = await subscriber(() => {});
    let received = 0;
    const normal = await subscriber(() => received++);
    try {
      stopReading(slow);
      // 20,000 events of ~2 KB (40 MB) for every subscriber, appended as the outbox would.
      await server.handle.db.execute(
        sql.raw(`INSERT INTO events (topic, type, audience, payload)
          SELECT 'masters', 'master.item.update', 'ALL_SIGNED_IN',
                 jsonb_build_object('code', 'R19_FLOOD_' || g, 'pad', repeat('x', 2000))
          FROM generate_series(1, 20000) AS g`),
      );
      void server.deps.bus.poke();
      await until(() => received >= 20_000, 180_000, 'the normal subscriber to get the flood');
      // The memory held for a socket is its unsent backlog: within the guard's stall window the
      // stalled socket is dropped (it would resume by last event id), so the backlog stays bounded.
      const heldMost = () => Math.max(0, ...[...server.hub.wss.clients].map((c) => c.bufferedAmount));
      await until(() => heldMost() <= 8 * 1024 * 1024, 15_000, 'the stalled socket to be dropped');
    } finally {
      slow.terminate();
      normal.terminate();
    }
  });
});
