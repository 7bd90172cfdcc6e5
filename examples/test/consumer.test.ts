import { createRequire } from 'node:module';
import { signInAs, startTestServer, type TestServer } from '@kapas/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followMasters } from '../src/follow-masters';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('the published client package, used as an outside developer would', () => {
  it('resolves to the built dist/ output, not to workspace sources', () => {
    const resolved = createRequire(import.meta.url).resolve('@kapas/client');
    expect(resolved).toMatch(/packages\/client\/dist\/node\.js$/);
  });

  it('signs in, reads masters and receives a live event through the example script', async () => {
    const lines: string[] = [];
    const events: { type: string; payload: Record<string, unknown> }[] = [];
    const controller = new AbortController();
    const following = followMasters({
      url: server.url,
      email: 'trader@deccan-cotton.example',
      password: 'KapasDemo#2026',
      signal: controller.signal,
      log: (line) => lines.push(line),
      onEvent: (e) => {
        events.push(e);
        controller.abort();
      },
    });
    while (!lines.includes('Following master-data changes…')) await new Promise((r) => setTimeout(r, 20));

    const admin = await signInAs(server, 'admin@kapas.local');
    const item = await admin.masters.createItem.mutate({
      kind: 'BARGAIN_TYPE',
      code: 'EXW',
      name: 'Ex Works',
      days: null,
    });
    await following;
    expect(lines[0]).toBe('Signed in as Tirupati Rao (Deccan Cotton)');
    expect(lines.some((l) => l.startsWith('COTTON Cotton: Staple length 22–36 mm'))).toBe(true);
    expect(events).toEqual([
      expect.objectContaining({ type: 'master.item.create', payload: { entityType: 'master_item', id: item.id } }),
    ]);
  });
});
