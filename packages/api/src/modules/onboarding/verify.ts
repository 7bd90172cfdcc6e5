import type { OtpPurpose } from '@kapas/auth';
import { onboardingApplications } from '@kapas/db';
import { eq } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { checkCode, issueCode, latestLiveCode } from '../auth/otp-store';
import { queueMessage } from '../messaging/queue';
import { assertDraft, resolveApplication } from './resolve';
import type { ApplicationRef } from './schemas';
import type { Caller } from './service';

export type ContactChannel = 'EMAIL' | 'MOBILE';

const PURPOSE: Record<ContactChannel, OtpPurpose> = { EMAIL: 'registration-email', MOBILE: 'registration-mobile' };

/**
 * Sends a registration code to the applicant's email (by email) or mobile (by SMS). The OTP store
 * applies the send limits (1/min, 3/h, 10/day per address) and invalidates the previous code.
 */
export async function sendCode(c: Caller, ref: ApplicationRef, channel: ContactChannel): Promise<{ sentTo: string }> {
  const { app, partner } = await resolveApplication(c.deps.db, c.actor, ref);
  assertDraft(partner);
  const target = channel === 'EMAIL' ? app.applicantEmail : app.applicantMobile;
  const now = c.deps.clock();
  await transact(c.deps, async (tx) => {
    const otp = await issueCode(tx, { purpose: PURPOSE[channel], target, userId: null }, now);
    await queueMessage(tx, {
      channel: channel === 'EMAIL' ? 'EMAIL' : 'SMS',
      recipient: target,
      template: channel === 'EMAIL' ? 'VERIFY_EMAIL_OTP' : 'VERIFY_MOBILE_OTP',
      variables: { code: otp.code },
    });
    await appendAudit(
      tx,
      { actor: c.actor, meta: c.meta, now },
      {
        action: 'partner.verification_sent',
        entityType: 'partner',
        entityId: partner.id,
        partnerId: partner.id,
        newValues: { channel },
      },
    );
  });
  return { sentTo: channel === 'EMAIL' ? target : `••••••${target.slice(-4)}` };
}

/** Checks the code; a right one marks the applicant's email or mobile verified (needed to submit). */
export async function verifyCode(
  c: Caller,
  input: { ref: ApplicationRef; code: string },
  channel: ContactChannel,
): Promise<{ verified: true }> {
  const { app, partner } = await resolveApplication(c.deps.db, c.actor, input.ref);
  assertDraft(partner);
  const target = channel === 'EMAIL' ? app.applicantEmail : app.applicantMobile;
  const row = await latestLiveCode(c.deps.db, PURPOSE[channel], target);
  if (!row || row.userId !== null) throw new DomainError('OTP_EXPIRED', 'Ask for a new code first.');
  const now = c.deps.clock();
  const wrong = await transact(c.deps, async (tx) => {
    const error = await checkCode(tx, row, input.code, now);
    if (error) return error;
    await tx
      .update(onboardingApplications)
      .set(channel === 'EMAIL' ? { emailVerifiedAt: now.toISOString() } : { mobileVerifiedAt: now.toISOString() })
      .where(eq(onboardingApplications.id, app.id));
    await appendAudit(
      tx,
      { actor: c.actor, meta: c.meta, now },
      {
        action: 'partner.contact_verified',
        entityType: 'partner',
        entityId: partner.id,
        partnerId: partner.id,
        newValues: { channel },
      },
    );
    return null;
  });
  if (wrong) throw wrong;
  return { verified: true };
}
