import { createKapasClient, type KapasClient } from '@kapas/client';
import { users } from '@kapas/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';

let server: TestServer;
let admin: KapasClient;
let auditor: KapasClient;
let support: KapasClient;
let buyer: KapasClient;

beforeAll(async () => {
  server = await startTestServer();
  [admin, auditor, support, buyer] = await Promise.all([
    signInAs(server, 'admin@kapas.local'),
    signInAs(server, 'auditor@kapas.local'),
    signInAs(server, 'support@kapas.local'),
    signInAs(server, 'buyer@saurashtra-mills.example'),
  ]);
});
afterAll(() => server.stop());

const userId = async (email: string) =>
  (await server.handle.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

async function wrongPassword(email: string): Promise<void> {
  const anonymous = createKapasClient({ url: server.url });
  const { code } = await failure(anonymous.auth.signIn.mutate({ email, password: 'Not-The#Password9' }));
  expect(code).toBe('UNAUTHORIZED');
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('security events', () => {
  it('records a failed sign-in as an unacknowledged LOW event naming the account', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    await wrongPassword('seller@vidarbha-ginning.example');
    const page = await auditor.securityEvents.list.query({ type: 'SIGN_IN_FAILED', from: before });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      type: 'SIGN_IN_FAILED',
      severity: 'LOW',
      userId: await userId('seller@vidarbha-ginning.example'),
      userEmail: 'seller@vidarbha-ginning.example',
      acknowledgedAt: null,
      acknowledgedBy: null,
    });
    expect(JSON.stringify(page.items[0])).not.toContain('Not-The#Password9');
  });

  it('filters by type, severity, acknowledgement and time, newest first with pagination', async () => {
    // Five failures lock the account: four SIGN_IN_FAILED (LOW) then one ACCOUNT_LOCKED (MEDIUM).
    for (let n = 0; n < 5; n++) await wrongPassword('trader@deccan-cotton.example');
    const medium = await auditor.securityEvents.list.query({ severity: 'MEDIUM' });
    expect(medium.items.map((e) => e.type)).toEqual(['ACCOUNT_LOCKED']);
    expect(medium.items[0]?.userEmail).toBe('trader@deccan-cotton.example');
    expect((await auditor.securityEvents.list.query({ type: 'ACCOUNT_LOCKED', severity: 'LOW' })).total).toBe(0);

    const all = await auditor.securityEvents.list.query({ pageSize: 100 });
    expect(all.total).toBe(6);
    const times = all.items.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.items[0]?.type).toBe('ACCOUNT_LOCKED');

    const p1 = await auditor.securityEvents.list.query({ pageSize: 4, page: 1 });
    const p2 = await auditor.securityEvents.list.query({ pageSize: 4, page: 2 });
    expect(p1.items).toHaveLength(4);
    expect(p2.items).toHaveLength(2);
    expect([...p1.items, ...p2.items].map((e) => e.id)).toEqual(all.items.map((e) => e.id));

    expect((await auditor.securityEvents.list.query({ acknowledged: true })).total).toBe(0);
    expect((await auditor.securityEvents.list.query({ acknowledged: false })).total).toBe(6);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await auditor.securityEvents.list.query({ from: future })).total).toBe(0);
    expect((await auditor.securityEvents.list.query({ to: new Date(Date.now() - 3_600_000).toISOString() })).total).toBe(0);
    expect((await failure(auditor.securityEvents.list.query({ pageSize: 500 }))).code).toBe('BAD_REQUEST');
  });

  it('is acknowledged once, audited, and a second acknowledgement answers CONFLICT', async () => {
    const [event] = (await admin.securityEvents.list.query({ type: 'ACCOUNT_LOCKED' })).items;
    const acked = await admin.securityEvents.acknowledge.mutate({ id: event!.id });
    expect(acked).toMatchObject({ id: event!.id, acknowledgedBy: await userId('admin@kapas.local') });
    expect(acked.acknowledgedAt).not.toBeNull();

    const again = await failure(admin.securityEvents.acknowledge.mutate({ id: event!.id }));
    expect(again.code).toBe('CONFLICT');

    const done = await auditor.securityEvents.list.query({ acknowledged: true });
    expect(done.items.map((e) => e.id)).toEqual([event!.id]);
    expect((await auditor.securityEvents.list.query({ acknowledged: false })).items.map((e) => e.id)).not.toContain(event!.id);

    const trail = await auditor.audit.list.query({ entityType: 'security_event', entityId: event!.id });
    expect(trail.items.map((i) => [i.action, i.actorEmail])).toEqual([['security_event.acknowledge', 'admin@kapas.local']]);

    const unknown = await failure(admin.securityEvents.acknowledge.mutate({ id: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('lets auditors read but not acknowledge, and refuses support staff and partner users', async () => {
    const [event] = (await auditor.securityEvents.list.query({ acknowledged: false })).items;
    expect((await failure(auditor.securityEvents.acknowledge.mutate({ id: event!.id }))).code).toBe('FORBIDDEN');
    for (const client of [support, buyer]) {
      expect((await failure(client.securityEvents.list.query({}))).code).toBe('FORBIDDEN');
      expect((await failure(client.securityEvents.acknowledge.mutate({ id: event!.id }))).code).toBe('FORBIDDEN');
    }
    // Nothing was acknowledged by the refused calls.
    expect((await auditor.securityEvents.list.query({ acknowledged: true })).total).toBe(1);
  });

  it('pushes new events and acknowledgements live to back-office staff, not to partners', async () => {
    const seen: { type: string; payload: Record<string, unknown> }[] = [];
    const live = auditor.securityEvents.onEvent.subscribe({}, { onData: (item) => seen.push(item.data) });
    let partnerError: unknown = null;
    const partnerSub = buyer.securityEvents.onEvent.subscribe(
      {},
      {
        onData: () => {},
        onError: (e) => {
          partnerError = e;
        },
      },
    );
    try {
      await new Promise((r) => setTimeout(r, 300));
      await wrongPassword('buyer@saurashtra-mills.example');
      await until(() => seen.some((e) => e.type === 'SIGN_IN_FAILED'));
      const pushed = seen.find((e) => e.type === 'SIGN_IN_FAILED')!;
      expect(pushed.payload.severity).toBe('LOW');
      await admin.securityEvents.acknowledge.mutate({ id: String(pushed.payload.id) });
      await until(() => seen.some((e) => e.type === 'ACKNOWLEDGED' && e.payload.id === pushed.payload.id));
      await until(() => partnerError !== null);
      expect((partnerError as { data?: { code?: string } }).data?.code).toBe('FORBIDDEN');
    } finally {
      live.unsubscribe();
      partnerSub.unsubscribe();
    }
  });
});
