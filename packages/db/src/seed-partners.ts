/**
 * Demo partners in every onboarding state (DOMAIN §4), each with a registered address, a head
 * office, a bank account and a contact, plus the same for the three demo trading partners.
 * Idempotent: a partner is recognised by its GSTIN and only created once.
 *
 * The GSTINs' check characters were computed with api's rules/check-digits.ts (this package cannot
 * import the api package); partner validators reject a wrong one, so a typo here fails the seed tests.
 */
import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { allocateNumber } from './numbers';
import {
  approvalRequests,
  bankAccounts,
  branches,
  onboardingApplications,
  partnerAddresses,
  partnerContacts,
  partners,
} from './schema';
import { DEMO_PARTNERS } from './seed-data';

type Place = { city: string; pincode: string };
const PLACES: Record<string, Place> = {
  '23': { city: 'Khargone', pincode: '451001' },
  '24': { city: 'Rajkot', pincode: '360001' },
  '27': { city: 'Akola', pincode: '444001' },
  '29': { city: 'Raichur', pincode: '584101' },
  '36': { city: 'Adilabad', pincode: '504001' },
};

type Lifecycle = {
  status: string;
  legalName: string;
  businessType: string;
  pan: string;
  gstin: string;
  email: string;
  mobile: string;
  contact: string;
  reason?: string;
  /** Months since KYC was verified (approved partners only). */
  kycMonthsAgo?: number;
};

export const LIFECYCLE_PARTNERS: Lifecycle[] = [
  {
    status: 'DRAFT',
    legalName: 'Amreli Kapas Traders',
    businessType: 'SELLER',
    pan: 'AAACS4444D',
    gstin: '24AAACS4444D1ZS',
    email: 'owner@amreli-kapas.example',
    mobile: '+919720000001',
    contact: 'Ramesh Vaghela',
  },
  {
    status: 'PENDING_VERIFICATION',
    legalName: 'Nagpur Fibre Traders Pvt Ltd',
    businessType: 'TRADER',
    pan: 'AAACT5555E',
    gstin: '27AAACT5555E1ZD',
    email: 'owner@nagpur-fibre.example',
    mobile: '+919720000002',
    contact: 'Nilesh Wankhede',
  },
  {
    status: 'PENDING_APPROVAL',
    legalName: 'Adilabad Ginning Mills Pvt Ltd',
    businessType: 'SELLER',
    pan: 'AAACV7777G',
    gstin: '36AAACV7777G1ZW',
    email: 'owner@adilabad-ginning.example',
    mobile: '+919720000003',
    contact: 'Srinivas Reddy',
  },
  {
    status: 'REJECTED',
    legalName: 'Akola Cotton Corporation',
    businessType: 'BUYER',
    pan: 'AAACW8888H',
    gstin: '27AAACW8888H1ZM',
    email: 'owner@akola-cotton.example',
    mobile: '+919720000004',
    contact: 'Prakash Joshi',
    reason: 'GST certificate does not match the registered address',
  },
  {
    status: 'SUSPENDED',
    legalName: 'Morbi Spinning Mills Pvt Ltd',
    businessType: 'BUYER',
    pan: 'AAACX9999J',
    gstin: '24AAACX9999J1ZG',
    email: 'owner@morbi-spinning.example',
    mobile: '+919720000005',
    contact: 'Kiran Patel',
    reason: 'Payment dispute under review',
    kycMonthsAgo: 4,
  },
  {
    status: 'KYC_EXPIRED',
    legalName: 'Khargone Ginners Pvt Ltd',
    businessType: 'SELLER',
    pan: 'AAACY1212K',
    gstin: '23AAACY1212K1ZP',
    email: 'owner@khargone-ginners.example',
    mobile: '+919720000006',
    contact: 'Anil Choudhary',
    kycMonthsAgo: 14,
  },
  {
    status: 'BLACKLISTED',
    legalName: 'Kadi Cotton Exports',
    businessType: 'TRADER',
    pan: 'AAACZ3434L',
    gstin: '24AAACZ3434L1Z8',
    email: 'owner@kadi-exports.example',
    mobile: '+919720000007',
    contact: 'Jignesh Shah',
    reason: 'Forged lab reports',
    kycMonthsAgo: 8,
  },
  {
    status: 'INACTIVE',
    legalName: 'Raichur Cotton Company',
    businessType: 'BUYER',
    pan: 'AAACB5656M',
    gstin: '29AAACB5656M1Z8',
    email: 'owner@raichur-cotton.example',
    mobile: '+919720000008',
    contact: 'Basavaraj Patil',
    reason: 'Business closed',
    kycMonthsAgo: 6,
  },
];

const SUBMITTED = new Set([
  'PENDING_VERIFICATION',
  'PENDING_APPROVAL',
  'REJECTED',
  'SUSPENDED',
  'KYC_EXPIRED',
  'BLACKLISTED',
  'INACTIVE',
]);
const MONTH_MS = 30 * 86_400_000;

/** Registered address, head office with the partner's GSTIN, a primary bank account and a primary contact. */
async function seedParts(
  tx: DbOrTx,
  partnerId: string,
  p: { legalName: string; gstin: string; contact: string; email: string; mobile: string },
) {
  const [existing] = await tx.select({ n: count() }).from(branches).where(eq(branches.partnerId, partnerId));
  if ((existing?.n ?? 0) > 0) return;
  const stateCode = p.gstin.slice(0, 2);
  const place = PLACES[stateCode] ?? { city: 'Ahmedabad', pincode: '380001' };
  const line1 = `Plot 7, Cotton Market Yard`;
  await tx
    .insert(partnerAddresses)
    .values({ partnerId, kind: 'REGISTERED', line1, city: place.city, stateCode, pincode: place.pincode });
  await tx.insert(branches).values({
    partnerId,
    code: 'HO',
    name: 'Head office',
    isHeadOffice: true,
    gstin: p.gstin,
    stateCode,
    line1,
    city: place.city,
    pincode: place.pincode,
  });
  await tx.insert(bankAccounts).values({
    partnerId,
    accountName: p.legalName,
    accountNumber: `5010${p.gstin.slice(7, 11)}${p.mobile.slice(-4)}`,
    ifsc: 'HDFC0000240',
    bankName: 'HDFC Bank',
    isPrimary: true,
  });
  await tx.insert(partnerContacts).values({
    partnerId,
    name: p.contact,
    designation: 'Director',
    email: p.email,
    mobile: p.mobile,
    isPrimary: true,
  });
}

async function seedLifecycle(tx: DbOrTx, p: Lifecycle, now: Date): Promise<void> {
  const [found] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.gstin, p.gstin));
  if (found) return;
  const submitted = SUBMITTED.has(p.status);
  const approved = p.kycMonthsAgo !== undefined;
  const verifiedOn = approved ? new Date(now.getTime() - p.kycMonthsAgo! * MONTH_MS) : null;
  const kycDueAt = verifiedOn ? new Date(verifiedOn.getTime() + 365 * 86_400_000) : null;
  // Already expired: the KYC job has nothing left to do for it (it only reads partners with a
  // verification date), so the demo partner does not add reminders to every test database.
  const kycVerifiedAt = p.status === 'KYC_EXPIRED' ? null : verifiedOn;
  const at = (d: Date | null) => d?.toISOString() ?? null;
  const [partner] = await tx
    .insert(partners)
    .values({
      number: submitted ? await allocateNumber(tx, 'BP', now.getUTCFullYear(), 4) : null,
      legalName: p.legalName,
      businessType: p.businessType,
      pan: p.pan,
      gstin: p.gstin,
      email: p.email,
      mobile: p.mobile,
      status: p.status,
      statusReason: p.reason ?? null,
      channel: 'SELF',
      consents: submitted ? { terms: now.toISOString(), privacy: now.toISOString() } : {},
      submittedAt: submitted ? at(verifiedOn ?? new Date(now.getTime() - 2 * 86_400_000)) : null,
      approvedAt: at(verifiedOn),
      kycVerifiedAt: at(kycVerifiedAt),
      kycDueAt: at(kycDueAt),
    })
    .returning({ id: partners.id, number: partners.number });
  await seedParts(tx, partner!.id, p);
  await tx.insert(onboardingApplications).values({
    partnerId: partner!.id,
    applicantName: p.contact,
    applicantEmail: p.email,
    applicantMobile: p.mobile,
    emailVerifiedAt: submitted ? now.toISOString() : null,
    mobileVerifiedAt: submitted ? now.toISOString() : null,
    step: submitted ? 'consents' : 'tax',
  });
  if (p.status === 'PENDING_APPROVAL') {
    await tx.insert(approvalRequests).values({
      number: await allocateNumber(tx, 'AP', now.getUTCFullYear(), 5),
      type: 'PARTNER_ONBOARDING',
      subjectType: 'partner',
      subjectId: partner!.id,
      partnerId: partner!.id,
      summary: `Onboard ${p.legalName} (${p.businessType})`,
      payload: {
        number: partner!.number,
        legalName: p.legalName,
        businessType: p.businessType,
        pan: p.pan,
        gstin: p.gstin,
        channel: 'SELF',
      },
      expiresAt: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
    });
  }
}

/** Demo only: lifecycle partners plus branches, bank and contacts for the demo trading partners. */
export async function seedPartners(tx: DbOrTx, now: Date): Promise<void> {
  for (const p of LIFECYCLE_PARTNERS) await seedLifecycle(tx, p, now);
  for (const p of DEMO_PARTNERS) {
    const [partner] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.gstin, p.gstin));
    if (!partner) continue;
    await seedParts(tx, partner.id, {
      legalName: p.legalName,
      gstin: p.gstin,
      contact: p.user.name,
      email: p.user.email,
      mobile: p.user.mobile,
    });
  }
}
