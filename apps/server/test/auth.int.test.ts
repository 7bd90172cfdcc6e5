import { createKapasClient, errorCode } from '@kapas/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../src/testing';
import { signInAs } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('sign-in, me and sign-out through the typed client', () => {
  it('signs in with a token, reads me, signs out and the token stops working', async () => {
    const client = await signInAs(server, 'buyer@saurashtra-mills.example');
    const me = await client.auth.me.query();
    expect(me).toMatchObject({ email: 'buyer@saurashtra-mills.example', kind: 'PARTNER', isPrimary: true });
    expect(me?.partner?.businessType).toBe('BUYER');
    expect(me?.capabilities).toContain('trade:create');

    await client.auth.signOut.mutate();
    expect(await client.auth.me.query()).toBeNull();
    await expect(client.masters.commodities.query()).rejects.toSatisfy((e) => errorCode(e) === 'UNAUTHORIZED');
  });

  it('answers unknown user, wrong password and wrong app with the same generic error', async () => {
    const client = createKapasClient({ url: server.url });
    const attempts = [
      { email: 'nobody@example.com', password: DEMO_PASSWORD },
      { email: 'buyer@saurashtra-mills.example', password: 'wrong-password-123' },
      { email: 'buyer@saurashtra-mills.example', password: DEMO_PASSWORD, audience: 'BACK_OFFICE' as const },
    ];
    const messages = await Promise.all(
      attempts.map((a) =>
        client.auth.signIn.mutate(a).then(
          () => 'signed in',
          (e: Error & { data?: { code?: string } }) => `${e.data?.code}: ${e.message}`,
        ),
      ),
    );
    expect(new Set(messages)).toEqual(new Set(['UNAUTHORIZED: Email or password is incorrect.']));
  });

  it('does not return a token to browser sign-ins; sets an HttpOnly __Host- cookie instead', async () => {
    const response = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'trader@deccan-cotton.example', password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { token: string | null } } };
    expect(body.result.data.token).toBeNull();
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-kapas_session=[a-z2-7]{24}\.[a-z2-7]{24};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');

    const me = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(((await me.json()) as { result: { data: { email: string } } }).result.data.email).toBe('trader@deccan-cotton.example');
  });

  it('rejects invalid input with field errors and writes nothing', async () => {
    const client = createKapasClient({ url: server.url });
    const error = await client.auth.signIn.mutate({ email: 'not-an-email', password: '' }).catch((e: unknown) => e);
    expect(errorCode(error)).toBe('BAD_REQUEST');
    expect((error as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors).toMatchObject({
      email: ['Enter a valid email address'],
      password: ['Enter your password'],
    });
  });
});
