import { type DbOrTx, notifications, users } from '@kapas/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../context';
import { transact } from '../../shared/transact';
import { queueMessage } from '../messaging/queue';
import { digestLines } from './rules';

/**
 * The daily digest: for every user with notifications whose email copy was deferred (DIGEST
 * preference), one NOTIFICATION_DIGEST email listing them, and the notifications marked delivered.
 * Each user is claimed with UPDATE … RETURNING in their own transaction, so a second run (or a
 * second instance) finds nothing left to send.
 */
export async function runNotificationDigest(deps: Deps, now: Date): Promise<{ users: number; notifications: number }> {
  const pending = await deps.db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(isNull(notifications.deliveredAt))
    .limit(5_000);
  let sentUsers = 0;
  let sentItems = 0;
  for (const { userId } of pending) {
    const n = await transact(deps, (tx) => digestFor(tx, userId, now));
    if (n > 0) {
      sentUsers++;
      sentItems += n;
    }
  }
  return { users: sentUsers, notifications: sentItems };
}

async function digestFor(tx: DbOrTx, userId: string, now: Date): Promise<number> {
  const [user] = await tx
    .select({ email: users.email, name: users.name, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  const claimed = await tx
    .update(notifications)
    .set({ deliveredAt: now.toISOString() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.deliveredAt)))
    .returning({ title: notifications.title, body: notifications.body, createdAt: notifications.createdAt });
  // A disabled account's backlog is settled without mail.
  if (claimed.length === 0 || !user || user.status !== 'ACTIVE') return 0;
  claimed.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  await queueMessage(tx, {
    channel: 'EMAIL',
    recipient: user.email,
    template: 'NOTIFICATION_DIGEST',
    variables: { name: user.name, count: String(claimed.length), items: digestLines(claimed) },
  });
  return claimed.length;
}
