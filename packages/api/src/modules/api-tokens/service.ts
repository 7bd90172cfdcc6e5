import { type Capability, generateApiToken, scopesBeyondOwner } from '@kapas/auth';
import { apiTokens } from '@kapas/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';

export type TokenView = {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

function requirePrimary(actor: Actor): void {
  if (actor.kind !== 'PARTNER' || !actor.isPrimary || actor.sessionId.startsWith('api:')) {
    throw new DomainError('FORBIDDEN', 'Only the primary user of a partner can manage API tokens.');
  }
}

/** The token is returned once and never again: only the hash of its secret is stored. */
export async function createToken(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { name: string; scopes: Capability[]; expiresInDays: number },
): Promise<{ token: string; view: TokenView }> {
  requirePrimary(actor);
  const beyond = scopesBeyondOwner(input.scopes, actor.capabilities);
  if (beyond.length) {
    throw new DomainError('BAD_REQUEST', 'A token cannot have permissions you do not have.', {
      fieldErrors: { scopes: [`You do not have: ${beyond.join(', ')}`] },
    });
  }
  const now = deps.clock();
  const token = generateApiToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString();
  const row = await transact(deps, async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({
        id: token.id,
        userId: actor.userId,
        partnerId: actor.partnerId,
        name: input.name,
        scopes: [...new Set(input.scopes)].sort(),
        secretHash: token.secretHash,
        createdAt: now.toISOString(),
        expiresAt,
      })
      .returning();
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: 'api_token.create',
        entityType: 'api_token',
        entityId: token.id,
        newValues: { name: input.name, scopes: input.scopes, expiresAt },
      },
    );
    return created!;
  });
  return { token: token.token, view: toView(row) };
}

function toView(row: typeof apiTokens.$inferSelect): TokenView {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

export async function listTokens(deps: Deps, actor: Actor): Promise<TokenView[]> {
  requirePrimary(actor);
  const rows = await deps.db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.userId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toView);
}

export async function revokeToken(deps: Deps, meta: RequestMeta, actor: Actor, id: string): Promise<void> {
  requirePrimary(actor);
  const now = deps.clock();
  await transact(deps, async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: now.toISOString() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw new DomainError('NOT_FOUND', 'Token not found or already revoked.');
    await appendAudit(tx, { actor, meta, now }, { action: 'api_token.revoke', entityType: 'api_token', entityId: id });
  });
}
