import { certifications, type DbOrTx } from '@kapas/db';
import { and, eq, gte, inArray } from 'drizzle-orm';
import { isoDay } from './rules/expiry';

export type TradeCertification = { certificateType: string; branchId: string | null; expiresOn: string };

/**
 * The certifications that count in matching (DOMAIN §4): VERIFIED, not past their expiry day
 * (the job may not have run yet), and visible in trade — per partner. `branchId` null = the
 * whole partner. Stable signature: the trade desk depends on it.
 */
export async function verifiedCertificationsOf(
  db: DbOrTx,
  partnerIds: readonly string[],
  now: Date,
): Promise<Map<string, TradeCertification[]>> {
  const out = new Map<string, TradeCertification[]>();
  if (partnerIds.length === 0) return out;
  const rows = await db
    .select({
      partnerId: certifications.partnerId,
      certificateType: certifications.certificateType,
      branchId: certifications.branchId,
      expiresOn: certifications.expiresOn,
    })
    .from(certifications)
    .where(
      and(
        inArray(certifications.partnerId, [...partnerIds]),
        eq(certifications.status, 'VERIFIED'),
        eq(certifications.visibleInTrade, true),
        gte(certifications.expiresOn, isoDay(now)),
      ),
    );
  for (const { partnerId, ...cert } of rows) out.set(partnerId, [...(out.get(partnerId) ?? []), cert]);
  return out;
}
