import { notifications } from '@kapas/db';
import { and, count, eq, isNull } from 'drizzle-orm';
import { expect } from 'vitest';
import { openRequest, roleChange, userIdOf } from '../approvals-fixtures';
import { expectNoneOf, type TenantModule, type TenantWorld } from './world';

async function victimUnread(world: TenantWorld, id: string): Promise<boolean> {
  const [row] = await world.server.handle.db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.id, id));
  return row !== undefined && row.readAt === null;
}

/** R9 cases for the notifications module: every procedure is the caller's own data (tenant 'self'). */
export const notificationsTenant: TenantModule = {
  name: 'notifications',
  setup: async (world) => {
    const buyerId = await userIdOf(world.server, 'buyer@saurashtra-mills.example');
    const auditorId = await userIdOf(world.server, 'auditor@kapas.local');
    // A request by the victim that staff decide: the victim gets a notification.
    const req = await openRequest(
      world.server,
      roleChange(auditorId, ['AUDITOR'], ['AUDITOR'], buyerId, { summary: 'Victim request' }),
    );
    await world.admin.approvals.decide.mutate({ id: req.id, version: req.version, decision: 'APPROVE' });
    const mine = await world.victimBuyer.notifications.list.query({ unreadOnly: true });
    const victimNote = mine.items.find((n) => n.data.approvalId === req.id);
    if (!victimNote) throw new Error('victim was not notified');
    await world.victimBuyer.notifications.setPreference.mutate({ kind: 'approval.decided', mode: 'DIGEST' });
    return { victimNote: victimNote.id, attackerUser: await userIdOf(world.server, 'trader@deccan-cotton.example') };
  },
  cases: [
    {
      path: 'notifications.list',
      async run(world, records) {
        expectNoneOf((await world.attacker.notifications.list.query({ pageSize: 100 })).items, [records.victimNote]);
      },
    },
    {
      path: 'notifications.unreadCount',
      async run(world, records) {
        const [own] = await world.server.handle.db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.userId, records.attackerUser!), isNull(notifications.readAt)));
        expect((await world.attacker.notifications.unreadCount.query()).count).toBe(own?.n ?? 0);
      },
    },
    {
      path: 'notifications.markRead',
      async run(world, records) {
        expect(await world.attacker.notifications.markRead.mutate({ ids: [records.victimNote!] })).toEqual({ updated: 0 });
        expect(await victimUnread(world, records.victimNote!)).toBe(true);
      },
    },
    {
      path: 'notifications.markAllRead',
      async run(world, records) {
        await world.attacker.notifications.markAllRead.mutate();
        expect(await victimUnread(world, records.victimNote!)).toBe(true);
      },
    },
    {
      path: 'notifications.preferences',
      async run(world) {
        const prefs = await world.attacker.notifications.preferences.query();
        expect(prefs.find((p) => p.kind === 'approval.decided')?.mode).toBe('INSTANT');
      },
    },
    {
      path: 'notifications.setPreference',
      async run(world) {
        await world.attacker.notifications.setPreference.mutate({ kind: 'approval.decided', mode: 'OFF' });
        const victim = await world.victimBuyer.notifications.preferences.query();
        expect(victim.find((p) => p.kind === 'approval.decided')?.mode).toBe('DIGEST');
      },
    },
    {
      path: 'notifications.onEvent',
      async run(world, records) {
        const seen: Array<{ payload: Record<string, unknown> }> = [];
        const sub = world.attacker.notifications.onEvent.subscribe(
          { lastEventId: 0 },
          { onData: (item) => seen.push(item.data) },
        );
        await new Promise((r) => setTimeout(r, 800));
        sub.unsubscribe();
        expect(seen.some((e) => e.payload.id === records.victimNote)).toBe(false);
      },
    },
  ],
};
