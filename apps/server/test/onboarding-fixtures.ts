import { createKapasClient, type KapasClient, type RouterInputs } from '@kapas/client';
import { type Database, messages } from '@kapas/db';
import { and, desc, eq } from 'drizzle-orm';
import { latestCodeFor } from '../src/testing';

type Ref = RouterInputs['onboarding']['get']['ref'];

/** The newest 6-digit code sent by SMS to a number (the dev outbox stores SMS in `messages` too). */
export async function latestSmsCodeFor(db: Database, mobile: string): Promise<string> {
  const [m] = await db
    .select({ body: messages.body })
    .from(messages)
    .where(and(eq(messages.recipient, mobile), eq(messages.channel, 'SMS')))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  const code = m?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no SMS code for ${mobile}`);
  return code;
}

/** The set-password link of the newest email of a template sent to an address. */
export async function linkTokenFor(db: Database, recipient: string, template: string): Promise<string> {
  const [m] = await db
    .select({ body: messages.body })
    .from(messages)
    .where(and(eq(messages.recipient, recipient), eq(messages.template, template)))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  const token = m?.body.match(/token=([^\s]+)/)?.[1];
  if (!token) throw new Error(`no ${template} link for ${recipient}`);
  return decodeURIComponent(token);
}

export type Company = { pan: string; gstin: string; email: string; mobile: string; legalName: string; code: string };

/** Fills every step of a draft with valid data for a company in Gujarat. */
export async function fillAllSteps(client: KapasClient, ref: Ref, c: Company): Promise<void> {
  await client.onboarding.saveStep.mutate({
    ref,
    step: 'company',
    data: { legalName: c.legalName, tradeName: `${c.code} Cotton`, businessType: 'SELLER', registrationType: 'COMPANY' },
  });
  await client.onboarding.saveStep.mutate({
    ref,
    step: 'contacts',
    data: { contacts: [{ name: 'Applicant', designation: 'Director', email: c.email, mobile: c.mobile, isPrimary: true }] },
  });
  await client.onboarding.saveStep.mutate({ ref, step: 'tax', data: { pan: c.pan, gstin: c.gstin } });
  await client.onboarding.saveStep.mutate({
    ref,
    step: 'addresses',
    data: {
      registered: { line1: '12 Ginning Road', city: 'Rajkot', stateCode: '24', pincode: '360001' },
      shipTo: [],
      branches: [
        {
          code: 'HO',
          name: 'Head office',
          isHeadOffice: true,
          gstin: c.gstin,
          stateCode: '24',
          line1: '12 Ginning Road',
          city: 'Rajkot',
          pincode: '360001',
        },
      ],
    },
  });
  await client.onboarding.saveStep.mutate({
    ref,
    step: 'bank',
    data: { accountName: c.legalName, accountNumber: '123456789012', ifsc: 'SBIN0001234', bankName: 'State Bank of India' },
  });
  await client.onboarding.saveStep.mutate({ ref, step: 'consents', data: { terms: true, privacy: true, marketing: false } });
}

/** Verifies the applicant's email and mobile with the codes from the dev outbox. */
export async function verifyContacts(client: KapasClient, db: Database, ref: Ref, c: Pick<Company, 'email' | 'mobile'>) {
  await client.onboarding.sendEmailCode.mutate({ ref });
  await client.onboarding.verifyEmail.mutate({ ref, code: await latestCodeFor(db, c.email) });
  await client.onboarding.sendMobileCode.mutate({ ref });
  await client.onboarding.verifyMobile.mutate({ ref, code: await latestSmsCodeFor(db, c.mobile) });
}

/** Starts a self-service application as an anonymous visitor and returns its resume token. */
export async function startApplication(url: string, c: Company) {
  const anonymous = createKapasClient({ url });
  const started = await anonymous.onboarding.start.mutate({
    applicantName: 'Applicant',
    email: c.email,
    mobile: c.mobile,
    businessType: 'SELLER',
    registrationType: 'COMPANY',
    legalName: c.legalName,
  });
  return { anonymous, ref: { resumeToken: started.resumeToken }, applicationId: started.applicationId };
}
