/**
 * Match notifications (DOMAIN §6.4): automatic ones (pre-matching a posted trade, matching a
 * published lot) are limited to `notification.perUserPerMinute` per user per minute; users over
 * the limit are skipped (the in-app feed event still reaches the partner). Explicit staff actions
 * (DOMAIN §6.6: invite a seller, force-match chosen sellers) pass `limitPerMinute: null` and always
 * reach every user — a person chose to tell this seller now, so the limit must not swallow it; they
 * still count towards the limit of later automatic notices. DIGEST preferences are handled inside
 * notifyUsers.
 */
import { type DbOrTx, notifications, users } from '@kapas/db';
import { and, count, eq, gt, inArray } from 'drizzle-orm';
import { type NotificationInput, notifyUsers } from '../notifications/notify';

export const MATCH_KINDS = ['trade.matched', 'lot.matched', 'trade.invited'] as const;

/** Notifies every active user of a partner, skipping those over `limitPerMinute` (null: nobody is skipped). */
export async function notifyPartnerOfMatch(
  tx: DbOrTx,
  partnerId: string,
  n: NotificationInput & { now: Date },
  limitPerMinute: number | null,
): Promise<string[]> {
  const members = (
    await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.partnerId, partnerId), eq(users.status, 'ACTIVE')))
  ).map((m) => m.id);
  if (members.length === 0) return [];
  const allowed = limitPerMinute === null ? members : await underLimit(tx, members, limitPerMinute, n.now);
  await notifyUsers(tx, allowed, n);
  return allowed;
}

async function underLimit(tx: DbOrTx, userIds: string[], perMinute: number, now: Date): Promise<string[]> {
  const since = new Date(now.getTime() - 60_000).toISOString();
  const recent = await tx
    .select({ userId: notifications.userId, n: count() })
    .from(notifications)
    .where(
      and(
        inArray(notifications.userId, userIds),
        inArray(notifications.kind, [...MATCH_KINDS]),
        gt(notifications.createdAt, since),
      ),
    )
    .groupBy(notifications.userId);
  const used = new Map(recent.map((r) => [r.userId, r.n]));
  return userIds.filter((id) => (used.get(id) ?? 0) < perMinute);
}
