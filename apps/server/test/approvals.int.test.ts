import type { KapasClient } from '@kapas/client';
import { approvalDecisions, approvalRequests, auditLog, notifications, userGrants } from '@kapas/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startTestServer, type TestServer } from '../src/testing';
import { openRequest, roleChange, roleCodesOf, userIdOf } from './approvals-fixtures';
import { failure } from './helpers';

/** The approval engine (DOMAIN §7) through the real server, typed client and database. */
let server: TestServer;
let admin: KapasClient;
let compliance: KapasClient;
let ops: KapasClient;
let buyer: KapasClient;
let trader: KapasClient;
const ids = { admin: '', compliance: '', ops: '', support: '', auditor: '', buyer: '', buyerPartner: '' };

beforeAll(async () => {
  server = await startTestServer();
  for (const [key, email] of [
    ['admin', 'admin@kapas.local'],
    ['compliance', 'compliance@kapas.local'],
    ['ops', 'ops@kapas.local'],
    ['support', 'support@kapas.local'],
    ['auditor', 'auditor@kapas.local'],
    ['buyer', 'buyer@saurashtra-mills.example'],
  ] as const) {
    ids[key] = await userIdOf(server, email);
  }
  // ROLE_ASSIGNMENT decisions need user:manage besides partner:approve: compliance gets it for the two-approver case.
  await server.handle.db
    .insert(userGrants)
    .values({ userId: ids.compliance, capability: 'user:manage', effect: 'GRANT', createdAt: new Date().toISOString() });
  admin = await signInAs(server, 'admin@kapas.local');
  compliance = await signInAs(server, 'compliance@kapas.local');
  ops = await signInAs(server, 'ops@kapas.local');
  buyer = await signInAs(server, 'buyer@saurashtra-mills.example');
  trader = await signInAs(server, 'trader@deccan-cotton.example');
  ids.buyerPartner = (await buyer.auth.me.query())!.partner!.id;
});
afterAll(() => server?.stop());

const decisionsOf = (requestId: string) =>
  server.handle.db.select().from(approvalDecisions).where(eq(approvalDecisions.requestId, requestId));
const rowOf = async (requestId: string) =>
  (await server.handle.db.select().from(approvalRequests).where(eq(approvalRequests.id, requestId)))[0]!;

describe('the queue', () => {
  it('lists pending requests with what will change, the approvals so far and the requester', async () => {
    const req = await openRequest(server, roleChange(ids.auditor, ['AUDITOR'], ['AUDITOR'], ids.ops, { summary: 'Queue row' }));
    const page = await admin.approvals.list.query({ status: 'PENDING', type: 'ROLE_ASSIGNMENT', pageSize: 100 });
    const row = page.items.find((r) => r.id === req.id);
    expect(row).toMatchObject({
      number: req.number,
      summary: 'Queue row',
      payload: { roles: { from: ['AUDITOR'], to: ['AUDITOR'] } },
      approvalsCount: 0,
      requiredApprovals: 1,
      requestedBy: { id: ids.ops, name: 'Omkar Operations' },
      status: 'PENDING',
    });
    expect((await admin.approvals.list.query({ status: 'APPROVED' })).items.some((r) => r.id === req.id)).toBe(false);
    expect((await admin.approvals.list.query({ from: '2000-01-01', to: '2000-01-02' })).total).toBe(0);
    expect((await failure(admin.approvals.list.query({ from: '2026-02-30' }))).code).toBe('BAD_REQUEST');
    expect((await failure(ops.approvals.list.query({}))).code).toBe('FORBIDDEN');
    expect((await failure(buyer.approvals.list.query({}))).code).toBe('FORBIDDEN');
  });
});

describe('approvals.decide', () => {
  it('never lets the requester decide their own request', async () => {
    const req = await openRequest(server, roleChange(ids.auditor, ['AUDITOR'], ['AUDITOR'], ids.admin));
    const f = await failure(admin.approvals.decide.mutate({ id: req.id, version: req.version, decision: 'APPROVE' }));
    expect(f.code).toBe('FORBIDDEN');
    expect(f.message).toMatch(/your own request/);
    expect((await rowOf(req.id)).status).toBe('PENDING');
    expect(await decisionsOf(req.id)).toEqual([]);
  });

  it('needs a reason to reject, then rejects and tells the requester', async () => {
    const req = await openRequest(server, roleChange(ids.auditor, ['AUDITOR'], ['SUPPORT'], ids.ops));
    const f = await failure(admin.approvals.decide.mutate({ id: req.id, version: req.version, decision: 'REJECT', note: '  ' }));
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.fieldErrors.note).toBeDefined();
    const r = await admin.approvals.decide.mutate({ id: req.id, version: req.version, decision: 'REJECT', note: 'Not needed' });
    expect(r).toMatchObject({ status: 'REJECTED' });
    expect(await roleCodesOf(server, ids.auditor)).toEqual(['AUDITOR']);
    const [n] = await server.handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ids.ops), eq(notifications.kind, 'approval.decided')));
    expect(n?.title).toContain('rejected');
  });

  it('refuses a second decision on a decided request, naming its state', async () => {
    const req = await openRequest(server, roleChange(ids.auditor, ['AUDITOR'], ['AUDITOR'], ids.ops));
    await admin.approvals.decide.mutate({ id: req.id, version: req.version, decision: 'APPROVE' });
    const again = await failure(admin.approvals.decide.mutate({ id: req.id, version: req.version + 1, decision: 'APPROVE' }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/approved/);
    const other = await failure(
      compliance.approvals.decide.mutate({ id: req.id, version: req.version + 1, decision: 'REJECT', note: 'x' }),
    );
    expect(other.code).toBe('CONFLICT');
    expect(await decisionsOf(req.id)).toHaveLength(1);
  });

  it('a two-approver request stays pending until a second, different approver approves, then applies its effect', async () => {
    const req = await openRequest(
      server,
      roleChange(ids.support, ['SUPPORT'], ['AUDITOR', 'SUPPORT'], ids.ops, { requiredApprovals: 2 }),
    );
    const first = await admin.approvals.decide.mutate({ id: req.id, version: req.version, decision: 'APPROVE', note: 'ok' });
    expect(first).toMatchObject({ status: 'PENDING', approvalsCount: 1, requiredApprovals: 2 });
    expect(await roleCodesOf(server, ids.support)).toEqual(['SUPPORT']);
    const twice = await failure(admin.approvals.decide.mutate({ id: req.id, version: first.version, decision: 'APPROVE' }));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toMatch(/already decided/);
    const stale = await failure(compliance.approvals.decide.mutate({ id: req.id, version: req.version, decision: 'APPROVE' }));
    expect(stale.code).toBe('STALE_VERSION');
    const second = await compliance.approvals.decide.mutate({ id: req.id, version: first.version, decision: 'APPROVE' });
    expect(second).toMatchObject({ status: 'APPROVED', approvalsCount: 2 });
    expect(await roleCodesOf(server, ids.support)).toEqual(['AUDITOR', 'SUPPORT']);
    const detail = await admin.approvals.get.query({ id: req.id });
    expect(detail.decisions.map((d) => d.name).sort()).toEqual(['Asha Admin', 'Chitra Compliance']);
  });

  it('runs the effect in the deciding transaction: a failing effect leaves nothing written', async () => {
    // The auditor's roles are not what the request was based on (a stale request): the effect refuses.
    const req = await openRequest(server, roleChange(ids.auditor, ['SALES'], ['ADMIN'], ids.ops));
    const before = await rowOf(req.id);
    const f = await failure(admin.approvals.decide.mutate({ id: req.id, version: req.version, decision: 'APPROVE' }));
    expect(f.code).toBe('CONFLICT');
    expect(f.message).toMatch(/changed since/);
    expect(await rowOf(req.id)).toEqual(before);
    expect(await decisionsOf(req.id)).toEqual([]);
    expect(await roleCodesOf(server, ids.auditor)).toEqual(['AUDITOR']);
    expect(await server.handle.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.entityId, req.id))).toEqual([]);
  });
});

describe('approvals.bulkDecide', () => {
  it('decides each request on its own and reports per id', async () => {
    const a = await openRequest(server, roleChange(ids.auditor, ['AUDITOR'], ['AUDITOR'], ids.ops));
    const b = await openRequest(server, roleChange(ids.auditor, ['AUDITOR'], ['AUDITOR'], ids.ops));
    const own = await openRequest(server, roleChange(ids.auditor, ['AUDITOR'], ['AUDITOR'], ids.admin));
    const results = await admin.approvals.bulkDecide.mutate({ ids: [a.id, own.id, b.id], decision: 'APPROVE', note: 'bulk' });
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [a.id, true],
      [own.id, false],
      [b.id, true],
    ]);
    expect(results[1]).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await rowOf(a.id)).status).toBe('APPROVED');
    expect((await rowOf(own.id)).status).toBe('PENDING');
    const tooMany = Array.from({ length: 51 }, () => a.id);
    expect((await failure(admin.approvals.bulkDecide.mutate({ ids: tooMany, decision: 'APPROVE' }))).code).toBe('BAD_REQUEST');
  });
});

describe('partner view and cancel', () => {
  it('shows a partner its own requests only, and lets the requester cancel a pending one', async () => {
    const req = await openRequest(server, {
      type: 'HIGH_VALUE_TRADE',
      subjectType: 'trade',
      partnerId: ids.buyerPartner,
      summary: 'Post a trade worth ₹4.2 crore',
      payload: { value: { from: null, to: '42000000.00' } },
      requestedByUserId: ids.buyer,
    });
    expect((await buyer.approvals.mine.query({})).items.map((r) => r.id)).toContain(req.id);
    expect((await trader.approvals.mine.query({})).items.map((r) => r.id)).not.toContain(req.id);
    expect((await failure(trader.approvals.cancel.mutate({ id: req.id }))).code).toBe('NOT_FOUND');
    expect(await buyer.approvals.cancel.mutate({ id: req.id, note: 'Changed my mind' })).toMatchObject({ status: 'CANCELLED' });
    const again = await failure(buyer.approvals.cancel.mutate({ id: req.id }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/cancelled/);
    expect((await failure(admin.approvals.decide.mutate({ id: req.id, version: 2, decision: 'APPROVE' }))).code).toBe('CONFLICT');
  });
});

describe('expiry', () => {
  it('the approval-expiry job expires overdue requests without running their effect, and tells the requester', async () => {
    const req = await openRequest(server, roleChange(ids.auditor, ['AUDITOR'], ['SUPPORT'], ids.ops));
    await server.handle.db
      .update(approvalRequests)
      .set({ expiresAt: new Date(Date.now() - 60_000).toISOString() })
      .where(eq(approvalRequests.id, req.id));
    const run = await admin.jobs.runNow.mutate({ name: 'approval-expiry' });
    expect(run).toMatchObject({ status: 'SUCCEEDED', trigger: 'MANUAL' });
    expect((await rowOf(req.id)).status).toBe('EXPIRED');
    expect(await roleCodesOf(server, ids.auditor)).toEqual(['AUDITOR']);
    const expired = await server.handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ids.ops), eq(notifications.kind, 'approval.expired')));
    expect(expired.map((n) => n.data.approvalId)).toContain(req.id);
    expect(
      (await failure(admin.approvals.decide.mutate({ id: req.id, version: req.version + 1, decision: 'APPROVE' }))).message,
    ).toMatch(/expired/);
  });
});

describe('approvals.onEvent', () => {
  it('pushes new requests and decisions to the live queue', async () => {
    const seen: Array<{ type: string; payload: Record<string, unknown> }> = [];
    const sub = compliance.approvals.onEvent.subscribe({}, { onData: (item) => seen.push(item.data) });
    await new Promise((r) => setTimeout(r, 300));
    const req = await openRequest(server, roleChange(ids.auditor, ['AUDITOR'], ['AUDITOR'], ids.ops));
    await admin.approvals.decide.mutate({ id: req.id, version: req.version, decision: 'APPROVE' });
    const end = Date.now() + 10_000;
    while (!seen.some((e) => e.type === 'approval.decided' && e.payload.id === req.id) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 20));
    }
    sub.unsubscribe();
    expect(seen.filter((e) => e.payload.id === req.id).map((e) => e.type)).toEqual(['approval.requested', 'approval.decided']);
    const denied = await new Promise<unknown>((resolve) => {
      buyer.approvals.onEvent.subscribe({}, { onError: resolve });
    });
    expect((denied as { data?: { code?: string } }).data?.code).toBe('FORBIDDEN');
  });
});
