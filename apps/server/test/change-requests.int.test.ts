import type { KapasClient } from '@kapas/client';
import { approvalRequests, branches, notifications, partners, users } from '@kapas/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';

/** Change requests (DOMAIN §4), decided through the approvals engine (`approvals.decide`). */
let server: TestServer;
let admin: KapasClient;
let buyer: KapasClient;
let trader: KapasClient;
let traderPartnerId: string;
let buyerPartnerId: string;

beforeAll(async () => {
  server = await startTestServer();
  [admin, buyer, trader] = await Promise.all([
    signInAs(server, 'admin@kapas.local'),
    signInAs(server, 'buyer@saurashtra-mills.example'),
    signInAs(server, 'trader@deccan-cotton.example'),
  ]);
  traderPartnerId = (await trader.auth.me.query())!.partner!.id;
  buyerPartnerId = (await buyer.auth.me.query())!.partner!.id;
});
afterAll(() => server.stop());

/** Decides the change request's approval as the admin, the way the approvals queue does. */
async function decide(changeRequestId: string, decision: 'APPROVE' | 'REJECT', note: string | null): Promise<void> {
  const [request] = await server.handle.db
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.subjectId, changeRequestId), eq(approvalRequests.type, 'CHANGE_REQUEST')));
  if (!request) throw new Error('no approval request');
  await admin.approvals.decide.mutate({ id: request.id, version: request.version, decision, ...(note ? { note } : {}) });
}

const contact = {
  name: 'Ravi Kumar',
  designation: 'Accounts',
  email: 'ravi@deccan-cotton.example',
  mobile: '9848011111',
  isPrimary: true,
};
const headOffice = {
  code: 'HYD',
  name: 'Hyderabad head office',
  isHeadOffice: true,
  gstin: '36AAGFD9012M1Z9',
  stateCode: '36',
  line1: 'Koti Main Road',
  city: 'Hyderabad',
  pincode: '500095',
  active: true,
};
const profile = {
  legalName: 'Deccan Cotton Traders Pvt Ltd',
  tradeName: 'Deccan Cotton',
  pan: 'AAGFD9012M',
  gstin: '36AAGFD9012M1Z9',
  cin: null,
  tan: null,
};

describe('contact-only changes', () => {
  it('apply at once and write a version', async () => {
    const cr = await trader.company.proposeChange.mutate({ contacts: [contact] });
    expect(cr).toMatchObject({ route: 'AUTO', status: 'APPROVED', baseVersion: 0 });
    expect(Object.keys(cr.changes)).toEqual(['contacts']);
    const company = await trader.company.get.query();
    expect(company.contacts.map((c) => c.email)).toEqual([contact.email]);
    expect(company.latestVersion).toBe(1);
    const versions = await admin.partners.versions.query({ id: traderPartnerId });
    expect(versions.map((v) => [v.version, v.changeRequestId])).toEqual([[1, cr.id]]);
  });

  it('refuses a proposal that changes nothing', async () => {
    expect((await failure(trader.company.proposeChange.mutate({ contacts: [contact] }))).code).toBe('BAD_REQUEST');
  });
});

describe('high-risk changes need approval', () => {
  it('a GSTIN change waits for approval, then writes a version that diff and asOf show', async () => {
    const between = new Date().toISOString();
    const cr = await trader.company.proposeChange.mutate({
      profile: { ...profile, gstin: '36AAGFD9012M2Z8' },
      note: 'New registration',
    });
    expect(cr).toMatchObject({ route: 'APPROVAL', status: 'PENDING', baseVersion: 1 });
    expect(cr.riskScore).toBeGreaterThanOrEqual(50);
    expect(cr.changes).toEqual({ gstin: { from: '36AAGFD9012M1Z9', to: '36AAGFD9012M2Z8' } });
    expect((await trader.company.get.query()).partner.gstin).toBe('36AAGFD9012M1Z9');
    const [approval] = await server.handle.db.select().from(approvalRequests).where(eq(approvalRequests.subjectId, cr.id));
    expect(approval).toMatchObject({ type: 'CHANGE_REQUEST', status: 'PENDING', partnerId: traderPartnerId });
    expect((await admin.partners.get.query({ id: traderPartnerId })).openChangeRequests.map((c) => c.id)).toEqual([cr.id]);

    await decide(cr.id, 'APPROVE', 'Certificate checked');
    expect(await admin.changeRequests.get.query({ id: cr.id })).toMatchObject({ status: 'APPROVED' });
    expect((await trader.company.get.query()).partner.gstin).toBe('36AAGFD9012M2Z8');

    const diff = await admin.partners.diff.query({ id: traderPartnerId, from: 1, to: 2 });
    expect(diff.changes).toEqual([{ path: 'profile.gstin', from: '36AAGFD9012M1Z9', to: '36AAGFD9012M2Z8' }]);
    const before = await admin.partners.asOf.query({ id: traderPartnerId, at: between });
    expect(before.version).toBe(1);
    expect(before.snapshot.profile.gstin).toBe('36AAGFD9012M1Z9');
    const latest = await admin.partners.asOf.query({ id: traderPartnerId, at: new Date().toISOString() });
    expect(latest.version).toBe(2);
    expect(latest.snapshot.profile.gstin).toBe('36AAGFD9012M2Z8');
    expect((await failure(admin.partners.asOf.query({ id: traderPartnerId, at: '2020-01-01T00:00:00Z' }))).code).toBe(
      'NOT_FOUND',
    );
    const [note] = await server.handle.db.select().from(notifications).where(eq(notifications.kind, 'change_request.decided'));
    expect(note?.title).toContain('approved');
  });

  it('a rejection is recorded with its note and the partner is told', async () => {
    const cr = await trader.company.proposeChange.mutate({
      profile: { ...profile, gstin: '36AAGFD9012M2Z8', legalName: 'Deccan Cotton Ltd' },
    });
    await decide(cr.id, 'REJECT', 'Board resolution missing');
    const mine = await trader.changeRequests.mine.query({ status: 'REJECTED' });
    expect(mine.items.map((c) => [c.id, c.reason])).toEqual([[cr.id, 'Board resolution missing']]);
    expect((await trader.company.get.query()).partner.legalName).toBe('Deccan Cotton Traders Pvt Ltd');
    const [traderUser] = await server.handle.db.select().from(users).where(eq(users.email, 'trader@deccan-cotton.example'));
    const rows = await server.handle.db.select().from(notifications).where(eq(notifications.body, 'Board resolution missing'));
    expect(rows.map((r) => r.userId)).toContain(traderUser!.id);
  });

  it('refuses to apply a request whose fields changed meanwhile (CONFLICT)', async () => {
    const p = { ...profile, gstin: '36AAGFD9012M2Z8' };
    const first = await trader.company.proposeChange.mutate({ profile: { ...p, tradeName: 'Deccan One' } });
    const second = await trader.company.proposeChange.mutate({ profile: { ...p, tradeName: 'Deccan Two' } });
    await decide(first.id, 'APPROVE', null);
    const f = await failure(decide(second.id, 'APPROVE', null));
    expect(f.message).toContain('tradeName');
    expect((await admin.changeRequests.get.query({ id: second.id })).status).toBe('PENDING');
    const [stillPending] = await server.handle.db
      .select()
      .from(approvalRequests)
      .where(eq(approvalRequests.subjectId, second.id));
    expect(stillPending?.status).toBe('PENDING');
    await trader.changeRequests.cancel.mutate({ id: second.id });
    expect((await admin.changeRequests.get.query({ id: second.id })).status).toBe('CANCELLED');
    const [withdrawn] = await server.handle.db.select().from(approvalRequests).where(eq(approvalRequests.subjectId, second.id));
    expect(withdrawn?.status).toBe('CANCELLED');
    expect((await failure(trader.changeRequests.cancel.mutate({ id: second.id }))).code).toBe('CONFLICT');
  });

  it('withdrawing the approval request from the queue withdraws the change request too', async () => {
    const cr = await trader.company.proposeChange.mutate({ profile: { ...profile, legalName: 'Deccan Cotton Withdrawn Ltd' } });
    const [request] = await server.handle.db.select().from(approvalRequests).where(eq(approvalRequests.subjectId, cr.id));
    await trader.approvals.cancel.mutate({ id: request!.id });
    expect((await admin.changeRequests.get.query({ id: cr.id })).status).toBe('CANCELLED');
    expect((await trader.company.get.query()).partner.legalName).toBe('Deccan Cotton Traders Pvt Ltd');
  });
});

describe('validation', () => {
  it('reports a wrong GSTIN check character on the field', async () => {
    const f = await failure(trader.company.proposeChange.mutate({ profile: { ...profile, gstin: '36AAGFD9012M2Z9' } }));
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.fieldErrors['profile.gstin']?.[0]).toContain('check character');
  });

  it('reports aggregate rules: GSTIN must carry the PAN, one head office, unique codes, one GSTIN per state', async () => {
    const f1 = await failure(
      trader.company.proposeChange.mutate({ branches: [{ ...headOffice, gstin: '24AABCS1234K1ZM', stateCode: '24' }] }),
    );
    expect(f1.fieldErrors['branches.0.gstin']).toBeDefined();
    const f2 = await failure(
      trader.company.proposeChange.mutate({ branches: [headOffice, { ...headOffice, name: 'Another', isHeadOffice: true }] }),
    );
    expect(f2.fieldErrors.branches).toBeDefined();
    expect(f2.fieldErrors['branches.1.code']).toBeDefined();
    const f3 = await failure(
      trader.company.proposeChange.mutate({
        branches: [
          { ...headOffice, gstin: '36AAGFD9012M2Z8' },
          { ...headOffice, code: 'SEC', isHeadOffice: false },
        ],
      }),
    );
    expect(f3.fieldErrors['branches.1.gstin']).toBeDefined();
    const f4 = await failure(
      trader.company.proposeChange.mutate({
        bankAccounts: [{ accountName: 'DCT', accountNumber: '12345678', ifsc: 'SBIN1234567', bankName: 'SBI', isPrimary: true }],
      }),
    );
    expect(Object.keys(f4.fieldErrors).sort()).toEqual(['bankAccounts.0.accountNumber', 'bankAccounts.0.ifsc']);
  });

  it('refuses a GSTIN that belongs to another partner when it is applied', async () => {
    // Same PAN on both partners is impossible in real life; fake it to reach the unique constraint.
    await server.handle.db.update(partners).set({ pan: 'AAGFD9012M' }).where(eq(partners.id, buyerPartnerId));
    await server.handle.db.update(partners).set({ gstin: '24AAGFD9012M1ZE' }).where(eq(partners.id, buyerPartnerId));
    const cr = await trader.company.proposeChange.mutate({
      profile: { ...profile, tradeName: 'Deccan One', gstin: '24AAGFD9012M1ZE' },
    });
    expect((await failure(decide(cr.id, 'APPROVE', null))).message).toContain('another partner');
    await trader.changeRequests.cancel.mutate({ id: cr.id });
  });
});

describe('branches and sub-users', () => {
  let hydId: string;

  it('branch changes go through approval and keep branch ids stable', async () => {
    const p = { ...profile, tradeName: 'Deccan One', gstin: '36AAGFD9012M2Z8' };
    const cr = await trader.company.proposeChange.mutate({ profile: p, branches: [{ ...headOffice, gstin: '36AAGFD9012M2Z8' }] });
    expect(cr.route).toBe('APPROVAL');
    await decide(cr.id, 'APPROVE', null);
    const [hyd] = await server.handle.db
      .select()
      .from(branches)
      .where(and(eq(branches.partnerId, traderPartnerId), eq(branches.code, 'HYD')));
    hydId = hyd!.id;
    const edit = await trader.company.proposeChange.mutate({
      branches: [
        { ...headOffice, gstin: '36AAGFD9012M2Z8', city: 'Secunderabad' },
        { ...headOffice, code: 'GNT', isHeadOffice: false, gstin: null, stateCode: '37', city: 'Guntur', pincode: '522001' },
      ],
    });
    await decide(edit.id, 'APPROVE', null);
    const company = await trader.company.get.query();
    const active = company.branches.filter((b) => b.active);
    expect(active.map((b) => [b.code, b.city, b.isHeadOffice])).toEqual([
      ['GNT', 'Guntur', false],
      ['HYD', 'Secunderabad', true],
    ]);
    // A branch left out of a proposal is deactivated, never deleted.
    expect(company.branches.filter((b) => !b.active).every((b) => !b.isHeadOffice)).toBe(true);
    expect(company.branches.find((b) => b.code === 'HYD')?.id).toBe(hydId);
  });

  it('sub-users get the partner’s own active branches only', async () => {
    const invited = await trader.subUsers.invite.mutate({
      email: 'desk@deccan-cotton.example',
      name: 'Desk Clerk',
      capabilities: ['trade:read'],
      branchIds: [hydId],
    });
    expect(invited.branchIds).toEqual([hydId]);
    expect(invited.branches).toMatchObject([{ id: hydId, code: 'HYD', active: true }]);
    const listed = await trader.subUsers.list.query();
    expect(listed.find((u) => u.id === invited.id)).toMatchObject({
      branchIds: [hydId],
      branches: [{ id: hydId, code: 'HYD', active: true }],
    });
    await trader.subUsers.update.mutate({ userId: invited.id, name: 'Desk Clerk', capabilities: ['trade:read'], branchIds: [] });
    const [row] = await server.handle.db.select().from(users).where(eq(users.id, invited.id));
    expect(row?.branchIds).toBeNull();
    expect((await trader.subUsers.list.query()).find((u) => u.id === invited.id)?.branches).toBeNull();

    // The victim's own branch (seeded head office) must not be assignable to the trader's sub-user.
    const [buyerBranch] = await server.handle.db.select().from(branches).where(eq(branches.partnerId, buyerPartnerId));
    const f = await failure(
      trader.subUsers.update.mutate({
        userId: invited.id,
        name: 'Desk Clerk',
        capabilities: ['trade:read'],
        branchIds: [buyerBranch!.id],
      }),
    );
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.fieldErrors.branchIds).toBeDefined();
  });
});

describe('tenant isolation', () => {
  it('a partner cannot read or cancel another partner’s change requests, branches or bank', async () => {
    const theirs = await trader.changeRequests.mine.query({});
    expect(theirs.total).toBeGreaterThan(0);
    const pending = await trader.company.proposeChange.mutate({
      profile: { ...profile, tradeName: 'Deccan Pending', gstin: '36AAGFD9012M2Z8' },
    });
    const buyerMine = await buyer.changeRequests.mine.query({});
    expect(buyerMine.items.map((c) => c.id)).not.toContain(pending.id);
    expect((await failure(buyer.changeRequests.cancel.mutate({ id: pending.id }))).code).toBe('NOT_FOUND');
    expect((await failure(buyer.changeRequests.get.query({ id: pending.id }))).code).toBe('FORBIDDEN');
    const company = await buyer.company.get.query();
    expect(company.partner.id).toBe(buyerPartnerId);
    expect(company.branches.every((b) => b.partnerId === buyerPartnerId)).toBe(true);
    expect(company.contacts.map((c) => c.email)).not.toContain(contact.email);
    expect((await failure(buyer.partners.get.query({ id: traderPartnerId }))).code).toBe('FORBIDDEN');
    expect((await failure(buyer.partners.versions.query({ id: traderPartnerId }))).code).toBe('FORBIDDEN');
  });
});
