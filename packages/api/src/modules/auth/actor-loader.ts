import { effectiveCapabilities, parseSessionToken, secretMatches, sessionEndReason, shouldTouch } from '@kapas/auth';
import { type DbOrTx, roles, sessions, userGrants, userRoles, users } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { Actor, Deps } from '../../context';
import { sessionPolicy } from './policy';

/** Resolves a session token to the acting user with their effective capabilities, or null. */
export async function loadActor(deps: Deps, token: string | null): Promise<Actor | null> {
  if (!token) return null;
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const [row] = await deps.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, parsed.id));
  if (!row || !secretMatches(parsed.secret, row.session.secretHash)) return null;
  const now = deps.clock();
  const policy = await sessionPolicy(deps);
  const s = row.session;
  const reason = sessionEndReason(
    { lastActiveAt: new Date(s.lastActiveAt), expiresAt: new Date(s.expiresAt), endedAt: s.endedAt ? new Date(s.endedAt) : null },
    policy,
    now,
  );
  if (reason || row.user.status !== 'ACTIVE') return null;
  if (shouldTouch(new Date(s.lastActiveAt), now)) {
    await deps.db.update(sessions).set({ lastActiveAt: now.toISOString() }).where(eq(sessions.id, s.id));
  }
  return actorFor(deps.db, row.user, s.id, now);
}

type UserRow = typeof users.$inferSelect;

export async function actorFor(db: DbOrTx, user: UserRow, sessionId: string, now: Date): Promise<Actor> {
  const [roleRows, grants] = await Promise.all([
    db
      .select({ code: roles.code, capabilities: roles.capabilities })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .where(eq(userRoles.userId, user.id)),
    db.select().from(userGrants).where(eq(userGrants.userId, user.id)),
  ]);
  const capabilities = effectiveCapabilities(
    roleRows.flatMap((r) => r.capabilities),
    grants.map((g) => ({
      capability: g.capability,
      effect: g.effect === 'DENY' ? 'DENY' : 'GRANT',
      expiresAt: g.expiresAt ? new Date(g.expiresAt) : null,
    })),
    now,
  );
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    kind: user.kind === 'BACK_OFFICE' ? 'BACK_OFFICE' : 'PARTNER',
    partnerId: user.partnerId,
    isPrimary: user.isPrimary,
    roles: roleRows.map((r) => r.code),
    capabilities,
    sessionId,
    mustChangePassword: user.mustChangePassword,
  };
}
