import { certifications, type DbOrTx, masterItems, partners } from '@kapas/db';
import { and, asc, count, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context';
import { DomainError } from '../../errors';
import { offsetOf, type Page, type PageInput } from '../../shared/pagination';
import { daysToExpiry, isExpiring } from './rules/expiry';
import type { CertificationState } from './rules/state';

export type CertificationRow = typeof certifications.$inferSelect;

export function certificationView(row: CertificationRow, now: Date, expiringDays: number) {
  return {
    ...row,
    status: row.status as CertificationState,
    daysToExpiry: daysToExpiry(row.expiresOn, now),
    expiring: row.status === 'VERIFIED' && isExpiring(row.expiresOn, now, expiringDays),
  };
}
export type CertificationView = ReturnType<typeof certificationView>;

/** Tenant filter: the caller's partner (sub-users: their branches and partner-wide rows); staff see all with partner:read. */
export function tenantFilter(actor: Actor): SQL | undefined {
  if (actor.kind === 'BACK_OFFICE') return undefined;
  if (!actor.partnerId) throw new DomainError('FORBIDDEN', 'Only partner users can do this.');
  const own = eq(certifications.partnerId, actor.partnerId);
  if (actor.isPrimary || !actor.branchIds || actor.branchIds.length === 0) return own;
  return and(own, or(isNull(certifications.branchId), inArray(certifications.branchId, actor.branchIds)));
}

export function branchVisible(actor: Actor, branchId: string | null): boolean {
  if (actor.kind === 'BACK_OFFICE' || actor.isPrimary || actor.branchIds === null) return true;
  return branchId === null || actor.branchIds.includes(branchId);
}

/** One certification the caller may see, or NOT_FOUND. */
export async function readableCertification(db: DbOrTx, actor: Actor, id: string): Promise<CertificationRow> {
  if (actor.kind === 'BACK_OFFICE' && !actor.capabilities.has('partner:read'))
    throw new DomainError('NOT_FOUND', 'Certification not found.');
  const [row] = await db
    .select()
    .from(certifications)
    .where(and(eq(certifications.id, id), tenantFilter(actor)));
  if (!row || !branchVisible(actor, row.branchId)) throw new DomainError('NOT_FOUND', 'Certification not found.');
  return row;
}

export async function pageOf(
  db: DbOrTx,
  where: SQL | undefined,
  page: PageInput,
  now: Date,
  expiringDays: number,
): Promise<Page<CertificationView & { partnerName: string | null; typeName: string | null }>> {
  const [rows, [total]] = await Promise.all([
    db
      .select({ cert: certifications, partnerName: partners.legalName })
      .from(certifications)
      .leftJoin(partners, eq(partners.id, certifications.partnerId))
      .where(where)
      .orderBy(asc(certifications.expiresOn), asc(certifications.createdAt))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ n: count() }).from(certifications).where(where),
  ]);
  const types = [...new Set(rows.map((r) => r.cert.certificateType))];
  const names = new Map(
    types.length
      ? (
          await db
            .select({ code: masterItems.code, name: masterItems.name })
            .from(masterItems)
            .where(and(eq(masterItems.kind, 'CERTIFICATE_TYPE'), inArray(masterItems.code, types)))
        ).map((t) => [t.code, t.name])
      : [],
  );
  return {
    items: rows.map((r) => ({
      ...certificationView(r.cert, now, expiringDays),
      partnerName: r.partnerName,
      typeName: names.get(r.cert.certificateType) ?? null,
    })),
    total: total?.n ?? 0,
    page: page.page,
    pageSize: page.pageSize,
  };
}
