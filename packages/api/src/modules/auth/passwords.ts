import {
  checkPassword,
  commonPasswords,
  hashPassword,
  isReused,
  type PasswordFailure,
  type PasswordPolicy,
  parseSessionToken,
  resolvePasswordPolicy,
  verifyPassword,
} from '@kapas/auth';
import { actionTokens, type DbOrTx, partners, passwordHistory, users } from '@kapas/db';
import { desc, eq } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { queueMessage } from '../messaging/queue';
import { recordSecurityEvent } from '../security/record';
import { consumeActionToken, createActionToken } from './action-tokens';
import { enforcePasswordResetLimit } from './limits';
import { checkCode, issueCode, latestLiveCode } from './otp-store';
import type { ChangePasswordInput, RequestResetInput, ResetPasswordInput } from './schemas';
import { endSessions } from './session-store';

type UserRow = typeof users.$inferSelect;
type Failure = PasswordFailure | { rule: 'reused'; message: string };

export async function passwordPolicy(deps: Deps): Promise<PasswordPolicy> {
  const s = deps.settings;
  return resolvePasswordPolicy({
    minLength: await s.number('password.minLength', 12),
    maxLength: await s.number('password.maxLength', 128),
    requireUpper: await s.boolean('password.requireUpper', false),
    requireLower: await s.boolean('password.requireLower', false),
    requireDigit: await s.boolean('password.requireDigit', false),
    requireSymbol: await s.boolean('password.requireSymbol', false),
    historySize: await s.number('password.historySize', 5),
    maxAgeDays: await s.optionalNumber('password.maxAgeDays', null),
  });
}

/** Every rule the candidate breaks (policy, and the last N passwords), as PASSWORD_POLICY with reasons. */
async function assertAcceptable(deps: Deps, user: UserRow, candidate: string, field: string): Promise<void> {
  const policy = await passwordPolicy(deps);
  const [partner] = user.partnerId
    ? await deps.db
        .select({ legalName: partners.legalName, tradeName: partners.tradeName })
        .from(partners)
        .where(eq(partners.id, user.partnerId))
    : [];
  const failures: Failure[] = checkPassword(candidate, policy, {
    email: user.email,
    name: user.name,
    partnerName: [partner?.legalName, partner?.tradeName].filter(Boolean).join(' ') || null,
    commonPasswords: commonPasswords(),
  });
  const history = await deps.db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, user.id))
    .orderBy(desc(passwordHistory.createdAt))
    .limit(policy.historySize);
  const hashes = [user.passwordHash, ...history.map((h) => h.hash)].filter((h): h is string => !!h);
  if (await isReused(candidate, hashes, verifyPassword, policy.historySize)) {
    failures.push({
      rule: 'reused',
      message: `Choose a password you have not used for your last ${policy.historySize} passwords`,
    });
  }
  if (failures.length) {
    throw new DomainError('PASSWORD_POLICY', 'This password does not meet the password policy.', {
      reasons: failures,
      fieldErrors: { [field]: failures.map((f) => f.message) },
    });
  }
}

async function storePassword(tx: DbOrTx, userId: string, passwordHash: string, now: Date): Promise<void> {
  await tx
    .update(users)
    .set({
      passwordHash,
      passwordChangedAt: now.toISOString(),
      mustChangePassword: false,
      failedAttempts: 0,
      lockCount: 0,
      lockedUntil: null,
    })
    .where(eq(users.id, userId));
  await tx.insert(passwordHistory).values({ userId, passwordHash, createdAt: now.toISOString() });
}

async function userById(deps: Deps, id: string): Promise<UserRow> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, id));
  if (!user) throw new DomainError('NOT_FOUND', 'User not found.');
  return user;
}

/** Needs the current password; ends every other session of the user. */
export async function changePassword(deps: Deps, meta: RequestMeta, actor: Actor, input: ChangePasswordInput): Promise<void> {
  const user = await userById(deps, actor.userId);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError('BAD_REQUEST', 'Your current password is not right.', {
      fieldErrors: { currentPassword: ['Current password is not right'] },
    });
  }
  await assertAcceptable(deps, user, input.newPassword, 'newPassword');
  const hash = await hashPassword(input.newPassword);
  const now = deps.clock();
  await transact(deps, async (tx) => {
    await storePassword(tx, user.id, hash, now);
    const ended = await endSessions(tx, now, { userId: user.id, exceptSessionId: actor.sessionId }, 'PASSWORD_CHANGED');
    await appendAudit(
      tx,
      { actor, meta, now },
      { action: 'auth.password_changed', entityType: 'user', entityId: user.id, newValues: { endedSessions: ended.length } },
    );
    await recordSecurityEvent(tx, now, {
      type: 'PASSWORD_CHANGED',
      severity: 'LOW',
      userId: user.id,
      partnerId: user.partnerId,
      ip: meta.ip,
    });
    await queueMessage(tx, {
      channel: 'EMAIL',
      recipient: user.email,
      template: 'PASSWORD_CHANGED',
      variables: { name: user.name },
    });
  });
}

/**
 * Answers the same way, equally fast, whether or not the email belongs to an account: the
 * message is prepared in the background after the response.
 */
export async function requestPasswordReset(deps: Deps, meta: RequestMeta, input: RequestResetInput): Promise<void> {
  await enforcePasswordResetLimit(deps, input.email);
  deps.background('password reset', async () => {
    const [user] = await deps.db.select().from(users).where(eq(users.email, input.email));
    if (user?.status !== 'ACTIVE') return;
    const now = deps.clock();
    await transact(deps, async (tx) => {
      const token = await createActionToken(tx, 'PASSWORD_RESET', user.id, 60 * 60_000, now);
      const otp = await issueCode(tx, { purpose: 'password-reset', target: user.email, userId: user.id }, now);
      const app = user.kind === 'BACK_OFFICE' ? '/admin' : '';
      const link = `${deps.publicUrl}${app}/reset-password?token=${encodeURIComponent(token)}`;
      await queueMessage(tx, {
        channel: 'EMAIL',
        recipient: user.email,
        template: 'PASSWORD_RESET',
        variables: { name: user.name, link, code: otp.code },
      });
      await appendAudit(
        tx,
        { actor: null, meta, now },
        { action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id },
      );
    });
  });
}

/** By the emailed link's token or by email + code; ends every session of the user. */
export async function resetPassword(deps: Deps, meta: RequestMeta, input: ResetPasswordInput): Promise<void> {
  const now = deps.clock();
  const invalidCode = new DomainError('OTP_INVALID', 'The code is not right.', {
    fieldErrors: { code: ['The code is not right'] },
  });
  let userId: string;
  if ('token' in input) {
    userId = await transact(deps, (tx) => consumeActionToken(tx, 'PASSWORD_RESET', input.token, now));
  } else {
    const row = await latestLiveCode(deps.db, 'password-reset', input.email);
    if (!row?.userId) throw invalidCode;
    const wrong = await transact(deps, (tx) => checkCode(tx, row, input.code, now));
    if (wrong) throw wrong;
    userId = row.userId;
  }
  const user = await userById(deps, userId);
  await assertAcceptable(deps, user, input.newPassword, 'newPassword');
  const hash = await hashPassword(input.newPassword);
  await transact(deps, async (tx) => {
    await storePassword(tx, user.id, hash, now);
    await endSessions(tx, now, { userId: user.id }, 'PASSWORD_CHANGED');
    await appendAudit(tx, { actor: null, meta, now }, { action: 'auth.password_reset', entityType: 'user', entityId: user.id });
    await queueMessage(tx, {
      channel: 'EMAIL',
      recipient: user.email,
      template: 'PASSWORD_CHANGED',
      variables: { name: user.name },
    });
  });
}

/** An invited user (sub-user or staff) sets their own first password; no temporary password ever exists. */
export async function acceptInvite(deps: Deps, meta: RequestMeta, input: { token: string; password: string }): Promise<string> {
  const now = deps.clock();
  const id = parseSessionToken(input.token)?.id;
  const [pending] = id ? await deps.db.select().from(actionTokens).where(eq(actionTokens.id, id)) : [];
  if (!pending)
    throw new DomainError('BAD_REQUEST', 'This invitation link is invalid or has expired.', {
      fieldErrors: { token: ['Invalid or expired link'] },
    });
  const user = await userById(deps, pending.userId);
  await assertAcceptable(deps, user, input.password, 'password');
  const hash = await hashPassword(input.password);
  await transact(deps, async (tx) => {
    await consumeActionToken(tx, 'INVITE', input.token, now);
    await storePassword(tx, user.id, hash, now);
    await tx.update(users).set({ status: 'ACTIVE' }).where(eq(users.id, user.id));
    await appendAudit(
      tx,
      { actor: null, meta, now },
      { action: 'user.invite_accepted', entityType: 'user', entityId: user.id, partnerId: user.partnerId },
    );
  });
  return user.email;
}
