import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../src/testing';
import { tokenFor, until } from './reliability-helpers';

/**
 * R20: 10,000 subscribe/unsubscribe cycles (stopped cleanly, and dropped with the socket) leave
 * the event bus with exactly the listeners it started with, the hub with no sockets, and Node
 * without a MaxListeners warning.
 */
let server: TestServer;
let token: string;
const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);

beforeAll(async () => {
  process.on('warning', onWarning);
  // The per-socket message limit protects production; this test needs to send fast.
  server = await startTestServer({ wsMessagesPerSecond: 1_000_000 });
  token = await tokenFor(server, 'buyer@saurashtra-mills.example');
});
afterAll(async () => {
  process.off('warning', onWarning);
  await server.stop();
});

type Socket = { ws: WebSocket; answers: Map<number, string[]> };

async function connect(): Promise<Socket> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/trpc?connectionParams=1`);
  const answers = new Map<number, string[]>();
  ws.on('message', (raw) => {
    const text = String(raw);
    if (text === 'PING') return void ws.send('PONG');
    const msg = JSON.parse(text) as { id?: number; result?: { type?: string }; error?: unknown };
    if (typeof msg.id !== 'number') return;
    answers.set(msg.id, [...(answers.get(msg.id) ?? []), msg.error ? 'error' : (msg.result?.type ?? 'data')]);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
  return { ws, answers };
}

const subscribe = (s: Socket, id: number) =>
  s.ws.send(JSON.stringify({ id, method: 'subscription', params: { path: 'masters.onChange', input: {} } }));
const stop = (s: Socket, id: number) => s.ws.send(JSON.stringify({ id, method: 'subscription.stop' }));

describe('R20 subscription churn', () => {
  it('returns listener and socket counts to baseline after 10,000 cycles', { timeout: 300_000 }, async () => {
    await until(() => server.hub.wss.clients.size === 0);
    const baseline = server.deps.bus.listenerCount;

    // 8,000 clean cycles: 20 sockets × 400, each subscription started then stopped, in windows of 20.
    const sockets = await Promise.all(Array.from({ length: 20 }, connect));
    await Promise.all(
      sockets.map(async (s) => {
        for (let base = 1; base <= 400; base += 20) {
          const ids = Array.from({ length: 20 }, (_, i) => base + i);
          for (const id of ids) subscribe(s, id);
          await until(() => ids.every((id) => s.answers.get(id)?.includes('started')), 60_000, 'subscriptions to start');
          for (const id of ids) stop(s, id);
          await until(() => ids.every((id) => s.answers.get(id)?.includes('stopped')), 60_000, 'subscriptions to stop');
        }
      }),
    );
    expect(sockets.every((s) => [...s.answers.values()].every((a) => !a.includes('error')))).toBe(true);
    await until(() => server.deps.bus.listenerCount === baseline, 20_000, 'listeners back after clean stops');
    for (const s of sockets) s.ws.close();

    // 2,000 dirty cycles: 100 sockets × 20 live subscriptions, then the sockets simply vanish.
    const dropped = await Promise.all(Array.from({ length: 100 }, connect));
    for (const s of dropped) for (let id = 1; id <= 20; id++) subscribe(s, id);
    await until(
      () =>
        dropped.every((s) => Array.from({ length: 20 }, (_, i) => i + 1).every((id) => s.answers.get(id)?.includes('started'))),
      60_000,
      'dropped sockets to subscribe',
    );
    expect(server.deps.bus.listenerCount).toBe(baseline + 2_000);
    for (const s of dropped) s.ws.terminate();

    await until(() => server.deps.bus.listenerCount === baseline, 20_000, 'listeners back after dropped sockets');
    await until(() => server.hub.wss.clients.size === 0, 20_000, 'sockets gone');
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});
