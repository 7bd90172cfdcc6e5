import { documents, kycRecords, partners, reminderLog } from '@kapas/db';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { notifyPartner } from '../notifications/notify';
import { notifyStaffWith } from '../notifications/staff';
import { indianDate, kycDaysUntilDue, kycStatus } from '../partners/rules/kyc';
import type { historyInput, submitRenewalInput } from './schemas';

export const KYC_TOPIC = 'kyc';
type Origin = { deps: Deps; actor: Actor; meta: RequestMeta };

function ownPartner(actor: Actor): string {
  if (actor.kind !== 'PARTNER' || !actor.partnerId) throw new DomainError('FORBIDDEN', 'Only partner users can do this.');
  return actor.partnerId;
}

async function partnerRow(deps: Deps, partnerId: string) {
  const [row] = await deps.db.select().from(partners).where(eq(partners.id, partnerId));
  if (!row) throw new DomainError('NOT_FOUND', 'Partner not found.');
  return row;
}

/** The caller's own KYC: dates, status and the renewal under review, if any. */
export async function myKycStatus(deps: Deps, actor: Actor) {
  const p = await partnerRow(deps, ownPartner(actor));
  const now = deps.clock();
  const verifiedAt = p.kycVerifiedAt ? new Date(p.kycVerifiedAt) : null;
  const [pending] = await deps.db
    .select()
    .from(kycRecords)
    .where(and(eq(kycRecords.partnerId, p.id), eq(kycRecords.status, 'SUBMITTED')))
    .limit(1);
  return {
    partnerId: p.id,
    partnerStatus: p.status,
    kycVerifiedAt: p.kycVerifiedAt,
    kycDueAt: p.kycDueAt,
    daysUntilDue: verifiedAt ? kycDaysUntilDue(verifiedAt, now) : null,
    kycStatus: verifiedAt ? kycStatus(verifiedAt, now) : null,
    pendingRecordId: pending?.id ?? null,
  };
}

/** A partner's KYC records, newest first: partners their own, staff (partner:read) any partner's. */
export async function kycHistory(deps: Deps, actor: Actor, input: z.infer<typeof historyInput>) {
  let partnerId: string;
  if (actor.kind === 'PARTNER') {
    partnerId = ownPartner(actor);
    if (input.partnerId && input.partnerId !== partnerId) throw new DomainError('NOT_FOUND', 'Partner not found.');
  } else {
    if (!actor.capabilities.has('partner:read'))
      throw new DomainError('FORBIDDEN', 'You need the "partner:read" permission for this.');
    if (!input.partnerId)
      throw new DomainError('BAD_REQUEST', 'Choose a partner.', { fieldErrors: { partnerId: ['Choose a partner'] } });
    partnerId = input.partnerId;
  }
  return deps.db.select().from(kycRecords).where(eq(kycRecords.partnerId, partnerId)).orderBy(desc(kycRecords.createdAt));
}

/** The partner sends its uploaded KYC documents for renewal; one renewal is reviewed at a time. */
export async function submitRenewal(o: Origin, input: z.infer<typeof submitRenewalInput>) {
  const partnerId = ownPartner(o.actor);
  const ids = [...new Set(input.documentIds)];
  const docs = await o.deps.db
    .select({ id: documents.id, currentVersion: documents.currentVersion })
    .from(documents)
    .where(and(inArray(documents.id, ids), eq(documents.ownerType, 'KYC'), eq(documents.ownerId, partnerId)));
  if (docs.length !== ids.length) {
    throw new DomainError('NOT_FOUND', 'Some documents were not found.', { fieldErrors: { documentIds: ['Unknown document'] } });
  }
  if (docs.some((d) => d.currentVersion === 0)) {
    throw new DomainError('BAD_REQUEST', 'Upload every document first.', {
      fieldErrors: { documentIds: ['A document has no file yet'] },
    });
  }
  const now = o.deps.clock();
  return transact(o.deps, async (tx) => {
    const [open] = await tx
      .select({ id: kycRecords.id })
      .from(kycRecords)
      .where(and(eq(kycRecords.partnerId, partnerId), eq(kycRecords.status, 'SUBMITTED')))
      .for('update');
    if (open) throw new DomainError('CONFLICT', 'A KYC renewal is already SUBMITTED and under review.', { state: 'SUBMITTED' });
    const [record] = await tx
      .insert(kycRecords)
      .values({
        partnerId,
        kind: 'RENEWAL',
        status: 'SUBMITTED',
        documentIds: ids,
        notes: input.notes || null,
        submittedByUserId: o.actor.userId,
      })
      .returning();
    await appendAudit(
      tx,
      { actor: o.actor, meta: o.meta, now },
      { action: 'kyc.submit', entityType: 'kyc_record', entityId: record!.id, newValues: record, partnerId },
    );
    await notifyStaffWith(tx, 'kyc:manage', {
      kind: 'kyc.submitted',
      title: 'KYC renewal submitted',
      body: `A partner submitted ${ids.length} KYC document(s) for renewal.`,
      link: '/compliance',
      data: { partnerId, recordId: record!.id },
      now,
    });
    await appendEvent(tx, {
      audience: 'BACK_OFFICE',
      topic: KYC_TOPIC,
      type: 'kyc.submitted',
      payload: { partnerId, recordId: record!.id },
    });
    return record!;
  });
}

/** A staff nudge: at most one per partner per day (reminder_log), audited. */
export async function sendKycReminder(o: Origin, partnerId: string) {
  const p = await partnerRow(o.deps, partnerId);
  const now = o.deps.clock();
  return transact(o.deps, async (tx) => {
    const [logged] = await tx
      .insert(reminderLog)
      .values({ subjectType: 'PARTNER_KYC', subjectId: p.id, kind: 'KYC_MANUAL', sentOn: indianDate(now) })
      .onConflictDoNothing()
      .returning({ id: reminderLog.id });
    if (!logged) throw new DomainError('CONFLICT', 'A reminder was already sent to this partner today.');
    await notifyPartner(tx, p.id, {
      kind: 'kyc.reminder',
      title: 'KYC renewal reminder',
      body: p.kycDueAt
        ? `Your annual KYC is due on ${p.kycDueAt.slice(0, 10)}. Please upload your documents.`
        : 'Please complete your KYC.',
      link: '/compliance',
      email: true,
      now,
    });
    await appendAudit(
      tx,
      { actor: o.actor, meta: o.meta, now },
      { action: 'kyc.remind', entityType: 'partner', entityId: p.id, partnerId: p.id },
    );
    return { sent: true as const, sentOn: indianDate(now) };
  });
}
