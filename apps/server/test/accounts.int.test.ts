import { createKapasClient } from '@kapas/client';
import { passwordHistory, users } from '@kapas/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, latestCodeFor, startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const anonymous = () => createKapasClient({ url: server.url });
const until = async (check: () => Promise<boolean>, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('two-step sign-in for back-office staff', () => {
  it('asks for the emailed code, then signs in; wrong codes count down and three kill it', async () => {
    const client = anonymous();
    const first = await client.auth.signIn.mutate({ email: 'ops@kapas.local', password: DEMO_PASSWORD, transport: 'token' });
    expect(first).toMatchObject({ status: 'OTP_REQUIRED', sentTo: 'op•@kapas.local', token: null });
    if (first.status !== 'OTP_REQUIRED') throw new Error('expected a challenge');
    const code = await latestCodeFor(server.handle.db, 'ops@kapas.local');
    const wrong = code === '000000' ? '111111' : '000000';
    const attempt1 = await failure(client.auth.verifySignIn.mutate({ challengeId: first.challengeId, code: wrong }));
    expect(attempt1).toMatchObject({ code: 'OTP_INVALID', message: 'The code is not right. 2 attempt(s) left.' });
    const ok = await client.auth.verifySignIn.mutate({ challengeId: first.challengeId, code, transport: 'token' });
    expect(ok.status).toBe('SIGNED_IN');
    expect(ok.token).toMatch(/\./);
    // Single use: the same code cannot sign in twice.
    expect((await failure(client.auth.verifySignIn.mutate({ challengeId: first.challengeId, code }))).code).toBe('OTP_EXPIRED');
  });

  it('kills the code after three wrong attempts, even if the fourth is right', async () => {
    const client = anonymous();
    const first = await client.auth.signIn.mutate({ email: 'compliance@kapas.local', password: DEMO_PASSWORD });
    if (first.status !== 'OTP_REQUIRED') throw new Error('expected a challenge');
    const code = await latestCodeFor(server.handle.db, 'compliance@kapas.local');
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [2, 1, 0]) {
      const f = await failure(client.auth.verifySignIn.mutate({ challengeId: first.challengeId, code: wrong }));
      expect(f.code).toBe('OTP_INVALID');
      expect(f.message).toContain(left > 0 ? `${left} attempt(s) left` : 'Too many wrong codes');
    }
    expect((await failure(client.auth.verifySignIn.mutate({ challengeId: first.challengeId, code }))).code).toBe('OTP_INVALID');
  });
});

describe('lockout', () => {
  it('locks after 5 consecutive failures and tells only a caller with the right password, with the unlock time', async () => {
    const client = anonymous();
    for (let i = 0; i < 5; i++) {
      const f = await failure(
        client.auth.signIn.mutate({ email: 'seller@vidarbha-ginning.example', password: 'wrong password number' }),
      );
      expect(f.code).toBe('UNAUTHORIZED');
    }
    const wrongWhileLocked = await failure(
      client.auth.signIn.mutate({ email: 'seller@vidarbha-ginning.example', password: 'still the wrong one' }),
    );
    expect(wrongWhileLocked.code).toBe('UNAUTHORIZED');
    const right = await failure(client.auth.signIn.mutate({ email: 'seller@vidarbha-ginning.example', password: DEMO_PASSWORD }));
    expect(right.code).toBe('ACCOUNT_LOCKED');
    const [row] = await server.handle.db.select().from(users).where(eq(users.email, 'seller@vidarbha-ginning.example'));
    const minutes = (new Date(row!.lockedUntil!).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });
});

describe('passwords', () => {
  it('changes the password with the current one, enforcing the policy, and ends the other sessions', async () => {
    const here = await signInAs(server, 'trader@deccan-cotton.example');
    const elsewhere = await signInAs(server, 'trader@deccan-cotton.example');
    const weak = await failure(here.auth.changePassword.mutate({ currentPassword: DEMO_PASSWORD, newPassword: 'short' }));
    expect(weak.code).toBe('PASSWORD_POLICY');
    expect(weak.fieldErrors.newPassword?.length).toBeGreaterThan(0);
    const withEmail = await failure(
      here.auth.changePassword.mutate({ currentPassword: DEMO_PASSWORD, newPassword: 'trader-secret-horse-battery' }),
    );
    expect(withEmail.code).toBe('PASSWORD_POLICY');
    const reused = await failure(here.auth.changePassword.mutate({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }));
    expect(reused.fieldErrors.newPassword?.join(' ')).toContain('not used for your last 5');
    const wrongCurrent = await failure(
      here.auth.changePassword.mutate({ currentPassword: 'not my password', newPassword: 'a completely new passphrase' }),
    );
    expect(wrongCurrent.fieldErrors).toEqual({ currentPassword: ['Current password is not right'] });

    await here.auth.changePassword.mutate({ currentPassword: DEMO_PASSWORD, newPassword: 'monsoon harvest bales 2026' });
    expect(await here.auth.me.query()).not.toBeNull();
    expect(await elsewhere.auth.me.query()).toBeNull();
    const [user] = await server.handle.db.select().from(users).where(eq(users.email, 'trader@deccan-cotton.example'));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const history = await server.handle.db.select().from(passwordHistory).where(eq(passwordHistory.userId, user!.id));
    expect(history).toHaveLength(1);
    await expect(signInAs(server, 'trader@deccan-cotton.example', 'monsoon harvest bales 2026')).resolves.toBeTruthy();
  });

  it('resets a forgotten password by emailed code, answering the same for unknown emails', async () => {
    const client = anonymous();
    const known = await client.auth.requestPasswordReset.mutate({ email: 'buyer@saurashtra-mills.example' });
    const unknown = await client.auth.requestPasswordReset.mutate({ email: 'nobody@nowhere.example' });
    expect(unknown).toEqual(known);
    let code = '';
    await until(async () => {
      code = await latestCodeFor(server.handle.db, 'buyer@saurashtra-mills.example').catch(() => '');
      return code !== '';
    });
    const session = await signInAs(server, 'buyer@saurashtra-mills.example');
    await client.auth.resetPassword.mutate({
      email: 'buyer@saurashtra-mills.example',
      code,
      newPassword: 'ginning season starts now',
    });
    expect(await session.auth.me.query()).toBeNull();
    await expect(signInAs(server, 'buyer@saurashtra-mills.example', 'ginning season starts now')).resolves.toBeTruthy();
    const reuse = await failure(
      client.auth.resetPassword.mutate({ email: 'buyer@saurashtra-mills.example', code, newPassword: 'another long passphrase' }),
    );
    expect(reuse.code).toBe('OTP_INVALID');
  });
});
