import { runCertificationExpiry, verifiedCertificationsOf } from '@kapas/api';
import type { KapasClient } from '@kapas/client';
import { auditLog, branches, certifications, notifications, reminderLog, users } from '@kapas/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';

let server: TestServer;
let seller: KapasClient;
let buyer: KapasClient;
let compliance: KapasClient;
let support: KapasClient;
let sellerPartnerId: string;

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const base = { certificateType: 'GOTS', body: 'Control Union', number: 'CU-1234', productScope: 'Organic cotton lint' };

beforeAll(async () => {
  server = await startTestServer();
  [seller, buyer, compliance, support] = await Promise.all([
    signInAs(server, 'seller@vidarbha-ginning.example'),
    signInAs(server, 'buyer@saurashtra-mills.example'),
    signInAs(server, 'compliance@kapas.local'),
    signInAs(server, 'support@kapas.local'),
  ]);
  sellerPartnerId = (await seller.auth.me.query())!.partner!.id;
});
afterAll(() => server.stop());

const create = (over: Partial<Parameters<typeof seller.certifications.create.mutate>[0]> = {}) =>
  seller.certifications.create.mutate({
    ...base,
    issuedOn: isoDay(Date.now() - 100 * DAY),
    expiresOn: isoDay(Date.now() + 300 * DAY),
    ...over,
  });

describe('certifications: partner CRUD', () => {
  it('creates a pending certification and validates type, branch and dates with field errors', async () => {
    const cert = await create();
    expect(cert).toMatchObject({
      status: 'PENDING_VERIFICATION',
      certificateType: 'GOTS',
      visibleInTrade: true,
      partnerId: sellerPartnerId,
      version: 1,
    });
    const bad = await failure(
      create({
        certificateType: 'NOPE',
        issuedOn: '2026-05-01',
        expiresOn: '2026-04-01',
        branchId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['branchId', 'certificateType', 'expiresOn']);

    const [buyerBranch] = await server.handle.db
      .insert(branches)
      .values({
        partnerId: (await buyer.auth.me.query())!.partner!.id,
        code: 'RJK',
        name: 'Rajkot',
        stateCode: '24',
        line1: 'x',
        city: 'Rajkot',
        pincode: '360001',
      })
      .returning();
    expect(Object.keys((await failure(create({ branchId: buyerBranch!.id }))).fieldErrors)).toEqual(['branchId']);
    const [ownBranch] = await server.handle.db
      .insert(branches)
      .values({
        partnerId: sellerPartnerId,
        code: 'NGP',
        name: 'Nagpur',
        stateCode: '27',
        line1: 'x',
        city: 'Nagpur',
        pincode: '440001',
      })
      .returning();
    expect((await create({ branchId: ownBranch!.id })).branchId).toBe(ownBranch!.id);
  });

  it('edits only while pending or rejected; visibility may change any time; lists own only', async () => {
    const cert = await create({ number: 'CU-EDIT' });
    const edited = await seller.certifications.update.mutate({
      ...base,
      id: cert.id,
      version: 1,
      number: 'CU-EDIT-2',
      issuedOn: cert.issuedOn,
      expiresOn: cert.expiresOn,
      visibleInTrade: true,
    });
    expect(edited).toMatchObject({ number: 'CU-EDIT-2', version: 2 });
    expect(
      (
        await failure(
          seller.certifications.update.mutate({
            ...base,
            id: cert.id,
            version: 1,
            issuedOn: cert.issuedOn,
            expiresOn: cert.expiresOn,
            visibleInTrade: true,
          }),
        )
      ).code,
    ).toBe('STALE_VERSION');

    const verified = await compliance.certifications.verify.mutate({ id: cert.id, version: 2 });
    expect(verified.status).toBe('VERIFIED');
    const locked = await failure(
      seller.certifications.update.mutate({
        ...base,
        id: cert.id,
        version: 3,
        issuedOn: cert.issuedOn,
        expiresOn: cert.expiresOn,
        visibleInTrade: true,
      }),
    );
    expect(locked.code).toBe('CONFLICT');
    expect(locked.message).toContain('VERIFIED');
    expect((await seller.certifications.setVisibleInTrade.mutate({ id: cert.id, visibleInTrade: false })).visibleInTrade).toBe(
      false,
    );

    const mine = await seller.certifications.list.query({});
    expect(mine.items.every((c) => c.partnerId === sellerPartnerId)).toBe(true);
    expect((await buyer.certifications.list.query({})).items.map((c) => c.id)).not.toContain(cert.id);
    expect((await failure(buyer.certifications.get.query({ id: cert.id }))).code).toBe('NOT_FOUND');
    expect((await failure(buyer.certifications.setVisibleInTrade.mutate({ id: cert.id, visibleInTrade: true }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await failure(compliance.certifications.create.mutate({ ...base, issuedOn: '2026-01-01', expiresOn: '2027-01-01' }))).code,
    ).toBe('FORBIDDEN');
  });
});

describe('certifications: compliance review', () => {
  it('verifies, rejects with a reason, re-submits after an edit and suspends; illegal moves are CONFLICT naming the state', async () => {
    const a = await create({ number: 'CU-A' });
    const queue = await compliance.certifications.queue.query({});
    expect(queue.items.map((c) => c.id)).toContain(a.id);
    expect((await failure(support.certifications.verify.mutate({ id: a.id, version: 1 }))).code).toBe('FORBIDDEN');
    expect((await failure(seller.certifications.verify.mutate({ id: a.id, version: 1 }))).code).toBe('FORBIDDEN');

    expect((await failure(compliance.certifications.reject.mutate({ id: a.id, version: 1, notes: '' }))).code).toBe(
      'BAD_REQUEST',
    );
    const rejected = await compliance.certifications.reject.mutate({
      id: a.id,
      version: 1,
      notes: 'Certificate number does not match',
    });
    expect(rejected).toMatchObject({ status: 'REJECTED', statusNote: 'Certificate number does not match' });
    const illegal = await failure(compliance.certifications.suspend.mutate({ id: a.id, version: 2, notes: 'for testing' }));
    expect(illegal.code).toBe('CONFLICT');
    expect(illegal.message).toContain('REJECTED');

    const resubmitted = await seller.certifications.update.mutate({
      ...base,
      id: a.id,
      version: 2,
      number: 'CU-A2',
      issuedOn: a.issuedOn,
      expiresOn: a.expiresOn,
      visibleInTrade: true,
    });
    expect(resubmitted.status).toBe('PENDING_VERIFICATION');
    const verified = await compliance.certifications.verify.mutate({ id: a.id, version: 3 });
    expect(verified.status).toBe('VERIFIED');
    const suspended = await compliance.certifications.suspend.mutate({ id: a.id, version: 4, notes: 'Body withdrew it' });
    expect(suspended.status).toBe('SUSPENDED');
    expect((await failure(compliance.certifications.verify.mutate({ id: a.id, version: 5 }))).message).toContain('SUSPENDED');

    const actions = await server.handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, a.id));
    expect(actions.map((r) => r.action)).toEqual([
      'certification.create',
      'certification.reject',
      'certification.update',
      'certification.verify',
      'certification.suspend',
    ]);
    const [sellerUser] = await server.handle.db.select({ id: users.id }).from(users).where(eq(users.partnerId, sellerPartnerId));
    const told = await server.handle.db
      .select({ title: notifications.title })
      .from(notifications)
      .where(eq(notifications.userId, sellerUser!.id));
    expect(told.map((n) => n.title)).toEqual(
      expect.arrayContaining(['Certification rejected', 'Certification verified', 'Certification suspended']),
    );
  });
});

describe('certifications: expiry job and matching view', () => {
  it('reminds at 30 and 7 days once per day, expires after the expiry day, and matching sees only valid visible ones', async () => {
    const now = new Date();
    const mk = async (number: string, expiresInDays: number, visibleInTrade = true) => {
      const c = await create({
        number,
        certificateType: 'OCS',
        expiresOn: isoDay(now.getTime() + expiresInDays * DAY),
        visibleInTrade,
      });
      return compliance.certifications.verify.mutate({ id: c.id, version: 1 });
    };
    const in30 = await mk('EXP-30', 30);
    const in7 = await mk('EXP-7', 7);
    const in12 = await mk('EXP-12', 12);
    const hidden = await mk('EXP-HIDDEN', 200, false);
    const past = await create({
      number: 'EXP-PAST',
      certificateType: 'BCI',
      issuedOn: isoDay(now.getTime() - 400 * DAY),
      expiresOn: isoDay(now.getTime() + 2 * DAY),
    });
    await compliance.certifications.verify.mutate({ id: past.id, version: 1 });
    // Backdate the expiry as if time had passed (dates after issue, so the row stays valid data).
    await server.handle.db
      .update(certifications)
      .set({ expiresOn: isoDay(now.getTime() - DAY) })
      .where(eq(certifications.id, past.id));
    expect(in30.expiring).toBe(true);
    expect(hidden.expiring).toBe(false);

    const before = await verifiedCertificationsOf(server.handle.db, [sellerPartnerId], now);
    const numbersBefore = (before.get(sellerPartnerId) ?? []).map((c) => c.certificateType);
    expect(numbersBefore).toContain('OCS');

    const first = await runCertificationExpiry(server.deps, now);
    expect(first).toMatchObject({ reminded: 2, expired: 1 });
    const again = await runCertificationExpiry(server.deps, now);
    expect(again).toMatchObject({ reminded: 0, expired: 0 });
    const logged = await server.handle.db.select().from(reminderLog).where(eq(reminderLog.subjectType, 'CERTIFICATION'));
    expect(logged.map((r) => `${r.subjectId}:${r.kind}`).sort()).toEqual(
      [`${in30.id}:CERT_EXPIRY_30`, `${in7.id}:CERT_EXPIRY_7`].sort(),
    );
    expect(logged.some((r) => r.subjectId === in12.id)).toBe(false);
    expect((await seller.certifications.get.query({ id: past.id })).status).toBe('EXPIRED');
    const [expiredAudit] = await server.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, past.id), eq(auditLog.action, 'certification.expire')));
    expect(expiredAudit?.actorUserId).toBeNull();

    const view = (await verifiedCertificationsOf(server.handle.db, [sellerPartnerId], now)).get(sellerPartnerId) ?? [];
    expect(view.map((c) => c.certificateType)).not.toContain('BCI');
    expect(view.some((c) => c.expiresOn === hidden.expiresOn && c.certificateType === 'OCS')).toBe(false);
    expect(view.every((c) => 'branchId' in c)).toBe(true);
    // On the day after, EXP-7's reminder is not repeated and its expiry is 6 days away: nothing to do.
    expect(await runCertificationExpiry(server.deps, new Date(now.getTime() + DAY))).toMatchObject({ reminded: 0 });
    const sellerUsers = await server.handle.db.select({ id: users.id }).from(users).where(eq(users.partnerId, sellerPartnerId));
    const reminders = await server.handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, sellerUsers[0]!.id), eq(notifications.kind, 'certification.reminder')));
    expect(reminders).toHaveLength(2);
  });
});
