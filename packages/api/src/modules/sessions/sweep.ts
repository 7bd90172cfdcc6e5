import { sessions } from '@kapas/db';
import { and, isNull, lte, or } from 'drizzle-orm';
import type { Deps } from '../../context';
import { appendEvent } from '../../realtime/outbox';
import { transact } from '../../shared/transact';
import { sessionPolicy } from '../auth/policy';
import { endSessions, SESSION_TOPIC } from '../auth/session-store';

/**
 * Runs every few seconds: ends sessions past their idle or absolute limit (which closes their
 * sockets) and warns, once per idle window, those that will go idle within the warning time.
 */
export async function sweepSessions(deps: Deps): Promise<{ ended: number; warned: number }> {
  const now = deps.clock();
  const policy = await sessionPolicy(deps);
  const warningMs = (await deps.settings.number('session.warningMinutes', 5)) * 60_000;
  const idleBefore = new Date(now.getTime() - policy.idleMs).toISOString();
  const warnBefore = new Date(now.getTime() - (policy.idleMs - warningMs)).toISOString();

  const expired = await deps.db
    .select({ id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(isNull(sessions.endedAt), or(lte(sessions.expiresAt, now.toISOString()), lte(sessions.lastActiveAt, idleBefore))))
    .limit(500);
  if (expired.length) {
    await transact(deps, async (tx) => {
      for (const s of expired) {
        const reason = new Date(s.expiresAt) <= now ? 'EXPIRED' : 'IDLE';
        await endSessions(tx, now, { userId: s.userId, sessionIds: [s.id] }, reason);
      }
    });
  }

  const warned = await transact(deps, async (tx) => {
    const due = await tx
      .update(sessions)
      .set({ warnedAt: now.toISOString() })
      .where(and(isNull(sessions.endedAt), isNull(sessions.warnedAt), lte(sessions.lastActiveAt, warnBefore)))
      .returning({ id: sessions.id, userId: sessions.userId, lastActiveAt: sessions.lastActiveAt });
    for (const s of due) {
      const idleAt = new Date(new Date(s.lastActiveAt).getTime() + policy.idleMs).toISOString();
      await appendEvent(tx, {
        audience: 'USER',
        audienceId: s.userId,
        topic: SESSION_TOPIC,
        type: 'session.expiring',
        payload: { sessionId: s.id, idleAt },
      });
    }
    return due.length;
  });
  return { ended: expired.length, warned };
}
