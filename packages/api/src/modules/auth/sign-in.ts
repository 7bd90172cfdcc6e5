import { createHash, randomBytes } from 'node:crypto';
import { isLocked, onFailure, onSuccess, type SessionPolicy, timingDummyHash, verifyPassword } from '@kapas/auth';
import { type DbOrTx, otps, partners, users } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { queueMessage } from '../messaging/queue';
import { recordSecurityEvent } from '../security/record';
import { actorFor } from './actor-loader';
import { enforceSignInLimits } from './limits';
import { lockoutColumns, lockoutPolicy, lockoutStateOf } from './lockout-state';
import { checkCode, issueCode } from './otp-store';
import { partnerMaySignIn } from './partner-gate';
import { sessionPolicy } from './policy';
import type { SignInInput, VerifySignInInput } from './schemas';
import { createSession } from './session-store';
import { refusePartnerSignIn } from './sign-in-refusal';

type UserRow = typeof users.$inferSelect;

/** One answer for unknown user, wrong password, wrong app and disabled account, so none can be told apart. */
const invalidCredentials = () => new DomainError('UNAUTHORIZED', 'Email or password is incorrect.');

/** Matches no row: lets the unknown-user path run the same statements as the known-user one (equal timing). */
const NO_USER = '00000000-0000-0000-0000-000000000000';

export type SignInOutcome =
  | { status: 'SIGNED_IN'; token: string; expiresAt: string; actor: Actor }
  | { status: 'OTP_REQUIRED'; challengeId: string; sentTo: string; expiresAt: string };

const challengeHash = (challengeId: string) => createHash('sha256').update(challengeId).digest('hex');

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}${'•'.repeat(Math.max(1, local.length - 2))}@${domain}`;
}

export async function signIn(deps: Deps, meta: RequestMeta, input: SignInInput): Promise<SignInOutcome> {
  await enforceSignInLimits(deps, meta, input.email);
  // The partner's state comes in the same statement, so a known and an unknown email cost the same.
  const [row] = await deps.db
    .select({ user: users, partnerStatus: partners.status })
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.email, input.email));
  const user = row?.user;
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);
  const now = deps.clock();
  const locked = user ? isLocked(lockoutStateOf(user), now) : false;
  const eligible = !!user && user.status === 'ACTIVE' && (!input.audience || input.audience === user.kind);

  if (!user || !passwordOk || !eligible || locked) {
    const lockedUntil = await recordFailure(deps, meta, user, input.email, now, passwordOk && !locked);
    // Only someone who knows the password learns that the account is locked, and until when.
    if (user && passwordOk && eligible && lockedUntil) {
      throw new DomainError('ACCOUNT_LOCKED', 'This account is locked after too many failed sign-ins.', { until: lockedUntil });
    }
    throw invalidCredentials();
  }
  if (!partnerMaySignIn(user, row?.partnerStatus ?? null)) {
    throw await refusePartnerSignIn(deps, meta, user, row?.partnerStatus ?? null, now);
  }

  const needsOtp = user.kind === 'BACK_OFFICE' || (await deps.settings.boolean('auth.partnerOtp', false));
  if (needsOtp) return startOtpChallenge(deps, meta, user, now);
  const policy = await sessionPolicy(deps);
  return transact(deps, (tx) => completeSignIn(tx, policy, meta, user, now));
}

/** Counts the failure against the account (if any) and records it; returns the lock end if locked. */
async function recordFailure(
  deps: Deps,
  meta: RequestMeta,
  user: UserRow | undefined,
  email: string,
  now: Date,
  passwordWasRight: boolean,
): Promise<string | null> {
  const policy = await lockoutPolicy(deps);
  return transact(deps, async (tx) => {
    const before = user ? lockoutStateOf(user) : null;
    // A right password on a locked account is not a failure of the password.
    const after = before && !passwordWasRight ? onFailure(before, now, policy) : before;
    await tx
      .update(users)
      .set(after ? lockoutColumns(after) : { failedAttempts: 0 })
      .where(eq(users.id, user?.id ?? NO_USER));
    const lockStarted = !!after?.lockedUntil && after.lockedUntil.getTime() !== before?.lockedUntil?.getTime();
    await appendAudit(
      tx,
      { actor: null, meta, now },
      { action: 'auth.sign_in_failed', entityType: 'user', entityId: user?.id ?? null, newValues: { email } },
    );
    await recordSecurityEvent(tx, now, {
      type: lockStarted ? 'ACCOUNT_LOCKED' : 'SIGN_IN_FAILED',
      severity: lockStarted ? 'MEDIUM' : 'LOW',
      userId: user?.id ?? null,
      partnerId: user?.partnerId ?? null,
      ip: meta.ip,
      details: { email, ...(lockStarted ? { until: after?.lockedUntil?.toISOString() } : {}) },
    });
    return after?.lockedUntil && after.lockedUntil > now ? after.lockedUntil.toISOString() : null;
  });
}

async function startOtpChallenge(deps: Deps, meta: RequestMeta, user: UserRow, now: Date): Promise<SignInOutcome> {
  const challengeId = randomBytes(24).toString('base64url');
  const issued = await transact(deps, async (tx) => {
    const otp = await issueCode(
      tx,
      { purpose: 'login', target: user.email, userId: user.id, challengeHash: challengeHash(challengeId) },
      now,
    );
    await queueMessage(tx, {
      channel: 'EMAIL',
      recipient: user.email,
      template: 'SIGN_IN_OTP',
      variables: { name: user.name, code: otp.code },
    });
    await appendAudit(
      tx,
      { actor: null, meta, now },
      { action: 'auth.otp_sent', entityType: 'user', entityId: user.id, newValues: { purpose: 'login' } },
    );
    return otp;
  });
  return { status: 'OTP_REQUIRED', challengeId, sentTo: maskEmail(user.email), expiresAt: issued.expiresAt.toISOString() };
}

/** Second step: the code sent for this challenge. Wrong codes count; 3 kill it. */
export async function verifySignIn(deps: Deps, meta: RequestMeta, input: VerifySignInInput): Promise<SignInOutcome> {
  const now = deps.clock();
  const [row] = await deps.db
    .select()
    .from(otps)
    .where(eq(otps.challengeHash, challengeHash(input.challengeId)));
  if (row?.purpose !== 'login' || !row.userId) {
    throw new DomainError('OTP_EXPIRED', 'This sign-in attempt has expired. Start again.');
  }
  const userId = row.userId;
  const wrong = await transact(deps, async (tx) => {
    const error = await checkCode(tx, row, input.code, now);
    if (error?.code === 'OTP_INVALID') {
      const abuse = error.details.attemptsLeft === 0;
      await recordSecurityEvent(tx, now, {
        type: abuse ? 'OTP_ABUSE' : 'OTP_FAILED',
        severity: abuse ? 'MEDIUM' : 'LOW',
        userId,
        ip: meta.ip,
        details: { purpose: 'login' },
      });
    }
    return error;
  });
  if (wrong) throw wrong;
  // The partner may have been suspended between the two steps.
  const [owner] = await deps.db
    .select({ user: users, partnerStatus: partners.status })
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, userId));
  if (owner?.user.status === 'ACTIVE' && !partnerMaySignIn(owner.user, owner.partnerStatus)) {
    throw await refusePartnerSignIn(deps, meta, owner.user, owner.partnerStatus, now);
  }
  const policy = await sessionPolicy(deps);
  return transact(deps, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (user?.status !== 'ACTIVE') throw invalidCredentials();
    return completeSignIn(tx, policy, meta, user, now);
  });
}

/** Inside a transaction: everything it reads goes through `tx` (with one embedded connection, `deps.db` would wait for it). */
async function completeSignIn(
  tx: DbOrTx,
  policy: SessionPolicy,
  meta: RequestMeta,
  user: UserRow,
  now: Date,
): Promise<SignInOutcome> {
  const session = await createSession(tx, user.id, policy, meta, now);
  await tx
    .update(users)
    .set({ ...lockoutColumns(onSuccess(lockoutStateOf(user))), lastSignInAt: now.toISOString() })
    .where(eq(users.id, user.id));
  await appendAudit(
    tx,
    { actor: null, meta, now },
    { action: 'auth.sign_in', entityType: 'user', entityId: user.id, partnerId: user.partnerId },
  );
  const actor = await actorFor(tx, user, session.sessionId, now);
  return { status: 'SIGNED_IN', token: session.token, expiresAt: session.expiresAt.toISOString(), actor };
}
