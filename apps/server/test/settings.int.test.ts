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

describe('policy settings', () => {
  it('lists typed settings and applies a change to the password policy at once', async () => {
    const list = await admin.settings.list.query();
    expect(list.find((s) => s.key === 'password.minLength')).toMatchObject({ kind: 'integer', value: 12, min: 12 });
    await admin.settings.update.mutate({ key: 'password.minLength', value: 20 });
    expect((await admin.auth.passwordPolicy.query()).minLength).toBe(20);
  });

  it('refuses values outside the definition with a field error, and unknown keys', async () => {
    const weak = await failure(admin.settings.update.mutate({ key: 'password.minLength', value: 6 }));
    expect(weak).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { value: ['Enter a number from 12 to 64'] } });
    expect((await failure(admin.settings.update.mutate({ key: 'no.such.key', value: 1 }))).code).toBe('NOT_FOUND');
  });

  it('is for administrators only', async () => {
    const auditor = await signInAs(server, 'auditor@kapas.local');
    expect((await failure(auditor.settings.update.mutate({ key: 'subUser.max', value: 5 }))).code).toBe('FORBIDDEN');
  });
});

describe('message templates', () => {
  it('lists built-in templates with their placeholders and uses an admin’s edit for the next message', async () => {
    const templates = await admin.templates.list.query();
    const otp = templates.find((t) => t.code === 'SIGN_IN_OTP' && t.channel === 'EMAIL')!;
    expect(otp.variables).toEqual(['code', 'name']);
    await admin.templates.update.mutate({
      code: 'SIGN_IN_OTP',
      channel: 'EMAIL',
      subject: 'Kapas code',
      body: 'Dear {{name}}, your code: {{code}}',
    });
    const { createKapasClient } = await import('@kapas/client');
    await createKapasClient({ url: server.url }).auth.signIn.mutate({ email: 'ops@kapas.local', password: 'KapasDemo#2026' });
    const page = await (await fetch(`${server.url}/dev/outbox`)).text();
    expect(page).toMatch(/Dear Omkar Operations, your code: \d{6}/);
  });

  it('refuses placeholders the message cannot fill', async () => {
    const err = await failure(
      admin.templates.update.mutate({ code: 'INVITE', channel: 'EMAIL', subject: null, body: 'Hi {{name}} {{password}}' }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.fieldErrors.body?.[0]).toContain('{{password}}');
  });
});
