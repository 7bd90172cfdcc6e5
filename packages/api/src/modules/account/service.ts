import type { OtpPurpose } from '@kapas/auth';
import { users } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { checkCode, issueCode, latestLiveCode } from '../auth/otp-store';
import { queueMessage } from '../messaging/queue';

export type ContactChannel = 'EMAIL' | 'MOBILE';

const PURPOSE: Record<ContactChannel, OtpPurpose> = { EMAIL: 'registration-email', MOBILE: 'registration-mobile' };

async function me(deps: Deps, actor: Actor) {
  const [user] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new DomainError('NOT_FOUND', 'User not found.');
  return user;
}

export async function profile(deps: Deps, actor: Actor) {
  const u = await me(deps, actor);
  return {
    name: u.name,
    email: u.email,
    mobile: u.mobile,
    emailVerifiedAt: u.emailVerifiedAt,
    mobileVerifiedAt: u.mobileVerifiedAt,
    passwordChangedAt: u.passwordChangedAt,
    lastSignInAt: u.lastSignInAt,
  };
}

function targetOf(user: typeof users.$inferSelect, channel: ContactChannel): string {
  if (channel === 'EMAIL') return user.email;
  if (!user.mobile)
    throw new DomainError('BAD_REQUEST', 'There is no mobile number on your account.', {
      fieldErrors: { channel: ['No mobile number'] },
    });
  return user.mobile;
}

/** Sends a one-time code to the user's email (by email) or mobile (by SMS), bound to that address. */
export async function startVerification(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  channel: ContactChannel,
): Promise<{ sentTo: string }> {
  const user = await me(deps, actor);
  const target = targetOf(user, channel);
  const now = deps.clock();
  await transact(deps, async (tx) => {
    const otp = await issueCode(tx, { purpose: PURPOSE[channel], target, userId: user.id }, now);
    await queueMessage(tx, {
      channel: channel === 'EMAIL' ? 'EMAIL' : 'SMS',
      recipient: target,
      template: channel === 'EMAIL' ? 'VERIFY_EMAIL_OTP' : 'VERIFY_MOBILE_OTP',
      variables: { code: otp.code },
    });
    await appendAudit(
      tx,
      { actor, meta, now },
      { action: 'account.verification_sent', entityType: 'user', entityId: user.id, newValues: { channel } },
    );
  });
  return { sentTo: channel === 'EMAIL' ? target : `••••••${target.slice(-4)}` };
}

export async function confirmVerification(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { channel: ContactChannel; code: string },
): Promise<void> {
  const user = await me(deps, actor);
  const target = targetOf(user, input.channel);
  const row = await latestLiveCode(deps.db, PURPOSE[input.channel], target);
  if (!row || row.userId !== user.id) throw new DomainError('OTP_EXPIRED', 'Ask for a new code first.');
  const now = deps.clock();
  const wrong = await transact(deps, async (tx) => {
    const error = await checkCode(tx, row, input.code, now);
    if (error) return error;
    await tx
      .update(users)
      .set(input.channel === 'EMAIL' ? { emailVerifiedAt: now.toISOString() } : { mobileVerifiedAt: now.toISOString() })
      .where(eq(users.id, user.id));
    await appendAudit(
      tx,
      { actor, meta, now },
      { action: 'account.contact_verified', entityType: 'user', entityId: user.id, newValues: { channel: input.channel } },
    );
    return null;
  });
  if (wrong) throw wrong;
}
