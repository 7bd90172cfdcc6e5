import { bankAccounts, branches, type DbOrTx, partnerAddresses, partnerContacts } from '@kapas/db';
import { asc, eq } from 'drizzle-orm';
import type { Resolved } from './resolve';
import { missingSteps, taxErrors } from './rules';

/** Everything the wizard shows when an application is resumed, plus what is still missing. */
export async function loadDraft(db: DbOrTx, { app, partner }: Resolved) {
  const [contacts, addresses, branchRows, banks] = await Promise.all([
    db.select().from(partnerContacts).where(eq(partnerContacts.partnerId, partner.id)).orderBy(asc(partnerContacts.createdAt)),
    db.select().from(partnerAddresses).where(eq(partnerAddresses.partnerId, partner.id)).orderBy(asc(partnerAddresses.createdAt)),
    db.select().from(branches).where(eq(branches.partnerId, partner.id)).orderBy(asc(branches.code)),
    db.select().from(bankAccounts).where(eq(bankAccounts.partnerId, partner.id)).orderBy(asc(bankAccounts.createdAt)),
  ]);
  const registered = addresses.find((a) => a.kind === 'REGISTERED') ?? null;
  const bank = banks.find((b) => b.isPrimary) ?? banks[0] ?? null;
  const tax = { pan: partner.pan, gstin: partner.gstin, aadhaarMasked: partner.aadhaarMasked };
  const missing = missingSteps({
    legalName: partner.legalName,
    contacts: contacts.length,
    pan: partner.pan,
    taxErrors: taxErrors(tax, partner),
    registeredAddress: registered !== null,
    branches: branchRows.length,
    bankAccounts: banks.length,
    consents: partner.consents,
  });
  const address = (a: typeof registered) =>
    a && { line1: a.line1, line2: a.line2, city: a.city, stateCode: a.stateCode, pincode: a.pincode };
  return {
    applicationId: app.id,
    partnerId: partner.id,
    number: partner.number,
    status: partner.status,
    statusReason: partner.statusReason,
    channel: partner.channel,
    currentStep: app.step,
    missingSteps: missing,
    submittedAt: partner.submittedAt,
    applicant: {
      name: app.applicantName,
      email: app.applicantEmail,
      mobile: app.applicantMobile,
      emailVerified: app.emailVerifiedAt !== null,
      mobileVerified: app.mobileVerifiedAt !== null,
    },
    company: {
      legalName: partner.legalName,
      tradeName: partner.tradeName,
      businessType: partner.businessType,
      registrationType: partner.registrationType,
    },
    tax: { pan: partner.pan, gstin: partner.gstin, cin: partner.cin, tan: partner.tan, aadhaarMasked: partner.aadhaarMasked },
    contacts: contacts.map((c) => ({
      name: c.name,
      designation: c.designation,
      email: c.email,
      mobile: c.mobile,
      isPrimary: c.isPrimary,
    })),
    addresses: {
      registered: address(registered),
      shipTo: addresses.filter((a) => a.kind === 'SHIP_TO').map((a) => ({ ...address(a)!, label: a.label })),
      branches: branchRows.map((b) => ({
        code: b.code,
        name: b.name,
        isHeadOffice: b.isHeadOffice,
        gstin: b.gstin,
        stateCode: b.stateCode,
        line1: b.line1,
        city: b.city,
        pincode: b.pincode,
      })),
    },
    bank: bank && { accountName: bank.accountName, accountNumber: bank.accountNumber, ifsc: bank.ifsc, bankName: bank.bankName },
    consents: {
      terms: Boolean(partner.consents.terms),
      privacy: Boolean(partner.consents.privacy),
      marketing: Boolean(partner.consents.marketing),
    },
  };
}

export type DraftView = Awaited<ReturnType<typeof loadDraft>>;
