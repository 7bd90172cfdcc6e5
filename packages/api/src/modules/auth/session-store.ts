import { generateSessionToken, type SessionPolicy } from '@kapas/auth';
import { type DbOrTx, sessions } from '@kapas/db';
import { and, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import type { RequestMeta } from '../../context';
import { appendEvent } from '../../realtime/outbox';

export const SESSION_TOPIC = 'session';

export async function createSession(
  tx: DbOrTx,
  userId: string,
  policy: SessionPolicy,
  meta: RequestMeta,
  now: Date,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await tx.insert(sessions).values({
    id: token.id,
    secretHash: token.secretHash,
    userId,
    createdAt: now.toISOString(),
    lastActiveAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 512) ?? null,
  });
  return { token: token.token, sessionId: token.id, expiresAt };
}

export type EndReason =
  | 'SIGN_OUT'
  | 'ENDED_BY_USER'
  | 'ENDED_BY_ADMIN'
  | 'PASSWORD_CHANGED'
  | 'DEACTIVATED'
  | 'IDLE'
  | 'EXPIRED'
  | 'ROLE_CHANGED';

/**
 * Ends live sessions matching the filter and announces each one, so servers close the sockets
 * that belong to them as soon as the transaction commits. Returns the ended session ids.
 */
export async function endSessions(
  tx: DbOrTx,
  now: Date,
  filter: { userId: string; sessionIds?: string[]; exceptSessionId?: string },
  reason: EndReason,
): Promise<string[]> {
  const conditions: SQL[] = [eq(sessions.userId, filter.userId), isNull(sessions.endedAt)];
  if (filter.sessionIds) conditions.push(inArray(sessions.id, filter.sessionIds));
  if (filter.exceptSessionId) conditions.push(ne(sessions.id, filter.exceptSessionId));
  const ended = await tx
    .update(sessions)
    .set({ endedAt: now.toISOString(), endReason: reason })
    .where(and(...conditions))
    .returning({ id: sessions.id });
  for (const { id } of ended) {
    await appendEvent(tx, {
      audience: 'USER',
      audienceId: filter.userId,
      topic: SESSION_TOPIC,
      type: 'session.ended',
      payload: { sessionId: id, reason },
    });
  }
  return ended.map((s) => s.id);
}

/** Tells servers that a user's permissions changed: their sockets reconnect with fresh capabilities. */
export async function announceAccessChange(tx: DbOrTx, userId: string): Promise<void> {
  await appendEvent(tx, {
    audience: 'USER',
    audienceId: userId,
    topic: SESSION_TOPIC,
    type: 'access.changed',
    payload: { userId },
  });
}
