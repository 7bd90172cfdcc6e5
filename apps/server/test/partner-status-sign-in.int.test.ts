import { createKapasClient, type KapasClient } from '@kapas/client';
import { auditLog, partners, securityEvents, sessions, users } from '@kapas/db';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, latestCodeFor, startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';

/**
 * A user whose partner may not act (suspended, closed, not approved) is refused at sign-in with
 * PARTNER_NOT_ACTIVE — but only once the password is proven right, so a guesser learns nothing.
 * KYC_EXPIRED partners still sign in (they only cannot trade).
 */
let server: TestServer;
let admin: KapasClient;
let sellerPartnerId: string;
let buyerPartnerId: string;
let traderPartnerId: string;

const SELLER = 'seller@vidarbha-ginning.example';
const BUYER = 'buyer@saurashtra-mills.example';
const TRADER = 'trader@deccan-cotton.example';
const SELLER_DESK = 'desk@vidarbha-ginning.example';

const db = () => server.handle.db;
const anonymous = () => createKapasClient({ url: server.url });
const signIn = (email: string, password = DEMO_PASSWORD) =>
  anonymous().auth.signIn.mutate({ email, password, transport: 'token' });
const userOf = async (email: string) => (await db().select().from(users).where(eq(users.email, email)))[0]!;
const partnerIdOf = async (email: string) => (await userOf(email)).partnerId!;
const setPartnerStatus = (id: string, status: string) => db().update(partners).set({ status }).where(eq(partners.id, id));
const liveSessions = async (email: string) =>
  (
    await db()
      .select()
      .from(sessions)
      .where(eq(sessions.userId, (await userOf(email)).id))
  ).filter((s) => !s.endedAt);

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInAs(server, 'admin@kapas.local');
  [sellerPartnerId, buyerPartnerId, traderPartnerId] = await Promise.all([
    partnerIdOf(SELLER),
    partnerIdOf(BUYER),
    partnerIdOf(TRADER),
  ]);
  // A sub-user of the seller, with the demo password.
  const primary = await userOf(SELLER);
  await db().insert(users).values({
    email: SELLER_DESK,
    name: 'Seller desk',
    kind: 'PARTNER',
    partnerId: sellerPartnerId,
    isPrimary: false,
    passwordHash: primary.passwordHash,
    emailVerifiedAt: new Date().toISOString(),
  });
}, 120_000);
afterAll(() => server.stop());

describe('sign-in while the partner is suspended', () => {
  it('refuses the primary user and a sub-user with PARTNER_NOT_ACTIVE after a right password, and records it', async () => {
    await admin.partners.setStatus.mutate({ id: sellerPartnerId, action: 'SUSPEND', reason: 'Unpaid brokerage' });
    const before = await userOf(SELLER);

    for (const email of [SELLER, SELLER_DESK]) {
      const refused = await failure(signIn(email));
      expect(refused.code).toBe('PARTNER_NOT_ACTIVE');
      expect(refused.message).toMatch(/suspended/i);
      expect(await liveSessions(email)).toEqual([]);
    }
    // The password was right: the lockout counters do not move.
    expect((await userOf(SELLER)).failedAttempts).toBe(before.failedAttempts);

    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.sign_in_refused'), eq(auditLog.entityId, before.id)));
    expect(audit).toMatchObject({ partnerId: sellerPartnerId, entityType: 'user' });
    expect(audit!.newValues).toMatchObject({ email: SELLER, reason: 'PARTNER_NOT_ACTIVE', partnerStatus: 'SUSPENDED' });
    const events = await db()
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.type, 'ACCESS_DENIED'), eq(securityEvents.partnerId, sellerPartnerId)));
    expect(events.map((e) => e.userId).sort()).toEqual([before.id, (await userOf(SELLER_DESK)).id].sort());
    expect(events.every((e) => e.severity === 'LOW')).toBe(true);
  });

  it('tells someone without the password nothing: wrong password still gets the generic answer', async () => {
    const wrong = await failure(signIn(SELLER, 'Not-The#Password9'));
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', message: 'Email or password is incorrect.' });
    const unknown = await failure(signIn('nobody@vidarbha-ginning.example'));
    expect(unknown).toMatchObject({ code: 'UNAUTHORIZED', message: 'Email or password is incorrect.' });
    const [failed] = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, (await userOf(SELLER)).id))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(failed?.action).toBe('auth.sign_in_failed');
  });

  it('a locked account says ACCOUNT_LOCKED first, and a disabled user gets the generic answer', async () => {
    const lockedUntil = new Date(Date.now() + 10 * 60_000).toISOString();
    await db().update(users).set({ lockedUntil }).where(eq(users.email, SELLER));
    expect((await failure(signIn(SELLER))).code).toBe('ACCOUNT_LOCKED');
    await db().update(users).set({ lockedUntil: null, failedAttempts: 0 }).where(eq(users.email, SELLER));

    await db().update(users).set({ status: 'DISABLED' }).where(eq(users.email, SELLER_DESK));
    expect(await failure(signIn(SELLER_DESK))).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Email or password is incorrect.',
    });
    await db().update(users).set({ status: 'ACTIVE' }).where(eq(users.email, SELLER_DESK));
  });

  it('signs in again once the partner is reinstated', async () => {
    await admin.partners.setStatus.mutate({ id: sellerPartnerId, action: 'REINSTATE', reason: 'Dues cleared' });
    const seller = await signInAs(server, SELLER);
    expect((await seller.auth.me.query())?.email).toBe(SELLER);
    const desk = await signInAs(server, SELLER_DESK);
    expect((await desk.auth.me.query())?.email).toBe(SELLER_DESK);
  });
});

describe('sign-in by partner state', () => {
  it('refuses closed and not yet approved partners with a message naming why', async () => {
    const cases: [string, RegExp][] = [
      ['BLACKLISTED', /closed/],
      ['INACTIVE', /closed/],
      ['PENDING_APPROVAL', /not active yet/],
    ];
    for (const [status, message] of cases) {
      await setPartnerStatus(buyerPartnerId, status);
      const refused = await failure(signIn(BUYER));
      expect([status, refused.code]).toEqual([status, 'PARTNER_NOT_ACTIVE']);
      expect(refused.message).toMatch(message);
    }
    const denied = await db()
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.type, 'ACCESS_DENIED'), eq(securityEvents.partnerId, buyerPartnerId)));
    const severityByStatus = Object.fromEntries(denied.map((e) => [String(e.details.partnerStatus), e.severity]));
    expect(severityByStatus).toEqual({ BLACKLISTED: 'MEDIUM', INACTIVE: 'LOW', PENDING_APPROVAL: 'LOW' });
    await setPartnerStatus(buyerPartnerId, 'ACTIVE');
    expect((await signIn(BUYER)).status).toBe('SIGNED_IN');
  });

  it('lets KYC_EXPIRED partners sign in and act (they only cannot trade)', async () => {
    await setPartnerStatus(traderPartnerId, 'KYC_EXPIRED');
    const trader = await signInAs(server, TRADER);
    expect((await trader.auth.me.query())?.email).toBe(TRADER);
    expect((await trader.company.get.query()).partner.status).toBe('KYC_EXPIRED');
    await setPartnerStatus(traderPartnerId, 'ACTIVE');
  });

  it('with a sign-in code: a partner suspended between the two steps is refused at the second', async () => {
    await admin.settings.update.mutate({ key: 'auth.partnerOtp', value: true });
    try {
      const client = anonymous();
      const started = await client.auth.signIn.mutate({ email: TRADER, password: DEMO_PASSWORD, transport: 'token' });
      expect(started.status).toBe('OTP_REQUIRED');
      if (started.status !== 'OTP_REQUIRED') return;
      await admin.partners.setStatus.mutate({ id: traderPartnerId, action: 'SUSPEND', reason: 'Under review' });
      const code = await latestCodeFor(db(), TRADER);
      const refused = await failure(
        client.auth.verifySignIn.mutate({ challengeId: started.challengeId, code, transport: 'token' }),
      );
      expect(refused.code).toBe('PARTNER_NOT_ACTIVE');
      expect(await liveSessions(TRADER)).toEqual([]);
      // And the first step refuses too, without sending a code.
      expect((await failure(signIn(TRADER))).code).toBe('PARTNER_NOT_ACTIVE');
    } finally {
      await admin.settings.update.mutate({ key: 'auth.partnerOtp', value: false });
      await admin.partners.setStatus.mutate({ id: traderPartnerId, action: 'REINSTATE', reason: 'Review done' });
    }
  });
});
