import { generateSessionToken, parseSessionToken, timingDummyHash, verifyPassword } from '@kapas/auth';
import { partners, sessions, users } from '@kapas/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { actorFor } from './actor-loader';
import { sessionPolicy } from './policy';
import type { SignInInput } from './schemas';

/** One answer for unknown user, wrong password and disabled account, so none can be told apart. */
const INVALID_CREDENTIALS = () => new DomainError('UNAUTHORIZED', 'Email or password is incorrect.');

export type SignInResult = { token: string; expiresAt: string; actor: Actor };

export async function signIn(deps: Deps, meta: RequestMeta, input: SignInInput): Promise<SignInResult> {
  const [user] = await deps.db.select().from(users).where(eq(users.email, input.email));
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);
  const now = deps.clock();
  const allowed = user && passwordOk && user.status === 'ACTIVE' && (!input.audience || input.audience === user.kind);
  if (!user || !allowed) {
    await transact(deps, (tx) =>
      appendAudit(
        tx,
        { actor: null, meta, now },
        {
          action: 'auth.sign_in_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          newValues: { email: input.email },
        },
      ),
    );
    throw INVALID_CREDENTIALS();
  }
  if (user.partnerId) {
    const [partner] = await deps.db.select({ status: partners.status }).from(partners).where(eq(partners.id, user.partnerId));
    if (partner?.status !== 'ACTIVE') throw new DomainError('PARTNER_NOT_ACTIVE', 'Your company account is not active yet.');
  }
  const policy = await sessionPolicy(deps);
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await transact(deps, async (tx) => {
    await tx.insert(sessions).values({
      id: token.id,
      secretHash: token.secretHash,
      userId: user.id,
      createdAt: now.toISOString(),
      lastActiveAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    });
    await appendAudit(
      tx,
      { actor: null, meta, now },
      { action: 'auth.sign_in', entityType: 'user', entityId: user.id, partnerId: user.partnerId },
    );
  });
  return { token: token.token, expiresAt: expiresAt.toISOString(), actor: await actorFor(deps, user, token.id) };
}

export async function signOut(deps: Deps, meta: RequestMeta, actor: Actor, token: string | null): Promise<void> {
  const parsed = token ? parseSessionToken(token) : null;
  const sessionId = parsed?.id ?? actor.sessionId;
  const now = deps.clock();
  await transact(deps, async (tx) => {
    await tx
      .update(sessions)
      .set({ endedAt: now.toISOString(), endReason: 'SIGN_OUT' })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.userId), isNull(sessions.endedAt)));
    await appendAudit(tx, { actor, meta, now }, { action: 'auth.sign_out', entityType: 'session', entityId: sessionId });
    await appendEvent(tx, {
      audience: 'USER',
      audienceId: actor.userId,
      topic: 'session',
      type: 'session.ended',
      payload: { sessionId, reason: 'SIGN_OUT' },
    });
  });
}

export type Me = {
  userId: string;
  email: string;
  name: string;
  kind: Actor['kind'];
  partner: { id: string; number: string; name: string; businessType: string } | null;
  isPrimary: boolean;
  roles: string[];
  capabilities: string[];
  mustChangePassword: boolean;
};

export async function describeActor(deps: Deps, actor: Actor): Promise<Me> {
  const [partner] = actor.partnerId
    ? await deps.db
        .select({
          id: partners.id,
          number: partners.number,
          name: partners.tradeName,
          legalName: partners.legalName,
          businessType: partners.businessType,
        })
        .from(partners)
        .where(eq(partners.id, actor.partnerId))
    : [];
  return {
    userId: actor.userId,
    email: actor.email,
    name: actor.name,
    kind: actor.kind,
    partner: partner
      ? { id: partner.id, number: partner.number, name: partner.name ?? partner.legalName, businessType: partner.businessType }
      : null,
    isPrimary: actor.isPrimary,
    roles: actor.roles,
    capabilities: [...actor.capabilities].sort(),
    mustChangePassword: actor.mustChangePassword,
  };
}
