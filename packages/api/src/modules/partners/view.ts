import { certifications, changeRequests, type DbOrTx, users } from '@kapas/db';
import { and, count, desc, eq } from 'drizzle-orm';
import { type AggregateRows, loadAggregateRows } from './aggregate';
import { maskAccountNumber } from './snapshot';
import { latestVersionNumber } from './versions';

export type ViewOptions = {
  /** Staff without partner:manage see bank account numbers masked to the last four digits. */
  maskBank: boolean;
  /** Sub-users limited to some branches see only those (null = all). */
  branchIds: string[] | null;
};

/** The whole partner aggregate for a screen: rows with their ids, users, KYC dates and open change requests. */
export async function partnerView(db: DbOrTx, partnerId: string, options: ViewOptions) {
  const rows: AggregateRows = await loadAggregateRows(db, partnerId);
  const [userRows, [certs], open, latestVersion] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        isPrimary: users.isPrimary,
        status: users.status,
        lastSignInAt: users.lastSignInAt,
        branchIds: users.branchIds,
      })
      .from(users)
      .where(eq(users.partnerId, partnerId))
      .orderBy(desc(users.isPrimary), users.name),
    db.select({ n: count() }).from(certifications).where(eq(certifications.partnerId, partnerId)),
    db
      .select()
      .from(changeRequests)
      .where(and(eq(changeRequests.partnerId, partnerId), eq(changeRequests.status, 'PENDING')))
      .orderBy(desc(changeRequests.createdAt)),
    latestVersionNumber(db, partnerId),
  ]);
  const scope = options.branchIds ? new Set(options.branchIds) : null;
  const p = rows.partner;
  return {
    partner: {
      id: p.id,
      number: p.number,
      legalName: p.legalName,
      tradeName: p.tradeName,
      businessType: p.businessType,
      registrationType: p.registrationType,
      pan: p.pan,
      gstin: p.gstin,
      cin: p.cin,
      tan: p.tan,
      aadhaarMasked: p.aadhaarMasked,
      email: p.email,
      mobile: p.mobile,
      status: p.status,
      statusReason: p.statusReason,
      channel: p.channel,
      createdAt: p.createdAt,
      approvedAt: p.approvedAt,
    },
    kyc: { verifiedAt: p.kycVerifiedAt, dueAt: p.kycDueAt },
    addresses: rows.addresses,
    branches: scope ? rows.branches.filter((b) => scope.has(b.id)) : rows.branches,
    bankAccounts: rows.bankAccounts.map((b) =>
      options.maskBank ? { ...b, accountNumber: maskAccountNumber(b.accountNumber) } : b,
    ),
    contacts: rows.contacts,
    users: userRows,
    certificationsCount: certs?.n ?? 0,
    openChangeRequests: open.map((c) => ({
      id: c.id,
      route: c.route,
      riskScore: c.riskScore,
      status: c.status,
      keys: Object.keys(c.changes),
      createdAt: c.createdAt,
    })),
    latestVersion,
  };
}

export type PartnerView = Awaited<ReturnType<typeof partnerView>>;
