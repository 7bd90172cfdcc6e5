import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from '@kapas/auth';
import { actionTokens, type DbOrTx } from '@kapas/db';
import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '../../errors';

export type ActionPurpose = 'PASSWORD_RESET' | 'INVITE';

/** Single-use link tokens share the session token format (`id.secret`); only the secret's hash is stored. */
export async function createActionToken(
  tx: DbOrTx,
  purpose: ActionPurpose,
  userId: string,
  ttlMs: number,
  now: Date,
): Promise<string> {
  const token = generateSessionToken();
  await tx.insert(actionTokens).values({
    id: token.id,
    purpose,
    userId,
    secretHash: hashSecret(token.secret),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
  });
  return token.token;
}

/** Marks a valid token used (exactly once, even concurrently) and returns its user id. */
export async function consumeActionToken(tx: DbOrTx, purpose: ActionPurpose, token: string, now: Date): Promise<string> {
  const invalid = new DomainError('BAD_REQUEST', 'This link is invalid or has expired. Ask for a new one.', {
    fieldErrors: { token: ['This link is invalid or has expired'] },
  });
  const parsed = parseSessionToken(token);
  if (!parsed) throw invalid;
  const [row] = await tx.select().from(actionTokens).where(eq(actionTokens.id, parsed.id));
  if (
    !row ||
    row.purpose !== purpose ||
    row.usedAt ||
    new Date(row.expiresAt) <= now ||
    !secretMatches(parsed.secret, row.secretHash)
  ) {
    throw invalid;
  }
  const [used] = await tx
    .update(actionTokens)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(actionTokens.id, row.id), isNull(actionTokens.usedAt)))
    .returning({ userId: actionTokens.userId });
  if (!used) throw invalid;
  return used.userId;
}
