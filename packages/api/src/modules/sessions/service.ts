import { sessions, users } from '@kapas/db';
import { and, count, desc, eq, ilike, isNull, type SQL } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { offsetOf, type Page, type PageInput } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { type EndReason, endSessions } from '../auth/session-store';
import { describeDevice } from './device';

export type SessionView = {
  id: string;
  current: boolean;
  device: string;
  ip: string | null;
  createdAt: string;
  lastActiveAt: string;
  expiresAt: string;
  user?: { id: string; email: string; name: string };
};

type Row = typeof sessions.$inferSelect;

function view(row: Row, currentId: string | null): SessionView {
  return {
    id: row.id,
    current: row.id === currentId,
    device: describeDevice(row.userAgent),
    ip: row.ip,
    createdAt: row.createdAt,
    lastActiveAt: row.lastActiveAt,
    expiresAt: row.expiresAt,
  };
}

/** The caller's own live sessions, most recently active first. */
export async function mySessions(deps: Deps, actor: Actor): Promise<SessionView[]> {
  const rows = await deps.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, actor.userId), isNull(sessions.endedAt)))
    .orderBy(desc(sessions.lastActiveAt))
    .limit(100);
  return rows.map((r) => view(r, actor.sessionId));
}

async function end(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  userId: string,
  filter: { sessionIds?: string[]; exceptSessionId?: string },
  reason: EndReason,
) {
  const now = deps.clock();
  return transact(deps, async (tx) => {
    const ended = await endSessions(tx, now, { userId, ...filter }, reason);
    if (ended.length) {
      await appendAudit(
        tx,
        { actor, meta, now },
        { action: 'session.end', entityType: 'user', entityId: userId, newValues: { sessions: ended.length, reason } },
      );
    }
    return ended.length;
  });
}

/** Ends one of the caller's sessions; someone else's session is NOT_FOUND. */
export async function endMySession(deps: Deps, meta: RequestMeta, actor: Actor, sessionId: string): Promise<void> {
  const ended = await end(deps, meta, actor, actor.userId, { sessionIds: [sessionId] }, 'ENDED_BY_USER');
  if (!ended) throw new DomainError('NOT_FOUND', 'Session not found or already ended.');
}

export function endMyOtherSessions(deps: Deps, meta: RequestMeta, actor: Actor): Promise<number> {
  return end(deps, meta, actor, actor.userId, { exceptSessionId: actor.sessionId }, 'ENDED_BY_USER');
}

/** Back office: live sessions of everyone, filterable by email. */
export async function listAllSessions(
  deps: Deps,
  actor: Actor,
  input: PageInput & { email?: string | undefined },
): Promise<Page<SessionView>> {
  const filters: SQL[] = [isNull(sessions.endedAt)];
  if (input.email) filters.push(ilike(users.email, `%${input.email.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ session: sessions, user: { id: users.id, email: users.email, name: users.name } })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(where)
      .orderBy(desc(sessions.lastActiveAt))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    deps.db.select({ n: count() }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...view(r.session, actor.sessionId), user: r.user })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function revokeSession(deps: Deps, meta: RequestMeta, actor: Actor, sessionId: string): Promise<void> {
  const [row] = await deps.db.select({ userId: sessions.userId }).from(sessions).where(eq(sessions.id, sessionId));
  if (!row) throw new DomainError('NOT_FOUND', 'Session not found.');
  const ended = await end(deps, meta, actor, row.userId, { sessionIds: [sessionId] }, 'ENDED_BY_ADMIN');
  if (!ended) throw new DomainError('CONFLICT', 'This session has already ended.');
}

export async function revokeAllSessionsOf(deps: Deps, meta: RequestMeta, actor: Actor, userId: string): Promise<number> {
  return end(deps, meta, actor, userId, {}, 'ENDED_BY_ADMIN');
}
