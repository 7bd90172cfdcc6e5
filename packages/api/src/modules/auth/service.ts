import { partners } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { endSessions } from './session-store';

export async function signOut(deps: Deps, meta: RequestMeta, actor: Actor): Promise<void> {
  const now = deps.clock();
  await transact(deps, async (tx) => {
    await endSessions(tx, now, { userId: actor.userId, sessionIds: [actor.sessionId] }, 'SIGN_OUT');
    await appendAudit(tx, { actor, meta, now }, { action: 'auth.sign_out', entityType: 'session', entityId: actor.sessionId });
  });
}

export type Me = {
  userId: string;
  email: string;
  name: string;
  kind: Actor['kind'];
  partner: { id: string; number: string | null; name: string; businessType: string } | null;
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
