import type { KapasClient } from '@kapas/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendersFrom } from '../src/senders';
import { latestCodeFor, RELAXED_LIMITS, startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';

let server: TestServer;
let admin: KapasClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInAs(server, 'admin@kapas.local');
});
afterAll(() => server.stop());

describe('dev outbox', () => {
  it('lists the sign-in code emailed to admin@kapas.local, newest first', async () => {
    const code = await latestCodeFor(server.handle.db, 'admin@kapas.local');
    const page = await admin.outbox.list.query({ recipient: 'ADMIN@kapas' });
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.items.every((m) => m.recipient === 'admin@kapas.local')).toBe(true);
    const [newest] = page.items;
    expect(newest).toMatchObject({ channel: 'EMAIL', recipient: 'admin@kapas.local', template: 'SIGN_IN_OTP' });
    expect(newest?.body).toContain(code);
  });

  it('filters by channel and recipient substring and pages newest first', async () => {
    // Another staff sign-in sends another code (admin's own resend is rate-limited).
    await signInAs(server, 'ops@kapas.local');
    const emails = await admin.outbox.list.query({ channel: 'EMAIL', pageSize: 100 });
    expect(emails.items.map((m) => m.recipient)).toEqual(expect.arrayContaining(['admin@kapas.local', 'ops@kapas.local']));
    expect(emails.items.every((m) => m.channel === 'EMAIL')).toBe(true);
    const times = emails.items.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await admin.outbox.list.query({ channel: 'SMS' })).items.every((m) => m.channel === 'SMS')).toBe(true);

    const staff = await admin.outbox.list.query({ recipient: '@KAPAS.local', pageSize: 1 });
    expect(staff.total).toBe(2);
    expect(staff.items.map((m) => m.recipient)).toEqual(['ops@kapas.local']);
    const second = await admin.outbox.list.query({ recipient: '@KAPAS.local', pageSize: 1, page: 2 });
    expect(second.items.map((m) => m.recipient)).toEqual(['admin@kapas.local']);
    expect(staff.items[0]?.body).toContain(await latestCodeFor(server.handle.db, 'ops@kapas.local'));

    expect((await admin.outbox.list.query({ recipient: 'ops@' })).items.map((m) => m.recipient)).toEqual(['ops@kapas.local']);
    expect((await admin.outbox.list.query({ recipient: 'nobody-here' })).total).toBe(0);
    // LIKE wildcards in the filter are literal.
    expect((await admin.outbox.list.query({ recipient: '%' })).total).toBe(0);
  });

  it('is refused to staff without user:manage and to partner users', async () => {
    for (const email of ['auditor@kapas.local', 'support@kapas.local', 'buyer@saurashtra-mills.example']) {
      const client = await signInAs(server, email);
      expect((await failure(client.outbox.list.query({}))).code).toBe('FORBIDDEN');
    }
  });
});

describe('dev outbox with a real mail provider', () => {
  let real: TestServer;
  beforeAll(async () => {
    real = await startTestServer({
      senders: { ...sendersFrom({ KAPAS_MAIL_FROM: 'Kapas <no-reply@kapas.local>' }), embedded: false },
      settings: { ...RELAXED_LIMITS, 'delivery.embedded': false },
    });
  });
  afterAll(() => real.stop());

  it('does not exist (NOT_FOUND)', async () => {
    const realAdmin = await signInAs(real, 'admin@kapas.local');
    expect((await failure(realAdmin.outbox.list.query({}))).code).toBe('NOT_FOUND');
  });
});
