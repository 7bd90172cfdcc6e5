import { kycRecords, partners } from '@kapas/db';
import { asc, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { offsetOf } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { notifyPartner } from '../notifications/notify';
import { kycNextDue } from '../partners/rules/kyc';
import { PARTNER_STATES, type PartnerState, transition } from '../partners/rules/onboarding';
import type { rejectKycInput, submissionsInput, verifyKycInput } from './schemas';

/** COMPLIANCE review of KYC renewals (kyc:manage). */
type Origin = { deps: Deps; actor: Actor; meta: RequestMeta };
const isPartnerState = (s: string): s is PartnerState => (PARTNER_STATES as readonly string[]).includes(s);

export async function kycSubmissions(deps: Deps, input: z.infer<typeof submissionsInput>) {
  const where = eq(kycRecords.status, input.status);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ record: kycRecords, legalName: partners.legalName, number: partners.number, partnerStatus: partners.status })
      .from(kycRecords)
      .innerJoin(partners, eq(partners.id, kycRecords.partnerId))
      .where(where)
      .orderBy(asc(kycRecords.createdAt))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    deps.db.select({ n: count() }).from(kycRecords).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r.record, legalName: r.legalName, number: r.number, partnerStatus: r.partnerStatus })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

async function decide(o: Origin, recordId: string, verdict: 'VERIFIED' | 'REJECTED', notes: string | null) {
  const now = o.deps.clock();
  return transact(o.deps, async (tx) => {
    const [record] = await tx.select().from(kycRecords).where(eq(kycRecords.id, recordId)).for('update');
    if (!record) throw new DomainError('NOT_FOUND', 'KYC record not found.');
    if (record.status !== 'SUBMITTED') {
      throw new DomainError('CONFLICT', `The KYC record is ${record.status}; only a SUBMITTED one can be decided.`, {
        state: record.status,
      });
    }
    const [partner] = await tx.select().from(partners).where(eq(partners.id, record.partnerId)).for('update');
    const dueAt = kycNextDue(now).toISOString();
    const [updated] = await tx
      .update(kycRecords)
      .set({
        status: verdict,
        notes: notes ?? record.notes,
        verifiedByUserId: o.actor.userId,
        verifiedAt: now.toISOString(),
        dueAt: verdict === 'VERIFIED' ? dueAt : null,
      })
      .where(eq(kycRecords.id, recordId))
      .returning();
    let partnerStatus = partner!.status;
    if (verdict === 'VERIFIED') {
      // Renewal brings a KYC_EXPIRED partner back to ACTIVE (DOMAIN §4: ACTIVE → KYC_EXPIRED → ACTIVE).
      if (partner!.status === 'KYC_EXPIRED' && isPartnerState(partner!.status)) {
        const t = transition(partner!.status, 'RENEW_KYC');
        if (t.ok) partnerStatus = t.state;
      }
      await tx
        .update(partners)
        .set({
          kycVerifiedAt: now.toISOString(),
          kycDueAt: dueAt,
          status: partnerStatus,
          version: partner!.version + 1,
          updatedAt: now.toISOString(),
        })
        .where(eq(partners.id, partner!.id));
    }
    await appendAudit(
      tx,
      { actor: o.actor, meta: o.meta, now },
      {
        action: verdict === 'VERIFIED' ? 'kyc.verify' : 'kyc.reject',
        entityType: 'kyc_record',
        entityId: recordId,
        oldValues: { status: record.status, partnerStatus: partner!.status, kycDueAt: partner!.kycDueAt },
        newValues: { status: verdict, partnerStatus, kycDueAt: verdict === 'VERIFIED' ? dueAt : partner!.kycDueAt, notes },
        partnerId: record.partnerId,
      },
    );
    await notifyPartner(tx, record.partnerId, {
      kind: 'kyc.decision',
      title: verdict === 'VERIFIED' ? 'KYC renewed' : 'KYC renewal rejected',
      body: verdict === 'VERIFIED' ? `Your KYC is valid until ${dueAt.slice(0, 10)}.` : `Your KYC renewal was rejected: ${notes}`,
      link: '/compliance',
      email: true,
      now,
    });
    return { ...updated!, partnerStatus };
  });
}

export const verifyKyc = (o: Origin, input: z.infer<typeof verifyKycInput>) =>
  decide(o, input.recordId, 'VERIFIED', input.notes || null);
export const rejectKyc = (o: Origin, input: z.infer<typeof rejectKycInput>) => decide(o, input.recordId, 'REJECTED', input.notes);
