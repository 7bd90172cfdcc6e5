import { type DbOrTx, onboardingApplications, partners, roles, userRoles, users } from '@kapas/db';
import { eq } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import type { ApprovalEffect, ApprovalRequestRow, ApprovalType, EffectContext } from '../approvals/types';
import { appendAudit } from '../audit/append';
import { createActionToken } from '../auth/action-tokens';
import { queueMessage } from '../messaging/queue';
import { notifyPartner, notifyUsers } from '../notifications/notify';
import { kycNextDue } from '../partners/rules/kyc';
import { type PartnerEvent, type PartnerState, transition } from '../partners/rules/onboarding';

const SET_PASSWORD_TTL_MS = 7 * 86_400_000;
export const PARTNERS_TOPIC = 'partners';

async function subject(tx: DbOrTx, request: ApprovalRequestRow, event: PartnerEvent) {
  const [partner] = await tx.select().from(partners).where(eq(partners.id, request.subjectId)).for('update');
  if (!partner) throw new DomainError('NOT_FOUND', 'The partner of this request no longer exists.');
  const t = transition(partner.status as PartnerState, event);
  if (!t.ok) throw new DomainError('CONFLICT', t.error.message, { state: partner.status });
  const [app] = await tx.select().from(onboardingApplications).where(eq(onboardingApplications.partnerId, partner.id));
  if (!app) throw new DomainError('NOT_FOUND', 'The application of this request no longer exists.');
  return { partner, app, next: t.state };
}

/** Tells whoever started an assisted application (the sub-broker's users, or the staff member). */
async function notifyRegistrar(tx: DbOrTx, partner: typeof partners.$inferSelect, title: string, body: string): Promise<void> {
  const n = { kind: 'onboarding.decided', title, body, data: { partnerId: partner.id } };
  if (partner.registeredByPartnerId) await notifyPartner(tx, partner.registeredByPartnerId, n);
  else if (partner.createdByUserId) await notifyUsers(tx, [partner.createdByUserId], n);
}

/**
 * Approve: partner ACTIVE with KYC dates; its primary user is created from the verified applicant
 * email and mobile, INVITED without a password, and gets a one-time set-password link in the
 * welcome email (no temporary password ever exists).
 */
async function onApproved(request: ApprovalRequestRow, ctx: EffectContext): Promise<void> {
  const { tx, now } = ctx;
  const { partner, app, next } = await subject(tx, request, 'APPROVE');
  if (!app.emailVerifiedAt || !app.mobileVerifiedAt) {
    throw new DomainError('CONFLICT', 'The applicant has not verified both email and mobile.');
  }
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, app.applicantEmail));
  if (taken) throw new DomainError('CONFLICT', 'A user with the applicant email already exists.');
  const at = now.toISOString();
  await tx
    .update(partners)
    .set({
      status: next,
      statusReason: null,
      approvedAt: at,
      kycVerifiedAt: at,
      kycDueAt: kycNextDue(now).toISOString(),
      updatedAt: at,
      version: partner.version + 1,
    })
    .where(eq(partners.id, partner.id));
  const [user] = await tx
    .insert(users)
    .values({
      email: app.applicantEmail,
      name: app.applicantName,
      mobile: app.applicantMobile,
      kind: 'PARTNER',
      partnerId: partner.id,
      isPrimary: true,
      status: 'INVITED',
      emailVerifiedAt: app.emailVerifiedAt,
      mobileVerifiedAt: app.mobileVerifiedAt,
      invitedBy: ctx.actor.userId,
      createdAt: at,
    })
    .returning({ id: users.id });
  const [role] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.code, 'PARTNER_PRIMARY'));
  if (!role) throw new Error('PARTNER_PRIMARY role is missing');
  await tx.insert(userRoles).values({ userId: user!.id, roleId: role.id });
  const token = await createActionToken(tx, 'INVITE', user!.id, SET_PASSWORD_TTL_MS, now);
  await queueMessage(tx, {
    channel: 'EMAIL',
    recipient: app.applicantEmail,
    template: 'WELCOME',
    variables: {
      name: app.applicantName,
      partner: partner.tradeName ?? partner.legalName,
      number: partner.number ?? '',
      link: `${ctx.deps.publicUrl}/accept-invite?token=${encodeURIComponent(token)}`,
    },
  });
  await appendAudit(
    tx,
    { actor: ctx.actor, meta: ctx.meta, now },
    {
      action: 'partner.approve',
      entityType: 'partner',
      entityId: partner.id,
      partnerId: partner.id,
      oldValues: { status: partner.status },
      newValues: {
        status: next,
        approvalRequestId: request.id,
        primaryUserId: user!.id,
        kycDueAt: kycNextDue(now).toISOString(),
      },
    },
  );
  await notifyRegistrar(tx, partner, `${partner.legalName} was approved`, `${partner.number ?? ''} is now an active partner.`);
  await appendEvent(tx, {
    audience: 'BACK_OFFICE',
    topic: PARTNERS_TOPIC,
    type: 'partner.status',
    payload: { id: partner.id, status: next },
  });
}

/** Reject: the reason is mandatory, stored on the partner and sent to the applicant. */
async function onRejected(request: ApprovalRequestRow, ctx: EffectContext): Promise<void> {
  const { tx, now } = ctx;
  const reason = ctx.note?.trim();
  if (!reason) {
    throw new DomainError('BAD_REQUEST', 'Give a reason for the rejection.', { fieldErrors: { note: ['A reason is required'] } });
  }
  const { partner, app, next } = await subject(tx, request, 'REJECT');
  const at = now.toISOString();
  await tx
    .update(partners)
    .set({ status: next, statusReason: reason, updatedAt: at, version: partner.version + 1 })
    .where(eq(partners.id, partner.id));
  await queueMessage(tx, {
    channel: 'EMAIL',
    recipient: app.applicantEmail,
    template: 'APPLICATION_REJECTED',
    variables: { name: app.applicantName, partner: partner.tradeName ?? partner.legalName, reason },
  });
  await appendAudit(
    tx,
    { actor: ctx.actor, meta: ctx.meta, now },
    {
      action: 'partner.reject',
      entityType: 'partner',
      entityId: partner.id,
      partnerId: partner.id,
      oldValues: { status: partner.status },
      newValues: { status: next, reason, approvalRequestId: request.id },
    },
  );
  await notifyRegistrar(tx, partner, `${partner.legalName} was not approved`, `Reason: ${reason}`);
  await appendEvent(tx, {
    audience: 'BACK_OFFICE',
    topic: PARTNERS_TOPIC,
    type: 'partner.status',
    payload: { id: partner.id, status: next },
  });
}

/** Effect of PARTNER_ONBOARDING approvals: activate the partner and create its primary user, or reject. */
export const onboardingApprovalEffects: Partial<Record<ApprovalType, ApprovalEffect>> = {
  PARTNER_ONBOARDING: { onApproved, onRejected },
};
