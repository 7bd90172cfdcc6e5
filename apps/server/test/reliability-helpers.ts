/** Shared by the reliability-*.int.test.ts files. */
import { createKapasClient, type KapasClient } from '@kapas/client';
import { type Database, DEMO_PASSWORD } from '@kapas/db';
import { latestCodeFor } from '../src/testing';

/**
 * A session token for a demo user (completing the staff OTP step). Read it from here, not from
 * `signInAs(...).token`: that client is a tRPC proxy, whose property reads are procedure paths.
 */
export async function tokenFor(server: { url: string; handle: { db: Database } }, email: string): Promise<string> {
  const anonymous = createKapasClient({ url: server.url });
  let result = await anonymous.auth.signIn.mutate({ email, password: DEMO_PASSWORD, transport: 'token' });
  if (result.status === 'OTP_REQUIRED') {
    const code = await latestCodeFor(server.handle.db, email);
    result = await anonymous.auth.verifySignIn.mutate({ challengeId: result.challengeId, code, transport: 'token' });
  }
  if (!result.token) throw new Error(`no token for ${email}`);
  return result.token;
}

export function clientFor(url: string, token: string): KapasClient {
  return createKapasClient({ url, token });
}

export async function until(check: () => boolean, ms = 20_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `db.execute` answers rows directly on postgres.js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
