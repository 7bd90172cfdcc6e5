/**
 * Match notifications (DOMAIN §6.4): at most `notification.perUserPerMinute` match notifications
 * per user per minute; users over the limit are skipped (the in-app feed event still reaches the
 * partner). DIGEST preferences are handled inside notifyUsers.
 */
import { type DbOrTx, notifications, users } from '@kapas/db';
import { and, count, eq, gt, inArray } from 'drizzle-orm';
import { type NotificationInput, notifyUsers } from '../notifications/notify';

export const MATCH_KINDS = ['trade.matched', 'lot.matched', 'trade.invited'] as const;

export async function notifyPartnerRateLimited(
  tx: DbOrTx,
  partnerId: string,
  n: NotificationInput,
  perMinute: number,
  now: Date,
): Promise<string[]> {
  const members = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.partnerId, partnerId), eq(users.status, 'ACTIVE')));
  if (members.length === 0) return [];
  const since = new Date(now.getTime() - 60_000).toISOString();
  const recent = await tx
    .select({ userId: notifications.userId, n: count() })
    .from(notifications)
    .where(
      and(
        inArray(
          notifications.userId,
          members.map((m) => m.id),
        ),
        inArray(notifications.kind, [...MATCH_KINDS]),
        gt(notifications.createdAt, since),
      ),
    )
    .groupBy(notifications.userId);
  const used = new Map(recent.map((r) => [r.userId, r.n]));
  const allowed = members.map((m) => m.id).filter((id) => (used.get(id) ?? 0) < perMinute);
  await notifyUsers(tx, allowed, n);
  return allowed;
}
