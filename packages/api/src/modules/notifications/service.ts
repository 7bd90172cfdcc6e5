import { notificationPreferences, notifications } from '@kapas/db';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { offsetOf, type Page, type PageInput } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { NOTIFICATIONS_TOPIC } from './notify';
import { deliveryModeOf, NOTIFICATION_KINDS, type NotificationMode } from './rules';

export type NotificationItem = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
};

/** Every query here is scoped to the calling user (tenant 'self'): another user's id simply matches nothing. */
const mine = (actor: Actor) => eq(notifications.userId, actor.userId);

export async function listNotifications(
  deps: Deps,
  actor: Actor,
  input: PageInput & { unreadOnly?: boolean | undefined },
): Promise<Page<NotificationItem>> {
  const where = input.unreadOnly ? and(mine(actor), isNull(notifications.readAt)) : mine(actor);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    deps.db.select({ n: count() }).from(notifications).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      data: r.data,
      readAt: r.readAt,
      createdAt: r.createdAt,
    })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function unreadCount(deps: Deps, actor: Actor): Promise<{ count: number }> {
  const [row] = await deps.db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(actor), isNull(notifications.readAt)));
  return { count: row?.n ?? 0 };
}

/**
 * Marks the caller's notifications read (ids of other users are ignored, never an error that would
 * reveal them). Read state is the user's own UI state, so it is not audited; an event lets the
 * user's other tabs refresh their badge.
 */
export async function markRead(deps: Deps, actor: Actor, ids: string[] | 'ALL'): Promise<{ updated: number }> {
  const now = deps.clock().toISOString();
  return transact(deps, async (tx) => {
    const scope = ids === 'ALL' ? mine(actor) : and(mine(actor), inArray(notifications.id, ids));
    const rows = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(scope, isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length) {
      await appendEvent(tx, {
        audience: 'USER',
        audienceId: actor.userId,
        topic: NOTIFICATIONS_TOPIC,
        type: 'notification.read',
        payload: { ids: ids === 'ALL' ? 'ALL' : rows.map((r) => r.id) },
      });
    }
    return { updated: rows.length };
  });
}

export type Preference = { kind: string; label: string; mode: NotificationMode };

export async function preferences(deps: Deps, actor: Actor): Promise<Preference[]> {
  const rows = await deps.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, actor.userId));
  const stored = new Map(rows.map((r) => [r.kind, r.mode]));
  return NOTIFICATION_KINDS.map((k) => ({ kind: k.kind, label: k.label, mode: deliveryModeOf(stored.get(k.kind)) }));
}

export async function setPreference(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { kind: string; mode: NotificationMode },
): Promise<Preference> {
  const known = NOTIFICATION_KINDS.find((k) => k.kind === input.kind);
  if (!known) {
    throw new DomainError('BAD_REQUEST', 'Unknown notification kind.', { fieldErrors: { kind: ['Unknown notification kind'] } });
  }
  const now = deps.clock();
  await transact(deps, async (tx) => {
    const [old] = await tx
      .select({ mode: notificationPreferences.mode })
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.userId, actor.userId), eq(notificationPreferences.kind, input.kind)));
    await tx
      .insert(notificationPreferences)
      .values({ userId: actor.userId, kind: input.kind, mode: input.mode, updatedAt: now.toISOString() })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { mode: input.mode, updatedAt: now.toISOString() },
      });
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: 'notification.preference',
        entityType: 'user',
        entityId: actor.userId,
        oldValues: { kind: input.kind, mode: deliveryModeOf(old?.mode) },
        newValues: { kind: input.kind, mode: input.mode },
      },
    );
  });
  return { kind: known.kind, label: known.label, mode: input.mode };
}
