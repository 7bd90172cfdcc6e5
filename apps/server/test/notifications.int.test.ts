import type { KapasClient } from '@kapas/client';
import { messages, notifications } from '@kapas/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startTestServer, type TestServer } from '../src/testing';
import { openRequest, roleChange, userIdOf } from './approvals-fixtures';
import { failure } from './helpers';

/** In-app notifications, their live feed, preferences and the daily digest (DOMAIN §7). */
let server: TestServer;
let admin: KapasClient;
let ops: KapasClient;
let buyer: KapasClient;
const ids = { admin: '', ops: '', auditor: '', compliance: '' };

beforeAll(async () => {
  server = await startTestServer();
  ids.admin = await userIdOf(server, 'admin@kapas.local');
  ids.ops = await userIdOf(server, 'ops@kapas.local');
  ids.auditor = await userIdOf(server, 'auditor@kapas.local');
  ids.compliance = await userIdOf(server, 'compliance@kapas.local');
  admin = await signInAs(server, 'admin@kapas.local');
  ops = await signInAs(server, 'ops@kapas.local');
  buyer = await signInAs(server, 'buyer@saurashtra-mills.example');
});
afterAll(() => server?.stop());

/** A request by ops that admin approves: ops (the requester) is notified of the decision. */
async function decidedForOps(): Promise<string> {
  const req = await openRequest(server, roleChange(ids.auditor, ['AUDITOR'], ['AUDITOR'], ids.ops));
  await admin.approvals.decide.mutate({ id: req.id, version: req.version, decision: 'APPROVE' });
  return req.id;
}

const emailsTo = (recipient: string, template: string) =>
  server.handle.db
    .select()
    .from(messages)
    .where(and(eq(messages.recipient, recipient), eq(messages.template, template)));

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('notifications', () => {
  it('are created for the requester when a request is decided, counted unread, and marked read', async () => {
    const before = (await ops.notifications.unreadCount.query()).count;
    const approvalId = await decidedForOps();
    expect((await ops.notifications.unreadCount.query()).count).toBe(before + 1);
    const page = await ops.notifications.list.query({ unreadOnly: true });
    const n = page.items.find((i) => i.data.approvalId === approvalId);
    expect(n).toMatchObject({ kind: 'approval.decided', readAt: null });
    // Someone else's id changes nothing (and reveals nothing).
    expect(await buyer.notifications.markRead.mutate({ ids: [n!.id] })).toEqual({ updated: 0 });
    expect(await ops.notifications.markRead.mutate({ ids: [n!.id] })).toEqual({ updated: 1 });
    expect((await ops.notifications.unreadCount.query()).count).toBe(before);
    await decidedForOps();
    await ops.notifications.markAllRead.mutate();
    expect((await ops.notifications.unreadCount.query()).count).toBe(0);
    expect((await ops.notifications.list.query({ unreadOnly: true })).total).toBe(0);
    expect((await buyer.notifications.list.query({})).items.some((i) => i.id === n!.id)).toBe(false);
  });

  it('a new request notifies the staff who can approve it, in-app only', async () => {
    const req = await openRequest(server, roleChange(ids.auditor, ['AUDITOR'], ['AUDITOR'], ids.ops));
    const rows = await server.handle.db.select().from(notifications).where(eq(notifications.kind, 'approval.requested'));
    const told = rows.filter((r) => r.data.approvalId === req.id).map((r) => r.userId);
    expect(told.sort()).toEqual([ids.admin, ids.compliance].sort());
    expect((await admin.notifications.list.query({})).items.some((i) => i.data.approvalId === req.id)).toBe(true);
  });

  it('are pushed live over the WebSocket and resume from the last event id', async () => {
    const seen: Array<{ id: number; type: string; payload: Record<string, unknown> }> = [];
    const sub = ops.notifications.onEvent.subscribe({}, { onData: (item) => seen.push(item.data) });
    await new Promise((r) => setTimeout(r, 300));
    await decidedForOps();
    await until(() => seen.some((e) => e.type === 'notification.created'));
    sub.unsubscribe();
    const first = seen.find((e) => e.type === 'notification.created')!;
    // Missed while away: replayed after the last id seen, and only the caller's own.
    await decidedForOps();
    const replay: typeof seen = [];
    const again = ops.notifications.onEvent.subscribe({ lastEventId: first.id }, { onData: (item) => replay.push(item.data) });
    await until(() => replay.some((e) => e.type === 'notification.created'));
    again.unsubscribe();
    expect(replay.every((e) => e.id > first.id)).toBe(true);
    const buyerSeen: typeof seen = [];
    const other = buyer.notifications.onEvent.subscribe({ lastEventId: 0 }, { onData: (item) => buyerSeen.push(item.data) });
    await new Promise((r) => setTimeout(r, 500));
    other.unsubscribe();
    expect(buyerSeen.some((e) => e.id === first.id)).toBe(false);
  });

  it('DIGEST holds back the instant email; the digest job sends one email with everything, once', async () => {
    const prefs = await ops.notifications.preferences.query();
    expect(prefs.find((p) => p.kind === 'approval.decided')?.mode).toBe('INSTANT');
    expect((await failure(ops.notifications.setPreference.mutate({ kind: 'no.such.kind', mode: 'OFF' }))).code).toBe(
      'BAD_REQUEST',
    );
    const instantBefore = (await emailsTo('ops@kapas.local', 'NOTIFICATION')).length;
    await decidedForOps();
    expect((await emailsTo('ops@kapas.local', 'NOTIFICATION')).length).toBe(instantBefore + 1);

    await ops.notifications.setPreference.mutate({ kind: 'approval.decided', mode: 'DIGEST' });
    expect((await ops.notifications.preferences.query()).find((p) => p.kind === 'approval.decided')?.mode).toBe('DIGEST');
    await decidedForOps();
    await decidedForOps();
    expect((await emailsTo('ops@kapas.local', 'NOTIFICATION')).length).toBe(instantBefore + 1);
    const pending = await server.handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ids.ops), eq(notifications.kind, 'approval.decided')));
    expect(pending.filter((n) => n.deliveredAt === null)).toHaveLength(2);

    const run = await admin.jobs.runNow.mutate({ name: 'notification-digest' });
    expect(run).toMatchObject({ status: 'SUCCEEDED' });
    const digests = await emailsTo('ops@kapas.local', 'NOTIFICATION_DIGEST');
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toContain('2 updates');
    await admin.jobs.runNow.mutate({ name: 'notification-digest' });
    expect(await emailsTo('ops@kapas.local', 'NOTIFICATION_DIGEST')).toHaveLength(1);

    await ops.notifications.setPreference.mutate({ kind: 'approval.decided', mode: 'OFF' });
    await decidedForOps();
    expect((await emailsTo('ops@kapas.local', 'NOTIFICATION')).length).toBe(instantBefore + 1);
    expect((await ops.notifications.list.query({ unreadOnly: true })).total).toBeGreaterThan(0);
  });
});
