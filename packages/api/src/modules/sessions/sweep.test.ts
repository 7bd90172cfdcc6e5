import { generateSessionToken } from '@kapas/auth';
import { type DatabaseHandle, events, sessions, users } from '@kapas/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../context';
import { createTestDeps } from '../../testing';
import { sweepSessions } from './sweep';

let now = new Date('2026-12-04T10:00:00Z');
let deps: Deps;
let handle: DatabaseHandle;
let userId: string;
beforeAll(async () => {
  ({ deps, handle } = await createTestDeps(() => now));
  const [u] = await handle.db.select().from(users).where(eq(users.email, 'buyer@saurashtra-mills.example'));
  userId = u!.id;
});
afterAll(() => handle.close());

const minutes = (m: number) => new Date(now.getTime() + m * 60_000).toISOString();

async function session(lastActiveMinutesAgo: number, expiresInMinutes = 600): Promise<string> {
  const t = generateSessionToken();
  await handle.db.insert(sessions).values({
    id: t.id,
    secretHash: t.secretHash,
    userId,
    createdAt: minutes(-lastActiveMinutesAgo),
    lastActiveAt: minutes(-lastActiveMinutesAgo),
    expiresAt: minutes(expiresInMinutes),
  });
  return t.id;
}

const eventsFor = (sessionId: string) =>
  handle.db
    .select()
    .from(events)
    .where(eq(events.topic, 'session'))
    .then((rows) => rows.filter((e) => e.payload.sessionId === sessionId).map((e) => e.type));

describe('sweepSessions', () => {
  it('warns once, 5 minutes before the 30-minute idle end, then ends the session as IDLE', async () => {
    const fresh = await session(10);
    const idleSoon = await session(26);
    await sweepSessions(deps);
    await sweepSessions(deps);
    expect(await eventsFor(idleSoon)).toEqual(['session.expiring']);
    expect(await eventsFor(fresh)).toEqual([]);

    now = new Date(now.getTime() + 5 * 60_000);
    await sweepSessions(deps);
    expect(await eventsFor(idleSoon)).toEqual(['session.expiring', 'session.ended']);
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, idleSoon));
    expect(row?.endReason).toBe('IDLE');
  });

  it('ends an active session at its absolute lifetime as EXPIRED', async () => {
    const busy = await session(0, 0);
    await sweepSessions(deps);
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, busy));
    expect(row?.endReason).toBe('EXPIRED');
  });
});
