import type { KapasClient } from '@kapas/client';
import { auditLog, bankAccounts, partners, sessions, users } from '@kapas/db';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';

let server: TestServer;
let admin: KapasClient;
let auditor: KapasClient;
let support: KapasClient;
let buyer: KapasClient;
let seller: KapasClient;
let trader: KapasClient;
let sellerPartnerId: string;

beforeAll(async () => {
  server = await startTestServer();
  [admin, auditor, support, buyer, seller, trader] = await Promise.all([
    signInAs(server, 'admin@kapas.local'),
    signInAs(server, 'auditor@kapas.local'),
    signInAs(server, 'support@kapas.local'),
    signInAs(server, 'buyer@saurashtra-mills.example'),
    signInAs(server, 'seller@vidarbha-ginning.example'),
    signInAs(server, 'trader@deccan-cotton.example'),
  ]);
  sellerPartnerId = (await seller.auth.me.query())!.partner!.id;
  await server.handle.db.insert(bankAccounts).values({
    partnerId: sellerPartnerId,
    accountName: 'Vidarbha Ginning',
    accountNumber: '001234567890',
    ifsc: 'SBIN0001234',
    bankName: 'State Bank of India',
    isPrimary: true,
  });
});
afterAll(() => server.stop());

describe('partners.list', () => {
  it('pages, searches, filters and sorts on the server', async () => {
    const all = await auditor.partners.list.query({ pageSize: 100, sort: 'legalName', dir: 'asc' });
    const names = all.items.map((p) => p.legalName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toEqual(expect.arrayContaining(['Deccan Cotton Traders Pvt Ltd', 'Vidarbha Ginning Industries Pvt Ltd']));
    const page1 = await auditor.partners.list.query({ pageSize: 2, sort: 'legalName', dir: 'asc' });
    const page2 = await auditor.partners.list.query({ pageSize: 2, page: 2, sort: 'legalName', dir: 'asc' });
    expect(page1.total).toBe(all.total);
    expect([...page1.items, ...page2.items].map((p) => p.legalName)).toEqual(names.slice(0, 4));
    const desc = await auditor.partners.list.query({ pageSize: 100, sort: 'legalName', dir: 'desc' });
    expect(desc.items.map((p) => p.legalName)).toEqual([...names].reverse());

    expect((await auditor.partners.list.query({ q: 'deccan' })).items.map((p) => p.businessType)).toEqual(['TRADER']);
    expect((await auditor.partners.list.query({ q: 'AAFCV5678L' })).items.map((p) => p.legalName)).toEqual([
      'Vidarbha Ginning Industries Pvt Ltd',
    ]);
    expect((await auditor.partners.list.query({ q: '24AABCS1234K1ZM' })).items.map((p) => p.businessType)).toEqual(['BUYER']);
    const sellers = await auditor.partners.list.query({ businessType: 'SELLER', pageSize: 100 });
    expect(sellers.items.every((p) => p.businessType === 'SELLER')).toBe(true);
    expect(sellers.items.map((p) => p.pan)).toContain('AAFCV5678L');
    const suspended = await auditor.partners.list.query({ status: 'SUSPENDED', pageSize: 100 });
    expect(suspended.items.every((p) => p.status === 'SUSPENDED')).toBe(true);
    expect(suspended.items.map((p) => p.pan)).not.toContain('AAFCV5678L');
    expect((await auditor.partners.list.query({ q: '%' })).total).toBe(0);
  });

  it('is for back-office staff only', async () => {
    expect((await failure(buyer.partners.list.query({}))).code).toBe('FORBIDDEN');
    expect((await failure(buyer.partners.get.query({ id: sellerPartnerId }))).code).toBe('FORBIDDEN');
  });
});

describe('partners.get', () => {
  it('returns the whole aggregate, masking bank numbers for staff without partner:manage', async () => {
    const full = await admin.partners.get.query({ id: sellerPartnerId });
    expect(full.partner).toMatchObject({ legalName: 'Vidarbha Ginning Industries Pvt Ltd', status: 'ACTIVE' });
    expect(full.bankAccounts.map((b) => b.accountNumber)).toContain('001234567890');
    expect(full.users.map((u) => u.email)).toEqual(['seller@vidarbha-ginning.example']);
    expect(full.openChangeRequests).toEqual([]);
    expect([...full.branches, ...full.contacts, ...full.addresses].every((r) => r.partnerId === sellerPartnerId)).toBe(true);

    const masked = await auditor.partners.get.query({ id: sellerPartnerId });
    const numbers = masked.bankAccounts.map((b) => b.accountNumber);
    expect(numbers).toContain('XXXXXXXX7890');
    expect(numbers.every((n) => /^X+\d{4}$/.test(n))).toBe(true);
  });

  it('answers NOT_FOUND for an unknown partner', async () => {
    expect((await failure(admin.partners.get.query({ id: crypto.randomUUID() }))).code).toBe('NOT_FOUND');
  });
});

describe('partners.setStatus', () => {
  it('needs partner:manage and a reason', async () => {
    expect(
      (await failure(support.partners.setStatus.mutate({ id: sellerPartnerId, action: 'SUSPEND', reason: 'Unpaid dues' }))).code,
    ).toBe('FORBIDDEN');
    const f = await failure(admin.partners.setStatus.mutate({ id: sellerPartnerId, action: 'SUSPEND', reason: '' }));
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.fieldErrors.reason).toBeDefined();
  });

  it('suspends: the partner’s users are signed out at once and refused until reinstated', async () => {
    expect((await seller.auth.me.query())?.email).toBe('seller@vidarbha-ginning.example');
    const row = await admin.partners.setStatus.mutate({ id: sellerPartnerId, action: 'SUSPEND', reason: 'Unpaid brokerage' });
    expect(row).toMatchObject({ status: 'SUSPENDED', statusReason: 'Unpaid brokerage' });

    expect(await seller.auth.me.query()).toBeNull();
    expect((await failure(seller.company.get.query())).code).toBe('UNAUTHORIZED');
    const [sellerUser] = await server.handle.db.select().from(users).where(eq(users.partnerId, sellerPartnerId));
    const live = await server.handle.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, sellerUser!.id), isNull(sessions.endedAt)));
    expect(live).toEqual([]);
    // A fresh sign-in while suspended is refused outright (details in partner-status-sign-in.int.test.ts).
    expect((await failure(signInAs(server, 'seller@vidarbha-ginning.example'))).code).toBe('PARTNER_NOT_ACTIVE');

    const illegal = await failure(
      admin.partners.setStatus.mutate({ id: sellerPartnerId, action: 'SUSPEND', reason: 'Again please' }),
    );
    expect(illegal.code).toBe('CONFLICT');
    expect(illegal.message).toContain('SUSPENDED');

    await admin.partners.setStatus.mutate({ id: sellerPartnerId, action: 'REINSTATE', reason: 'Dues cleared' });
    const back = await signInAs(server, 'seller@vidarbha-ginning.example');
    expect((await back.company.get.query()).partner.status).toBe('ACTIVE');
    const actions = await server.handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, sellerPartnerId));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['partner.suspend', 'partner.reinstate']));
  });

  it('lets KYC_EXPIRED partners sign in (they only cannot trade)', async () => {
    const traderPartnerId = (await trader.auth.me.query())!.partner!.id;
    await server.handle.db.update(partners).set({ status: 'KYC_EXPIRED' }).where(eq(partners.id, traderPartnerId));
    expect((await trader.company.get.query()).partner.status).toBe('KYC_EXPIRED');
    const illegal = await failure(
      admin.partners.setStatus.mutate({ id: traderPartnerId, action: 'REINSTATE', reason: 'Back to business' }),
    );
    expect(illegal.code).toBe('CONFLICT');
    expect(illegal.message).toContain('KYC_EXPIRED');
    await server.handle.db.update(partners).set({ status: 'ACTIVE' }).where(eq(partners.id, traderPartnerId));
  });

  it('refuses users of a partner that is not yet approved', async () => {
    const buyerPartnerId = (await buyer.auth.me.query())!.partner!.id;
    await server.handle.db.update(partners).set({ status: 'PENDING_APPROVAL' }).where(eq(partners.id, buyerPartnerId));
    expect(await buyer.auth.me.query()).toBeNull();
    await server.handle.db.update(partners).set({ status: 'ACTIVE' }).where(eq(partners.id, buyerPartnerId));
    expect((await buyer.auth.me.query())?.email).toBe('buyer@saurashtra-mills.example');
  });

  it('blacklisting is final', async () => {
    const buyerPartnerId = (await buyer.auth.me.query())!.partner!.id;
    await admin.partners.setStatus.mutate({ id: buyerPartnerId, action: 'BLACKLIST', reason: 'Fraudulent documents' });
    expect(await buyer.auth.me.query()).toBeNull();
    const f = await failure(
      admin.partners.setStatus.mutate({ id: buyerPartnerId, action: 'REINSTATE', reason: 'Changed our mind' }),
    );
    expect(f.code).toBe('CONFLICT');
    expect(f.message).toContain('BLACKLISTED');
    const listed = await auditor.partners.list.query({ status: 'BLACKLISTED', pageSize: 100 });
    expect(listed.items.map((p) => p.id)).toContain(buyerPartnerId);
  });
});
