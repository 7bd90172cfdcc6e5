import { bankAccounts, branches, type DbOrTx, partnerAddresses, partnerContacts, partners } from '@kapas/db';
import { and, eq, notInArray } from 'drizzle-orm';
import { changeKeys } from './rules/changes';
import type { AddressItem, BankAccountItem, BranchItem, Changes, ContactItem, ProfileFields } from './snapshot';

/**
 * Writes an accepted change set to the partner's rows inside the caller's transaction. Branches
 * are matched by code and updated in place (their ids are referenced by sub-users, certifications
 * and lots), and a branch left out is deactivated, never deleted; the other collections are replaced.
 */
export async function applyChanges(tx: DbOrTx, partnerId: string, changes: Changes, now: Date): Promise<void> {
  const at = now.toISOString();
  const profile: Partial<ProfileFields> = {};
  for (const key of changeKeys(changes)) {
    const to = changes[key]?.to ?? null;
    switch (key) {
      case 'addresses':
        await replaceAddresses(tx, partnerId, to as AddressItem[], at);
        break;
      case 'branches':
        await upsertBranches(tx, partnerId, to as BranchItem[], at);
        break;
      case 'bankAccounts':
        await replaceBankAccounts(tx, partnerId, to as BankAccountItem[], at);
        break;
      case 'contacts':
        await replaceContacts(tx, partnerId, to as ContactItem[], at);
        break;
      default:
        Object.assign(profile, { [key]: to });
    }
  }
  if (Object.keys(profile).length) {
    await tx
      .update(partners)
      .set({ ...profile, updatedAt: at })
      .where(eq(partners.id, partnerId));
  }
}

async function replaceAddresses(tx: DbOrTx, partnerId: string, items: AddressItem[], at: string): Promise<void> {
  await tx.delete(partnerAddresses).where(eq(partnerAddresses.partnerId, partnerId));
  if (items.length) await tx.insert(partnerAddresses).values(items.map((a) => ({ ...a, partnerId, createdAt: at })));
}

async function replaceBankAccounts(tx: DbOrTx, partnerId: string, items: BankAccountItem[], at: string): Promise<void> {
  await tx.delete(bankAccounts).where(eq(bankAccounts.partnerId, partnerId));
  if (items.length) await tx.insert(bankAccounts).values(items.map((b) => ({ ...b, partnerId, createdAt: at })));
}

async function replaceContacts(tx: DbOrTx, partnerId: string, items: ContactItem[], at: string): Promise<void> {
  await tx.delete(partnerContacts).where(eq(partnerContacts.partnerId, partnerId));
  if (items.length) await tx.insert(partnerContacts).values(items.map((c) => ({ ...c, partnerId, createdAt: at })));
}

async function upsertBranches(tx: DbOrTx, partnerId: string, items: BranchItem[], at: string): Promise<void> {
  // Clear the head-office flag first: the partial unique index allows one per partner at any moment.
  await tx.update(branches).set({ isHeadOffice: false, updatedAt: at }).where(eq(branches.partnerId, partnerId));
  const codes = items.map((b) => b.code);
  await tx
    .update(branches)
    .set({ active: false, updatedAt: at })
    .where(
      codes.length ? and(eq(branches.partnerId, partnerId), notInArray(branches.code, codes)) : eq(branches.partnerId, partnerId),
    );
  for (const b of items) {
    await tx
      .insert(branches)
      .values({ ...b, partnerId, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: [branches.partnerId, branches.code],
        set: { ...b, updatedAt: at },
      });
  }
}
