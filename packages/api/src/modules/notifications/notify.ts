import { type DbOrTx, notificationPreferences, notifications, users } from '@kapas/db';
import { and, eq, inArray } from 'drizzle-orm';
import { appendEvent } from '../../realtime/outbox';
import { queueMessage } from '../messaging/queue';
import { deliveryModeOf, type NotificationMode } from './rules';

export const NOTIFICATIONS_TOPIC = 'notifications';

export type NotificationInput = {
  /** Stable kind, e.g. 'approval.requested', 'kyc.reminder', 'offer.received' (preferences are per kind). */
  kind: string;
  title: string;
  body: string;
  /** Path inside the user's app, e.g. '/trades/…'. */
  link?: string | null;
  data?: Record<string, unknown>;
  /** Also email it (instantly, or in the daily digest if the user chose so). */
  email?: boolean;
  /** The service's clock (deps.clock()); defaults to the wall clock for older callers. */
  now?: Date;
};

/**
 * Stores an in-app notification per user, pushes it on their personal feed and, when asked,
 * queues an email unless the user chose DIGEST (the daily digest job sends it later) or OFF for
 * this kind. Runs in the caller's transaction.
 */
export async function notifyUsers(tx: DbOrTx, userIds: readonly string[], n: NotificationInput): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  const recipients = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(users.id, unique), eq(users.status, 'ACTIVE')));
  if (recipients.length === 0) return;
  const prefs = new Map<string, string>(
    (
      await tx
        .select({ userId: notificationPreferences.userId, mode: notificationPreferences.mode })
        .from(notificationPreferences)
        .where(
          and(
            inArray(
              notificationPreferences.userId,
              recipients.map((r) => r.id),
            ),
            eq(notificationPreferences.kind, n.kind),
          ),
        )
    ).map((p) => [p.userId, p.mode]),
  );
  const now = (n.now ?? new Date()).toISOString();
  const modes = new Map<string, NotificationMode | 'NONE'>(
    recipients.map((r) => [r.id, n.email === true ? deliveryModeOf(prefs.get(r.id)) : 'NONE']),
  );
  const rows = await tx
    .insert(notifications)
    .values(
      recipients.map((r) => ({
        userId: r.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link ?? null,
        data: n.data ?? {},
        // Only a DIGEST copy is still owed; everything else is settled now.
        deliveredAt: modes.get(r.id) === 'DIGEST' ? null : now,
        createdAt: now,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });
  for (const r of recipients) {
    if (modes.get(r.id) !== 'INSTANT') continue;
    await queueMessage(tx, {
      channel: 'EMAIL',
      recipient: r.email,
      template: 'NOTIFICATION',
      variables: { name: r.name, title: n.title, body: n.body, link: n.link ?? '' },
    });
  }
  for (const row of rows) {
    await appendEvent(tx, {
      audience: 'USER',
      audienceId: row.userId,
      topic: NOTIFICATIONS_TOPIC,
      type: 'notification.created',
      payload: { id: row.id, kind: n.kind, title: n.title, link: n.link ?? null },
    });
  }
}

/** Every active user of a partner (primary and sub-users). */
export async function notifyPartner(tx: DbOrTx, partnerId: string, n: NotificationInput): Promise<void> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.partnerId, partnerId), eq(users.status, 'ACTIVE')));
  await notifyUsers(
    tx,
    rows.map((r) => r.id),
    n,
  );
}
