import { type DbOrTx, partnerVersions } from '@kapas/db';
import { and, desc, eq, lte, max } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { loadSnapshot } from './aggregate';
import type { PartnerSnapshot } from './snapshot';

export type PartnerVersion = {
  id: string;
  partnerId: string;
  version: number;
  snapshot: PartnerSnapshot;
  changeRequestId: string | null;
  createdByUserId: string | null;
  createdAt: string;
};

type VersionRow = typeof partnerVersions.$inferSelect;

function toVersion(row: VersionRow): PartnerVersion {
  return { ...row, snapshot: row.snapshot as unknown as PartnerSnapshot };
}

/** The newest version number of a partner, 0 before the first snapshot. */
export async function latestVersionNumber(db: DbOrTx, partnerId: string): Promise<number> {
  const [row] = await db
    .select({ n: max(partnerVersions.version) })
    .from(partnerVersions)
    .where(eq(partnerVersions.partnerId, partnerId));
  return row?.n ?? 0;
}

/**
 * Writes a full snapshot of the partner as it is now in `tx` (call it after applying a change).
 * Called when a partner is approved/activated (onboarding) and on each applied change request.
 * Signature is relied on by other modules: keep it stable.
 */
export async function writePartnerVersion(
  tx: DbOrTx,
  partnerId: string,
  origin: { changeRequestId: string | null; userId: string | null },
  now: Date = new Date(),
): Promise<PartnerVersion> {
  const snapshot = await loadSnapshot(tx, partnerId);
  const version = (await latestVersionNumber(tx, partnerId)) + 1;
  const [row] = await tx
    .insert(partnerVersions)
    .values({
      partnerId,
      version,
      snapshot: snapshot as unknown as Record<string, unknown>,
      changeRequestId: origin.changeRequestId,
      createdByUserId: origin.userId,
      createdAt: now.toISOString(),
    })
    .returning();
  return toVersion(row!);
}

export type VersionSummary = Omit<PartnerVersion, 'snapshot'>;

export async function listVersions(db: DbOrTx, partnerId: string): Promise<VersionSummary[]> {
  return db
    .select({
      id: partnerVersions.id,
      partnerId: partnerVersions.partnerId,
      version: partnerVersions.version,
      changeRequestId: partnerVersions.changeRequestId,
      createdByUserId: partnerVersions.createdByUserId,
      createdAt: partnerVersions.createdAt,
    })
    .from(partnerVersions)
    .where(eq(partnerVersions.partnerId, partnerId))
    .orderBy(desc(partnerVersions.version));
}

export async function getVersion(db: DbOrTx, partnerId: string, version: number): Promise<PartnerVersion> {
  const [row] = await db
    .select()
    .from(partnerVersions)
    .where(and(eq(partnerVersions.partnerId, partnerId), eq(partnerVersions.version, version)));
  if (!row) throw new DomainError('NOT_FOUND', `Version ${version} not found.`);
  return toVersion(row);
}

/** The aggregate as it was at `at`: the latest version created at or before it. */
export async function versionAsOf(db: DbOrTx, partnerId: string, at: Date): Promise<PartnerVersion> {
  const [row] = await db
    .select()
    .from(partnerVersions)
    .where(and(eq(partnerVersions.partnerId, partnerId), lte(partnerVersions.createdAt, at.toISOString())))
    .orderBy(desc(partnerVersions.version))
    .limit(1);
  if (!row) throw new DomainError('NOT_FOUND', 'The partner had no approved version at that date.');
  return toVersion(row);
}
