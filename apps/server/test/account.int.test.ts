import type { KapasClient } from '@kapas/client';
import { messages, users } from '@kapas/db';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';

let server: TestServer;
let trader: KapasClient;
beforeAll(async () => {
  server = await startTestServer();
  trader = await signInAs(server, 'trader@deccan-cotton.example');
  await server.handle.db
    .update(users)
    .set({ emailVerifiedAt: null, mobileVerifiedAt: null })
    .where(eq(users.email, 'trader@deccan-cotton.example'));
});
afterAll(() => server.stop());

async function codeSentTo(recipient: string, channel: 'EMAIL' | 'SMS'): Promise<string> {
  const [m] = await server.handle.db
    .select({ body: messages.body })
    .from(messages)
    .where(and(eq(messages.recipient, recipient), eq(messages.channel, channel)))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  const code = m?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no ${channel} code for ${recipient}`);
  return code;
}

describe('email and mobile verification', () => {
  it('verifies the mobile number with a code sent by SMS, and refuses a wrong code', async () => {
    expect((await trader.account.profile.query()).mobileVerifiedAt).toBeNull();
    const { sentTo } = await trader.account.startVerification.mutate({ channel: 'MOBILE' });
    expect(sentTo).toBe('••••••0003');
    const code = await codeSentTo('+919848000003', 'SMS');
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await failure(trader.account.confirmVerification.mutate({ channel: 'MOBILE', code: wrong }))).code).toBe(
      'OTP_INVALID',
    );
    await trader.account.confirmVerification.mutate({ channel: 'MOBILE', code });
    expect((await trader.account.profile.query()).mobileVerifiedAt).not.toBeNull();
  });

  it('verifies the email with an emailed code that is bound to that purpose', async () => {
    await trader.account.startVerification.mutate({ channel: 'EMAIL' });
    const code = await codeSentTo('trader@deccan-cotton.example', 'EMAIL');
    // A code for another purpose (mobile) cannot verify the email.
    expect((await failure(trader.account.confirmVerification.mutate({ channel: 'MOBILE', code }))).code).toMatch(/OTP_/);
    await trader.account.confirmVerification.mutate({ channel: 'EMAIL', code });
    expect((await trader.account.profile.query()).emailVerifiedAt).not.toBeNull();
  });
});
