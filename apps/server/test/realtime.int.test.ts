import { createKapasClient, type KapasClient } from '@kapas/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, TEST_ORIGIN, type TestServer } from '../src/testing';
import { signInAs } from './helpers';

let server: TestServer;
let admin: KapasClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = await signInAs(server, 'admin@kapas.local');
});
afterAll(() => server.stop());

type Seen = { id: number; type: string; payload: Record<string, unknown> };

function follow(client: ReturnType<typeof createKapasClient>, lastEventId: number | null) {
  const seen: Seen[] = [];
  const sub = client.masters.onChange.subscribe(lastEventId === null ? {} : { lastEventId }, {
    onData: (item) => seen.push(item.data),
  });
  return { seen, stop: () => sub.unsubscribe() };
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('masters.onChange subscription', () => {
  it('pushes a master change to a signed-in trader', async () => {
    const buyer = await signInAs(server, 'buyer@saurashtra-mills.example');
    const feed = follow(buyer, null);
    await new Promise((r) => setTimeout(r, 300));
    const item = await admin.masters.createItem.mutate({ kind: 'VARIETY', code: 'LIVE_1', name: 'Live one', days: null });
    await until(() => feed.seen.some((e) => e.payload.id === item.id));
    expect(feed.seen.find((e) => e.payload.id === item.id)?.type).toBe('master.item.create');
    feed.stop();
  });

  it('resumes after the server drops every socket, without loss or duplicates', async () => {
    const buyer = await signInAs(server, 'buyer@saurashtra-mills.example');
    const feed = follow(buyer, 0);
    const created: string[] = [];
    const make = async (n: number) => {
      const item = await admin.masters.createItem.mutate({
        kind: 'VARIETY',
        code: `RESUME_${n}`,
        name: `Resume ${n}`,
        days: null,
      });
      created.push(item.id);
    };
    for (let n = 0; n < 5; n++) await make(n);
    await until(() => created.every((id) => feed.seen.some((e) => e.payload.id === id)));
    // Kill every socket mid-stream, keep writing while the client reconnects.
    for (const ws of server.hub.wss.clients) ws.terminate();
    for (let n = 5; n < 15; n++) await make(n);
    await until(() => created.every((id) => feed.seen.some((e) => e.payload.id === id)));
    const ids = feed.seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    feed.stop();
  });

  it('refuses subscriptions without a session', async () => {
    const anonymous = createKapasClient({ url: server.url });
    const error = await new Promise<unknown>((resolve) => {
      anonymous.masters.onChange.subscribe({}, { onError: resolve });
    });
    expect((error as { data?: { code?: string } }).data?.code).toBe('UNAUTHORIZED');
  });
});

describe('WebSocket transport limits', () => {
  const wsUrl = () => `${server.url.replace('http', 'ws')}/trpc`;
  const closeOf = (ws: WebSocket) => new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));

  it('refuses an upgrade from a foreign Origin', async () => {
    const ws = new WebSocket(wsUrl(), { headers: { origin: 'https://evil.example' } });
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });

  it('accepts an allowed Origin', async () => {
    const ws = new WebSocket(wsUrl(), { headers: { origin: TEST_ORIGIN } });
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    ws.close();
  });

  it('closes with 1009 on a frame over 64 KB', async () => {
    const ws = new WebSocket(wsUrl());
    await new Promise((r) => ws.on('open', r));
    const closed = closeOf(ws);
    ws.send('x'.repeat(1024 * 1024));
    expect(await closed).toBe(1009);
  });

  it('closes with 1008 on a message carrying 1,000 calls, before doing any of them', async () => {
    const ws = new WebSocket(wsUrl());
    await new Promise((r) => ws.on('open', r));
    const answers: string[] = [];
    ws.on('message', (m) => answers.push(String(m)));
    const closed = closeOf(ws);
    ws.send(JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ id: i, method: 'query', params: { path: 'health' } }))));
    expect(await closed).toBe(1008);
    expect(answers).toEqual([]);
  });
});

describe('HTTP transport limits', () => {
  it('refuses a batch larger than the limit before running it', async () => {
    const paths = Array.from({ length: 200 }, () => 'health').join(',');
    const res = await fetch(`${server.url}/trpc/${paths}?batch=1`);
    expect(res.status).toBe(400);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
  });

  it('serves health and readiness', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/ready`)).json()).toEqual({ ready: true });
  });
});
