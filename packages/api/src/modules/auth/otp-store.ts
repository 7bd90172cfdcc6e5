import { issueOtp, type OtpPurpose, type OtpState, sendAllowed, verifyOtp } from '@kapas/auth';
import { type DbOrTx, otps } from '@kapas/db';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { tooMany } from './limits';

type OtpRow = typeof otps.$inferSelect;

function stateOf(row: OtpRow): OtpState {
  return {
    codeHash: row.codeHash,
    purpose: row.purpose as OtpPurpose,
    target: row.target,
    createdAt: new Date(row.createdAt),
    expiresAt: new Date(row.expiresAt),
    attempts: row.attempts,
    consumedAt: row.consumedAt ? new Date(row.consumedAt) : null,
    invalidatedAt: row.invalidatedAt ? new Date(row.invalidatedAt) : null,
  };
}

/**
 * Issues a new code for purpose and target: checks the send limits (1/min, 3/h, 10/day),
 * invalidates the previous live code, stores only the hash. Returns the code to send.
 */
export async function issueCode(
  tx: DbOrTx,
  input: { purpose: OtpPurpose; target: string; userId: string | null; challengeHash?: string },
  now: Date,
): Promise<{ code: string; id: string; expiresAt: Date }> {
  const { code, state } = issueOtp(input.purpose, input.target, now);
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  const recent = await tx
    .select({ createdAt: otps.createdAt })
    .from(otps)
    .where(and(eq(otps.target, state.target), eq(otps.purpose, input.purpose), gt(otps.createdAt, dayAgo)));
  const allowed = sendAllowed(
    recent.map((r) => new Date(r.createdAt)),
    now,
  );
  if (!allowed.ok) throw tooMany(allowed.retryAfterSeconds);
  await tx
    .update(otps)
    .set({ invalidatedAt: now.toISOString() })
    .where(
      and(eq(otps.target, state.target), eq(otps.purpose, input.purpose), isNull(otps.consumedAt), isNull(otps.invalidatedAt)),
    );
  const [row] = await tx
    .insert(otps)
    .values({
      purpose: input.purpose,
      target: state.target,
      codeHash: state.codeHash,
      userId: input.userId,
      challengeHash: input.challengeHash ?? null,
      createdAt: now.toISOString(),
      expiresAt: state.expiresAt.toISOString(),
    })
    .returning({ id: otps.id });
  return { code, id: row!.id, expiresAt: state.expiresAt };
}

/**
 * Checks a code against a stored OTP row and records the attempt (the conditional update makes a
 * code single-use even under concurrent submissions). Returns null when the code was right and is
 * now consumed, otherwise the error to throw once the attempt has been committed.
 */
export async function checkCode(tx: DbOrTx, row: OtpRow, code: string, now: Date): Promise<DomainError | null> {
  const { result, state } = verifyOtp(stateOf(row), code, row.purpose as OtpPurpose, row.target, now);
  if (state.attempts !== row.attempts || state.consumedAt) {
    const [updated] = await tx
      .update(otps)
      .set({ attempts: state.attempts, consumedAt: state.consumedAt?.toISOString() ?? null })
      .where(and(eq(otps.id, row.id), eq(otps.attempts, row.attempts), isNull(otps.consumedAt)))
      .returning({ id: otps.id });
    if (!updated) return new DomainError('OTP_EXPIRED', 'This code was already used. Ask for a new one.');
  }
  if (result.ok) return null;
  if (result.reason === 'OTP_EXPIRED') return new DomainError('OTP_EXPIRED', 'This code has expired. Ask for a new one.');
  return new DomainError(
    'OTP_INVALID',
    result.attemptsLeft > 0
      ? `The code is not right. ${result.attemptsLeft} attempt(s) left.`
      : 'Too many wrong codes. Ask for a new one.',
    { attemptsLeft: result.attemptsLeft, fieldErrors: { code: ['The code is not right'] } },
  );
}

export async function latestLiveCode(tx: DbOrTx, purpose: OtpPurpose, target: string): Promise<OtpRow | undefined> {
  const [row] = await tx
    .select()
    .from(otps)
    .where(and(eq(otps.purpose, purpose), eq(otps.target, target), isNull(otps.invalidatedAt), isNull(otps.consumedAt)))
    .orderBy(desc(otps.createdAt))
    .limit(1);
  return row;
}
