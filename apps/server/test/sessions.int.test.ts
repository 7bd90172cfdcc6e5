import type { KapasClient } from '@kapas/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';

let server: TestServer;
let admin: KapasClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = await signInAs(server, 'admin@kapas.local');
});
afterAll(() => server.stop());

const until = async (check: () => Promise<boolean>, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('sessions', () => {
  it('lists my sessions with device and ends another one; someone else cannot end mine', async () => {
    const a = await signInAs(server, 'seller@vidarbha-ginning.example');
    const b = await signInAs(server, 'seller@vidarbha-ginning.example');
    const mine = await a.sessions.mine.query();
    expect(mine.filter((s) => s.current)).toHaveLength(1);
    const other = mine.find((s) => !s.current)!;
    expect(other.device).toBeTruthy();
    const stranger = await signInAs(server, 'trader@deccan-cotton.example');
    expect((await failure(stranger.sessions.end.mutate({ sessionId: other.id }))).code).toBe('NOT_FOUND');
    await a.sessions.end.mutate({ sessionId: other.id });
    expect(await b.auth.me.query()).toBeNull();
  });

  it('closes an open WebSocket of a session within 5 seconds of its end', async () => {
    const user = await signInAs(server, 'auditor@kapas.local');
    const errors: unknown[] = [];
    let started = false;
    const sub = user.masters.onChange.subscribe({}, { onStarted: () => (started = true), onError: (e) => errors.push(e) });
    await until(async () => started);
    const [session] = await user.sessions.mine.query();
    const endedAt = Date.now();
    await admin.sessions.revoke.mutate({ sessionId: session!.id });
    await until(async () => errors.length > 0, 5_000);
    expect(Date.now() - endedAt).toBeLessThan(5_000);
    expect((errors[0] as { data?: { code?: string } }).data?.code).toBe('UNAUTHORIZED');
    sub.unsubscribe();
  });

  it('takes a permission change to an open socket within 5 seconds', async () => {
    const buyer = await signInAs(server, 'buyer@saurashtra-mills.example');
    const errors: unknown[] = [];
    let started = false;
    const sub = buyer.masters.onChange.subscribe({}, { onStarted: () => (started = true), onError: (e) => errors.push(e) });
    await until(async () => started);
    const list = await admin.users.list.query({ search: 'buyer@saurashtra-mills.example' });
    const changedAt = Date.now();
    await admin.users.addGrant.mutate({ userId: list.items[0]!.id, capability: 'master:read', effect: 'DENY' });
    await until(async () => errors.length > 0, 5_000);
    expect(Date.now() - changedAt).toBeLessThan(5_000);
    expect((errors[0] as { data?: { code?: string } }).data?.code).toBe('FORBIDDEN');
    sub.unsubscribe();
  });
});
