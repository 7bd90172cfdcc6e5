import { branches, type DbOrTx, partnerContacts, partners, users } from '@kapas/db';
import { and, eq, ne, or } from 'drizzle-orm';
import { DomainError } from '../../errors';

/**
 * DOMAIN §4: email and mobile are unique across partners and users (contacts of other partners
 * count too). Returns the field errors for what is taken; `exceptPartnerId` is the caller's own draft.
 */
export async function takenContactErrors(
  db: DbOrTx,
  fields: { email: string; mobile: string; emailPath?: string; mobilePath?: string },
  exceptPartnerId: string | null,
): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const other = (column: typeof partners.id | typeof partnerContacts.partnerId) =>
    exceptPartnerId ? ne(column, exceptPartnerId) : undefined;
  const [user] = await db
    .select({ email: users.email, mobile: users.mobile })
    .from(users)
    .where(or(eq(users.email, fields.email), eq(users.mobile, fields.mobile)))
    .limit(2);
  const [partner] = await db
    .select({ email: partners.email, mobile: partners.mobile })
    .from(partners)
    .where(and(or(eq(partners.email, fields.email), eq(partners.mobile, fields.mobile)), other(partners.id)))
    .limit(2);
  const [contact] = await db
    .select({ email: partnerContacts.email, mobile: partnerContacts.mobile })
    .from(partnerContacts)
    .where(
      and(
        or(eq(partnerContacts.email, fields.email), eq(partnerContacts.mobile, fields.mobile)),
        other(partnerContacts.partnerId),
      ),
    )
    .limit(2);
  const found = [user, partner, contact].filter((r) => r !== undefined);
  if (found.some((r) => r.email === fields.email)) errors[fields.emailPath ?? 'email'] = ['This email is already registered'];
  if (found.some((r) => r.mobile === fields.mobile))
    errors[fields.mobilePath ?? 'mobile'] = ['This mobile is already registered'];
  return errors;
}

export async function assertContactFree(
  db: DbOrTx,
  fields: { email: string; mobile: string },
  exceptPartnerId: string | null,
): Promise<void> {
  const fieldErrors = await takenContactErrors(db, fields, exceptPartnerId);
  if (Object.keys(fieldErrors).length) {
    throw new DomainError('CONFLICT', 'This email or mobile is already registered.', { fieldErrors });
  }
}

/** PAN and GSTIN identify one partner: another partner (or another partner's branch) holding them is a CONFLICT. */
export async function assertTaxIdsFree(
  db: DbOrTx,
  partnerId: string,
  ids: { pan?: string | null; gstins: { path: string; gstin: string }[] },
): Promise<void> {
  const fieldErrors: Record<string, string[]> = {};
  if (ids.pan) {
    const [p] = await db
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.pan, ids.pan), ne(partners.id, partnerId), ne(partners.status, 'REJECTED')))
      .limit(1);
    if (p) fieldErrors.pan = ['This PAN is already registered with another partner'];
  }
  for (const { path, gstin } of ids.gstins) {
    const [p] = await db
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.gstin, gstin), ne(partners.id, partnerId)))
      .limit(1);
    const [b] = await db
      .select({ id: branches.id })
      .from(branches)
      .where(and(eq(branches.gstin, gstin), ne(branches.partnerId, partnerId)))
      .limit(1);
    if (p || b) fieldErrors[path] = ['This GSTIN is already registered with another partner'];
  }
  if (Object.keys(fieldErrors).length) {
    throw new DomainError('CONFLICT', 'Already registered with another partner.', { fieldErrors });
  }
}
