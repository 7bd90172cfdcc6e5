import { hashPassword } from '@kapas/auth';
import { createKapasClient, type KapasClient } from '@kapas/client';
import { messages, partners, roles, userRoles, users } from '@kapas/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, RELAXED_LIMITS, startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs, timedPost } from './helpers';
import { type Company, fillAllSteps, linkTokenFor, startApplication, verifyContacts } from './onboarding-fixtures';

let server: TestServer;
let admin: KapasClient;

const ACME: Company = {
  pan: 'AAACR1111A',
  gstin: '24AAACR1111A1ZH',
  email: 'owner@rajkot-ginning.example',
  mobile: '+919876500001',
  legalName: 'Rajkot Ginning Pvt Ltd',
  code: 'RJK',
};
const NOPE: Company = {
  pan: 'AAACP2222B',
  gstin: '24AAACP2222B1ZB',
  email: 'owner@porbandar-cotton.example',
  mobile: '+919876500002',
  legalName: 'Porbandar Cotton Pvt Ltd',
  code: 'PBD',
};

beforeAll(async () => {
  server = await startTestServer({ settings: { ...RELAXED_LIMITS, 'rateLimit.registrationPerHour': 100 } });
  admin = await signInAs(server, 'admin@kapas.local');
});
afterAll(() => server.stop());

async function approvalOf(id: string) {
  return admin.approvals.get.query({ id });
}

describe('self-service onboarding', () => {
  it('takes an applicant from "Become a partner" to a signed-in primary user', async () => {
    const { anonymous, ref } = await startApplication(server.url, ACME);
    expect(ref.resumeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const fresh = await anonymous.onboarding.get.query({ ref });
    expect(fresh).toMatchObject({ status: 'DRAFT', currentStep: 'company', number: null });
    expect(fresh.missingSteps).toEqual(['contacts', 'tax', 'addresses', 'bank', 'consents']);

    // Submitting early names what is missing.
    const early = await failure(anonymous.onboarding.submit.mutate({ ref }));
    expect(early.code).toBe('BAD_REQUEST');
    expect(Object.keys(early.fieldErrors)).toEqual(expect.arrayContaining(['email', 'mobile', 'tax', 'bank']));

    await fillAllSteps(anonymous, ref, ACME);
    await verifyContacts(anonymous, server.handle.db, ref, ACME);
    const resumed = await anonymous.onboarding.get.query({ ref });
    expect(resumed.missingSteps).toEqual([]);
    expect(resumed.applicant).toMatchObject({ emailVerified: true, mobileVerified: true });
    expect(resumed.addresses.branches).toHaveLength(1);

    // Documents: the applicant has no account; the resume token authorises a one-time upload link.
    const upload = await anonymous.onboarding.createUpload.mutate({ ref, kind: 'PAN_CARD' });
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const posted = await fetch(`${server.url}${upload.uploadUrl}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'pan-card.pdf' },
      body: pdf,
    });
    expect(posted.status).toBe(201);
    expect(await anonymous.onboarding.documents.query({ ref })).toMatchObject([
      { kind: 'PAN_CARD', status: 'PENDING', version: 1, fileName: 'pan-card.pdf' },
    ]);
    // The link is single use, and another application's token cannot list or upload.
    const again = await fetch(`${server.url}${upload.uploadUrl}`, { method: 'POST', body: pdf });
    expect(again.status).toBe(401);
    const stranger = { resumeToken: 'y'.repeat(43) };
    expect((await failure(anonymous.onboarding.createUpload.mutate({ ref: stranger, kind: 'PAN_CARD' }))).code).toBe('NOT_FOUND');

    const submitted = await anonymous.onboarding.submit.mutate({ ref });
    expect(submitted.status).toBe('PENDING_APPROVAL');
    expect(submitted.number).toMatch(new RegExp(`^BP-${new Date().getUTCFullYear()}-\\d{4}$`));

    // Illegal transition: the second submit names the current state.
    const twice = await failure(anonymous.onboarding.submit.mutate({ ref }));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toContain('PENDING_APPROVAL');
    expect((await failure(anonymous.onboarding.createUpload.mutate({ ref, kind: 'OTHER' }))).code).toBe('CONFLICT');
    // And the draft can no longer be edited.
    const edit = await failure(
      anonymous.onboarding.saveStep.mutate({ ref, step: 'tax', data: { pan: ACME.pan, gstin: ACME.gstin } }),
    );
    expect(edit.code).toBe('CONFLICT');

    const pending = await approvalOf(submitted.approvalRequestId);
    expect(pending).toMatchObject({ type: 'PARTNER_ONBOARDING', status: 'PENDING' });
    expect(pending.payload).toMatchObject({
      legalName: ACME.legalName,
      pan: ACME.pan,
      gstin: ACME.gstin,
      number: submitted.number,
    });

    await admin.approvals.decide.mutate({ id: pending.id, version: pending.version, decision: 'APPROVE' });
    const after = await anonymous.onboarding.status.query({ ref });
    expect(after).toMatchObject({ status: 'ACTIVE', number: submitted.number, rejectionReason: null });

    const [partner] = await server.handle.db.select().from(partners).where(eq(partners.email, ACME.email));
    expect(partner!.approvedAt).not.toBeNull();
    const dueYear = new Date(partner!.kycDueAt!).getUTCFullYear() - new Date(partner!.kycVerifiedAt!).getUTCFullYear();
    expect(dueYear).toBe(1);
    const [primary] = await server.handle.db.select().from(users).where(eq(users.email, ACME.email));
    expect(primary).toMatchObject({ status: 'INVITED', passwordHash: null, isPrimary: true, partnerId: partner!.id });

    // The welcome email carries a one-time set-password link; no password was ever sent.
    const token = await linkTokenFor(server.handle.db, ACME.email, 'WELCOME');
    const password = 'Quiet harbour lamps glow 77';
    await createKapasClient({ url: server.url }).auth.acceptInvite.mutate({ token, password });
    const reused = await failure(
      createKapasClient({ url: server.url }).auth.acceptInvite.mutate({ token, password: 'Another silent meadow 4242' }),
    );
    expect(reused.code).toBe('BAD_REQUEST');
    const owner = await signInAs(server, ACME.email, password);
    const me = await owner.auth.me.query();
    expect(me).toMatchObject({ kind: 'PARTNER', partner: { id: partner!.id } });
    expect(me!.roles).toContain('PARTNER_PRIMARY');
  });

  it('rejects with a mandatory reason the applicant can read', async () => {
    const { anonymous, ref } = await startApplication(server.url, NOPE);
    await fillAllSteps(anonymous, ref, NOPE);
    await verifyContacts(anonymous, server.handle.db, ref, NOPE);
    const submitted = await anonymous.onboarding.submit.mutate({ ref });
    const request = await approvalOf(submitted.approvalRequestId);

    const noReason = await failure(
      admin.approvals.decide.mutate({ id: request.id, version: request.version, decision: 'REJECT' }),
    );
    expect(noReason.code).toBe('BAD_REQUEST');
    await admin.approvals.decide.mutate({
      id: request.id,
      version: request.version,
      decision: 'REJECT',
      note: 'GST certificate does not match the registered address',
    });
    expect(await anonymous.onboarding.status.query({ ref })).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'GST certificate does not match the registered address',
    });
    const [mail] = await server.handle.db
      .select({ body: messages.body })
      .from(messages)
      .where(and(eq(messages.recipient, NOPE.email), eq(messages.template, 'APPLICATION_REJECTED')));
    expect(mail?.body).toContain('GST certificate does not match');
    const [user] = await server.handle.db.select().from(users).where(eq(users.email, NOPE.email));
    expect(user).toBeUndefined();
  });
});

describe('field errors and refusals', () => {
  const BAD: Company = {
    pan: 'AAACU6666F',
    gstin: '24AAACU6666F1ZA',
    email: 'owner@bad-input.example',
    mobile: '+919876500003',
    legalName: 'Bad Input Traders',
    code: 'BAD',
  };
  let anonymous: KapasClient;
  let ref: { resumeToken: string };
  beforeAll(async () => {
    ({ anonymous, ref } = await startApplication(server.url, BAD));
  });

  it('refuses a GSTIN with a wrong check character and one that does not carry the PAN', async () => {
    const wrongCheck = await failure(
      anonymous.onboarding.saveStep.mutate({ ref, step: 'tax', data: { pan: BAD.pan, gstin: '24AAACU6666F1ZB' } }),
    );
    expect(wrongCheck.code).toBe('BAD_REQUEST');
    expect(wrongCheck.fieldErrors['data.gstin']?.[0]).toMatch(/check character/);
    const mismatch = await failure(
      anonymous.onboarding.saveStep.mutate({ ref, step: 'tax', data: { pan: 'AAACB5656M', gstin: BAD.gstin } }),
    );
    expect(mismatch.fieldErrors['data.gstin']?.[0]).toMatch(/PAN/);
  });

  it('requires a GSTIN for a seller and refuses a PAN another partner holds', async () => {
    const noGstin = await failure(anonymous.onboarding.saveStep.mutate({ ref, step: 'tax', data: { pan: BAD.pan } }));
    expect(noGstin.fieldErrors['data.gstin']?.[0]).toMatch(/required/);
    // AABCS1234K is the demo buyer's PAN.
    const taken = await failure(
      anonymous.onboarding.saveStep.mutate({ ref, step: 'tax', data: { pan: 'AABCS1234K', gstin: '24AABCS1234K1ZM' } }),
    );
    expect(taken.code).toBe('CONFLICT');
    expect(taken.fieldErrors['data.pan']).toBeDefined();
  });

  it('refuses two head offices, and a branch GSTIN from another state', async () => {
    const branch = { name: 'Branch', stateCode: '24', line1: 'Road 1', city: 'Rajkot', pincode: '360001' };
    const twoHeads = await failure(
      anonymous.onboarding.saveStep.mutate({
        ref,
        step: 'addresses',
        data: {
          registered: { line1: 'Road 1', city: 'Rajkot', stateCode: '24', pincode: '360001' },
          shipTo: [],
          branches: [
            { ...branch, code: 'HO', isHeadOffice: true },
            { ...branch, code: 'HO2', isHeadOffice: true, stateCode: '27', gstin: BAD.gstin },
          ],
        },
      }),
    );
    expect(twoHeads.code).toBe('BAD_REQUEST');
    expect(twoHeads.fieldErrors['data.branches.1.isHeadOffice']).toBeDefined();
    expect(twoHeads.fieldErrors['data.branches.1.gstin']?.[0]).toMatch(/state/);
  });

  it('refuses a duplicate email or mobile at start', async () => {
    const dup = await failure(
      createKapasClient({ url: server.url }).onboarding.start.mutate({
        applicantName: 'Someone',
        email: 'buyer@saurashtra-mills.example',
        mobile: '9824000001',
        businessType: 'BUYER',
        registrationType: 'COMPANY',
        legalName: 'Copycat Mills',
      }),
    );
    expect(dup.code).toBe('CONFLICT');
    expect(dup.fieldErrors.email).toBeDefined();
    expect(dup.fieldErrors.mobile).toBeDefined();
    const again = await failure(startApplication(server.url, BAD));
    expect(again.code).toBe('CONFLICT');
  });

  it('answers NOT_FOUND for a wrong resume token', async () => {
    const wrong = { resumeToken: 'x'.repeat(43) };
    expect((await failure(anonymous.onboarding.get.query({ ref: wrong }))).code).toBe('NOT_FOUND');
    expect((await failure(anonymous.onboarding.status.query({ ref: wrong }))).code).toBe('NOT_FOUND');
    expect(
      (
        await failure(
          anonymous.onboarding.saveStep.mutate({
            ref: wrong,
            step: 'bank',
            data: { accountName: 'X Y', accountNumber: '123456789', ifsc: 'SBIN0001234', bankName: 'SBI' },
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    // An application id without a signed-in caller is not a credential.
    const byId = await failure(anonymous.onboarding.get.query({ ref: { applicationId: crypto.randomUUID() } }));
    expect(byId.code).toBe('UNAUTHORIZED');
  });

  it('refuses a wrong one-time code', async () => {
    await anonymous.onboarding.sendEmailCode.mutate({ ref });
    const wrong = await failure(anonymous.onboarding.verifyEmail.mutate({ ref, code: '000000' }));
    expect(['OTP_INVALID', 'OTP_EXPIRED']).toContain(wrong.code);
    expect((await anonymous.onboarding.get.query({ ref })).applicant.emailVerified).toBe(false);
  });
});

/** Creates an ACTIVE sub-broker partner with a primary user directly in the database. */
async function subBroker(name: string, email: string, mobile: string): Promise<KapasClient> {
  const db = server.handle.db;
  const [p] = await db
    .insert(partners)
    .values({ legalName: name, businessType: 'SUB_BROKER', status: 'ACTIVE', email, mobile })
    .returning({ id: partners.id });
  const [u] = await db
    .insert(users)
    .values({
      email,
      name,
      mobile,
      kind: 'PARTNER',
      partnerId: p!.id,
      isPrimary: true,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })
    .returning({ id: users.id });
  const [role] = await db.select({ id: roles.id }).from(roles).where(eq(roles.code, 'PARTNER_PRIMARY'));
  await db.insert(userRoles).values({ userId: u!.id, roleId: role!.id });
  return signInAs(server, email);
}

describe('assisted onboarding', () => {
  const introduced = {
    applicantName: 'Introduced Owner',
    email: 'owner@introduced.example',
    mobile: '+919876500010',
    businessType: 'BUYER' as const,
    registrationType: 'COMPANY' as const,
    legalName: 'Introduced Mills',
  };

  it('lets a sub-broker register and edit only the partners it introduced', async () => {
    const brokerA = await subBroker('Anand Sub Broking', 'a@subbroker.example', '+919876500020');
    const brokerB = await subBroker('Bharat Sub Broking', 'b@subbroker.example', '+919876500021');
    const trader = await signInAs(server, 'trader@deccan-cotton.example');

    const draft = await brokerA.onboarding.registerPartner.mutate(introduced);
    const ref = { applicationId: draft.applicationId };
    const seen = await brokerA.onboarding.get.query({ ref });
    expect(seen).toMatchObject({ channel: 'SUB_BROKER', status: 'DRAFT' });
    await brokerA.onboarding.saveStep.mutate({
      ref,
      step: 'bank',
      data: { accountName: 'Introduced Mills', accountNumber: '998877665544', ifsc: 'HDFC0001234', bankName: 'HDFC Bank' },
    });
    expect((await brokerA.onboarding.myRegistrations.query({})).items.map((d) => d.applicationId)).toEqual([draft.applicationId]);

    // Another sub-broker: not found, and absent from its list.
    expect((await failure(brokerB.onboarding.get.query({ ref }))).code).toBe('NOT_FOUND');
    expect(
      (
        await failure(
          brokerB.onboarding.saveStep.mutate({ ref, step: 'consents', data: { terms: true, privacy: true, marketing: false } }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect((await failure(brokerB.onboarding.submit.mutate({ ref }))).code).toBe('NOT_FOUND');
    expect((await brokerB.onboarding.myRegistrations.query({})).items).toEqual([]);
    // A trader is not a sub-broker at all.
    expect((await failure(trader.onboarding.get.query({ ref }))).code).toBe('FORBIDDEN');
    expect((await failure(trader.onboarding.registerPartner.mutate({ ...introduced, email: 'x@y.example' }))).code).toBe(
      'FORBIDDEN',
    );

    // Staff see every application, with the channel and status filter.
    const list = await admin.onboarding.drafts.query({ status: 'DRAFT', search: 'Introduced' });
    expect(list.items).toEqual([expect.objectContaining({ applicationId: draft.applicationId, channel: 'SUB_BROKER' })]);
  });

  it('lets back office create a draft and fill it with the same steps', async () => {
    const draft = await admin.onboarding.createDraft.mutate({
      ...introduced,
      email: 'owner@walkin.example',
      mobile: '+919876500030',
      legalName: 'Walk-in Ginners',
    });
    const ref = { applicationId: draft.applicationId };
    await admin.onboarding.saveStep.mutate({
      ref,
      step: 'company',
      data: { legalName: 'Walk-in Ginners Pvt Ltd', businessType: 'SELLER', registrationType: 'COMPANY' },
    });
    const view = await admin.onboarding.get.query({ ref });
    expect(view).toMatchObject({
      channel: 'BACK_OFFICE',
      currentStep: 'contacts',
      company: { legalName: 'Walk-in Ginners Pvt Ltd' },
    });
    const support = await signInAs(server, 'support@kapas.local');
    expect((await failure(support.onboarding.get.query({ ref }))).code).toBe('FORBIDDEN');
    expect((await failure(support.onboarding.drafts.query({}))).code).toBe('FORBIDDEN');
  });

  it('lists the seeded applications by state, and the seeded pending one can be approved', async () => {
    const pending = await admin.onboarding.drafts.query({ status: 'PENDING_APPROVAL', search: 'Adilabad' });
    expect(pending.items).toEqual([expect.objectContaining({ legalName: 'Adilabad Ginning Mills Pvt Ltd' })]);
    const rejected = await admin.onboarding.drafts.query({ status: 'REJECTED', search: 'Akola' });
    expect(rejected.total).toBe(1);
    const queue = await admin.approvals.list.query({
      type: 'PARTNER_ONBOARDING',
      status: 'PENDING',
      partnerId: pending.items[0]!.partnerId,
    });
    const request = queue.items[0]!;
    await admin.approvals.decide.mutate({ id: request.id, version: request.version, decision: 'APPROVE' });
    const [user] = await server.handle.db.select().from(users).where(eq(users.email, 'owner@adilabad-ginning.example'));
    expect(user).toMatchObject({ status: 'INVITED', isPrimary: true, partnerId: pending.items[0]!.partnerId });
  });
});

describe('registration rate limit', () => {
  it('refuses more self-service starts per IP than the setting allows, with Retry-After', async () => {
    await admin.settings.update.mutate({ key: 'rateLimit.registrationPerHour', value: 1 });
    const input = (n: number) => ({
      applicantName: 'Eager Applicant',
      email: `owner${n}@too-many.example`,
      mobile: `+91987650009${n}`,
      businessType: 'SELLER',
      registrationType: 'COMPANY',
      legalName: `Too Many Starts ${n}`,
    });
    // The first may pass or already be over (earlier tests started applications from this IP).
    await timedPost(server, 'onboarding.start', input(1));
    const refused = await timedPost(server, 'onboarding.start', input(2));
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    const [created] = await server.handle.db.select().from(partners).where(eq(partners.email, 'owner2@too-many.example'));
    expect(created).toBeUndefined();
  });
});
