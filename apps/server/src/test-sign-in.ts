import { createKapasClient, type KapasClient } from '@kapas/client';
import { type Database, DEMO_PASSWORD, messages } from '@kapas/db';
import { and, desc, eq } from 'drizzle-orm';

/** The newest 6-digit code sent to an address, read from the dev outbox (as a person would read their mail). */
export async function latestCodeFor(db: Database, recipient: string): Promise<string> {
  const [message] = await db
    .select({ body: messages.body })
    .from(messages)
    .where(and(eq(messages.recipient, recipient), eq(messages.channel, 'EMAIL')))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  const code = message?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code in the outbox for ${recipient}`);
  return code;
}

/** Signs a demo user in through the typed client (completing the OTP step for staff) and returns a client with their token. */
export async function signInAs(
  server: { url: string; handle: { db: Database } },
  email: string,
  password = DEMO_PASSWORD,
): Promise<KapasClient & { token: string }> {
  const anonymous = createKapasClient({ url: server.url });
  let result = await anonymous.auth.signIn.mutate({ email, password, transport: 'token' });
  if (result.status === 'OTP_REQUIRED') {
    const code = await latestCodeFor(server.handle.db, email);
    result = await anonymous.auth.verifySignIn.mutate({ challengeId: result.challengeId, code, transport: 'token' });
  }
  if (!result.token) throw new Error('no token returned');
  const token = result.token;
  // The client is a proxy that turns every property into a procedure path, so `token` is answered here.
  return new Proxy(createKapasClient({ url: server.url, token }), {
    get: (target, key, receiver) => (key === 'token' ? token : Reflect.get(target, key, receiver)),
  }) as KapasClient & { token: string };
}
