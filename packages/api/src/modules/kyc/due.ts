import { partners } from '@kapas/db';
import { and, asc, count, eq, gte, ilike, isNotNull, lt, lte, ne, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Deps } from '../../context';
import type { Page } from '../../shared/pagination';
import { offsetOf } from '../../shared/pagination';
import { type KycStatus, kycDaysUntilDue, kycStatus } from '../partners/rules/kyc';
import type { kycDueInput } from './schemas';

export type KycDueRow = {
  partnerId: string;
  number: string | null;
  legalName: string;
  status: string;
  kycVerifiedAt: string | null;
  kycDueAt: string | null;
  daysUntilDue: number | null;
  kycStatus: KycStatus | null;
};

/** Staff list of partners whose KYC is due soon, overdue or expired (by `kyc_due_at`), soonest first. */
export async function kycDueList(deps: Deps, input: z.infer<typeof kycDueInput>): Promise<Page<KycDueRow>> {
  const now = deps.clock();
  const nowIso = now.toISOString();
  const horizon = new Date(now.getTime() + input.withinDays * 86_400_000).toISOString();
  const byFilter: Record<typeof input.filter, SQL | undefined> = {
    'due-soon': and(gte(partners.kycDueAt, nowIso), lte(partners.kycDueAt, horizon), ne(partners.status, 'KYC_EXPIRED')),
    overdue: and(lt(partners.kycDueAt, nowIso), ne(partners.status, 'KYC_EXPIRED')),
    expired: eq(partners.status, 'KYC_EXPIRED'),
    all: or(lte(partners.kycDueAt, horizon), eq(partners.status, 'KYC_EXPIRED')),
  };
  const where = and(
    isNotNull(partners.kycDueAt),
    or(eq(partners.status, 'ACTIVE'), eq(partners.status, 'KYC_EXPIRED')),
    byFilter[input.filter],
    input.search ? or(ilike(partners.legalName, `%${input.search}%`), ilike(partners.number, `%${input.search}%`)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({
        partnerId: partners.id,
        number: partners.number,
        legalName: partners.legalName,
        status: partners.status,
        kycVerifiedAt: partners.kycVerifiedAt,
        kycDueAt: partners.kycDueAt,
      })
      .from(partners)
      .where(where)
      .orderBy(asc(partners.kycDueAt), asc(partners.legalName))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    deps.db.select({ n: count() }).from(partners).where(where),
  ]);
  return {
    items: rows.map((r) => {
      const verifiedAt = r.kycVerifiedAt ? new Date(r.kycVerifiedAt) : null;
      return {
        ...r,
        daysUntilDue: verifiedAt ? kycDaysUntilDue(verifiedAt, now) : null,
        kycStatus: verifiedAt ? kycStatus(verifiedAt, now) : null,
      };
    }),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
