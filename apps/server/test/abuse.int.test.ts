import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { timedPost } from './helpers';

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

describe('rate limits with the default policy (DOMAIN §5)', () => {
  it('answers the 6th sign-in for one account within a minute with 429 and Retry-After', async () => {
    const server = await startTestServer({ settings: {} });
    servers.push(server);
    const statuses: number[] = [];
    let last = await timedPost(server, 'auth.signIn', { email: 'nobody@example.com', password: 'wrong password 1' });
    statuses.push(last.status);
    for (let i = 0; i < 5; i++) {
      last = await timedPost(server, 'auth.signIn', { email: 'nobody@example.com', password: `wrong password ${i}` });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(Number(last.retryAfter)).toBeGreaterThan(0);
    expect(Number(last.retryAfter)).toBeLessThanOrEqual(60);
    expect(last.body).toContain('TOO_MANY_REQUESTS');
  });

  it('limits password-reset requests to 3 per hour per email', async () => {
    const server = servers[0]!;
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push((await timedPost(server, 'auth.requestPasswordReset', { email: 'reset-me@example.com' })).status);
    expect(results).toEqual([200, 200, 200, 429]);
  });
});
