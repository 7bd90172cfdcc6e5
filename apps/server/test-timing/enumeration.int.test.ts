/**
 * Timing comparisons (R14). Run alone (vitest.timing.config.ts: one worker, after the other tests)
 * because a busy machine adds noise that has nothing to do with the code under test.
 */
import { users } from '@kapas/db';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, RELAXED_LIMITS, startTestServer, type TestServer } from '../src/testing';
import { median, timedPost } from '../test/helpers';

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

describe('enumeration (R14): unknown user, wrong password and locked account look the same', () => {
  it('gives identical status and body, and median timings within 5 %', { timeout: 180_000 }, async () => {
    // No background loops: their database work would land on random samples.
    const server = await startTestServer({
      settings: { ...RELAXED_LIMITS, 'lockout.threshold': 1_000_000 },
      jobIntervalMs: 3_600_000,
    });
    servers.push(server);
    const lockedUntil = new Date(Date.now() + 3_600_000).toISOString();
    await server.handle.db.update(users).set({ lockedUntil }).where(eq(users.email, 'seller@vidarbha-ginning.example'));
    const cases = {
      unknown: { email: 'no-such-user@example.com', password: 'some wrong password' },
      wrongPassword: { email: 'buyer@saurashtra-mills.example', password: 'some wrong password' },
      locked: { email: 'seller@vidarbha-ginning.example', password: 'some wrong password' },
    };
    const samples: Record<keyof typeof cases, number[]> = { unknown: [], wrongPassword: [], locked: [] };
    const bodies = new Set<string>();
    // Warm up, then interleave the cases so machine noise hits them alike.
    for (const c of Object.values(cases)) await timedPost(server, 'auth.signIn', c);
    const entries = Object.entries(cases) as [keyof typeof cases, (typeof cases)['unknown']][];
    for (let round = 0; round < 60; round++) {
      // A different order each round, so whatever the previous request left running hits every case alike.
      const order = [...entries].sort(() => Math.random() - 0.5);
      for (const [name, c] of order) {
        const r = await timedPost(server, 'auth.signIn', c);
        expect(r.status).toBe(401);
        bodies.add(r.body);
        samples[name].push(r.ms);
      }
    }
    expect(bodies.size).toBe(1);
    // Compare each answer with the median answer of its own round: load that drifts during the run
    // cancels out, one slow outlier in a round does not move the others, and only a systematic
    // difference between the cases shifts a case's median ratio away from 1.
    const names = Object.keys(samples) as (keyof typeof samples)[];
    const relative = names.map((name) =>
      median(samples[name].map((ms, round) => ms / median(names.map((n) => samples[n][round]!)))),
    );
    const spread = Math.max(...relative) / Math.min(...relative) - 1;
    const medians = names.map((n) => median(samples[n]).toFixed(2));
    expect(
      spread,
      `medians ${medians.join(' / ')} ms, relative ${relative.map((r) => r.toFixed(3)).join(' / ')}`,
    ).toBeLessThanOrEqual(0.05);
    // And the right password on the locked account is the only way to learn it is locked.
    expect(
      (await timedPost(server, 'auth.signIn', { email: 'seller@vidarbha-ginning.example', password: DEMO_PASSWORD })).body,
    ).toContain('ACCOUNT_LOCKED');
  });

  it('answers password-reset requests for known and unknown emails identically and as fast', async () => {
    const server = servers[0]!;
    const known: number[] = [];
    const unknown: number[] = [];
    const bodies = new Set<string>();
    for (let round = 0; round < 60; round++) {
      // Alternate which goes first; the message is prepared after the answer, so let it finish
      // before the next sample.
      const sample = async (email: string) => {
        const r = await timedPost(server, 'auth.requestPasswordReset', { email });
        await server.drainBackground();
        bodies.add(r.body);
        return r.ms;
      };
      if (round % 2) {
        known.push(await sample('trader@deccan-cotton.example'));
        unknown.push(await sample(`ghost${round}@example.com`));
      } else {
        unknown.push(await sample(`ghost${round}@example.com`));
        known.push(await sample('trader@deccan-cotton.example'));
      }
    }
    expect(bodies.size).toBe(1);
    // Paired by round, as above: the median ratio of a known-email answer to its unknown-email twin.
    const ratio = median(known.map((ms, round) => ms / unknown[round]!));
    expect(
      Math.abs(ratio - 1),
      `known ${median(known).toFixed(2)} ms, unknown ${median(unknown).toFixed(2)} ms, ratio ${ratio.toFixed(3)}`,
    ).toBeLessThanOrEqual(0.05);
  });
});
