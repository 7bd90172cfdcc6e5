import { allocateNumber, branches, partners } from '@kapas/db';
import { eq } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { requestApproval } from '../approvals/request';
import { appendAudit } from '../audit/append';
import { type PartnerState, transition } from '../partners/rules/onboarding';
import { loadDraft } from './aggregate';
import { resolveApplication } from './resolve';
import { branchErrors } from './rules';
import type { ApplicationRef } from './schemas';
import type { Caller } from './service';

function step(state: string, event: 'SUBMIT' | 'VERIFY'): PartnerState {
  const t = transition(state as PartnerState, event);
  if (!t.ok) throw new DomainError('CONFLICT', `The application is ${state}; it cannot be submitted again.`, { state });
  return t.state;
}

/**
 * Submits a complete draft whose email and mobile are verified: DRAFT → PENDING_VERIFICATION (the
 * OTP checks are that verification, so it moves straight on) → PENDING_APPROVAL, allocates the
 * partner number and opens the PARTNER_ONBOARDING approval request, all in one transaction.
 */
export async function submit(c: Caller, ref: ApplicationRef) {
  const resolved = await resolveApplication(c.deps.db, c.actor, ref);
  step(resolved.partner.status, 'SUBMIT');
  const draft = await loadDraft(c.deps.db, resolved);
  const fieldErrors: Record<string, string[]> = {};
  if (!draft.applicant.emailVerified) fieldErrors.email = ['Verify the email address first'];
  if (!draft.applicant.mobileVerified) fieldErrors.mobile = ['Verify the mobile number first'];
  for (const missing of draft.missingSteps) fieldErrors[missing] = ['This step is incomplete'];
  // The PAN may have changed after the branches were saved: branch GSTINs must still carry it.
  for (const [path, messages] of Object.entries(branchErrors(draft.addresses.branches, draft.tax.pan))) {
    fieldErrors[`addresses.${path}`] = messages;
  }
  if (Object.keys(fieldErrors).length) {
    throw new DomainError('BAD_REQUEST', 'The application is not complete yet.', { fieldErrors });
  }
  const [expiresInDays, requiredApprovals] = await Promise.all([
    c.deps.settings.number('approval.expiryDays', 14),
    c.deps.settings.number('approval.requiredApprovals', 1),
  ]);
  const now = c.deps.clock();
  return transact(c.deps, async (tx) => {
    const [partner] = await tx.select().from(partners).where(eq(partners.id, resolved.partner.id)).for('update');
    const next = step(step(partner!.status, 'SUBMIT'), 'VERIFY');
    const number = await allocateNumber(tx, 'BP', now.getUTCFullYear(), 4);
    await tx
      .update(partners)
      .set({ status: next, number, submittedAt: now.toISOString(), updatedAt: now.toISOString(), version: partner!.version + 1 })
      .where(eq(partners.id, partner!.id));
    const branchCount = (await tx.select({ id: branches.id }).from(branches).where(eq(branches.partnerId, partner!.id))).length;
    const request = await requestApproval(tx, {
      type: 'PARTNER_ONBOARDING',
      subjectType: 'partner',
      subjectId: partner!.id,
      partnerId: partner!.id,
      summary: `Onboard ${partner!.tradeName ?? partner!.legalName} (${partner!.businessType})`,
      payload: {
        number,
        legalName: partner!.legalName,
        tradeName: partner!.tradeName,
        businessType: partner!.businessType,
        registrationType: partner!.registrationType,
        pan: partner!.pan,
        gstin: partner!.gstin,
        channel: partner!.channel,
        applicant: { name: draft.applicant.name, email: draft.applicant.email, mobile: draft.applicant.mobile },
        branches: branchCount,
        registered: draft.addresses.registered,
      },
      requestedByUserId: c.actor?.userId ?? null,
      requiredApprovals,
      now,
      expiresInDays,
    });
    await appendAudit(
      tx,
      { actor: c.actor, meta: c.meta, now },
      {
        action: 'partner.submit',
        entityType: 'partner',
        entityId: partner!.id,
        partnerId: partner!.id,
        oldValues: { status: partner!.status },
        newValues: { status: next, number, approvalRequestId: request.id },
      },
    );
    return { status: next, number, submittedAt: now.toISOString(), approvalRequestId: request.id };
  });
}
