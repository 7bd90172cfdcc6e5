import { bankAccounts, branches, type DbOrTx, partnerAddresses, partnerContacts, partners } from '@kapas/db';
import { asc, eq } from 'drizzle-orm';
import { DomainError } from '../../errors';
import type { PartnerSnapshot } from './snapshot';

export type PartnerRow = typeof partners.$inferSelect;
export type BranchRow = typeof branches.$inferSelect;

/** The partner's rows, as stored (ids included) — callers turn them into a snapshot or a screen. */
export async function loadAggregateRows(db: DbOrTx, partnerId: string) {
  const [partner] = await db.select().from(partners).where(eq(partners.id, partnerId));
  if (!partner) throw new DomainError('NOT_FOUND', 'Partner not found.');
  const [addressRows, branchRows, bankRows, contactRows] = await Promise.all([
    db.select().from(partnerAddresses).where(eq(partnerAddresses.partnerId, partnerId)).orderBy(asc(partnerAddresses.createdAt)),
    db.select().from(branches).where(eq(branches.partnerId, partnerId)).orderBy(asc(branches.code)),
    db.select().from(bankAccounts).where(eq(bankAccounts.partnerId, partnerId)).orderBy(asc(bankAccounts.createdAt)),
    db.select().from(partnerContacts).where(eq(partnerContacts.partnerId, partnerId)).orderBy(asc(partnerContacts.createdAt)),
  ]);
  return { partner, addresses: addressRows, branches: branchRows, bankAccounts: bankRows, contacts: contactRows };
}

export type AggregateRows = Awaited<ReturnType<typeof loadAggregateRows>>;

export function toSnapshot(rows: AggregateRows): PartnerSnapshot {
  const p = rows.partner;
  return {
    profile: {
      legalName: p.legalName,
      tradeName: p.tradeName,
      businessType: p.businessType,
      registrationType: p.registrationType,
      pan: p.pan,
      gstin: p.gstin,
      cin: p.cin,
      tan: p.tan,
      email: p.email,
      mobile: p.mobile,
    },
    addresses: rows.addresses.map((a) => ({
      kind: a.kind,
      label: a.label,
      line1: a.line1,
      line2: a.line2,
      city: a.city,
      stateCode: a.stateCode,
      pincode: a.pincode,
    })),
    branches: rows.branches.map((b) => ({
      code: b.code,
      name: b.name,
      isHeadOffice: b.isHeadOffice,
      gstin: b.gstin,
      stateCode: b.stateCode,
      line1: b.line1,
      city: b.city,
      pincode: b.pincode,
      active: b.active,
    })),
    bankAccounts: rows.bankAccounts.map((b) => ({
      accountName: b.accountName,
      accountNumber: b.accountNumber,
      ifsc: b.ifsc,
      bankName: b.bankName,
      isPrimary: b.isPrimary,
    })),
    contacts: rows.contacts.map((c) => ({
      name: c.name,
      designation: c.designation,
      email: c.email,
      mobile: c.mobile,
      isPrimary: c.isPrimary,
    })),
  };
}

export async function loadSnapshot(db: DbOrTx, partnerId: string): Promise<PartnerSnapshot> {
  return toSnapshot(await loadAggregateRows(db, partnerId));
}
