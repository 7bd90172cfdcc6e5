import { createKapasClient } from '@kapas/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, latestCodeFor, startTestServer, type TestServer } from '../src/testing';

let open: TestServer;
let closed: TestServer;
beforeAll(async () => {
  [open, closed] = await Promise.all([startTestServer(), startTestServer({ publicDevOutbox: false })]);
});
afterAll(() => Promise.all([open.stop(), closed.stop()]));

describe('/dev/outbox', () => {
  it('shows the staff sign-in code on a demo install with embedded channels', async () => {
    const first = await createKapasClient({ url: open.url }).auth.signIn.mutate({
      email: 'ops@kapas.local',
      password: DEMO_PASSWORD,
    });
    expect(first.status).toBe('OTP_REQUIRED');
    const page = await (await fetch(`${open.url}/dev/outbox`)).text();
    expect(page).toContain('EMAIL to ops@kapas.local');
    expect(page).toContain(await latestCodeFor(open.handle.db, 'ops@kapas.local'));
  });

  it('does not exist otherwise', async () => {
    expect((await fetch(`${closed.url}/dev/outbox`)).status).toBe(404);
  });
});
