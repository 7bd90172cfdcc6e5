import { runKycReminders } from '@kapas/api';
import type { KapasClient } from '@kapas/client';
import { auditLog, notifications, partners, reminderLog, users } from '@kapas/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { PDF_BYTES, postUpload, signInWithToken } from './documents-helpers';
import { failure } from './helpers';

let server: TestServer;
let seller: KapasClient;
let buyer: KapasClient;
let buyerToken: string;
let compliance: KapasClient;
let sellerPartnerId: string;
let buyerPartnerId: string;

const DAY = 86_400_000;
/** Verified `daysAgo` days before "one year before now", i.e. due `-daysAgo` days from now (IST calendar days). */
async function setKyc(partnerId: string, dueInDays: number, now: Date) {
  const verifiedAt = new Date(now.getTime() + dueInDays * DAY);
  verifiedAt.setUTCFullYear(verifiedAt.getUTCFullYear() - 1);
  const dueAt = new Date(now.getTime() + dueInDays * DAY);
  await server.handle.db
    .update(partners)
    .set({ kycVerifiedAt: verifiedAt.toISOString(), kycDueAt: dueAt.toISOString() })
    .where(eq(partners.id, partnerId));
}

beforeAll(async () => {
  server = await startTestServer();
  const signedIn = await Promise.all([
    signInWithToken(server, 'seller@vidarbha-ginning.example'),
    signInWithToken(server, 'buyer@saurashtra-mills.example'),
    signInWithToken(server, 'compliance@kapas.local'),
  ]);
  [seller, buyer, compliance] = signedIn.map((s) => s.client) as [KapasClient, KapasClient, KapasClient];
  buyerToken = signedIn[1].token;
  sellerPartnerId = (await seller.auth.me.query())!.partner!.id;
  buyerPartnerId = (await buyer.auth.me.query())!.partner!.id;
  // Every other partner (whatever the seed gives them): KYC just renewed, so only ours are due.
  const fresh = new Date();
  await server.handle.db
    .update(partners)
    .set({ kycVerifiedAt: fresh.toISOString(), kycDueAt: new Date(fresh.getTime() + 365 * DAY).toISOString() });
});
afterAll(() => server.stop());

describe('KYC reminders job', () => {
  const now = new Date();

  it('sends the 30-day reminder once per day, and nothing on a day without one', async () => {
    await setKyc(sellerPartnerId, 30, now);
    await setKyc(buyerPartnerId, 200, now);
    expect(await runKycReminders(server.deps, now)).toEqual({ reminded: 1, expired: 0 });
    expect(await runKycReminders(server.deps, now)).toEqual({ reminded: 0, expired: 0 });
    expect(await runKycReminders(server.deps, new Date(now.getTime() + DAY))).toEqual({ reminded: 0, expired: 0 });
    const logged = await server.handle.db.select().from(reminderLog).where(eq(reminderLog.subjectId, sellerPartnerId));
    expect(logged.map((r) => r.kind)).toEqual(['KYC_DUE_SOON']);
    const status = await seller.kyc.status.query();
    expect(status).toMatchObject({ kycStatus: 'due-soon', daysUntilDue: 30 });
  });

  it('reminds daily while overdue and, past the grace period, expires the partner and escalates to compliance', async () => {
    await setKyc(buyerPartnerId, -5, now);
    expect(await runKycReminders(server.deps, now)).toEqual({ reminded: 1, expired: 0 });
    expect(await runKycReminders(server.deps, new Date(now.getTime() + DAY))).toEqual({ reminded: 1, expired: 0 });
    await setKyc(buyerPartnerId, -31, now);
    const later = new Date(now.getTime() + 2 * DAY);
    const result = await runKycReminders(server.deps, later);
    expect(result).toEqual({ reminded: 1, expired: 1 });
    expect(await runKycReminders(server.deps, later)).toEqual({ reminded: 0, expired: 0 });
    const [p] = await server.handle.db.select({ status: partners.status }).from(partners).where(eq(partners.id, buyerPartnerId));
    expect(p!.status).toBe('KYC_EXPIRED');
    const [complianceUser] = await server.handle.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'compliance@kapas.local'));
    const escalations = await server.handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, complianceUser!.id), eq(notifications.kind, 'kyc.escalation')));
    expect(escalations).toHaveLength(1);
    const [audit] = await server.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, buyerPartnerId), eq(auditLog.action, 'kyc.expire')));
    expect(audit?.newValues).toEqual({ status: 'KYC_EXPIRED' });
  });
});

describe('KYC due list, manual reminders and renewal', () => {
  it('lists partners by due state and sends at most one manual reminder a day', async () => {
    const expired = await compliance.kyc.due.query({ filter: 'expired' });
    expect(expired.items.map((r) => r.partnerId)).toContain(buyerPartnerId);
    expect(expired.items.every((r) => r.status === 'KYC_EXPIRED')).toBe(true);
    const soon = await compliance.kyc.due.query({ filter: 'due-soon', withinDays: 45 });
    expect(soon.items.map((r) => r.partnerId)).toEqual([sellerPartnerId]);
    expect((await compliance.kyc.due.query({ filter: 'due-soon', withinDays: 10 })).items).toEqual([]);
    expect((await compliance.kyc.due.query({ search: 'vidarbha' })).items.map((r) => r.partnerId)).toEqual([sellerPartnerId]);

    expect(await compliance.kyc.sendReminder.mutate({ partnerId: sellerPartnerId })).toMatchObject({ sent: true });
    expect((await failure(compliance.kyc.sendReminder.mutate({ partnerId: sellerPartnerId }))).code).toBe('CONFLICT');
    expect((await failure(seller.kyc.sendReminder.mutate({ partnerId: sellerPartnerId }))).code).toBe('FORBIDDEN');
  });

  it('renews: a KYC_EXPIRED partner uploads, submits, compliance verifies → ACTIVE with the next due date', async () => {
    const intent = await buyer.documents.createUpload.mutate({
      ownerType: 'KYC',
      ownerId: buyerPartnerId,
      kind: 'ADDRESS_PROOF',
    });
    expect((await postUpload(server, buyerToken, intent.uploadUrl, PDF_BYTES, { 'x-file-name': 'address.pdf' })).status).toBe(
      201,
    );
    const empty = await buyer.documents.createUpload.mutate({ ownerType: 'KYC', ownerId: buyerPartnerId, kind: 'PAN_CARD' });
    expect((await failure(buyer.kyc.submitRenewal.mutate({ documentIds: [empty.documentId] }))).code).toBe('BAD_REQUEST');
    const record = await buyer.kyc.submitRenewal.mutate({ documentIds: [intent.documentId] });
    expect(record.status).toBe('SUBMITTED');
    expect((await failure(buyer.kyc.submitRenewal.mutate({ documentIds: [intent.documentId] }))).code).toBe('CONFLICT');
    expect((await compliance.kyc.submissions.query({})).items.map((r) => r.id)).toContain(record.id);

    expect((await failure(compliance.kyc.reject.mutate({ recordId: record.id, notes: '' }))).code).toBe('BAD_REQUEST');
    const verified = await compliance.kyc.verify.mutate({ recordId: record.id });
    expect(verified).toMatchObject({ status: 'VERIFIED', partnerStatus: 'ACTIVE' });
    expect((await failure(compliance.kyc.verify.mutate({ recordId: record.id }))).message).toContain('VERIFIED');
    const status = await buyer.kyc.status.query();
    expect(status.partnerStatus).toBe('ACTIVE');
    expect(status.kycStatus).toBe('ok');
    expect(Math.round((Date.parse(status.kycDueAt!) - Date.now()) / DAY)).toBeGreaterThanOrEqual(364);

    const history = await buyer.kyc.history.query({});
    expect(history.map((r) => r.status)).toEqual(['VERIFIED']);
    expect((await compliance.kyc.history.query({ partnerId: buyerPartnerId })).map((r) => r.id)).toEqual([record.id]);
    expect((await failure(seller.kyc.history.query({ partnerId: buyerPartnerId }))).code).toBe('NOT_FOUND');
    expect((await failure(seller.kyc.submitRenewal.mutate({ documentIds: [intent.documentId] }))).code).toBe('NOT_FOUND');
  });
});
