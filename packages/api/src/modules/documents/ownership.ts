/**
 * Tenant rule of documents: a document belongs to the partner that owns its record (a partner, its
 * KYC, a certification, a lot). Partner users read their partner's documents (sub-users: rows of
 * their branches or of the whole partner); writing needs the capability of the owning record.
 * Staff read with partner:read and write partner/KYC documents with partner:manage. Anything else
 * is NOT_FOUND, so another partner's record is indistinguishable from a missing one.
 */
import { certifications, type DbOrTx, lots, partners } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../context';
import { DomainError } from '../../errors';

export const OWNER_TYPES = ['PARTNER', 'CERTIFICATION', 'KYC', 'LOT'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

export type Owner = { type: OwnerType; id: string; partnerId: string; branchId: string | null };

const notFound = () => new DomainError('NOT_FOUND', 'Document not found.');

/** The owning record's partner and branch, or NOT_FOUND. */
export async function loadOwner(db: DbOrTx, type: OwnerType, id: string): Promise<Owner> {
  if (type === 'PARTNER' || type === 'KYC') {
    const [row] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, id));
    if (!row) throw notFound();
    return { type, id, partnerId: row.id, branchId: null };
  }
  if (type === 'CERTIFICATION') {
    const [row] = await db
      .select({ partnerId: certifications.partnerId, branchId: certifications.branchId })
      .from(certifications)
      .where(eq(certifications.id, id));
    if (!row) throw notFound();
    return { type, id, ...row };
  }
  const [row] = await db.select({ partnerId: lots.sellerPartnerId, branchId: lots.branchId }).from(lots).where(eq(lots.id, id));
  if (!row) throw notFound();
  return { type, id, ...row };
}

function ownPartnerRow(actor: Actor, owner: Pick<Owner, 'partnerId' | 'branchId'>): boolean {
  if (actor.kind !== 'PARTNER' || actor.partnerId !== owner.partnerId) return false;
  if (actor.branchIds === null || actor.isPrimary) return true;
  return owner.branchId === null || actor.branchIds.includes(owner.branchId);
}

export function canReadOwner(actor: Actor, owner: Pick<Owner, 'partnerId' | 'branchId'>): boolean {
  if (actor.kind === 'BACK_OFFICE') return actor.capabilities.has('partner:read');
  return ownPartnerRow(actor, owner);
}

/** Read access or NOT_FOUND. */
export function assertCanRead(actor: Actor, owner: Pick<Owner, 'partnerId' | 'branchId'>): void {
  if (!canReadOwner(actor, owner)) throw notFound();
}

/** Write access: NOT_FOUND when the record is not the caller's to see, FORBIDDEN when it lacks the capability. */
export function assertCanWrite(actor: Actor, owner: Owner): void {
  if (actor.kind === 'BACK_OFFICE') {
    if (!actor.capabilities.has('partner:read') && !actor.capabilities.has('partner:manage')) throw notFound();
    if (!actor.capabilities.has('partner:manage')) {
      throw new DomainError('FORBIDDEN', 'Uploading for a partner needs the partner:manage permission.');
    }
    return;
  }
  if (!ownPartnerRow(actor, owner)) throw notFound();
  // A sub-user writes only records of its branches, not partner-wide ones.
  if (
    !actor.isPrimary &&
    actor.branchIds !== null &&
    owner.branchId === null &&
    owner.type !== 'KYC' &&
    owner.type !== 'PARTNER'
  ) {
    throw notFound();
  }
  const needed = owner.type === 'LOT' ? 'lot:create' : 'company:manage';
  if (!actor.capabilities.has(needed)) throw new DomainError('FORBIDDEN', `You need the "${needed}" permission for this.`);
}
